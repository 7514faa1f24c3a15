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

    /** One counted report: its quantities and the planned run time per unit its operation had from the routing. */
    public record QuantityReport(long reportId, String kind, java.time.Instant at, long operationId, String workOrder,
                                 BigDecimal good, BigDecimal scrap, BigDecimal rework, BigDecimal plannedRunMinutesPerUnit,
                                 String unit) {
    }

    public static Quantities of(List<QuantityReport> reports) {
        BigDecimal good = BigDecimal.ZERO;
        BigDecimal scrap = BigDecimal.ZERO;
        BigDecimal rework = BigDecimal.ZERO;
        BigDecimal planned = BigDecimal.ZERO;
        for (QuantityReport r : reports) {
            good = good.add(r.good());
            scrap = scrap.add(r.scrap());
            rework = rework.add(r.rework());
            planned = planned.add(r.plannedRunMinutesPerUnit().multiply(r.good().add(r.scrap()).add(r.rework()))
                    .multiply(BigDecimal.valueOf(60)));
        }
        List<String> units = reports.stream().map(QuantityReport::unit).distinct().toList();
        String unit = units.size() == 1 ? units.get(0) : units.isEmpty() ? null : "mixed";
        return new Quantities(unit, good.add(scrap).add(rework).stripTrailingZeros(), good.stripTrailingZeros(),
                scrap.stripTrailingZeros(), rework.stripTrailingZeros(), planned.stripTrailingZeros(), reports);
    }
}
