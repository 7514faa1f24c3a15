package org.pilotline.kpi.rollup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pilotline.kpi.indicator.KpiFormulas;
import org.pilotline.kpi.indicator.KpiViews;
import org.pilotline.kpi.indicator.Totals;

import java.time.Instant;
import java.util.List;

/** What the roll-up use cases answer. */
public final class RollupViews {

    private RollupViews() {
    }

    @Schema(description = "One bucket of a roll-up: its time elements, quantities and KPIs. `complete` is false while"
            + " the bucket is still under way (its figures then count the state last recorded up to the bucket's end,"
            + " as the on-demand KPIs do)")
    public record BucketView(String grain, String label, Instant start, Instant end, boolean complete,
                             List<KpiViews.TimeElementView> timeElements, KpiViews.QuantitiesView quantities,
                             long aoetSeconds, int failures, long repairSeconds, int operationsFinished,
                             int operationsOnTime,
                             @Schema(description = "sales order lines requested on the bucket's days (enterprise"
                                     + " days, weeks and months only; null elsewhere)") Integer linesDue,
                             @Schema(description = "of them, shipped in full on or before the requested date")
                             Integer linesOnTime, List<KpiViews.KpiValueView> kpis, Instant computedAt) {
        public static BucketView of(RollupStore.Row row, Instant now) {
            Totals t = row.totals();
            Bucket b = row.bucket();
            return new BucketView(b.grain().name(), b.label(), b.start(), b.end(), !b.end().isAfter(now),
                    KpiViews.TimeElementView.of(t.seconds()), KpiViews.QuantitiesView.of(t), t.aoetSeconds(),
                    t.failures(), t.repairSeconds(), t.operationsFinished(), t.operationsOnTime(), t.linesDue(),
                    t.linesOnTime(), KpiFormulas.compute(t).stream().map(KpiViews.KpiValueView::of).toList(), row.computedAt());
        }
    }

    @Schema(description = "A node of the equipment hierarchy (work unit, work center, area, site or the enterprise)"
            + " and its roll-up buckets of one grain, in the enterprise's zone")
    public record Series(String level, Long id, String code, String name, String zone, String grain,
                         List<BucketView> buckets) {
    }

    @Schema(description = "How far the roll-ups lag: touches the background worker has not yet applied (`dueTouches`"
            + " of them now; the others are days, weeks and months waiting for the coarse delay)")
    public record Status(String enterprise, long pendingTouches, long dueTouches, Instant oldestTouchFrom) {
    }

    @Schema(description = "A recomputation from the raw history: from when, how many buckets were written, how long it"
            + " took")
    public record Recomputed(String enterprise, Instant from, int buckets, long millis) {
    }
}
