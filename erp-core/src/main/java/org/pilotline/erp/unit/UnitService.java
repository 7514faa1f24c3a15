package org.pilotline.erp.unit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.erp.enterprise.EnterpriseRegistered;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Units of measure, their conversions, and conversion of quantities for the other features. */
@ApplicationScoped
public class UnitService {

    private static final Map<String, String> SORTABLE = Map.of("code", "code", "name", "name", "dimension", "dimension");

    @Inject
    TenantContext tenant;

    public Page<UnitView> listUnits(PageRequest page, String text, Dimension dimension) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter().text(text, "code", "name")
                .and(dimension != null, "dimension = :dimension", "dimension", () -> dimension);
        return Lookups.page(Unit.find(filter.where(), page.toSort(SORTABLE, "id"), filter.parameters()), page, UnitView::of);
    }

    public UnitView getUnit(long id) {
        tenant.requireEnterprise();
        return UnitView.of(Lookups.require(Unit.class, "Unit", id));
    }

    @Transactional
    public UnitView createUnit(UnitRequest request) {
        tenant.requireEnterprise();
        Lookups.requireFree(Unit.find("code", request.code()), "Unit", request.code(), null);
        Unit unit = new Unit();
        apply(unit, request);
        unit.persist();
        return UnitView.of(unit);
    }

    @Transactional
    public UnitView updateUnit(long id, UnitRequest request) {
        tenant.requireEnterprise();
        Unit unit = Lookups.require(Unit.class, "Unit", id);
        Versions.requireCurrent("Unit", id, request.version(), unit.version);
        Lookups.requireFree(Unit.find("code", request.code()), "Unit", request.code(), id);
        apply(unit, request);
        Unit.flush();
        return UnitView.of(unit);
    }

    @Transactional
    public void deleteUnit(long id) {
        tenant.requireEnterprise();
        Unit unit = Lookups.require(Unit.class, "Unit", id);
        if (UnitConversion.count("fromUnit = ?1 or toUnit = ?1", unit) > 0) {
            throw DomainException.conflict("unit-in-use", "The unit is in use",
                    "Unit '" + unit.code + "' is used by conversions; delete those first");
        }
        Lookups.deleteUnlessReferenced(unit, "Unit '" + unit.code + "'");
    }

    public Page<ConversionView> listConversions(PageRequest page, Long itemId) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter().and(itemId != null, "itemId = :item", "item", () -> itemId);
        return Lookups.page(UnitConversion.find(filter.where(), page.toSort(Map.of("id", "id"), "id"), filter.parameters()),
                page, ConversionView::of);
    }

    public ConversionView getConversion(long id) {
        tenant.requireEnterprise();
        return ConversionView.of(Lookups.require(UnitConversion.class, "Unit conversion", id));
    }

    @Transactional
    public ConversionView createConversion(ConversionRequest request) {
        tenant.requireEnterprise();
        UnitConversion conversion = new UnitConversion();
        apply(conversion, request);
        conversion.persist();
        return ConversionView.of(conversion);
    }

    @Transactional
    public ConversionView updateConversion(long id, ConversionRequest request) {
        tenant.requireEnterprise();
        UnitConversion conversion = Lookups.require(UnitConversion.class, "Unit conversion", id);
        Versions.requireCurrent("Unit conversion", id, request.version(), conversion.version);
        apply(conversion, request);
        UnitConversion.flush();
        return ConversionView.of(conversion);
    }

    @Transactional
    public void deleteConversion(long id) {
        tenant.requireEnterprise();
        Lookups.require(UnitConversion.class, "Unit conversion", id).delete();
    }

    /** The converter for one item (its own ratios and the global ones), or for no item in particular. */
    public UnitConverter converterFor(Long itemId) {
        List<UnitConverter.Ratio> ratios = new ArrayList<>();
        List<UnitConversion> all = itemId == null ? UnitConversion.list("itemId is null")
                : UnitConversion.list("itemId is null or itemId = ?1 order by itemId nulls first", itemId);
        for (UnitConversion c : all) {
            ratios.add(new UnitConverter.Ratio(c.fromUnit.id, c.toUnit.id, c.fromQuantity, c.toQuantity));
        }
        return new UnitConverter(ratios);
    }

    /**
     * {@code quantity} of {@code fromUnit} in {@code toUnit} for the item, refused naming {@code field} when no
     * conversion links the two units.
     */
    public BigDecimal convert(BigDecimal quantity, long fromUnit, long toUnit, Long itemId, String field) {
        if (fromUnit == toUnit) {
            return quantity;
        }
        return converterFor(itemId).convert(quantity, fromUnit, toUnit).orElseThrow(() -> {
            Unit from = Unit.findById(fromUnit);
            Unit to = Unit.findById(toUnit);
            return DomainException.invalid("no-unit-conversion", "The units cannot be converted",
                    new FieldError(field, "no conversion from " + (from == null ? fromUnit : from.code) + " to "
                            + (to == null ? toUnit : to.code) + (itemId == null ? "" : " for this item")));
        });
    }

    /** Rounds a quantity to the precision its unit keeps. */
    public static BigDecimal round(BigDecimal quantity, Unit unit) {
        return quantity.setScale(unit.decimals, RoundingMode.HALF_UP);
    }

    /** Gives every new enterprise the common units and the conversions between them. */
    void seedStandardUnits(@Observes(during = TransactionPhase.AFTER_SUCCESS) EnterpriseRegistered registered) {
        TenantContext.runAs(registered.code(), () -> QuarkusTransaction.requiringNew().run(StandardUnits::create));
    }

    /**
     * The standard units are seeded after the registering transaction committed, in one of their own: an enterprise
     * registered just before the process stopped (a crash, a shutdown) may have none, and no item could then be
     * created in it. Every start seeds them for such enterprises (the demo programme's generator met one).
     */
    void seedMissingStandardUnits(@Observes @jakarta.annotation.Priority(4) io.quarkus.runtime.StartupEvent event) {
        seedMissingStandardUnits();
    }

    /** The enterprises that had no units and were given the standard ones. */
    public List<String> seedMissingStandardUnits() {
        @SuppressWarnings("unchecked")
        List<String> missing = QuarkusTransaction.requiringNew().call(() -> Unit.getEntityManager().createNativeQuery(
                "select e.code from enterprise e where not exists (select 1 from unit u where u.tenant_id = e.code)")
                .getResultList());
        for (String code : missing) {
            TenantContext.runAs(code, () -> QuarkusTransaction.requiringNew().run(StandardUnits::create));
        }
        return missing;
    }

    /** Standard units in the enterprise, by code, for set-up code and tests. */
    public Optional<Unit> unitByCode(String code) {
        return Unit.find("code", code).firstResultOptional();
    }

    private static void apply(Unit unit, UnitRequest request) {
        unit.code = request.code();
        unit.name = request.name();
        unit.dimension = request.dimension();
        unit.decimals = request.decimals();
    }

    /**
     * The item a conversion is limited to, by id or code (the unit package knows items only by id, so this asks the
     * database directly), or null.
     */
    private static Long itemOf(ConversionRequest request) {
        if (request.itemId() == null && request.itemCode() == null) {
            return null;
        }
        List<Long> found = UnitConversion.getEntityManager()
                .createQuery("select i.id from Item i where " + (request.itemCode() == null ? "i.id = :ref" : "i.code = :ref"),
                        Long.class)
                .setParameter("ref", request.itemCode() == null ? request.itemId() : request.itemCode()).getResultList();
        if (found.isEmpty()) {
            throw DomainException.invalid("unknown-reference", "Item not found", request.itemCode() == null
                    ? new FieldError("itemId", "no item has id " + request.itemId())
                    : new FieldError("itemCode", "no item has code '" + request.itemCode() + "'"));
        }
        if (request.itemId() != null && !request.itemId().equals(found.get(0))) {
            throw DomainException.invalid("conflicting-reference", "Item id and code disagree",
                    new FieldError("itemCode", "'" + request.itemCode() + "' is not the item with id " + request.itemId()));
        }
        return found.get(0);
    }

    private static void apply(UnitConversion conversion, ConversionRequest request) {
        Long itemId = itemOf(request);
        Unit from = Lookups.reference(Unit.class, "Unit", request.fromUnitId(), request.fromUnitCode(), "fromUnitId");
        Unit to = Lookups.reference(Unit.class, "Unit", request.toUnitId(), request.toUnitCode(), "toUnitId");
        if (from.id.equals(to.id)) {
            throw DomainException.invalid("invalid-conversion", "A conversion links two different units",
                    new FieldError("toUnitId", "must differ from fromUnitId"));
        }
        if (itemId == null && from.dimension != to.dimension) {
            throw DomainException.invalid("invalid-conversion", "Units of different dimensions convert per item only",
                    new FieldError("itemId", "is required to convert " + from.dimension + " to " + to.dimension));
        }
        long duplicates = UnitConversion.count(
                "((fromUnit = ?1 and toUnit = ?2) or (fromUnit = ?2 and toUnit = ?1)) and "
                        + (itemId == null ? "itemId is null" : "itemId = ?3") + " and id <> ?4",
                itemId == null ? new Object[]{from, to, conversion.id == null ? -1L : conversion.id}
                        : new Object[]{from, to, itemId, conversion.id == null ? -1L : conversion.id});
        if (duplicates > 0) {
            throw DomainException.conflict("duplicate-conversion", "The conversion exists already",
                    "There is already a conversion between " + from.code + " and " + to.code
                            + (itemId == null ? "" : " for this item"));
        }
        conversion.itemId = itemId;
        conversion.fromUnit = from;
        conversion.toUnit = to;
        conversion.fromQuantity = request.fromQuantity();
        conversion.toQuantity = request.toQuantity();
    }
}
