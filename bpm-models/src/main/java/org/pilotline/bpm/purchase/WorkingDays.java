package org.pilotline.bpm.purchase;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Deadlines in working days of the plant: Monday to Friday in the enterprise's zone, at the same time of day. Plain
 * Java. (Holidays of the enterprise's working calendar are not taken into account yet.)
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

    static boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
