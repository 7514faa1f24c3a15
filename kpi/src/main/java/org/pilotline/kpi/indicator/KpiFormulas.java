package org.pilotline.kpi.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.pilotline.kpi.time.TimeElement.ADET;
import static org.pilotline.kpi.time.TimeElement.APT;
import static org.pilotline.kpi.time.TimeElement.ASUT;
import static org.pilotline.kpi.time.TimeElement.AUBT;
import static org.pilotline.kpi.time.TimeElement.AUPT;
import static org.pilotline.kpi.time.TimeElement.PBT;

/**
 * The formulas of {@link Kpi} over {@link Totals}, in plain Java. Each value is computed exactly as one fraction and
 * rounded once (half up: percent and minutes to 2 places, throughput to 4); a KPI whose denominator is zero has no
 * value (null), never 0 or 100 %. Each value names the inputs it was computed from (the first step of its provenance).
 */
public final class KpiFormulas {

    /** A KPI's value for one work unit, work center or enterprise and period, and what it was computed from. */
    public record Value(Kpi kpi, BigDecimal value, String unit, Map<String, Object> inputs) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal HOUR = BigDecimal.valueOf(3600);

    private KpiFormulas() {
    }

    public static List<Value> compute(Totals t) {
        BigDecimal apt = seconds(t.of(APT));
        BigDecimal pbt = seconds(t.of(PBT));
        BigDecimal asut = seconds(t.of(ASUT));
        BigDecimal adet = seconds(t.of(ADET));
        BigDecimal aupt = seconds(t.of(AUPT));
        BigDecimal aubt = seconds(t.of(AUBT));
        BigDecimal aoet = seconds(t.aoetSeconds());
        BigDecimal pri = t.plannedRunSeconds();
        BigDecimal pq = t.produced();
        BigDecimal fe = BigDecimal.valueOf(t.failures());
        String qUnit = t.quantityUnit() == null ? "unit" : t.quantityUnit();

        List<Value> values = new ArrayList<>();
        values.add(percent(Kpi.AVAILABILITY, apt, pbt, in("APT", apt, "PBT", pbt)));
        values.add(percent(Kpi.EFFECTIVENESS, pri, apt, in("PRI×PQ", pri, "APT", apt)));
        values.add(percent(Kpi.QUALITY_RATIO, t.good(), pq, in("GQ", t.good(), "PQ", pq)));
        values.add(percent(Kpi.OEE, product(pri, t.good(), apt), product(pbt, apt, pq),
                in("APT", apt, "PBT", pbt, "PRI×PQ", pri, "GQ", t.good(), "PQ", pq)));
        values.add(percent(Kpi.NEE, product(pri, t.good(), apt), product(aubt, apt, pq),
                in("APT", apt, "AUBT", aubt, "PRI×PQ", pri, "GQ", t.good(), "PQ", pq)));
        values.add(percent(Kpi.TECHNICAL_EFFICIENCY, apt, apt.add(adet), in("APT", apt, "ADET", adet)));
        values.add(percent(Kpi.UTILIZATION_EFFICIENCY, apt, aubt, in("APT", apt, "AUBT", aubt)));
        values.add(percent(Kpi.ALLOCATION_RATIO, aubt, aoet, in("AUBT", aubt, "AOET", aoet)));
        values.add(percent(Kpi.SETUP_RATE, asut, aupt, in("ASUT", asut, "AUPT", aupt)));
        values.add(new Value(Kpi.THROUGHPUT_RATE, divide(pq.multiply(HOUR), aoet, 4), qUnit + "/h",
                in("PQ", pq, "AOET", aoet)));
        values.add(percent(Kpi.SCRAP_RATIO, t.scrap(), pq, in("SQ", t.scrap(), "PQ", pq)));
        values.add(percent(Kpi.REWORK_RATIO, t.rework(), pq, in("RQ", t.rework(), "PQ", pq)));
        values.add(percent(Kpi.FIRST_PASS_YIELD, pq.subtract(t.scrap()).subtract(t.rework()), pq,
                in("PQ", pq, "SQ", t.scrap(), "RQ", t.rework())));
        values.add(new Value(Kpi.MTBF, divide(aupt, fe.multiply(SIXTY), 2), Kpi.MTBF.unit, in("AUPT", aupt, "FE", fe)));
        BigDecimal ttr = seconds(t.repairSeconds());
        values.add(new Value(Kpi.MTTR, divide(ttr, fe.multiply(SIXTY), 2), Kpi.MTTR.unit, in("ΣTTR", ttr, "FE", fe)));
        values.add(t.linesDue() == null ? new Value(Kpi.ON_TIME_DELIVERY, null, "%", Map.of())
                : percent(Kpi.ON_TIME_DELIVERY, BigDecimal.valueOf(t.linesOnTime()), BigDecimal.valueOf(t.linesDue()),
                in("linesOnTime", t.linesOnTime(), "linesDue", t.linesDue())));
        values.add(percent(Kpi.SCHEDULE_ADHERENCE, BigDecimal.valueOf(t.operationsOnTime()),
                BigDecimal.valueOf(t.operationsFinished()),
                in("operationsOnTime", t.operationsOnTime(), "operationsFinished", t.operationsFinished())));
        return values;
    }

    private static Value percent(Kpi kpi, BigDecimal numerator, BigDecimal denominator, Map<String, Object> inputs) {
        return new Value(kpi, divide(numerator.multiply(HUNDRED), denominator, 2), "%", inputs);
    }

    private static BigDecimal divide(BigDecimal numerator, BigDecimal denominator, int scale) {
        return denominator.signum() == 0 ? null : numerator.divide(denominator, scale, RoundingMode.HALF_UP);
    }

    private static BigDecimal product(BigDecimal... factors) {
        BigDecimal p = BigDecimal.ONE;
        for (BigDecimal f : factors) {
            p = p.multiply(f);
        }
        return p;
    }

    private static BigDecimal seconds(long seconds) {
        return BigDecimal.valueOf(seconds);
    }

    /** Inputs in the order given; time elements in seconds. */
    private static Map<String, Object> in(Object... pairs) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            inputs.put((String) pairs[i], pairs[i + 1] instanceof BigDecimal d ? d.stripTrailingZeros() : pairs[i + 1]);
        }
        return inputs;
    }
}
