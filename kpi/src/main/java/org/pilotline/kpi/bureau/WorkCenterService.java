package org.pilotline.kpi.bureau;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pilotline.erp.enterprise.Enterprise;
import org.pilotline.kpi.indicator.KpiFormulas;
import org.pilotline.kpi.indicator.KpiViews;
import org.pilotline.kpi.indicator.Totals;
import org.pilotline.kpi.rollup.Grain;
import org.pilotline.kpi.rollup.Level;
import org.pilotline.kpi.rollup.RollupStore;
import org.pilotline.kpi.time.Period;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.pilotline.platform.persistence.SqlValues.instant;

/**
 * The bureau's drill-down from an enterprise to its work centers: each work center's month roll-up (the sums of its
 * work units, kept by the roll-up worker), or its roll-ups and raw history over a period, with the KPIs computed from
 * them. Aggregates only — no work unit, machine
 * interval, report, operator or order leaves; the work centers are named by code and name, as the enterprise's
 * equipment hierarchy stands now.
 */
@ApplicationScoped
public class WorkCenterService {

    @Inject
    RollupStore store;

    @Inject
    PieceAccounting pieces;

    @Schema(description = "One work center's aggregate figures of the month, from its month roll-up; `figures` false"
            + " (and the lists empty) where it has no roll-up for the month (no work unit, or nothing recorded yet)."
            + " On-time delivery is null in `kpis`: it counts sales order lines, and a sales line is attributed to no"
            + " work center (nothing records which work orders made what a line shipped: MRP's pegging is per run and"
            + " a shipment may come from stock); schedule adherence, the shop floor's measure of lateness, is there")
    public record WorkCenterFigures(String code, String name, String areaCode, String areaName, int workUnits,
                                    boolean figures, List<KpiViews.TimeElementView> timeElements,
                                    KpiViews.QuantitiesView quantities, long aoetSeconds, int failures,
                                    long repairSeconds, int operationsFinished, int operationsOnTime,
                                    List<KpiViews.KpiValueView> kpis, Instant computedAt) {
    }

    @Schema(description = "An enterprise's work centers side by side for a month of its plant's zone ([from, to) is"
            + " the month) or for a period [from, to) (`month` null); `complete` is false while the period is under"
            + " way, `current` false while changes the roll-up worker has not applied yet reach into a month (a period"
            + " other than a month computes such buckets from the raw history, and is always current)")
    public record WorkCenters(String code, String name, String industry, String manufacturingType, String zone,
                              String month, Instant from, Instant to, boolean complete, boolean current,
                              List<WorkCenterFigures> workCenters) {
    }

    /**
     * The drill-down for {@code month} (yyyy-MM) or for [from, to) (instants, or dates in the enterprise's zone; at most
     * 31 days): a calendar month reads the month roll-ups alone; another period is covered by each work center's
     * month, day and hour roll-ups, and what they leave (sub-hour edges, buckets not current) is computed from its work
     * units' raw history as the enterprise, so that it equals the enterprise's own {@code /api/kpi/work-centers/{id}}
     * for the period. Called outside a transaction (the raw part opens a session of the enterprise's tenant).
     */
    public WorkCenters workCenters(String code, String month, String from, String to, Instant now) {
        boolean period = (from != null && !from.isBlank()) || (to != null && !to.isBlank());
        if (month != null && !month.isBlank() && period) {
            throw DomainException.invalid("invalid-period", "Give a month or a period",
                    new FieldError("month", "give month, or from and to, not both"));
        }
        if (!period) {
            return QuarkusTransaction.requiringNew().call(() -> workCenters(code, MonthParam.parse("month", month),
                    now));
        }
        Enterprise e = QuarkusTransaction.requiringNew().call(() -> Enterprise.<Enterprise>findByCode(code)
                .orElseThrow(() -> DomainException.notFound("Enterprise", code)));
        ZoneId zone = ZoneId.of(e.timeZone);
        Period p = Period.parse(from, to, zone);
        YearMonth m = YearMonth.from(p.from().atZone(zone));
        if (p.from().equals(m.atDay(1).atStartOfDay(zone).toInstant())
                && p.to().equals(m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant())) {
            return QuarkusTransaction.requiringNew().call(() -> workCenters(code, m, now));
        }
        return period(e, zone, p, now);
    }

    private record Center(String code, String name, String areaCode, String areaName, long id, int units) {
    }

