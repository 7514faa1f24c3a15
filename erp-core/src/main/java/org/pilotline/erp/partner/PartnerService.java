package org.pilotline.erp.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.platform.quantity.Decimals;
import org.pilotline.platform.tenancy.TenantContext;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Map;

/** Customers and suppliers of the caller's enterprise. */
@ApplicationScoped
public class PartnerService {

    public record PartnerRequest(@NotBlank @Pattern(regexp = "\\S{1,32}", message = "must be 1-32 characters without spaces") String code,
                                 @NotBlank @Size(max = 200) String name,
                                 Boolean customer, Boolean supplier,
                                 @Size(max = 200) String contact, Long version,
                                 @DecimalMin("0") @Digits(integer = 14, fraction = 6)
                                 @Schema(description = "open sales order value accepted from this customer before a"
                                         + " manager must release an order; absent: no limit") BigDecimal creditLimit) {

        /** The form without a credit limit. */
        public PartnerRequest(String code, String name, Boolean customer, Boolean supplier, String contact, Long version) {
            this(code, name, customer, supplier, contact, version, null);
        }
    }

    public record PartnerView(long id, String code, String name, boolean customer, boolean supplier, String contact,
                              long version, BigDecimal creditLimit) {
        static PartnerView of(Partner p) {
            return new PartnerView(p.id, p.code, p.name, p.customer, p.supplier, p.contact, p.version,
                    p.creditLimit == null ? null : Decimals.plain(p.creditLimit));
        }
    }

    @Inject
    TenantContext tenant;

    public Page<PartnerView> listPartners(PageRequest page, String text, Boolean customer, Boolean supplier) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter().text(text, "code", "name")
                .and(customer != null, "customer = :customer", "customer", () -> customer)
                .and(supplier != null, "supplier = :supplier", "supplier", () -> supplier);
        return Lookups.page(Partner.find(filter.where(), page.toSort(Map.of("code", "code", "name", "name"), "id"),
                filter.parameters()), page, PartnerView::of);
    }

    public PartnerView getPartner(long id) {
        tenant.requireEnterprise();
        return PartnerView.of(Lookups.require(Partner.class, "Partner", id));
    }

    @Transactional
    public PartnerView savePartner(Long id, PartnerRequest r) {
        tenant.requireEnterprise();
        Partner partner = id == null ? new Partner() : Lookups.require(Partner.class, "Partner", id);
        if (id != null) {
            Versions.requireCurrent("Partner", id, r.version(), partner.version);
        }
        boolean customer = Boolean.TRUE.equals(r.customer());
        boolean supplier = Boolean.TRUE.equals(r.supplier());
        if (!customer && !supplier) {
            throw DomainException.invalid("invalid-partner", "A partner is a customer, a supplier or both",
                    new FieldError("customer", "set customer or supplier (or both) to true"));
        }
        Lookups.requireFree(Partner.find("code", r.code()), "Partner", r.code(), id);
        partner.code = r.code();
        partner.name = r.name();
        partner.customer = customer;
        partner.supplier = supplier;
        partner.contact = r.contact();
        partner.creditLimit = r.creditLimit();
        partner.persist();
        Partner.flush();
        return PartnerView.of(partner);
    }

    @Transactional
    public void deletePartner(long id) {
        tenant.requireEnterprise();
        Partner partner = Lookups.require(Partner.class, "Partner", id);
        Lookups.deleteUnlessReferenced(partner, "Partner '" + partner.code + "'");
    }
}
