package org.pilotline.bpm.analytics;

import org.pilotline.bpm.analytics.ProcessAnalyticsViews.Bottleneck;
import org.pilotline.bpm.analytics.ProcessAnalyticsViews.Differences;
import org.pilotline.bpm.analytics.ProcessAnalyticsViews.Percentiles;
import org.pilotline.bpm.analytics.ProcessAnalyticsViews.ProcessFigures;
import org.pilotline.bpm.analytics.ProcessAnalyticsViews.Span;
import org.pilotline.bpm.analytics.ProcessAnalyticsViews.StepDifference;
import org.pilotline.bpm.analytics.ProcessAnalyticsViews.StepFigures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The bottleneck of a version and the differences between two: plain Java over the figures the SQL computed. */
public final class ProcessAnalyticsRules {

    public static final String BOTTLENECK_BASIS = "largest-total-duration";

    private ProcessAnalyticsRules() {
    }

    /**
     * The discrete percentile of the values, as SQL's {@code PERCENTILE_DISC(percent / 100)}: the smallest value whose
     * cumulative share reaches the percentile, i.e. the ceil(percent × n / 100)-th smallest (in whole numbers, so that
     * no floating-point rounding moves it). Sorts {@code values} in place; null when there are none.
     */
    public static Long percentile(long[] values, int percent) {
        if (values.length == 0) {
            return null;
        }
        java.util.Arrays.sort(values);
        int rank = (int) ((percent * (long) values.length + 99) / 100);
        return values[Math.max(1, rank) - 1];
    }

    /**
     * How long a completed task waited: from its creation to its first assignment ({@code claimedMs}, null: never
     * assigned before completion, so all of its duration), within [0, its duration]. Moments in milliseconds.
     */
    public static long waiting(long durationMs, long createdMs, Long claimedMs) {
        return claimedMs == null ? durationMs : Math.min(durationMs, Math.max(0, claimedMs - createdMs));
    }

    /** The step with the largest total duration of its completed instances; ties go to the first activity id. */
    public static Bottleneck bottleneck(List<StepFigures> steps) {
        return steps.stream().filter(s -> s.total() != null && s.total().ms() > 0)
                .max(Comparator.comparingLong((StepFigures s) -> s.total().ms())
                        .thenComparing(StepFigures::activityId, Comparator.reverseOrder()))
                .map(s -> new Bottleneck(s.activityId(), s.name(), BOTTLENECK_BASIS, s.total())).orElse(null);
    }

    /** B minus A; a step of only one version has null differences. */
    public static Differences differences(ProcessFigures a, ProcessFigures b) {
        Map<String, StepFigures> stepsA = index(a.steps());
        Map<String, StepFigures> stepsB = index(b.steps());
        Map<String, StepFigures> all = new LinkedHashMap<>(stepsA);
        stepsB.forEach(all::putIfAbsent);
        List<StepDifference> steps = new ArrayList<>();
        for (Map.Entry<String, StepFigures> e : all.entrySet()) {
            StepFigures sa = stepsA.get(e.getKey());
            StepFigures sb = stepsB.get(e.getKey());
            steps.add(new StepDifference(e.getKey(), (sb != null ? sb : sa).name(),
                    sa == null ? null : sa.completed(), sb == null ? null : sb.completed(),
                    minus(sa, sb, s -> p50(s.duration())), minus(sa, sb, s -> p90(s.duration())),
                    minus(sa, sb, s -> s.taskTimes() == null ? null : p50(s.taskTimes().waiting())),
                    minus(sa, sb, s -> s.taskTimes() == null ? null : p50(s.taskTimes().working())),
                    minus(sa, sb, s -> ms(s.total()))));
        }
        return new Differences(b.started() - a.started(), b.completed() - a.completed(), b.running() - a.running(),
                minus(p50(a.cycleTime()), p50(b.cycleTime())), minus(p90(a.cycleTime()), p90(b.cycleTime())), steps);
    }

    private static Map<String, StepFigures> index(List<StepFigures> steps) {
        Map<String, StepFigures> map = new LinkedHashMap<>();
        steps.forEach(s -> map.put(s.activityId(), s));
        return map;
    }

    private static Long minus(StepFigures a, StepFigures b, Function<StepFigures, Long> value) {
        return a == null || b == null ? null : minus(value.apply(a), value.apply(b));
    }

    private static Long minus(Long a, Long b) {
        return a == null || b == null ? null : b - a;
    }

    private static Long p50(Percentiles p) {
        return p == null ? null : ms(p.p50());
    }

    private static Long p90(Percentiles p) {
        return p == null ? null : ms(p.p90());
    }

    private static Long ms(Span span) {
        return span == null ? null : span.ms();
    }
}
