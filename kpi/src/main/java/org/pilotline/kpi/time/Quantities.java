package org.pilotline.kpi.time;

import java.math.BigDecimal;
import java.util.List;

/**
 * ISO 22400-2 quantities of a work unit for a period, from the MES's applied QUANTITY and FINISH reports, in the
 * produced items' stock unit ({@code unit}; "mixed" when the reports were of items in different units).
 *
 * @param produced   PQ = GQ + SQ + RQ
 * @param plannedRunSeconds the sum over reports of the routing's planned run time per unit (PRI) × the report's PQ
 * @param reports    the reports counted (provenance)
 */
public record Quantities(String unit, BigDecimal produced, BigDecimal good, BigDecimal scrap, BigDecimal rework,
                         BigDecimal plannedRunSeconds, List<QuantityReport> reports) {

    private static final BigDecimal SECONDS_PER_MINUTE = BigDecimal.valueOf(60);

    /** One counted report: its quantities and the planned run time per unit its operation had from the routing. */
    public record QuantityReport(long reportId, String kind, java.time.Instant at, long operationId, String workOrder,
                                 BigDecimal good, BigDecimal scrap, BigDecimal rework, BigDecimal plannedRunMinutesPerUnit,
                                 String unit) {
    }

    /**
     * The counted reports of one clock minute of a work unit in one stock unit, summed (the roll-ups read an hour of a
     * busy unit as at most sixty of these per unit rather than report by report; every bucket starts and ends on a
     * whole minute, so a bucket's minutes add up to exactly its reports).
     *
     * @param plannedRunMinutes the sum over the minute's reports of PRI (minutes per unit) × PQ
     */
    public record Minute(java.time.Instant at, String unit, BigDecimal good, BigDecimal scrap, BigDecimal rework,
                         BigDecimal plannedRunMinutes) {
    }

    public static Quantities of(List<QuantityReport> reports) {
        return of(reports, List.of());
    }

    /** The quantities of counted reports and of minutes already summed (provenance lists the reports only). */
    public static Quantities of(List<QuantityReport> reports, List<Minute> minutes) {
        BigDecimal good = BigDecimal.ZERO;
        BigDecimal scrap = BigDecimal.ZERO;
        BigDecimal rework = BigDecimal.ZERO;
        BigDecimal planned = BigDecimal.ZERO;
        for (QuantityReport r : reports) {
            good = good.add(r.good());
            scrap = scrap.add(r.scrap());
            rework = rework.add(r.rework());
            planned = planned.add(r.plannedRunMinutesPerUnit().multiply(r.good().add(r.scrap()).add(r.rework()))
                    .multiply(SECONDS_PER_MINUTE));
        }
        java.util.Set<String> distinct = new java.util.LinkedHashSet<>();
        reports.forEach(r -> distinct.add(r.unit()));
        for (Minute m : minutes) {
            good = good.add(m.good());
            scrap = scrap.add(m.scrap());
            rework = rework.add(m.rework());
            planned = planned.add(m.plannedRunMinutes().multiply(SECONDS_PER_MINUTE));
            distinct.add(m.unit());
        }
        List<String> units = List.copyOf(distinct);
        String unit = units.size() == 1 ? units.get(0) : units.isEmpty() ? null : "mixed";
        return new Quantities(unit, good.add(scrap).add(rework).stripTrailingZeros(), good.stripTrailingZeros(),
                scrap.stripTrailingZeros(), rework.stripTrailingZeros(), planned.stripTrailingZeros(), reports);
    }
}
