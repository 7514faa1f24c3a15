package org.pilotline.erp.scheduling.benchmark;

import java.util.List;
import java.util.OptionalLong;

/**
 * One benchmark run: the JSON fields ({@code instance}, {@code makespan}, {@code solveSeconds}, {@code jobs}) and
 * what is printed beside them.
 *
 * @param jobs per job in input order, per operation in processing order: {machine as in the file, start, duration}
 */
public record BenchmarkResult(String instance, long makespan, double solveSeconds, List<List<long[]>> jobs,
                             OptionalLong bestKnown, double firstScheduleSeconds, String status, long lowerBound,
                             boolean reproducible) {

    /** Relative distance to the best-known makespan in percent, or NaN when none is known. */
    public double gapPercent() {
        return bestKnown.isEmpty() ? Double.NaN
                : 100.0 * (makespan - bestKnown.getAsLong()) / bestKnown.getAsLong();
    }
}
