package org.pilotline.bpm.purchase;

import org.pilotline.erp.calendar.WorkingCalendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Deadlines in working days, at the same time of day: Monday to Friday in a zone, or the working days of an
 * enterprise's calendar (its shifts' weekdays less its holidays, in its zone). Plain Java.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    /** The moment {@code days} working days after {@code start}, at its time of day in {@code zone}. */
    public static Instant after(Instant start, ZoneId zone, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        ZonedDateTime local = start.atZone(zone);
        LocalDate date = local.toLocalDate();
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return ZonedDateTime.of(date, local.toLocalTime(), zone).toInstant();
    }

    /** How far a count of working days looks: a calendar without a working day in ten years has none. */
    static final int MAX_CALENDAR_DAYS = 3660;

    /**
     * The moment {@code days} working days of {@code calendar} after {@code start}, at its time of day in the
     * calendar's zone: the days strictly after the start's date that are working days of the calendar are counted
     * (a holiday or a day without shifts is skipped).
     */
    public static Instant after(Instant start, WorkingCalendar calendar, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        ZonedDateTime local = start.atZone(calendar.zone());
        LocalDate date = local.toLocalDate();
        int counted = 0;
        for (int i = 0; counted < days; i++) {
            if (i > MAX_CALENDAR_DAYS) {
                throw new IllegalArgumentException("the calendar has no working day after " + local.toLocalDate());
            }
            date = date.plusDays(1);
            if (calendar.isWorkingDay(date)) {
                counted++;
            }
        }
        return ZonedDateTime.of(date, local.toLocalTime(), calendar.zone()).toInstant();
    }

    static boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
