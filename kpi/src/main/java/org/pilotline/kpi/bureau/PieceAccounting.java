package org.pilotline.kpi.bureau;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.kpi.indicator.KpiService;
import org.pilotline.kpi.indicator.Totals;
import org.pilotline.kpi.rollup.RollupStore;
import org.pilotline.kpi.time.Period;
import org.pilotline.kpi.time.TimeInputs;
import org.pilotline.kpi.time.TimeModelService;
import org.pilotline.kpi.time.UnitHistory;
import org.pilotline.platform.tenancy.TenantContext;
import org.pilotline.plc.contract.MachineryItemState;
import org.pilotline.plc.contract.MachineryOperationMode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.pilotline.platform.persistence.SqlValues.instant;

/**
 * The caller's enterprise's sums for a period from the pieces that cover it — roll-up rows, and gaps computed from the
 * raw history — equal to computing the whole period from the raw history at once (deliveries apart: the bureau counts
 * them for all enterprises at once, {@link org.pilotline.kpi.indicator.DeliveryCounts}). Every sum but one adds up piece by piece (time is
 * classified instant by instant; quantities and finished operations by when they happened; work orders' spans are
 * clipped). The exception is failures: a failure episode (a run of adjacent out-of-service intervals, ISO 22400-2 FE)
 * that crosses the boundary between two pieces is counted in each piece it is counted in, but once over the period;
 * each such episode is accounted again over its part of the period, and the difference corrects the count.
 */
@ApplicationScoped
public class PieceAccounting {

    private static final String OUT_OF_SERVICE = MachineryItemState.OUT_OF_SERVICE.name();

    @Inject
    KpiService kpis;

    @Inject
    TimeModelService timeModels;

    @Inject
    RollupStore store;

    @Inject
    TenantContext tenant;

    @Transactional
    public Totals totals(Period period, List<CoverRules.Piece> pieces) {
        String enterprise = tenant.requireEnterprise();
        Totals totals = Totals.empty();
        for (CoverRules.Piece p : pieces) {
            totals = totals.plus(p.row() != null ? p.row().totals() : kpis.enterpriseTotals(p.start(), p.end()));
        }
        if (pieces.size() > 1) {
            totals = totals.plusFailures(failuresCountedTwice(enterprise, period, pieces, timeModels.workUnits(null)));
        }
        return totals;
    }

    /**
     * The same for one work center of the caller's enterprise: its roll-up rows, and its work units' raw history for
     * the gaps, equal to computing the work center over the whole period from the raw history at once.
     */
    @Transactional
    public Totals workCenterTotals(Period period, List<CoverRules.Piece> pieces, long workCenterId) {
        String enterprise = tenant.requireEnterprise();
        List<Long> units = timeModels.workUnits(workCenterId);
        Totals totals = Totals.empty();
        for (CoverRules.Piece p : pieces) {
            if (p.row() != null) {
                totals = totals.plus(p.row().totals());
            } else {
                for (long unit : units) {
                    totals = totals.plus(Totals.of(timeModels.shortHistory(unit, p.start(), p.end())
                            .records(p.start(), p.end())));
                }
            }
        }
        if (pieces.size() > 1) {
            totals = totals.plusFailures(failuresCountedTwice(enterprise, period, pieces, units));
        }
        return totals;
    }

    /**
     * How many failures the whole period counts minus how many its pieces count between them (zero or less). The
     * out-of-service intervals of all work units are read in two statements; only the units with an episode across a
     * boundary have their machine time (calendar, downtimes, data losses) read, all in a few statements, over the
     * stretch from their first crossing episode to their last.
     */
    private int failuresCountedTwice(String enterprise, Period period, List<CoverRules.Piece> pieces,
                                     List<Long> units) {
        List<Instant> boundaries = pieces.subList(1, pieces.size()).stream().map(CoverRules.Piece::start).toList();
        if (units.isEmpty()) {
            return 0;
        }
        Map<Long, List<List<TimeInputs.MachineInterval>>> crossing = new LinkedHashMap<>();
        Map<Long, List<TimeInputs.MachineInterval>> intervals = new LinkedHashMap<>();
        Map<Long, Instant[]> stretches = new LinkedHashMap<>();
        outOfService(enterprise, units, period).forEach((unit, outOfService) -> {
            for (List<TimeInputs.MachineInterval> episode : episodes(outOfService, period)) {
                Instant[] span = clipped(episode, period);
                if (boundaries.stream().anyMatch(t -> t.isAfter(span[0]) && t.isBefore(span[1]))) {
                    crossing.computeIfAbsent(unit, u -> new ArrayList<>()).add(episode);
                    intervals.computeIfAbsent(unit, u -> new ArrayList<>()).addAll(episode);
                    stretches.merge(unit, span, (x, y) -> new Instant[]{x[0], y[1]});
                }
            }
        });
        if (crossing.isEmpty()) {
            return 0;
        }
        Map<Long, UnitHistory> histories = timeModels.machineHistories(stretches, intervals);
        int delta = 0;
        for (var entry : crossing.entrySet()) {
            UnitHistory history = histories.get(entry.getKey());
            for (List<TimeInputs.MachineInterval> episode : entry.getValue()) {
                Instant[] span = clipped(episode, period);
                Instant a = span[0];
                Instant b = span[1];
                delta += history.records(a, b).time().failures();
                for (CoverRules.Piece p : pieces) {
                    if (p.overlaps(a, b)) {
                        Instant pa = p.start().isAfter(a) ? p.start() : a;
                        Instant pb = p.end().isBefore(b) ? p.end() : b;
                        delta -= history.records(pa, pb).time().failures();
                    }
                }
            }
        }
        return delta;
    }

