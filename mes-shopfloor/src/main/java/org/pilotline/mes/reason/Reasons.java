package org.pilotline.mes.reason;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.Set;

/** Resolves the reason code a report names, checking that it fits what it explains. */
@ApplicationScoped
public class Reasons {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    /** The active reason with this code whose purpose is one of {@code fits}; 400 naming {@code field} otherwise. */
    public Reason require(String code, Set<ReasonPurpose> fits, String field) {
        if (code == null || code.isBlank()) {
            throw DomainException.invalid("reason-required", "A reason is required",
                    new FieldError(field, "is required: choose a reason from the enterprise's reason tree"));
        }
        // SQL naming the tenant: pauses and scrap reports name a reason, and HQL is translated anew on every call while
        // Hibernate's tenant filter is enabled
        @SuppressWarnings("unchecked")
        NativeQuery<Reason> query = em.createNativeQuery("select * from mes_reason where tenant_id = ?1 and code = ?2",
                        Reason.class).setParameter(1, tenant.requireEnterprise()).setParameter(2, code)
                .unwrap(NativeQuery.class).addSynchronizedEntityClass(Reason.class);
        Reason reason = query.getResultStream().findFirst()
                .orElseThrow(() -> DomainException.invalid("unknown-reason", "The reason does not exist",
                        new FieldError(field, "no reason has code '" + code + "'")));
        if (!reason.active || !fits.contains(reason.purpose)) {
            throw DomainException.invalid("unfit-reason", "The reason does not fit",
                    new FieldError(field, "reason '" + code + "' is " + (reason.active ? "a " + reason.purpose + " reason" : "inactive")
                            + "; expected one of " + fits));
        }
        return reason;
    }
}
