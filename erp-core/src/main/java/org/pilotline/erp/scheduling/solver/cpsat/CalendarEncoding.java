package org.pilotline.erp.scheduling.solver.cpsat;

import org.pilotline.erp.scheduling.solver.model.BreakRule;
import org.pilotline.erp.scheduling.solver.model.TimeWindow;
import org.pilotline.erp.scheduling.solver.model.WorkingCalendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How working time becomes CP-SAT domains.
 *
 * <p>An operation that must fit between breaks has a fixed span and may start only where it ends inside the same
 * window: its start domain is the union of {@code [windowStart, windowEnd − work]}.
 *
 * <p>An operation that may span breaks starts inside a window, and its elapsed span is its work plus the gaps it
 * crosses, which depends on where it starts. For starts in one window the number of gaps crossed only grows with the
 * start, so the starts split into ranges of constant span; ranges with equal spans (a calendar repeats itself) share
 * one Boolean. The model then says: exactly one span group is chosen, the start lies in its domain and the span
 * equals its value. This is exact, and small for regular shift patterns.
 */
final class CalendarEncoding {

    /** Starts in {@code intervals} (inclusive {@code [first, last]} pairs) all give the elapsed span {@code span}. */
    record SpanGroup(long span, long[][] intervals) {

        boolean contains(long start) {
            for (long[] interval : intervals) {
                if (interval[0] <= start && start <= interval[1]) {
                    return true;
                }
            }
            return false;
        }
    }

    private CalendarEncoding() {
    }

    /** Inclusive start ranges within {@code [from, to]} of an operation that must fit inside one window. */
    static long[][] startsWithinOneWindow(WorkingCalendar calendar, long work, long from, long to) {
        List<long[]> intervals = new ArrayList<>();
        for (TimeWindow window : calendar.windows()) {
            long first = Math.max(window.start(), from);
            long last = Math.min(window.end() - work, to);
            if (first <= last) {
                intervals.add(new long[] {first, last});
            }
        }
        return intervals.toArray(long[][]::new);
    }

    /** The span groups, by increasing span, of an operation that may span breaks and starts within {@code [from, to]}. */
    static List<SpanGroup> spanGroups(WorkingCalendar calendar, long work, long from, long to) {
        List<TimeWindow> windows = calendar.windows();
        int count = windows.size();
        long[] workAfter = new long[count + 1];
        for (int k = count - 1; k >= 0; k--) {
            workAfter[k] = workAfter[k + 1] + windows.get(k).length();
        }
        Map<Long, List<long[]>> bySpan = new TreeMap<>();
        for (int k = 0; k < count; k++) {
            TimeWindow window = windows.get(k);
            long first = Math.max(window.start(), from);
            long last = Math.min(window.end() - 1, to);
            // Starts so late that the remaining windows cannot absorb the work do not fit at all.
            last = Math.min(last, window.end() + workAfter[k + 1] - work);
            if (first > last) {
                continue;
            }
            // Completion inside window k itself.
            add(bySpan, work, first, Math.min(last, window.end() - work));
            // Completion in a later window j: starts in (end_k − work + W(k+1..j−1), end_k − work + W(k+1..j)].
            long workBetween = 0;
            long gapBetween = 0;
            long previousEnd = window.end();
            for (int j = k + 1; j < count; j++) {
                TimeWindow later = windows.get(j);
                gapBetween += later.start() - previousEnd;
                long lowest = window.end() - work + workBetween + 1;
                long highest = window.end() - work + workBetween + later.length();
                if (lowest > last) {
                    break;
                }
                add(bySpan, work + gapBetween, Math.max(first, lowest), Math.min(last, highest));
                workBetween += later.length();
                previousEnd = later.end();
            }
        }
        List<SpanGroup> groups = new ArrayList<>();
        bySpan.forEach((span, intervals) -> groups.add(new SpanGroup(span, intervals.toArray(long[][]::new))));
        return groups;
    }

    private static void add(Map<Long, List<long[]>> bySpan, long span, long first, long last) {
        if (first > last) {
            return;
        }
        List<long[]> intervals = bySpan.computeIfAbsent(span, key -> new ArrayList<>());
        long[] previous = intervals.isEmpty() ? null : intervals.get(intervals.size() - 1);
        if (previous != null && previous[1] + 1 >= first) {
            previous[1] = Math.max(previous[1], last);
        } else {
            intervals.add(new long[] {first, last});
        }
    }

    static boolean spansBreaks(WorkingCalendar calendar, BreakRule rule) {
        return !calendar.isAlwaysAvailable() && rule == BreakRule.MAY_SPAN_BREAKS;
    }
}