    /** An episode's [start, end) within the period. */
    private static Instant[] clipped(List<TimeInputs.MachineInterval> episode, Period period) {
        Instant start = episode.get(0).start();
        Instant end = episode.get(episode.size() - 1).end();
        return new Instant[]{start.isBefore(period.from()) ? period.from() : start,
                end == null || end.isAfter(period.to()) ? period.to() : end};
    }

    /**
     * Each unit's intervals that may begin an episode overlapping the period — the interval in effect at its start (of
     * whatever state) and the out-of-service intervals that start in it — in time order: two statements for all units.
     */
    private Map<Long, List<TimeInputs.MachineInterval>> outOfService(String enterprise, List<Long> units,
                                                                    Period period) {
        Map<Long, List<TimeInputs.MachineInterval>> byUnit = new LinkedHashMap<>();
        units.forEach(u -> byUnit.put(u, new ArrayList<>()));
        String columns = "select work_unit_id, id, state, operation_mode, started_at, ended_at from mes_machine_interval";
        for (int at = 0; at < units.size(); at += 100) {
            List<Long> part = units.subList(at, Math.min(units.size(), at + 100));
            StringBuilder sql = new StringBuilder();
            List<Object> parameters = new ArrayList<>();
            for (Long unit : part) {
                // the latest start before the period by the index alone, then the last interval of that instant: an
                // "order by started_at desc, start_sequence desc" would sort every interval the unit had before
                int n = parameters.size();
                sql.append(sql.isEmpty() ? "(" : " union all (").append(columns).append(" where tenant_id = ?")
                        .append(n + 1).append(" and work_unit_id = ?").append(n + 2)
                        .append(" and started_at = (select max(p.started_at) from mes_machine_interval p")
                        .append(" where p.tenant_id = ?").append(n + 1).append(" and p.work_unit_id = ?").append(n + 2)
                        .append(" and p.started_at < ?").append(n + 3).append(") order by start_sequence desc limit 1)");
                parameters.add(enterprise);
                parameters.add(unit);
                parameters.add(period.from());
            }
            store.rows(sql.toString(), parameters.toArray()).forEach(r -> add(byUnit, r));
        }
        store.rows(columns + " where tenant_id = ?1 and work_unit_id in (?2) and started_at >= ?3 and started_at < ?4"
                        + " and state = ?5 order by work_unit_id, started_at, start_sequence", enterprise, units,
                period.from(), period.to(), OUT_OF_SERVICE).forEach(r -> add(byUnit, r));
        return byUnit;
    }

    private static void add(Map<Long, List<TimeInputs.MachineInterval>> byUnit, Object[] r) {
        byUnit.get(((Number) r[0]).longValue()).add(new TimeInputs.MachineInterval(((Number) r[1]).longValue(),
                MachineryItemState.valueOf((String) r[2]),
                r[3] == null ? null : MachineryOperationMode.valueOf((String) r[3]), instant(r[4]), instant(r[5])));
    }

    /**
     * The unit's runs of adjacent out-of-service intervals that overlap the period, each as its intervals (the last one
     * with end null: still out of service).
     */
    private static List<List<TimeInputs.MachineInterval>> episodes(List<TimeInputs.MachineInterval> intervals,
                                                                   Period period) {
        List<List<TimeInputs.MachineInterval>> episodes = new ArrayList<>();
        List<TimeInputs.MachineInterval> open = null;
        for (TimeInputs.MachineInterval i : intervals) {
            if (i.state() != MachineryItemState.OUT_OF_SERVICE) {
                continue;
            }
            if (i.end() != null && !i.end().isAfter(period.from())) {
                continue;
            }
            Instant openEnd = open == null ? null : open.get(open.size() - 1).end();
            if (openEnd != null && openEnd.equals(i.start())) {
                open.add(i);
            } else {
                open = new ArrayList<>(List.of(i));
                episodes.add(open);
            }
        }
        return episodes;
    }
}
