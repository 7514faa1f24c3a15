package org.pilotline.kpi.indicator;

import org.junit.jupiter.api.Test;
import org.pilotline.kpi.time.TimeElement;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The formulas over the figures of a hand-computed shift, and what happens when a denominator is zero. */
class KpiFormulasTest {

    @Test
    void theShiftsKpisAreTheirFormulasRoundedOnce() {
        Map<String, BigDecimal> values = values(shift());
        assertEquals(new BigDecimal("63.10"), values.get("AVAILABILITY"));
        assertEquals(new BigDecimal("75.47"), values.get("EFFECTIVENESS"));
        assertEquals(new BigDecimal("90.00"), values.get("QUALITY_RATIO"));
        assertEquals(new BigDecimal("42.86"), values.get("OEE"));
        assertEquals(new BigDecimal("57.14"), values.get("NEE"));
        assertEquals(new BigDecimal("89.83"), values.get("TECHNICAL_EFFICIENCY"));
        assertEquals(new BigDecimal("84.13"), values.get("UTILIZATION_EFFICIENCY"));
        assertEquals(new BigDecimal("80.77"), values.get("ALLOCATION_RATIO"));
        assertEquals(new BigDecimal("7.02"), values.get("SETUP_RATE"));
        assertEquals(new BigDecimal("15.3846"), values.get("THROUGHPUT_RATE"));
        assertEquals(new BigDecimal("5.00"), values.get("SCRAP_RATIO"));
        assertEquals(new BigDecimal("5.00"), values.get("REWORK_RATIO"));
        assertEquals(new BigDecimal("90.00"), values.get("FIRST_PASS_YIELD"));
        assertEquals(new BigDecimal("285.00"), values.get("MTBF"));
        assertEquals(new BigDecimal("20.00"), values.get("MTTR"));
        assertEquals(new BigDecimal("50.00"), values.get("SCHEDULE_ADHERENCE"));
        assertEquals(new BigDecimal("66.67"), values.get("ON_TIME_DELIVERY"));
    }

    @Test
    void aKpiWithAZeroDenominatorHasNoValueRatherThanZero() {
        Map<String, BigDecimal> values = values(Totals.empty());
        for (Kpi kpi : Kpi.values()) {
            assertNull(values.get(kpi.name()), kpi.name());
        }
    }

    private static Totals shift() {
        Map<TimeElement, Long> s = new EnumMap<>(TimeElement.class);
        s.put(TimeElement.POT, 28800L);
        s.put(TimeElement.PDOT, 3600L);
        s.put(TimeElement.PBT, 25200L);
        s.put(TimeElement.APT, 15900L);
        s.put(TimeElement.ASUT, 1200L);
        s.put(TimeElement.ADET, 1800L);
        s.put(TimeElement.ADOT, 5400L);
        s.put(TimeElement.UNKNOWN, 900L);
        s.put(TimeElement.AUPT, 17100L);
        s.put(TimeElement.AUBT, 18900L);
        return new Totals(s, 23400, "pcs", new BigDecimal("100"), new BigDecimal("90"), new BigDecimal("5"),
                new BigDecimal("5"), new BigDecimal("12000"), 1, 1200, 2, 1, 3, 2);
    }

    private static Map<String, BigDecimal> values(Totals totals) {
        List<KpiFormulas.Value> values = KpiFormulas.compute(totals);
        Map<String, BigDecimal> byCode = new java.util.HashMap<>();
        values.forEach(v -> byCode.put(v.kpi().name(), v.value()));
        return byCode;
    }
}
