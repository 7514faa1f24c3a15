package org.pilotline.kpi.indicator;

import org.pilotline.kpi.time.TimeElement;
import org.pilotline.kpi.time.WorkUnitRecords;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The sums a KPI value is computed from, for one work unit or added up over several: time elements in seconds,
 * quantities in {@code quantityUnit}, failures, schedule and delivery counts. KPIs of a work center or an enterprise
 * are computed from the sums of their work units (never averaged from the units' KPIs).
 *
 * @param aoetSeconds actual order execution time: the work orders' spans from start to completion in the period
 * @param linesDue    sales order lines requested in the period (null where the level has no deliveries)
 */
public record Totals(Map<TimeElement, Long> seconds, long aoetSeconds, String quantityUnit, BigDecimal produced,
                     BigDecimal good, BigDecimal scrap, BigDecimal rework, BigDecimal plannedRunSeconds, int failures,
                     long repairSeconds, int operationsFinished, int operationsOnTime, Integer linesDue,
                     Integer linesOnTime) {

    public static Totals empty() {
        return new Totals(new EnumMap<>(TimeElement.class), 0, null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, null, null);
    }

    /** A work unit's sums for the period its records were read for. */
    public static Totals of(WorkUnitRecords r) {
        long aoet = r.workOrders().stream().mapToLong(WorkUnitRecords.WorkOrderSpan::seconds).sum();
        int onTime = (int) r.finishedOperations().stream().filter(WorkUnitRecords.FinishedOperation::onTime).count();
        var q = r.quantities();
        return new Totals(r.time().seconds(), aoet, q.unit(), q.produced(), q.good(), q.scrap(), q.rework(),
                q.plannedRunSeconds(), r.time().failures(), r.time().repairSeconds(), r.finishedOperations().size(),
                onTime, null, null);
    }

    public long of(TimeElement element) {
        return seconds.getOrDefault(element, 0L);
    }

    public Totals plus(Totals o) {
        Map<TimeElement, Long> sum = new EnumMap<>(TimeElement.class);
        sum.putAll(seconds);
        o.seconds.forEach((k, v) -> sum.merge(k, v, Long::sum));
        String unit = quantityUnit == null ? o.quantityUnit
                : o.quantityUnit == null || o.quantityUnit.equals(quantityUnit) ? quantityUnit : "mixed";
        return new Totals(sum, aoetSeconds + o.aoetSeconds, unit, produced.add(o.produced), good.add(o.good),
                scrap.add(o.scrap), rework.add(o.rework), plannedRunSeconds.add(o.plannedRunSeconds),
                failures + o.failures, repairSeconds + o.repairSeconds, operationsFinished + o.operationsFinished,
                operationsOnTime + o.operationsOnTime, add(linesDue, o.linesDue), add(linesOnTime, o.linesOnTime));
    }

    public Totals withDeliveries(int due, int onTime) {
        return new Totals(seconds, aoetSeconds, quantityUnit, produced, good, scrap, rework, plannedRunSeconds, failures,
                repairSeconds, operationsFinished, operationsOnTime, due, onTime);
    }

    /** These sums with {@code delta} more failures (where pieces added up counted one failure twice). */
    public Totals plusFailures(int delta) {
        return new Totals(seconds, aoetSeconds, quantityUnit, produced, good, scrap, rework, plannedRunSeconds,
                failures + delta, repairSeconds, operationsFinished, operationsOnTime, linesDue, linesOnTime);
    }

    private static Integer add(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Integer.valueOf(a + b);
    }
}
