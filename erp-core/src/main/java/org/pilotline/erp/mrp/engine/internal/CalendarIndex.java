package org.pilotline.erp.mrp.engine.internal;

import org.pilotline.erp.mrp.engine.input.PlanningHorizon;
import org.pilotline.erp.mrp.engine.input.WorkingCalendar;

import java.time.LocalDate;

/**
 * The working calendar as arrays over day indices: day 0 is {@link #origin}, far enough before the horizon start
 * that offsetting the longest chain of lead times never runs off the front. {@link #today} is the horizon start,
 * {@link #end} the first day after the horizon; both are indices.
 */
public final class CalendarIndex {

    public final long originEpochDay;
    public final int today;
    public final int end;
    public final int bucketOrigin;
    public final int weeks;
    private final int[] workingUpTo;   // working days in [0, d]
    private final int[] workingDays;   // index of the k-th working day
    private final int workingCount;

    public CalendarIndex(PlanningHorizon horizon, WorkingCalendar calendar, int workingDaysBeforeStart) {
        LocalDate start = horizon.start();
        LocalDate origin = start;
        int counted = 0;
        int guard = 0;
        while (counted < workingDaysBeforeStart) {
            origin = origin.minusDays(1);
            if (calendar.isWorkingDay(origin)) {
                counted++;
            }
            if (++guard > 366 * 50) {
                throw new IllegalArgumentException("the working calendar has too few working days before "
                        + start + " to offset " + workingDaysBeforeStart + " working days of lead time");
            }
        }
        this.originEpochDay = origin.toEpochDay();
        this.today = (int) (start.toEpochDay() - originEpochDay);
        this.end = (int) (horizon.end().toEpochDay() - originEpochDay);
        this.bucketOrigin = (int) (horizon.firstBucketStart().toEpochDay() - originEpochDay);
        this.weeks = horizon.weeks();
        this.workingUpTo = new int[end];
        int[] days = new int[end];
        int count = 0;
        LocalDate date = origin;
        for (int d = 0; d < end; d++, date = date.plusDays(1)) {
            if (calendar.isWorkingDay(date)) {
                days[count++] = d;
            }
            workingUpTo[d] = count;
        }
        this.workingDays = java.util.Arrays.copyOf(days, count);
        this.workingCount = count;
    }

    public LocalDate date(int day) {
        return LocalDate.ofEpochDay(originEpochDay + day);
    }

    /** The day index of a date, clamped to [0, end] (end: after the horizon). */
    public int dayOf(LocalDate date) {
        long d = date.toEpochDay() - originEpochDay;
        return (int) Math.max(0, Math.min(end, d));
    }

    /** The day index of an effectivity bound, clamped to [-1, end + 1]. */
    public int boundOf(LocalDate date, int ifNull) {
        if (date == null) {
            return ifNull;
        }
        long d = date.toEpochDay() - originEpochDay;
        return (int) Math.max(-1, Math.min(end + 1L, d));
    }

    public boolean isWorking(int day) {
        return day >= 0 && day < end && workingUpTo[day] > (day == 0 ? 0 : workingUpTo[day - 1]);
    }

    /** The last working day on or before {@code day} (0 if there is none in range). */
    public int lastWorkingOnOrBefore(int day) {
        int d = Math.min(day, end - 1);
        int k = workingUpTo[d] - 1;
        return k < 0 ? 0 : workingDays[k];
    }

    /** The first working day on or after {@code day}, or {@link #end} if none is inside the horizon. */
    public int firstWorkingOnOrAfter(int day) {
        if (day >= end) {
            return end;
        }
        int k = day == 0 ? 0 : workingUpTo[day - 1];
        return k < workingCount ? workingDays[k] : end;
    }

    /** The working day {@code n} working days before working day {@code day}. */
    public int minusWorkingDays(int day, int n) {
        int k = workingUpTo[Math.min(day, end - 1)] - 1 - n;
        return k < 0 ? 0 : workingDays[k];
    }

    /** The working day {@code n} working days after working day {@code day}, or {@link #end} past the horizon. */
    public int plusWorkingDays(int day, int n) {
        if (day >= end) {
            return end;
        }
        long k = (long) workingUpTo[day] - 1 + n;
        return k < workingCount ? workingDays[(int) k] : end;
    }

    public int bucketOf(int day) {
        return Math.floorDiv(day - bucketOrigin, 7);
    }

    public int bucketStart(int bucket) {
        return bucketOrigin + 7 * bucket;
    }
}
