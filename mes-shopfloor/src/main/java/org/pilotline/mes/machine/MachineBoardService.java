package org.pilotline.mes.machine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.pilotline.platform.persistence.SqlValues.instant;

/**
 * The machine board: every active work unit of the enterprise with the state its machine is in now (the machine's open
 * interval of the machine-state history) and the operation under way on it (set up, running or paused).
 */
@ApplicationScoped
public class MachineBoardService {

    @Schema(description = "The operation under way on a work unit: set up, running or paused")
    public record CurrentOperation(long id, long workOrderId, String workOrderNumber, int operationNo, String name,
                                   String state, Instant actualStart) {
    }

    @Schema(description = "A work unit on the machine board: the state of its machine since when (null: the gateway"
            + " has reported nothing for it), and the operation under way on it")
    public record MachineRow(long workUnitId, String workUnitCode, String workUnitName, long workCenterId,
                             String workCenterCode, String machine, String state, String operationMode, Instant since,
                             CurrentOperation operation) {
    }

    @Schema(description = "The machine board of the caller's enterprise at one moment")
    public record Board(Instant at, List<MachineRow> machines) {
    }

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    public Board board() {
        String enterprise = tenant.requireEnterprise();
        Map<Long, CurrentOperation> running = new HashMap<>();
        for (Object o : em.createNativeQuery("select o.work_unit_id, o.id, w.id, w.number, o.operation_no, o.name,"
                        + " o.state, o.actual_start from mes_operation o join mes_work_order w on w.id = o.work_order_id"
                        + " where o.tenant_id = ?1 and o.work_unit_id is not null and o.state in ('SETUP', 'RUNNING', 'PAUSED')"
                        + " order by o.actual_start, o.id")
                .setParameter(1, enterprise).getResultList()) {
            Object[] r = (Object[]) o;
            // ordered by start: the operation started last stays, as the machine history links it
            running.put(number(r[0]), new CurrentOperation(number(r[1]), number(r[2]), (String) r[3],
                    ((Number) r[4]).intValue(), (String) r[5], (String) r[6], instant(r[7])));
        }
        List<MachineRow> rows = new ArrayList<>();
        for (Object o : em.createNativeQuery("select u.id, u.code, u.name, c.id, c.code, i.machine_code, i.state,"
                        + " i.operation_mode, i.started_at from work_unit u join work_center c on c.id = u.work_center_id"
                        + " left join mes_machine_interval i on i.tenant_id = u.tenant_id and i.work_unit_id = u.id"
                        + " and i.ended_at is null where u.tenant_id = ?1 and u.active = true"
                        + " order by c.code, u.code, i.machine_code")
                .setParameter(1, enterprise).getResultList()) {
            Object[] r = (Object[]) o;
            long unit = number(r[0]);
            rows.add(new MachineRow(unit, (String) r[1], (String) r[2], number(r[3]), (String) r[4], (String) r[5],
                    (String) r[6], (String) r[7], instant(r[8]), running.get(unit)));
        }
        return new Board(Instant.now(), rows);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
