package org.pilotline.erp.scheduling.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.pilotline.erp.scheduling.solver.FiniteCapacityScheduler;
import org.pilotline.erp.scheduling.solver.Objective;
import org.pilotline.erp.scheduling.solver.SolveResult;
import org.pilotline.erp.scheduling.solver.SolverSettings;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.schedule.Schedule;
import org.pilotline.erp.scheduling.solver.schedule.ScheduledOperation;
import org.pilotline.erp.scheduling.solver.schedule.ScheduleVerifier;
import org.pilotline.erp.scheduling.solver.schedule.Violation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Solves one benchmark instance for makespan, verifies the schedule and writes the result JSON. */
public final class BenchmarkRunner {

    private BenchmarkRunner() {
    }

    public static BenchmarkResult run(BenchmarkInstance instance, SolverSettings settings, OptionalLong bestKnown) {
        SchedulingProblem problem = instance.toProblem();
        SolveResult result = new FiniteCapacityScheduler().solve(problem, settings.withTimeLimit(settings.timeLimit()));
        if (result.schedule() == null) {
            throw new IllegalStateException(instance.name() + ": no schedule (" + result.status() + ")");
        }
        Schedule schedule = result.schedule();
        List<Violation> violations = ScheduleVerifier.verify(problem, schedule);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(instance.name() + ": the schedule is invalid: " + violations);
        }
        List<List<long[]>> jobs = new ArrayList<>();
        Map<String, List<ScheduledOperation>> byJob = schedule.byJob();
        for (int j = 0; j < instance.jobs().size(); j++) {
            List<long[]> operations = new ArrayList<>();
            for (ScheduledOperation operation : byJob.get("J" + j)) {
                operations.add(new long[] {BenchmarkInstance.machineNumber(operation.machineId()), operation.start(),
                        operation.end() - operation.start()});
            }
            jobs.add(operations);
        }
        return new BenchmarkResult(instance.name(), schedule.makespan(), seconds(result.elapsed()), jobs, bestKnown,
                result.firstScheduleAfter() == null ? Double.NaN : seconds(result.firstScheduleAfter()),
                result.status().name(), result.objectiveBound(), result.reproducible());
    }

    public static SolverSettings settings(double timeLimitSeconds, int threads, long seed,
                                          org.pilotline.erp.scheduling.solver.Reproducibility mode) {
        return new SolverSettings(Objective.MAKESPAN, Duration.ofMillis(Math.round(timeLimitSeconds * 1000)), seed,
                threads, mode);
    }

    /** Writes exactly {"instance", "makespan", "solveSeconds", "jobs": [[{"machine", "start", "duration"}, ...], ...]}. */
    public static void writeJson(BenchmarkResult result, Path out) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("instance", result.instance());
        json.put("makespan", result.makespan());
        json.put("solveSeconds", Math.round(result.solveSeconds() * 100) / 100.0);
        List<List<Map<String, Long>>> jobs = new ArrayList<>();
        for (List<long[]> job : result.jobs()) {
            List<Map<String, Long>> operations = new ArrayList<>();
            for (long[] operation : job) {
                Map<String, Long> entry = new LinkedHashMap<>();
                entry.put("machine", operation[0]);
                entry.put("start", operation[1]);
                entry.put("duration", operation[2]);
                operations.add(entry);
            }
            jobs.add(operations);
        }
        json.put("jobs", jobs);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
    }

    /** The line printed for a run. */
    public static String summary(BenchmarkResult result) {
        String gap = result.bestKnown().isEmpty() ? "best known n/a"
                : String.format("best known %d, gap %.2f %%", result.bestKnown().getAsLong(), result.gapPercent());
        return String.format("%s: makespan %d (%s), solve time %.2f s, first schedule after %.3f s, %s, lower bound %d,"
                        + " schedule verified", result.instance(), result.makespan(), gap, result.solveSeconds(),
                result.firstScheduleSeconds(), result.status(), result.lowerBound());
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
