package org.pilotline.mes.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.routing.RoutingOperation;
import org.pilotline.mes.inspection.InspectionViews.CharacteristicView;
import org.pilotline.mes.inspection.InspectionViews.NonConformanceRequest;
import org.pilotline.mes.inspection.InspectionViews.NonConformanceView;
import org.pilotline.mes.inspection.InspectionViews.PlanRequest;
import org.pilotline.mes.inspection.InspectionViews.PlanView;
import org.pilotline.mes.inspection.InspectionViews.ResultView;
import org.pilotline.mes.workorder.Operation;
import org.pilotline.mes.workorder.WorkOrder;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.persistence.SqlValues;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.quantity.Decimals;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Inspection plans (what to measure at an operation of a routing; copied to each operation at release) and the
 * non-conformance records: listed, raised by hand, and closed once their disposition is done.
 */
@ApplicationScoped
public class InspectionService {

    @Inject
    TenantContext tenant;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    NonConformances nonConformances;

    @Transactional
    public PlanView addCharacteristic(PlanRequest r) {
        String enterprise = tenant.requireEnterprise();
        Lookups.reference(RoutingOperation.class, "Routing operation", r.routingOperationId(), "routingOperationId");
        if (r.lowerLimit() != null && r.upperLimit() != null && r.lowerLimit().compareTo(r.upperLimit()) > 0) {
            throw DomainException.invalid("invalid-limits", "The lower limit is above the upper",
                    new FieldError("lowerLimit", "must not be above upperLimit"));
        }
        if (!em.createNativeQuery("select id from mes_inspection_plan where routing_operation_id = ?1 and characteristic = ?2")
                .setParameter(1, r.routingOperationId()).setParameter(2, r.characteristic()).getResultList().isEmpty()) {
            throw DomainException.conflict("duplicate-characteristic", "The characteristic is already planned",
                    "Routing operation " + r.routingOperationId() + " already inspects '" + r.characteristic() + "'",
                    new FieldError("characteristic", "is already planned for this operation"));
        }
        em.createNativeQuery("insert into mes_inspection_plan (tenant_id, routing_operation_id, characteristic, nominal,"
                        + " lower_limit, upper_limit, unit, sample_size, version) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0)")
                .setParameter(1, enterprise).setParameter(2, r.routingOperationId()).setParameter(3, r.characteristic())
                .setParameter(4, r.nominal()).setParameter(5, r.lowerLimit()).setParameter(6, r.upperLimit())
                .setParameter(7, r.unit()).setParameter(8, r.sampleSize()).executeUpdate();
        long id = ((Number) em.createNativeQuery("select last_insert_id()").getSingleResult()).longValue();
        return new PlanView(id, r.routingOperationId(), r.characteristic(), Decimals.plain(r.nominal()),
                Decimals.plain(r.lowerLimit()), Decimals.plain(r.upperLimit()), r.unit(), r.sampleSize());
    }

    public List<PlanView> plan(long routingOperationId) {
        String enterprise = tenant.requireEnterprise();
        return em.createNativeQuery("select id, routing_operation_id, characteristic, nominal, lower_limit, upper_limit,"
                        + " unit, sample_size from mes_inspection_plan where tenant_id = ?1 and routing_operation_id = ?2"
                        + " order by characteristic").setParameter(1, enterprise).setParameter(2, routingOperationId)
                .getResultList().stream().map(o -> {
                    Object[] r = (Object[]) o;
                    return new PlanView(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                            Decimals.plain((java.math.BigDecimal) r[3]), Decimals.plain((java.math.BigDecimal) r[4]),
                            Decimals.plain((java.math.BigDecimal) r[5]), (String) r[6], ((Number) r[7]).intValue());
                }).toList();
    }

