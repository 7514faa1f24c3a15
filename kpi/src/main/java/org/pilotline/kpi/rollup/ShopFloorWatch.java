package org.pilotline.kpi.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.pilotline.mes.report.ReportApplied;
import org.pilotline.mes.report.ReportsApplied;
import org.pilotline.plc.contract.DataLossRecorded;
import org.pilotline.plc.contract.MachineDirectory;
import org.pilotline.plc.contract.MachineEvent;
import org.pilotline.plc.contract.MachineEventBatch;
import org.pilotline.plc.contract.MachineStateChanged;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Notes, in the transaction that records them, which work units the MES's new history touches and from when: machine
 * states and data-loss spans the gateway delivers, and applied reports. The notes commit or roll back with the history
 * itself, so none is lost or left behind; the roll-up worker applies them. Part counts do not touch KPIs (quantities
 * come from reports).
 * <p>
 * This runs on every report and every gateway batch, so it costs one JDBC statement there and nothing else: a report
 * carries the work units it touched ({@link ReportApplied#workUnitIds()}; a group of reports is one event), a batch's machines are looked up by name, and
 * the touches go out as one multi-row insert ({@link RollupWriter#touch(String, Map)}).
 */
@ApplicationScoped
public class ShopFloorWatch {

    @Inject
    RollupWriter writer;

    @Inject
    Instance<MachineDirectory> directory;

    @Inject
    Event<TouchesNoted> noted;

    void onMachineEvents(@Observes MachineEventBatch batch) {
        if (!directory.isResolvable()) {
            return;
        }
        Set<String> machines = new HashSet<>();
        for (MachineEvent event : batch.events()) {
            if (event instanceof MachineStateChanged || event instanceof DataLossRecorded) {
                machines.add(event.machine());
            }
        }
        if (machines.isEmpty()) {
            return;
        }
        Map<String, Long> units = directory.get().workUnitsOf(batch.tenant(), machines);
        Map<Long, Instant> from = new LinkedHashMap<>();
        for (MachineEvent event : batch.events()) {
            Long unit = units.get(event.machine());
            Instant at = event instanceof MachineStateChanged s ? s.sourceTime()
                    : event instanceof DataLossRecorded d ? d.from() : null;
            if (unit != null && at != null) {
                from.merge(unit, at, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        note(batch.tenant(), from);
    }

    /**
     * A downtime touches its work unit from the stop's start; an operation's report touches every work unit of its
     * work order from the report's time (the order's start and completion are part of each one's order execution time).
     * A group of reports notes each work unit once, from the earliest of its reports' times.
     */
    void onReports(@Observes ReportsApplied applied) {
        Map<Long, Instant> from = new LinkedHashMap<>();
        for (ReportApplied report : applied.reports()) {
            report.workUnitIds().forEach(unit -> from.merge(unit, report.touchedFrom(), (a, b) -> a.isBefore(b) ? a : b));
        }
        note(applied.tenant(), from);
    }

    /** The touches, and (once they commit) word to the roll-up worker that the enterprise has some. */
    private void note(String tenant, Map<Long, Instant> from) {
        if (!from.isEmpty()) {
            writer.touch(tenant, from);
            noted.fire(new TouchesNoted(tenant));
        }
    }
}
