package org.pilotline.erp.mrp.engine.input;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** The plant's working days: the working weekdays minus the holidays. */
public record WorkingCalendar(Set<DayOfWeek> workingWeekdays, Set<LocalDate> holidays) {

    public WorkingCalendar {
        workingWeekdays = Set.copyOf(workingWeekdays);
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        if (workingWeekdays.isEmpty()) {
            throw new IllegalArgumentException("a working calendar needs at least one working weekday");
        }
    }

    public static WorkingCalendar mondayToFriday(LocalDate... holidays) {
        return new WorkingCalendar(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(holidays));
    }

    public boolean isWorkingDay(LocalDate date) {
        return workingWeekdays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }
}
