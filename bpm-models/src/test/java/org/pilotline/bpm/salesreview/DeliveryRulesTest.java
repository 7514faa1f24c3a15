package org.pilotline.bpm.salesreview;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.pilotline.erp.calendar.WorkingCalendar;

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

    /** Monday to Friday, with the Wednesday after FRIDAY a holiday. */
    private static final LocalDate HOLIDAY = FRIDAY.plusDays(5);
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(ZoneOffset.UTC,
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                    .stream().map(d -> new WorkingCalendar.Shift(d, LocalTime.of(8, 0), LocalTime.of(16, 0), List.of()))
                    .toList(), Set.of(HOLIDAY));

    @Test
    void workingDaysInTheCalendarSkipItsWeekendsAndHolidays() {
        assertEquals(FRIDAY, DeliveryRules.workingDaysAfter(CALENDAR, FRIDAY, 0));
        // Monday, Tuesday, (Wednesday a holiday), Thursday
        assertEquals(FRIDAY.plusDays(6), DeliveryRules.workingDaysAfter(CALENDAR, FRIDAY, 3));
        assertEquals(FRIDAY, DeliveryRules.latestStart(CALENDAR, FRIDAY.plusDays(6), 3));
        assertEquals(FRIDAY.plusDays(6), DeliveryRules.firstWorkingDay(CALENDAR, HOLIDAY));
        assertEquals(FRIDAY.plusDays(3), DeliveryRules.firstWorkingDay(CALENDAR, FRIDAY.plusDays(1)));
    }

    @Test
    void whatIsMadeStartsWhenItsLastComponentIsThere() {
        // components there on Friday and on Monday: made in 2 working days from Monday, Tuesday then Thursday
        assertEquals(FRIDAY.plusDays(6), DeliveryRules.madeBy(CALENDAR, FRIDAY, List.of(FRIDAY, FRIDAY.plusDays(3)), 2));
        assertEquals(FRIDAY.plusDays(4), DeliveryRules.madeBy(CALENDAR, FRIDAY, List.of(), 2));
    }

    @Test
    void aComponentIsThereWhenCoveredElseByTheEarlierOfItsSupplyOnItsWayAndItsLeadTime() {
        assertEquals(FRIDAY, DeliveryRules.componentReady(FRIDAY, true, FRIDAY.minusDays(1), FRIDAY.plusDays(9)));
        assertEquals(FRIDAY.plusDays(2), DeliveryRules.componentReady(FRIDAY, true, FRIDAY.plusDays(2), null));
        assertEquals(FRIDAY.plusDays(9), DeliveryRules.componentReady(FRIDAY, false, null, FRIDAY.plusDays(9)));
        assertEquals(FRIDAY.plusDays(7),
                DeliveryRules.componentReady(FRIDAY, false, FRIDAY.plusDays(7), FRIDAY.plusDays(9)));
    }
}
