package org.pilotline.kpi.bureau;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.kpi.indicator.KpiService;
import org.pilotline.kpi.indicator.Totals;
import org.pilotline.kpi.rollup.RollupStore;
import org.pilotline.kpi.time.Period;
import org.pilotline.kpi.time.TimeModelService;
import org.pilotline.kpi.time.UnitHistory;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.pilotline.platform.persistence.SqlValues.instant;

/**
 * The caller's enterprise's sums for a period from the pieces that cover it — roll-up rows, and gaps computed from the
 * raw history — equal to computing the whole period from the raw history at once. Every sum but one adds up piece by
 * piece (time is classified instant by instant; quantities, finished operations and deliveries by when they happened;
 * work orders' spans are clipped). The exception is failures: a failure episode (a run of adjacent out-of-service
 * intervals, ISO 22400-2 FE) that crosses the boundary between two pieces is counted in each piece it is counted in,
 * but once over the period; each such episode is accounted again over its part of the period, and the difference
 * corrects the count.
 */
@ApplicationScoped
public class PieceAccounting {

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
            totals = totals.plusFailures(failuresCountedTwice(enterprise, period, pieces));
        }
        int[] deliveries = kpis.deliveries(period);
        return totals.withDeliveries(deliveries[0], deliveries[1]);
    }

    /**
     * How many failures the whole period counts minus how many its pieces count between them (zero or less). A unit's
     * machine time is read once, over the stretch from its first crossing episode to its last.
     */
    private int failuresCountedTwice(String enterprise, Period period, List<CoverRules.Piece> pieces) {
        List<Instant> boundaries = pieces.subList(1, pieces.size()).stream().map(CoverRules.Piece::start).toList();
        int delta = 0;
        for (long unit : timeModels.workUnits(null)) {
            List<Instant[]> crossing = new ArrayList<>();
            for (Instant[] episode : episodes(enterprise, unit, period)) {
                Instant a = episode[0].isBefore(period.from()) ? period.from() : episode[0];
                Instant b = episode[1] == null || episode[1].isAfter(period.to()) ? period.to() : episode[1];
                if (boundaries.stream().anyMatch(t -> t.isAfter(a) && t.isBefore(b))) {
                    crossing.add(new Instant[]{a, b});
                }
            }
            if (crossing.isEmpty()) {
                continue;
            }
            UnitHistory history = timeModels.machineHistory(unit, crossing.get(0)[0],
                    crossing.get(crossing.size() - 1)[1]);
            for (Instant[] episode : crossing) {
                Instant a = episode[0];
                Instant b = episode[1];
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

    /**
     * The unit's runs of adjacent out-of-service intervals that overlap the period, each as [start, end) (end null:
     * still out of service): the interval in effect at the period's start, and those that start in it.
     */
    private List<Instant[]> episodes(String enterprise, long unit, Period period) {
        List<Object[]> intervals = new ArrayList<>(store.rows("select state, started_at, ended_at from"
                + " mes_machine_interval where tenant_id = ?1 and work_unit_id = ?2 and started_at < ?3"
                + " order by started_at desc, start_sequence desc limit 1", enterprise, unit, period.from()));
        intervals.addAll(store.rows("select state, started_at, ended_at from mes_machine_interval where tenant_id = ?1"
                + " and work_unit_id = ?2 and started_at >= ?3 and started_at < ?4 and state = 'OUT_OF_SERVICE'"
                + " order by started_at, start_sequence", enterprise, unit, period.from(), period.to()));
        List<Instant[]> episodes = new ArrayList<>();
        Instant[] open = null;
        for (Object[] r : intervals) {
            if (!"OUT_OF_SERVICE".equals(r[0])) {
                continue;
            }
            Instant start = instant(r[1]);
            Instant end = instant(r[2]);
            if (end != null && !end.isAfter(period.from())) {
                continue;
            }
            if (open != null && open[1] != null && open[1].equals(start)) {
                open[1] = end;
            } else {
                open = new Instant[]{start, end};
                episodes.add(open);
            }
        }
        return episodes;
    }
}
