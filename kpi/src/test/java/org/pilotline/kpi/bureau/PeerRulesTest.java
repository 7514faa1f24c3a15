package org.pilotline.kpi.bureau;

import org.junit.jupiter.api.Test;
import org.pilotline.kpi.indicator.Kpi;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PeerRulesTest {

    private static List<BigDecimal> values(String... v) {
        return Arrays.stream(v).map(s -> s == null ? null : new BigDecimal(s)).toList();
    }

    @Test
    void theBestOfFourHigherIsBetterValuesRanksFirstAtTheEightySeventhPercentile() {
        PeerRules.Standing s = PeerRules.standing(Kpi.OEE, new BigDecimal("80"), values("40", "60", "80", "70"));
        assertEquals(1, s.rank());
        assertEquals(4, s.of());
        assertEquals(new BigDecimal("87.5"), s.percentile()); // (3 worse + ½ itself) / 4
    }

    @Test
    void forALowerIsBetterKpiTheSmallestValueIsTheBest() {
        PeerRules.Standing s = PeerRules.standing(Kpi.SCRAP_RATIO, new BigDecimal("1.50"), values("1.5", "3", "2"));
        assertEquals(1, s.rank());
        assertEquals(new BigDecimal("83.3"), s.percentile());
        assertEquals(3, PeerRules.standing(Kpi.SCRAP_RATIO, new BigDecimal("3"), values("1.5", "3", "2")).rank());
    }

    @Test
    void equalValuesShareTheBestRankAndPeersWithoutAValueTakeNoPart() {
        PeerRules.Standing s = PeerRules.standing(Kpi.AVAILABILITY, new BigDecimal("50"),
                values("50", "50.00", "90", null));
        assertEquals(2, s.rank());
        assertEquals(3, s.of());
        assertEquals(new BigDecimal("33.3"), s.percentile()); // (0 worse + ½ × 2 equal) / 3
        assertNull(PeerRules.standing(Kpi.AVAILABILITY, null, values("50")));
    }

    @Test
    void quartilesAreValuesOfPeersByNearestRank() {
        PeerRules.Quartiles q = PeerRules.quartiles(values("5", "1", "4", "2", "3", null));
        assertEquals(5, q.of());
        assertEquals(new BigDecimal("2"), q.p25());
        assertEquals(new BigDecimal("3"), q.median());
        assertEquals(new BigDecimal("4"), q.p75());
        assertNull(PeerRules.quartiles(values()).median());
    }
}