    private WorkCenters period(Enterprise e, ZoneId zone, Period period, Instant now) {
        List<Center> list = new ArrayList<>();
        Map<Long, List<CoverRules.Piece>> covers = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            // native SQL names the tenant itself: the bureau acts for no enterprise, and reads this one's aggregates
            for (Object[] r : store.rows("select wc.code, wc.name, a.code, a.name, wc.id, (select count(*)"
                    + " from work_unit u where u.tenant_id = wc.tenant_id and u.work_center_id = wc.id)"
                    + " from work_center wc join area a on a.id = wc.area_id where wc.tenant_id = ?1 order by wc.code",
                    e.code)) {
                list.add(new Center((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        ((Number) r[4]).longValue(), ((Number) r[5]).intValue()));
            }
            Instant pending = instant(store.rows("select min(dirty_from) from kpi_rollup_dirty where tenant_id = ?1",
                    e.code).get(0)[0]);
            Map<Grain, Map<Long, List<RollupStore.Row>>> byGrain = new LinkedHashMap<>();
            for (Grain g : List.of(Grain.MONTH, Grain.DAY, Grain.HOUR)) {
                byGrain.put(g, store.levelBuckets(e.code, Level.WORK_CENTER, g, period.from(), period.to()));
            }
            for (Center c : list) {
                List<List<RollupStore.Row>> coarsestFirst = new ArrayList<>();
                byGrain.values().forEach(rows -> coarsestFirst.add(rows.getOrDefault(c.id(), List.of()).stream()
                        .filter(r -> !r.computedAt().isBefore(r.bucket().end())
                                && (pending == null || !r.bucket().end().isAfter(pending))).toList()));
                covers.put(c.id(), CoverRules.cover(period.from(), period.to(), coarsestFirst));
            }
        });
        List<WorkCenterFigures> centers = new ArrayList<>();
        for (Center c : list) {
            if (c.units() == 0) {
                centers.add(new WorkCenterFigures(c.code(), c.name(), c.areaCode(), c.areaName(), 0, false, List.of(),
                        null, 0, 0, 0, 0, 0, List.of(), null));
                continue;
            }
            List<CoverRules.Piece> cover = covers.get(c.id());
            Totals t = cover.size() == 1 && cover.get(0).row() != null ? cover.get(0).row().totals()
                    : TenantContext.callAs(e.code, () -> pieces.workCenterTotals(period, cover, c.id()));
            Instant computedAt = cover.stream().filter(p -> p.row() != null).map(p -> p.row().computedAt())
                    .max(Instant::compareTo).orElse(null);
            centers.add(new WorkCenterFigures(c.code(), c.name(), c.areaCode(), c.areaName(), c.units(), true,
                    KpiViews.TimeElementView.of(t.seconds()), KpiViews.QuantitiesView.of(t), t.aoetSeconds(),
                    t.failures(), t.repairSeconds(), t.operationsFinished(), t.operationsOnTime(),
                    KpiFormulas.compute(t).stream().map(KpiViews.KpiValueView::of).toList(), computedAt));
        }
        return new WorkCenters(e.code, e.name, e.industry, e.manufacturingType.name(), zone.getId(), null,
                period.from(), period.to(), !period.to().isAfter(now), true, centers);
    }

    /** The enterprise's work centers (every one it has, by code) with their month roll-ups; 404 for no enterprise. */
    @Transactional
    public WorkCenters workCenters(String code, YearMonth month, Instant now) {
        Enterprise e = Enterprise.findByCode(code).orElseThrow(() -> DomainException.notFound("Enterprise", code));
        ZoneId zone = ZoneId.of(e.timeZone);
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        List<WorkCenterFigures> centers = new ArrayList<>();
        // native SQL names the tenant itself: the bureau acts for no enterprise, and reads this one's aggregates only
        for (Object[] r : store.rows("select wc.code, wc.name, a.code, a.name, (select count(*) from work_unit u"
                + " where u.tenant_id = wc.tenant_id and u.work_center_id = wc.id), r.level, r.node_id, r.grain,"
                + " r.bucket_start, r.bucket_end, r.label, " + prefixed() + ", r.computed_at from work_center wc"
                + " join area a on a.id = wc.area_id left join kpi_rollup r on r.tenant_id = wc.tenant_id"
                + " and r.level = 'WORK_CENTER' and r.node_id = wc.id and r.grain = 'MONTH' and r.label = ?2"
                + " where wc.tenant_id = ?1 order by wc.code", e.code, month.toString())) {
            int units = ((Number) r[4]).intValue();
            if (r[5] == null) {
                centers.add(new WorkCenterFigures((String) r[0], (String) r[1], (String) r[2], (String) r[3], units,
                        false, List.of(), null, 0, 0, 0, 0, 0, List.of(), null));
                continue;
            }
            RollupStore.Row row = RollupStore.parse(r, 5);
            Totals t = row.totals();
            centers.add(new WorkCenterFigures((String) r[0], (String) r[1], (String) r[2], (String) r[3], units, true,
                    KpiViews.TimeElementView.of(t.seconds()), KpiViews.QuantitiesView.of(t), t.aoetSeconds(),
                    t.failures(), t.repairSeconds(), t.operationsFinished(), t.operationsOnTime(),
                    KpiFormulas.compute(t).stream().map(KpiViews.KpiValueView::of).toList(), row.computedAt()));
        }
        Instant pending = instant(store.rows("select min(dirty_from) from kpi_rollup_dirty where tenant_id = ?1",
                e.code).get(0)[0]);
        boolean complete = !to.isAfter(now);
        // current: no touch still to be applied reaches into the month, and a month that is over was summed after it
        boolean current = (pending == null || !pending.isBefore(to)) && (!complete || centers.stream()
                .filter(WorkCenterFigures::figures).noneMatch(c -> c.computedAt().isBefore(to)));
        return new WorkCenters(e.code, e.name, e.industry, e.manufacturingType.name(), e.timeZone, month.toString(),
                from, to, complete, current, centers);
    }

    private static String prefixed() {
        return ("r." + RollupStore.FIGURES.replace(", ", ", r."));
    }

}
