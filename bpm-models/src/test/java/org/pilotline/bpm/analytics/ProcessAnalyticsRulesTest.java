package org.pilotline.bpm.analytics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ProcessAnalyticsRulesTest {

    @Test
    void aDiscretePercentileIsTheValueAtTheCeilingRankAsInSql() {
        assertEquals(5L, ProcessAnalyticsRules.percentile(new long[]{9, 1, 5, 7, 3}, 50));
        assertEquals(9L, ProcessAnalyticsRules.percentile(new long[]{9, 1, 5, 7, 3}, 90));
        long[] thirty = new long[30];
        for (int i = 0; i < 30; i++) {
            thirty[i] = 30 - i;
        }
        // 0.9 × 30 is 27 exactly: the 27th value, not the 28th a floating-point ceiling would give
        assertEquals(27L, ProcessAnalyticsRules.percentile(thirty, 90));
        assertEquals(15L, ProcessAnalyticsRules.percentile(thirty, 50));
        assertEquals(4L, ProcessAnalyticsRules.percentile(new long[]{4}, 50));
        assertNull(ProcessAnalyticsRules.percentile(new long[0], 50));
    }

    @Test
    void aTaskWaitsUntilItsFirstAssignmentWithinItsDuration() {
        assertEquals(300, ProcessAnalyticsRules.waiting(1000, 10_000, 10_300L));
        assertEquals(1000, ProcessAnalyticsRules.waiting(1000, 10_000, null));
        assertEquals(0, ProcessAnalyticsRules.waiting(1000, 10_000, 9_000L));
        assertEquals(1000, ProcessAnalyticsRules.waiting(1000, 10_000, 12_000L));
    }
}
