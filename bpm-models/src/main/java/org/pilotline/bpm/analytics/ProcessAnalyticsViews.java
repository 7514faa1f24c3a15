package org.pilotline.bpm.analytics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the process analytics answer: aggregates of the engine's history, never an instance or its business data. */
public final class ProcessAnalyticsViews {

    private ProcessAnalyticsViews() {
    }

    @Schema(description = "A duration: exact milliseconds and ISO-8601")
    public record Span(long ms, String iso) {
        public static Span of(Long ms) {
            return ms == null ? null : new Span(ms, Duration.ofMillis(ms).toString());
        }
    }

    @Schema(description = "Nearest-rank percentiles (the smallest duration at or above which p of the values lie);"
            + " null without a completed value")
    public record Percentiles(Span p50, Span p90) {
        public static Percentiles of(Long p50, Long p90) {
            return p50 == null ? null : new Percentiles(Span.of(p50), Span.of(p90));
        }
    }

    @Schema(description = "A user task's waiting time (created → claimed, or created → completed when never claimed)"
            + " and working time (claimed → completed) over its completed instances")
    public record TaskTimes(Span waitingTotal, Span workingTotal, Percentiles waiting, Percentiles working) {
    }

    @Schema(description = "One step (activity) of a process version: its instances and durations")
    public record StepFigures(String activityId, String name, String type, long completed, long running, Span total,
                              Percentiles duration, TaskTimes taskTimes) {
    }

    @Schema(description = "The step with the largest total duration over its completed instances")
    public record Bottleneck(String activityId, String name, String basis, Span total) {
    }

    @Schema(description = "One version of one process: instances started, completed and running, the cycle time of"
            + " the completed ones, its steps and its bottleneck")
    public record ProcessFigures(String processKey, int version, String processDefinitionId, String name,
                                 String versionTag, long started, long completed, long running, Percentiles cycleTime,
                                 List<StepFigures> steps, Bottleneck bottleneck) {
    }

    @Schema(description = "The process analytics of my enterprise: instances started in [from, to)")
    public record Report(String enterprise, String processKey, Instant from, Instant to,
                         List<ProcessFigures> processes) {
    }

    @Schema(description = "One step in two versions: B minus A in milliseconds (null where a side has no value)")
    public record StepDifference(String activityId, String name, Long completedA, Long completedB,
                                 Long durationP50Ms, Long durationP90Ms, Long waitingP50Ms, Long workingP50Ms,
                                 Long totalMs) {
    }

    @Schema(description = "B minus A: instance counts and cycle times (ms), step by step")
    public record Differences(long started, long completed, long running, Long cycleTimeP50Ms, Long cycleTimeP90Ms,
                              List<StepDifference> steps) {
    }

    @Schema(description = "As-is (A) and to-be (B) versions of one process side by side, with B minus A")
    public record Comparison(String processKey, Instant from, Instant to, ProcessFigures a, ProcessFigures b,
                             Differences differences) {
    }

    @Schema(description = "One version of one process in one enterprise, as the bureau sees it: aggregates only")
    public record BureauProcessFigures(String processKey, int version, long started, long completed, long running,
                                       Percentiles cycleTime, String bottleneckStep) {
    }

    @Schema(description = "One enterprise's process aggregates")
    public record EnterpriseProcesses(String code, String name, List<BureauProcessFigures> processes) {
    }

    @Schema(description = "Every pilot enterprise's process aggregates side by side (bureau)")
    public record BureauReport(String processKey, Instant from, Instant to, List<EnterpriseProcesses> enterprises) {
    }
}
