package org.pilotline.erp.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Instant;

import static org.pilotline.platform.persistence.SqlValues.instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the enterprise's live schedule places the operations of a production order: for other features (the shop floor
 * places its operations by it at release) that need the plan but not the scheduling model.
 */
@ApplicationScoped
public class LiveSchedule {

    /** One operation of the live schedule: the work unit it runs on and when. */
    public record Placement(int operationNo, long workUnitId, Instant start, Instant end) {
    }

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    /** The placements of the order's operations by operation number; empty when the order is not in the live schedule. */
    public Map<Integer, Placement> placementsOf(long productionOrderId) {
        List<?> rows = em.createNativeQuery("select o.operation_no, o.work_unit_id, o.start_at, o.end_at"
                        + " from schedule_operation o join production_schedule s on s.id = o.schedule_id"
                        + " where s.tenant_id = ?1 and s.live_marker = true and o.production_order_id = ?2")
                .setParameter(1, tenant.requireEnterprise()).setParameter(2, productionOrderId).getResultList();
        Map<Integer, Placement> placements = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            int no = ((Number) r[0]).intValue();
            placements.put(no, new Placement(no, ((Number) r[1]).longValue(), instant(r[2]), instant(r[3])));
        }
        return placements;
    }
}
