package org.pilotline.erp.mrp.engine.input;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * What MRP looks at: from {@code start} ("today": nothing is released before it without an exception) to the end of
 * the last of {@code weeks} weekly buckets. Buckets start on {@code weekStart}; the first bucket is the week that
 * contains {@code start}. Demand and receipts dated after the horizon are outside the plan.
 */
public record PlanningHorizon(LocalDate start, int weeks, DayOfWeek weekStart) {

    public PlanningHorizon {
        Objects.requireNonNull(start, "start");
        weekStart = weekStart == null ? DayOfWeek.MONDAY : weekStart;
        if (weeks < 1 || weeks > 520) {
            throw new IllegalArgumentException("a horizon has 1 to 520 weeks, not " + weeks);
        }
    }

    public static PlanningHorizon weeksFrom(LocalDate start, int weeks) {
        return new PlanningHorizon(start, weeks, DayOfWeek.MONDAY);
    }

    /** The first day of the first bucket. */
    public LocalDate firstBucketStart() {
        return start.with(TemporalAdjusters.previousOrSame(weekStart));
    }

    /** The first day after the horizon. */
    public LocalDate end() {
        return firstBucketStart().plusWeeks(weeks);
    }
}
