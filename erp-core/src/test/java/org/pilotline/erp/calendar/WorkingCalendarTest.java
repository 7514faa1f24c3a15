package org.pilotline.erp.calendar;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate NATIONAL_DAY = LocalDate.of(2026, 10, 1); // a Thursday

    /** Two shifts on weekdays: 08:00–16:00 with a lunch break, and 22:00–06:00 into the next morning. */
    private static WorkingCalendar twoShifts() {
        List<WorkingCalendar.Shift> shifts = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            shifts.add(new WorkingCalendar.Shift(day, LocalTime.of(8, 0), LocalTime.of(16, 0),
                    List.of(new WorkingCalendar.Pause(LocalTime.of(12, 0), LocalTime.of(12, 30)))));
            shifts.add(new WorkingCalendar.Shift(day, LocalTime.of(22, 0), LocalTime.of(6, 0),
                    List.of(new WorkingCalendar.Pause(LocalTime.of(2, 0), LocalTime.of(2, 30)))));
        }
        return new WorkingCalendar(SHANGHAI, shifts, Set.of(NATIONAL_DAY));
    }

    private static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void aWorkingDayHasFifteenHoursOfWorkAfterBreaks() {
        // Monday 2026-11-23 from midnight to midnight: 07:30 of the day shift, 2:00 of the night shift before midnight
        Duration work = twoShifts().workingTimeBetween(at("2026-11-23T00:00"), at("2026-11-24T00:00"));
        assertEquals(Duration.ofMinutes(7 * 60 + 30 + 2 * 60), work);
    }

    @Test
    void theNightShiftRunsIntoTheNextMorningAndPausesForItsBreak() {
        var intervals = twoShifts().workingIntervalsBetween(at("2026-11-23T21:00"), at("2026-11-24T07:00"));
        assertEquals(List.of(
                new WorkingCalendar.Interval(at("2026-11-23T22:00"), at("2026-11-24T02:00")),
                new WorkingCalendar.Interval(at("2026-11-24T02:30"), at("2026-11-24T06:00"))), intervals);
    }

    @Test
    void aHolidayHasNoShiftsButTheNightBeforeStillEndsInIt() {
        var intervals = twoShifts().workingIntervalsBetween(at("2026-10-01T00:00"), at("2026-10-02T00:00"));
        // the Wednesday night shift runs until 06:00 on the holiday; nothing starts on the holiday itself
        assertEquals(List.of(new WorkingCalendar.Interval(at("2026-10-01T00:00"), at("2026-10-01T02:00")),
                new WorkingCalendar.Interval(at("2026-10-01T02:30"), at("2026-10-01T06:00"))), intervals);
        assertFalse(twoShifts().isWorkingDay(NATIONAL_DAY));
    }

    @Test
    void leadTimeOffsetsCountWorkingDaysAndNeverLandOnAHolidayOrWeekend() {
        WorkingCalendar calendar = twoShifts();
        // due Monday 2026-10-05, 3 working days earlier skips the weekend and the holiday on Thursday 1 October
        assertEquals(LocalDate.of(2026, 9, 29), calendar.workingDaysBefore(LocalDate.of(2026, 10, 5), 3));
        // due on a Saturday with no lead time: released the Friday before
        assertEquals(LocalDate.of(2026, 11, 27), calendar.workingDaysBefore(LocalDate.of(2026, 11, 28), 0));
        assertEquals(LocalDate.of(2026, 10, 5), calendar.workingDaysAfter(LocalDate.of(2026, 9, 30), 2));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 10, 2)));
    }

    @Test
    void workingTimeIsPlacedInThePlantsZone() {
        // 08:00 in Shanghai is midnight UTC
        var first = twoShifts().workingIntervalsBetween(Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-23T01:00:00Z"));
        assertEquals(Instant.parse("2026-11-23T00:00:00Z"), first.get(0).start());
    }
}
