package org.pilotline.bpm.salesreview;

import org.pilotline.bpm.purchase.WorkingDays;
import org.pilotline.erp.calendar.WorkingCalendar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Objects;

/**
 * Whether an order's item can be delivered on its requested date, plain Java. Material: what is available to promise
 * then (on hand + scheduled receipts − what other orders want) covers it, or what is short can be made or bought in
 * the item's lead time (working days of the enterprise's calendar from today; what is made, from the day its
 * components are there — each component available to promise when production must start at the latest, or there
 * within its own lead time); the material date is the earlier of the day the available-to-promise covers it and the
 * day a new supply would arrive. Capacity: when what must be made would be done in a what-if schedule; a requested
 * date that is not a working day (a holiday, a day without shifts) leaves no capacity to ship on. The earliest
 * feasible date is the first working day on or after the latest of the requested date and the two.
 */
public final class DeliveryRules {

    /** How far a count of working days looks: a calendar without a working day in ten years has none. */
    static final int MAX_CALENDAR_DAYS = 3660;

    private DeliveryRules() {
    }

    /** What is missing on the requested date: the requirement less what is available to promise, never below 0. */
    public static BigDecimal shortage(BigDecimal required, BigDecimal available) {
        return required.subtract(available.max(BigDecimal.ZERO)).max(BigDecimal.ZERO);
    }

    /** The day a supply released today would arrive: {@code leadTimeDays} working days (Monday to Friday) on. */
    public static LocalDate replenishedBy(LocalDate today, int leadTimeDays) {
        return LocalDate.ofInstant(WorkingDays.after(today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC,
                leadTimeDays), ZoneOffset.UTC);
    }

    /**
     * The day {@code days} working days after {@code start} in the calendar: the working days strictly after it are
     * counted, so 0 is {@code start} itself (what is released today with no lead time is there today).
     */
    public static LocalDate workingDaysAfter(WorkingCalendar calendar, LocalDate start, int days) {
        LocalDate day = start;
        int counted = 0;
        for (int i = 0; counted < days; i++) {
            if (i > MAX_CALENDAR_DAYS) {
                throw new IllegalArgumentException("the calendar has no working day after " + start);
            }
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The latest day work of {@code days} working days can start and be done by {@code due}: the inverse of
     * {@link #workingDaysAfter} (counted back over the working days strictly before {@code due}).
     */
    public static LocalDate latestStart(WorkingCalendar calendar, LocalDate due, int days) {
        LocalDate day = due;
        int counted = 0;
        for (int i = 0; counted < days; i++) {
            if (i > MAX_CALENDAR_DAYS) {
                throw new IllegalArgumentException("the calendar has no working day before " + due);
            }
            day = day.minusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The first working day on or after {@code date}: the plant ships on working days only. */
    public static LocalDate firstWorkingDay(WorkingCalendar calendar, LocalDate date) {
        LocalDate day = date;
        for (int i = 0; !calendar.isWorkingDay(day); i++) {
            if (i > MAX_CALENDAR_DAYS) {
                throw new IllegalArgumentException("the calendar has no working day after " + date);
            }
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * When a component of what is made is there: on {@code neededBy} when what is available to promise then covers
     * it (or on the first day it does, if later than today); else the earlier of the day the available-to-promise
     * first covers it ({@code atpEarliest}, null: never) and its own replenishment ({@code replenished}).
     */
    public static LocalDate componentReady(LocalDate today, boolean covered, LocalDate atpEarliest,
                                           LocalDate replenished) {
        if (covered) {
            return atpEarliest == null || atpEarliest.isBefore(today) ? today : atpEarliest;
        }
        return atpEarliest != null && atpEarliest.isBefore(replenished) ? atpEarliest : replenished;
    }

    /**
     * The day what is made would be there: production starts once the last component is there (never before today)
     * and takes the item's lead time in working days.
     */
    public static LocalDate madeBy(WorkingCalendar calendar, LocalDate today, Collection<LocalDate> componentsReady,
                                   int leadTimeDays) {
        return workingDaysAfter(calendar, latest(today, componentsReady), leadTimeDays);
    }

    /**
     * The first day the material is there: the requested date when nothing is short, else the earlier of the
     * available-to-promise's first covered day ({@code atpEarliest}, null: never) and the replenishment.
     */
    public static LocalDate materialDate(LocalDate requested, BigDecimal shortage, LocalDate atpEarliest,
                                         LocalDate replenished) {
        if (shortage.signum() <= 0) {
            return requested;
        }
        return atpEarliest != null && atpEarliest.isBefore(replenished) ? atpEarliest : replenished;
    }

    /** Whether the shortage is met by making it now (not by supplies already on their way). */
    public static boolean madeForTheOrder(BigDecimal shortage, LocalDate atpEarliest, LocalDate replenished,
                                          boolean made) {
        return made && shortage.signum() > 0 && (atpEarliest == null || !atpEarliest.isBefore(replenished));
    }

    /** The latest of the dates given (nulls ignored), but not before {@code floor}. */
    public static LocalDate latest(LocalDate floor, Collection<LocalDate> dates) {
        return dates.stream().filter(Objects::nonNull).reduce(floor, (a, b) -> b.isAfter(a) ? b : a);
    }
}
