package org.pilotline.erp.mrp.engine.model;

import org.pilotline.erp.mrp.engine.input.PlanningHorizon;
import org.pilotline.erp.mrp.engine.input.WorkingCalendar;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The working calendar as arrays over day indices: day 0 is the origin, far enough before the horizon start
 * that offsetting the longest chain of lead times never runs off the front. {@link #today} is the horizon start,
 * {@link #end} the first day after the horizon; both are indices.
 */
public final class CalendarIndex {

    public final long originEpochDay;
    public final int today;
    public final int end;
    public final int bucketOrigin;
    public final int weeks;
    private final int[] workingDaysUpTo;     // working days in [0, day]
    private final int[] workingDayByNumber;  // the day index of the n-th working day (from 0)
    private final int workingDayCount;

    public CalendarIndex(PlanningHorizon horizon, WorkingCalendar calendar, int workingDaysBeforeStart) {
        LocalDate start = horizon.start();
        LocalDate origin = start;
        int counted = 0;
        int daysBack = 0;
        while (counted < workingDaysBeforeStart) {
            origin = origin.minusDays(1);
            if (calendar.isWorkingDay(origin)) {
                counted++;
            }
            if (++daysBack > 366 * 50) {
                throw new IllegalArgumentException("the working calendar has too few working days before "
                        + start + " to offset " + workingDaysBeforeStart + " working days of lead time");
            }
        }
        this.originEpochDay = origin.toEpochDay();
        this.today = (int) (start.toEpochDay() - originEpochDay);
        this.end = (int) (horizon.end().toEpochDay() - originEpochDay);
        this.bucketOrigin = (int) (horizon.firstBucketStart().toEpochDay() - originEpochDay);
        this.weeks = horizon.weeks();
        this.workingDaysUpTo = new int[end];
        int[] workingDays = new int[end];
        int count = 0;
        LocalDate date = origin;
        for (int day = 0; day < end; day++, date = date.plusDays(1)) {
            if (calendar.isWorkingDay(date)) {
                workingDays[count++] = day;
            }
            workingDaysUpTo[day] = count;
        }
        this.workingDayByNumber = Arrays.copyOf(workingDays, count);
        this.workingDayCount = count;
    }

    public LocalDate date(int day) {
        return LocalDate.ofEpochDay(originEpochDay + day);
    }

    /** The day index of a date, clamped to [0, end] (end: after the horizon). */
    public int dayOf(LocalDate date) {
        long day = date.toEpochDay() - originEpochDay;
        return (int) Math.max(0, Math.min(end, day));
    }

    /** The day index of an effectivity bound, clamped to [-1, end + 1]. */
    public int boundOf(LocalDate date, int ifNull) {
        if (date == null) {
            return ifNull;
        }
        long day = date.toEpochDay() - originEpochDay;
        return (int) Math.max(-1, Math.min(end + 1L, day));
    }

    public boolean isWorking(int day) {
        return day >= 0 && day < end && workingDaysUpTo[day] > (day == 0 ? 0 : workingDaysUpTo[day - 1]);
    }

    /** The last working day on or before {@code day} (0 if there is none in range). */
    public int lastWorkingOnOrBefore(int day) {
        int number = workingDaysUpTo[Math.min(day, end - 1)] - 1;
        return number < 0 ? 0 : workingDayByNumber[number];
    }

    /** The first working day on or after {@code day}, or {@link #end} if none is inside the horizon. */
    public int firstWorkingOnOrAfter(int day) {
        if (day >= end) {
            return end;
        }
        int number = day == 0 ? 0 : workingDaysUpTo[day - 1];
        return number < workingDayCount ? workingDayByNumber[number] : end;
    }

    /** The working day {@code count} working days before working day {@code day}. */
    public int minusWorkingDays(int day, int count) {
        int number = workingDaysUpTo[Math.min(day, end - 1)] - 1 - count;
        return number < 0 ? 0 : workingDayByNumber[number];
    }

    /** The working day {@code count} working days after working day {@code day}, or {@link #end} past the horizon. */
    public int plusWorkingDays(int day, int count) {
        if (day >= end) {
            return end;
        }
        long number = (long) workingDaysUpTo[day] - 1 + count;
        return number < workingDayCount ? workingDayByNumber[(int) number] : end;
    }

    /**
     * The earliest day an order released today with this lead time can arrive (from the first working day on), or
     * {@link #end} past the horizon.
     */
    public int earliestArrival(int leadTimeDays) {
        return plusWorkingDays(firstWorkingOnOrAfter(today), leadTimeDays);
    }

    public int bucketOf(int day) {
        return Math.floorDiv(day - bucketOrigin, 7);
    }

    public int bucketStart(int bucket) {
        return bucketOrigin + 7 * bucket;
    }
}
