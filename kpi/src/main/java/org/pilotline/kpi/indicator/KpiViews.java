package org.pilotline.kpi.indicator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pilotline.kpi.time.Quantities;
import org.pilotline.kpi.time.TimeElement;
import org.pilotline.kpi.time.TimeModel;
import org.pilotline.kpi.time.WorkUnitRecords;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What the KPI use cases answer. */
public final class KpiViews {

    private KpiViews() {
    }

    @Schema(description = "A KPI: its ISO 22400-2 definition, formula, unit and which direction is good")
    public record DefinitionView(String code, String nameEn, String nameZh, String definition, String formula,
                                 String unit, Kpi.Direction goodDirection) {
        static DefinitionView of(Kpi k) {
            return new DefinitionView(k.name(), k.nameEn, k.nameZh, k.definition, k.formula, k.unit, k.goodDirection);
        }
    }

    @Schema(description = "A time element (seconds) in both languages")
    public record TimeElementView(String code, String nameEn, String nameZh, long seconds) {
        public static List<TimeElementView> of(Map<TimeElement, Long> seconds) {
            return Arrays.stream(TimeElement.values()).map(e -> new TimeElementView(e.name(), e.nameEn, e.nameZh,
                    seconds.getOrDefault(e, 0L))).toList();
        }
    }

    @Schema(description = "PQ = GQ + SQ + RQ in the produced items' stock unit; PRI × PQ in seconds")
    public record QuantitiesView(String unit, BigDecimal produced, BigDecimal good, BigDecimal scrap,
                                 BigDecimal rework, BigDecimal plannedRunSeconds) {
        public static QuantitiesView of(Totals t) {
            return new QuantitiesView(t.quantityUnit(), plain(t.produced()), plain(t.good()), plain(t.scrap()),
                    plain(t.rework()), plain(t.plannedRunSeconds()));
        }
    }

    @Schema(description = "A KPI value (null when its denominator is zero) and the inputs it was computed from")
    public record KpiValueView(String code, String nameEn, String nameZh, BigDecimal value, String unit,
                               Kpi.Direction goodDirection, Map<String, Object> inputs) {
        public static KpiValueView of(KpiFormulas.Value v) {
            return new KpiValueView(v.kpi().name(), v.kpi().nameEn, v.kpi().nameZh, v.value(), v.unit(),
                    v.kpi().goodDirection, v.inputs());
        }
    }

    @Schema(description = "Delay time (ADET) given one downtime reason; reason null for delay nobody explained")
    public record DelayReason(String reasonCode, long seconds) {
    }

    @Schema(description = "KPIs of a work unit, work center or enterprise for a period, with the time elements and"
            + " quantities they come from; an aggregate lists its work units (drill down)")
    public record KpiReport(String level, Long id, String code, String name, Instant from, Instant to, String zone,
                            List<TimeElementView> timeElements, QuantitiesView quantities, long aoetSeconds,
                            int failures, long repairSeconds, List<DelayReason> delayByReason,
                            List<KpiValueView> kpis, List<KpiReport> workUnits) {
    }

    @Schema(description = "Where a work unit's time elements and quantities come from: every piece of planned"
            + " operation time with its machine-state interval, data-loss span, order phase (operation and the reports"
            + " that began and ended it) and downtime reasons; the quantity reports; the work orders' execution spans;"
            + " the finished operations against their schedule")
    public record Provenance(long workUnitId, String code, Instant from, Instant to, String zone, String element,
                             List<TimeModel.Segment> segments, List<Quantities.QuantityReport> quantityReports,
                             List<WorkUnitRecords.WorkOrderSpan> workOrders,
                             List<WorkUnitRecords.FinishedOperation> finishedOperations) {
    }

    static BigDecimal plain(BigDecimal d) {
        return d == null ? null : d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }
}
