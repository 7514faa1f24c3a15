package org.pilotline.kpi.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.pilotline.mes.report.ReportApplied;
import org.pilotline.plc.contract.DataLossRecorded;
import org.pilotline.plc.contract.MachineDirectory;
import org.pilotline.plc.contract.MachineEvent;
import org.pilotline.plc.contract.MachineEventBatch;
import org.pilotline.plc.contract.MachineStateChanged;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.pilotline.platform.persistence.SqlValues.instant;

/**
 * Notes, in the transaction that records them, which work units the MES's new history touches and from when: machine
 * states and data-loss spans the gateway delivers, and applied reports. The notes commit or roll back with the history
 * itself, so none is lost or left behind; the roll-up worker applies them. Part counts do not touch KPIs (quantities
 * come from reports).
 */
@ApplicationScoped
public class ShopFloorWatch {

    @Inject
    RollupWriter writer;

    @Inject
    Instance<MachineDirectory> directory;

    @Inject
    EntityManager em;

    void onMachineEvents(@Observes MachineEventBatch batch) {
        if (!directory.isResolvable()) {
            return;
        }
        Map<String, Long> units = directory.get().workUnitsOf(batch.tenant());
        Map<Long, Instant> from = new HashMap<>();
        for (MachineEvent event : batch.events()) {
            Long unit = units.get(event.machine());
            Instant at = event instanceof MachineStateChanged s ? s.sourceTime()
                    : event instanceof DataLossRecorded d ? d.from() : null;
            if (unit != null && at != null) {
                from.merge(unit, at, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        from.forEach((unit, at) -> writer.touch(batch.tenant(), unit, at));
    }

    /**
     * A downtime touches its work unit from the stop's start; an operation's report touches every work unit of its
     * work order from the report's time (the order's start and completion are part of each one's order execution time).
     */
    void onReport(@Observes ReportApplied report) {
        // the report may have just placed its operation on a work unit: the SQL below must see it
        em.flush();
        if (report.downtimeId() != null) {
            List<?> rows = em.createNativeQuery("select work_unit_id, started_at from mes_downtime where id = ?1"
                    + " and tenant_id = ?2").setParameter(1, report.downtimeId()).setParameter(2, report.tenant())
                    .getResultList();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                writer.touch(report.tenant(), ((Number) r[0]).longValue(), instant(r[1]));
            }
        } else if (report.operationId() != null) {
            List<?> units = em.createNativeQuery("select distinct o.work_unit_id from mes_operation o"
                    + " join mes_operation me on me.work_order_id = o.work_order_id where me.id = ?1 and o.tenant_id = ?2"
                    + " and o.work_unit_id is not null").setParameter(1, report.operationId())
                    .setParameter(2, report.tenant()).getResultList();
            for (Object unit : units) {
                writer.touch(report.tenant(), ((Number) unit).longValue(), report.occurredAt());
            }
        }
    }
}
