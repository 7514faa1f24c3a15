package org.pilotline.mes.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.pilotline.mes.workorder.Operation;
import org.pilotline.mes.workorder.WorkOrder;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Records an inspection result against one of the operation's characteristics (copied from the routing's inspection
 * plan at release). A value outside the limits raises a non-conformance that holds the quantity the sample stands for:
 * the operation cannot finish until the record is closed.
 */
@ApplicationScoped
public class Inspections {

    /** The outcome of a result: whether it was within limits, and the non-conformance it raised. */
    public record Recorded(long resultId, boolean withinLimits, String nonConformance) {
    }

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    NonConformances nonConformances;

    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = DomainException.class)
    public Recorded record(long reportId, WorkOrder order, Operation operation, Long characteristicId, BigDecimal measured,
                           BigDecimal concernsQuantity, Instant at, String username) {
        if (characteristicId == null || measured == null) {
            throw DomainException.invalid("invalid-report", "An inspection result needs a characteristic and a value",
                    new FieldError(characteristicId == null ? "characteristicId" : "measured", "is required for INSPECTION"));
        }
        List<?> rows = em.createNativeQuery("select name, lower_limit, upper_limit, unit from mes_characteristic"
                        + " where id = ?1 and operation_id = ?2 and tenant_id = ?3")
                .setParameter(1, characteristicId).setParameter(2, operation.id).setParameter(3, tenant.requireEnterprise())
                .getResultList();
        if (rows.isEmpty()) {
            throw DomainException.invalid("unknown-reference", "The characteristic is not inspected at this operation",
                    new FieldError("characteristicId", "operation " + operation.operationNo + " has no characteristic "
                            + characteristicId));
        }
        Object[] c = (Object[]) rows.get(0);
        BigDecimal lower = (BigDecimal) c[1];
        BigDecimal upper = (BigDecimal) c[2];
        boolean within = InspectionRules.withinLimits(measured, lower, upper);
        BigDecimal concerns = concernsQuantity == null ? BigDecimal.ZERO : concernsQuantity;
        em.createNativeQuery("insert into mes_inspection_result (tenant_id, characteristic_id, operation_id, measured,"
                        + " within_limits, concerns_quantity, report_id, measured_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, tenant.requireEnterprise()).setParameter(2, characteristicId).setParameter(3, operation.id)
                .setParameter(4, measured).setParameter(5, within).setParameter(6, concerns).setParameter(7, reportId)
                .setParameter(8, at).executeUpdate();
        long resultId = ((Number) em.createNativeQuery("select last_insert_id()").getSingleResult()).longValue();
        String ncr = null;
        if (!within) {
            ncr = nonConformances.raise(NonConformance.Source.INSPECTION, order, operation, order.itemId, characteristicId, concerns,
                    c[0] + " measured " + measured.stripTrailingZeros().toPlainString() + (c[3] == null ? "" : " " + c[3])
                            + ", limits " + limit(lower) + " … " + limit(upper) + " at operation " + operation.operationNo
                            + " of work order " + order.number, username).number;
        }
        return new Recorded(resultId, within, ncr);
    }

    private static String limit(BigDecimal value) {
        return value == null ? "open" : value.stripTrailingZeros().toPlainString();
    }
}
