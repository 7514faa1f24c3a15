package org.pilotline.erp.mrp;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.calendar.WorkingCalendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RoutingLeadTimesTest {

    private static final Instant TUESDAY = Instant.parse("2030-01-08T00:00:00Z");

    @Test
    void workingTimeIsCountedOnlyInsideShiftsAndOverHolidays() {
        WorkingCalendar dayShift = dayShift(Set.of());

        assertEquals(Instant.parse("2030-01-10T12:00:00Z"), RoutingLeadTimes.endOfWork(dayShift, TUESDAY, 1200));
        assertEquals(Instant.parse("2030-01-08T16:00:00Z"), RoutingLeadTimes.endOfWork(dayShift, TUESDAY, 480));
        // Wednesday is a holiday: the second day of work is Thursday
        assertEquals(Instant.parse("2030-01-10T16:00:00Z"),
                RoutingLeadTimes.endOfWork(dayShift(Set.of(LocalDate.of(2030, 1, 9))), TUESDAY, 960));
    }

    @Test
    void withoutACalendarWorkRunsRoundTheClockAndNoEndWithinAYearIsNull() {
        assertEquals(Instant.parse("2030-01-08T20:00:00Z"), RoutingLeadTimes.endOfWork(null, TUESDAY, 1200));
        assertNull(RoutingLeadTimes.endOfWork(dayShift(Set.of()), TUESDAY, 480L * 400));
    }

    private static WorkingCalendar dayShift(Set<LocalDate> holidays) {
        List<WorkingCalendar.Shift> shifts = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            shifts.add(new WorkingCalendar.Shift(day, LocalTime.of(8, 0), LocalTime.of(16, 0), List.of()));
        }
        return new WorkingCalendar(ZoneOffset.UTC, shifts, holidays);
    }
}
