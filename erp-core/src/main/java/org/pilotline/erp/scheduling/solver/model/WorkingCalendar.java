package org.pilotline.erp.scheduling.solver.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * When a machine can work: a sorted list of disjoint working windows (shifts); everything between them (breaks,
 * nights, weekends, holidays) and everything after the last window is unavailable. {@link #alwaysAvailable()} is the
 * calendar of a machine without restrictions, as in the academic benchmarks.
 *
 * <p>All questions about time on a machine are answered here, once, so the heuristic, the CP-SAT encoding and the
 * verifier agree: where an operation of a given amount of work may start and where it then ends.
 */
public final class WorkingCalendar {

    private static final WorkingCalendar ALWAYS = new WorkingCalendar(new long[0], new long[0], true);

    private final long[] starts;
    private final long[] ends;
    private final boolean always;
    /** {@code workBefore[k]} is the working time in windows {@code 0..k-1}; lets us answer capacity questions fast. */
    private final long[] workBefore;

    private WorkingCalendar(long[] starts, long[] ends, boolean always) {
        this.starts = starts;
        this.ends = ends;
        this.always = always;
        this.workBefore = new long[starts.length + 1];
        for (int k = 0; k < starts.length; k++) {
            workBefore[k + 1] = workBefore[k] + (ends[k] - starts[k]);
        }
    }

    public static WorkingCalendar alwaysAvailable() {
        return ALWAYS;
    }

    /** A calendar of the given windows; overlapping or touching windows are merged. */
    public static WorkingCalendar of(List<TimeWindow> windows) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparingLong(TimeWindow::start));
        List<long[]> merged = new ArrayList<>();
        for (TimeWindow window : sorted) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && window.start() <= last[1]) {
                last[1] = Math.max(last[1], window.end());
            } else {
                merged.add(new long[] {window.start(), window.end()});
            }
        }
        long[] starts = new long[merged.size()];
        long[] ends = new long[merged.size()];
        for (int k = 0; k < merged.size(); k++) {
            starts[k] = merged.get(k)[0];
            ends[k] = merged.get(k)[1];
        }
        return new WorkingCalendar(starts, ends, false);
    }

    public static WorkingCalendar of(TimeWindow... windows) {
        return of(Arrays.asList(windows));
    }

    public boolean isAlwaysAvailable() {
        return always;
    }

    /** The working windows in time order; empty for {@link #alwaysAvailable()}. */
    public List<TimeWindow> windows() {
        List<TimeWindow> windows = new ArrayList<>(starts.length);
        for (int k = 0; k < starts.length; k++) {
            windows.add(new TimeWindow(starts[k], ends[k]));
        }
        return windows;
    }

    /**
     * Where an operation needing {@code work} minutes of machine time ends when it starts at {@code start}, or empty
     * when it cannot start there (outside working time, or it would not fit: over a break it may not span, or past the
     * last window). An operation of zero work is a milestone and fits anywhere.
     */
    public OptionalLong endOf(long start, long work, BreakRule rule) {
        if (always || work == 0) {
            return OptionalLong.of(start + work);
        }
        int k = windowContaining(start);
        if (k < 0) {
            return OptionalLong.empty();
        }
        if (start + work <= ends[k]) {
            return OptionalLong.of(start + work);
        }
        if (rule == BreakRule.MUST_FIT_BETWEEN_BREAKS) {
            return OptionalLong.empty();
        }
        long remaining = work - (ends[k] - start);
        long workAfterK = workBefore[starts.length] - workBefore[k + 1];
        if (remaining > workAfterK) {
            return OptionalLong.empty();
        }
        int last = lastWindowToReach(k, remaining);
        return OptionalLong.of(starts[last] + remaining - (workBefore[last] - workBefore[k + 1]));
    }

    /**
     * The earliest start at or after {@code notBefore} where an operation of {@code work} minutes fits, or empty when
     * it fits nowhere later.
     */
    public OptionalLong earliestStart(long notBefore, long work, BreakRule rule) {
        if (always || work == 0) {
            return OptionalLong.of(notBefore);
        }
        int k = firstWindowEndingAfter(notBefore);
        for (; k < starts.length; k++) {
            long candidate = Math.max(notBefore, starts[k]);
            if (candidate + work <= ends[k]) {
                return OptionalLong.of(candidate);
            }
            if (rule == BreakRule.MAY_SPAN_BREAKS) {
                long available = (ends[k] - candidate) + (workBefore[starts.length] - workBefore[k + 1]);
                return available >= work ? OptionalLong.of(candidate) : OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The working window that contains {@code time}, or else the first one after it; empty when the machine is always
     * available or no window follows.
     */
    public java.util.Optional<TimeWindow> windowAtOrAfter(long time) {
        int k = always ? starts.length : firstWindowEndingAfter(time);
        return k < starts.length ? java.util.Optional.of(new TimeWindow(starts[k], ends[k])) : java.util.Optional.empty();
    }

    /** Whether an operation of {@code work} minutes fits anywhere at or after {@code notBefore}. */
    public boolean canEverFit(long notBefore, long work, BreakRule rule) {
        return earliestStart(notBefore, work, rule).isPresent();
    }

    /** The index of the window containing {@code time}, or -1 when it falls outside working time. */
    private int windowContaining(long time) {
        int k = firstWindowEndingAfter(time);
        return k < starts.length && starts[k] <= time ? k : -1;
    }

    /** The first window whose end lies after {@code time} (binary search); {@code starts.length} if none. */
    private int firstWindowEndingAfter(long time) {
        int low = 0;
        int high = starts.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ends[middle] <= time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The window after {@code k} in which {@code remaining} minutes of work, begun at the next window, complete. */
    private int lastWindowToReach(int k, long remaining) {
        long target = workBefore[k + 1] + remaining;
        int low = k + 1;
        int high = starts.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (workBefore[middle + 1] >= target) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WorkingCalendar that && always == that.always && Arrays.equals(starts, that.starts)
                && Arrays.equals(ends, that.ends);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(starts) + Arrays.hashCode(ends) + (always ? 1 : 0);
    }

    @Override
    public String toString() {
        return always ? "always available" : windows().toString();
    }
}
