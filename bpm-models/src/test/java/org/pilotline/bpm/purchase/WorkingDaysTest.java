package org.pilotline.bpm.purchase;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.calendar.WorkingCalendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WorkingDaysTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FRIDAY = LocalDate.of(2027, 1, 8);

    private static WorkingCalendar calendar(Set<DayOfWeek> days, Set<LocalDate> holidays) {
        return new WorkingCalendar(SHANGHAI, days.stream().map(d -> new WorkingCalendar.Shift(d, LocalTime.of(8, 0),
                LocalTime.of(16, 0), List.of())).toList(), holidays);
    }

    private static Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(SHANGHAI).toInstant();
    }

    private static final Set<DayOfWeek> WEEKDAYS = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    @Test
    void twoWorkingDaysAfterAFridaySkipTheWeekendAndAHoliday() {
        assertEquals(at(FRIDAY.plusDays(4)), WorkingDays.after(at(FRIDAY), calendar(WEEKDAYS, Set.of()), 2));
        assertEquals(at(FRIDAY.plusDays(5)),
                WorkingDays.after(at(FRIDAY), calendar(WEEKDAYS, Set.of(FRIDAY.plusDays(3))), 2));
        // the same as Monday to Friday in the zone when the calendar has no holiday
        assertEquals(WorkingDays.after(at(FRIDAY), SHANGHAI, 2),
                WorkingDays.after(at(FRIDAY), calendar(WEEKDAYS, Set.of()), 2));
    }

    @Test
    void aSaturdayWithAShiftIsAWorkingDay() {
        Set<DayOfWeek> six = new java.util.HashSet<>(WEEKDAYS);
        six.add(DayOfWeek.SATURDAY);
        assertEquals(at(FRIDAY.plusDays(3)), WorkingDays.after(at(FRIDAY), calendar(six, Set.of()), 2));
    }

    @Test
    void zeroDaysIsTheStartAndACalendarWithoutWorkingDaysIsRefused() {
        assertEquals(at(FRIDAY), WorkingDays.after(at(FRIDAY), calendar(WEEKDAYS, Set.of()), 0));
        assertThrows(IllegalArgumentException.class,
                () -> WorkingDays.after(at(FRIDAY), calendar(Set.of(), Set.of()), 1));
    }
}
