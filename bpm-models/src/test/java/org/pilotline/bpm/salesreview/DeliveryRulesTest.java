package org.pilotline.bpm.salesreview;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryRulesTest {

    private static final LocalDate FRIDAY = LocalDate.of(2027, 1, 8);

    @Test
    void theShortageIsWhatTheAvailableToPromiseLeavesOpenAndNeverNegative() {
        assertEquals(new BigDecimal("6"), DeliveryRules.shortage(new BigDecimal("10"), new BigDecimal("4")));
        assertEquals(new BigDecimal("10"), DeliveryRules.shortage(new BigDecimal("10"), new BigDecimal("-3")));
        assertEquals(0, DeliveryRules.shortage(new BigDecimal("10"), new BigDecimal("12")).signum());
    }

    @Test
    void aLeadTimeCountsMondayToFriday() {
        assertEquals(FRIDAY, DeliveryRules.replenishedBy(FRIDAY, 0));
        assertEquals(DayOfWeek.MONDAY, DeliveryRules.replenishedBy(FRIDAY, 1).getDayOfWeek());
        assertEquals(FRIDAY.plusDays(7), DeliveryRules.replenishedBy(FRIDAY, 5));
    }

    @Test
    void theMaterialDateIsTheEarlierOfTheSupplyOnItsWayAndANewOne() {
        LocalDate requested = FRIDAY.plusDays(3);
        assertEquals(requested, DeliveryRules.materialDate(requested, BigDecimal.ZERO, null, FRIDAY.plusDays(30)));
        assertEquals(FRIDAY.plusDays(10),
                DeliveryRules.materialDate(requested, BigDecimal.ONE, FRIDAY.plusDays(10), FRIDAY.plusDays(30)));
        assertEquals(FRIDAY.plusDays(30), DeliveryRules.materialDate(requested, BigDecimal.ONE, null, FRIDAY.plusDays(30)));
    }

    @Test
    void onlyAMadeShortageThatNoEarlierSupplyCoversIsScheduled() {
        assertTrue(DeliveryRules.madeForTheOrder(BigDecimal.ONE, null, FRIDAY, true));
        assertFalse(DeliveryRules.madeForTheOrder(BigDecimal.ONE, null, FRIDAY, false));
        assertFalse(DeliveryRules.madeForTheOrder(BigDecimal.ZERO, null, FRIDAY, true));
        assertFalse(DeliveryRules.madeForTheOrder(BigDecimal.ONE, FRIDAY.minusDays(1), FRIDAY, true));
    }

    @Test
    void theLatestDateIgnoresMissingOnesAndNeverFallsBeforeTheFloor() {
        assertEquals(FRIDAY.plusDays(4), DeliveryRules.latest(FRIDAY, Arrays.asList(null, FRIDAY.plusDays(4),
                FRIDAY.plusDays(2))));
        assertEquals(FRIDAY, DeliveryRules.latest(FRIDAY, Arrays.asList(null, FRIDAY.minusDays(3))));
    }
}