    /** What a terminal measures at an operation: its characteristics, each with the id INSPECTION reports name. */
    public List<CharacteristicView> characteristics(long operationId) {
        String enterprise = tenant.requireEnterprise();
        Lookups.require(Operation.class, "Operation", operationId);
        return em.createNativeQuery("select id, operation_id, name, nominal, lower_limit, upper_limit, unit, sample_size"
                        + " from mes_characteristic where tenant_id = ?1 and operation_id = ?2 order by name")
                .setParameter(1, enterprise).setParameter(2, operationId).getResultList().stream().map(o -> {
                    Object[] r = (Object[]) o;
                    return new CharacteristicView(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                            Decimals.plain((java.math.BigDecimal) r[3]), Decimals.plain((java.math.BigDecimal) r[4]),
                            Decimals.plain((java.math.BigDecimal) r[5]), (String) r[6], ((Number) r[7]).intValue());
                }).toList();
    }

    /** The results recorded at an operation, oldest first; the operation must be the enterprise's (else 404). */
    public List<ResultView> results(long operationId) {
        String enterprise = tenant.requireEnterprise();
        Lookups.require(Operation.class, "Operation", operationId);
        return em.createNativeQuery("select r.id, r.characteristic_id, c.name, r.measured, c.unit, r.within_limits,"
                        + " r.concerns_quantity, r.measured_at, p.client_id, p.username from mes_inspection_result r"
                        + " join mes_characteristic c on c.id = r.characteristic_id join mes_report p on p.id = r.report_id"
                        + " where r.tenant_id = ?1 and r.operation_id = ?2 order by r.measured_at, r.id")
                .setParameter(1, enterprise).setParameter(2, operationId).getResultList().stream().map(o -> {
                    Object[] r = (Object[]) o;
                    return new ResultView(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                            Decimals.plain((java.math.BigDecimal) r[3]), (String) r[4], truth(r[5]),
                            Decimals.plain((java.math.BigDecimal) r[6]), SqlValues.instant(r[7]), (String) r[8], (String) r[9]);
                }).toList();
    }

    private static boolean truth(Object column) {
        return column instanceof Boolean b ? b : ((Number) column).intValue() != 0;
    }

    public Page<NonConformanceView> listNonConformances(PageRequest page, NonConformance.Status status, Long workOrderId) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter().and(status != null, "status = :status", "status", () -> status)
                .and(workOrderId != null, "workOrderId = :wo", "wo", () -> workOrderId);
        return Lookups.page(NonConformance.<NonConformance>find(filter.where(),
                page.toSort(Map.of("number", "number", "raisedAt", "raisedAt"), "id"), filter.parameters()), page,
                NonConformanceView::of);
    }

    public NonConformanceView getNonConformance(long id) {
        tenant.requireEnterprise();
        return NonConformanceView.of(Lookups.require(NonConformance.class, "Non-conformance", id));
    }

    @Transactional
    public NonConformanceView raiseByHand(NonConformanceRequest r) {
        tenant.requireEnterprise();
        Item item = Lookups.reference(Item.class, "Item", r.itemId(), "itemId");
        WorkOrder order = r.workOrderId() == null ? null : Lookups.reference(WorkOrder.class, "Work order", r.workOrderId(), "workOrderId");
        Operation operation = r.operationId() == null ? null
                : Lookups.reference(Operation.class, "Operation", r.operationId(), "operationId");
        NonConformance ncr = nonConformances.raise(NonConformance.Source.MANUAL, order, operation, item.id, null,
                r.quantity(), r.description(), caller.username());
        em.flush();
        return NonConformanceView.of(ncr);
    }

    /** Closes a record once its disposition is done; the quantity it held is released. */
    @Transactional
    public NonConformanceView closeNonConformance(long id, Long version) {
        tenant.requireEnterprise();
        NonConformance ncr = Lookups.require(NonConformance.class, "Non-conformance", id);
        Versions.requireCurrent("Non-conformance", id, version, ncr.version);
        if (ncr.status != NonConformance.Status.OPEN) {
            throw DomainException.conflict("nonconformance-closed", "The non-conformance is closed",
                    ncr.number + " was closed at " + ncr.closedAt);
        }
        ncr.status = NonConformance.Status.CLOSED;
        ncr.closedAt = Instant.now();
        em.flush();
        return NonConformanceView.of(ncr);
    }
}
