package org.pilotline.erp.scheduling.benchmark;

import org.pilotline.erp.scheduling.solver.model.BreakRule;
import org.pilotline.erp.scheduling.solver.model.ChangeoverTimes;
import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.Machine;
import org.pilotline.erp.scheduling.solver.model.Operation;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.model.TimeWindow;
import org.pilotline.erp.scheduling.solver.model.WorkingCalendar;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded synthetic instances for scale measurements: same seed, same instance. */
public final class GeneratedInstances {

    private GeneratedInstances() {
    }

    /**
     * A flexible job shop of {@code operations} operations on {@code machines} machines: jobs of 20 operations, each
     * eligible on 1–3 random machines with durations of 1–99, in the Brandimarte format's terms (machines from 1).
     */
    public static BenchmarkInstance flexibleJobShop(int operations, int machines, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int perJob = 20;
        List<List<List<BenchmarkInstance.Alternative>>> jobs = new ArrayList<>();
        for (int remaining = operations; remaining > 0; remaining -= perJob) {
            List<List<BenchmarkInstance.Alternative>> job = new ArrayList<>();
            for (int k = 0; k < Math.min(perJob, remaining); k++) {
                List<BenchmarkInstance.Alternative> alternatives = new ArrayList<>();
                int count = 1 + random.nextInt(3);
                int first = random.nextInt(machines);
                for (int a = 0; a < count; a++) {
                    int machine = 1 + (first + a * (1 + machines / 3)) % machines;
                    alternatives.add(new BenchmarkInstance.Alternative(machine, 1 + random.nextInt(99)));
                }
                job.add(alternatives);
            }
            jobs.add(job);
        }
        return new BenchmarkInstance("generated-" + operations + "x" + machines + "-s" + seed, machines, 1, jobs);
    }

    /** The instance in the Brandimarte text format, so that it can be checked like any other. */
    public static String toBrandimarteText(BenchmarkInstance instance) {
        StringBuilder text = new StringBuilder();
        text.append(instance.jobs().size()).append(' ').append(instance.machineCount()).append('\n');
        for (List<List<BenchmarkInstance.Alternative>> job : instance.jobs()) {
            text.append(job.size());
            for (List<BenchmarkInstance.Alternative> operation : job) {
                text.append("  ").append(operation.size());
                for (BenchmarkInstance.Alternative alternative : operation) {
                    text.append(' ').append(alternative.machine()).append(' ').append(alternative.duration());
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * A shop-floor-like problem of the same size: two 8-hour shifts a day with a 30-minute break each, weekends off,
     * half the machines letting operations span breaks, five setup families with 15–45 minute changeovers, releases
     * over the first week, due dates, and weights 1–5.
     */
    public static SchedulingProblem shopFloor(int operations, int machines, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        WorkingCalendar calendar = twoShiftsWithBreaks(120);
        ChangeoverTimes changeovers = ChangeoverTimes.uniform(30).with("F0", "F1", 15).with("F3", "F4", 45);
        SchedulingProblem.Builder problem = SchedulingProblem.builder();
        for (int m = 0; m < machines; m++) {
            BreakRule rule = m % 2 == 0 ? BreakRule.MAY_SPAN_BREAKS : BreakRule.MUST_FIT_BETWEEN_BREAKS;
            problem.machine(Machine.withCalendar("M" + m, calendar, rule).withChangeovers(changeovers, null));
        }
        int perJob = 10;
        int jobIndex = 0;
        for (int remaining = operations; remaining > 0; remaining -= perJob, jobIndex++) {
            long release = random.nextInt(5 * 24 * 60);
            Job.Builder job = Job.builder("PO" + jobIndex).release(release).weight(1 + random.nextInt(5))
                    .due(release + 3 * 24 * 60 + random.nextInt(10 * 24 * 60));
            for (int k = 0; k < Math.min(perJob, remaining); k++) {
                Operation.Builder operation = Operation.builder("PO" + jobIndex + "-" + (k + 1) * 10)
                        .setupFamily("F" + random.nextInt(5));
                int first = random.nextInt(machines);
                for (int a = 0, count = 1 + random.nextInt(3); a < count; a++) {
                    operation.on("M" + (first + a * 7) % machines, 10 + random.nextInt(20), 30 + random.nextInt(200));
                }
                if (k > 0 && random.nextInt(4) == 0) {
                    operation.transferBatch(1, 4);
                }
                job.operation(operation);
            }
            problem.job(job);
        }
        return problem.build();
    }

    /** Working days Monday to Friday, 06:00–14:00 and 14:00–22:00, with a break at 10:00 and 18:00 (30 min each). */
    public static WorkingCalendar twoShiftsWithBreaks(int days) {
        List<TimeWindow> windows = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            if (day % 7 >= 5) {
                continue;
            }
            long midnight = day * 24L * 60;
            windows.add(new TimeWindow(midnight + 6 * 60, midnight + 10 * 60));
            windows.add(new TimeWindow(midnight + 10 * 60 + 30, midnight + 18 * 60));
            windows.add(new TimeWindow(midnight + 18 * 60 + 30, midnight + 22 * 60));
        }
        return WorkingCalendar.of(windows);
    }
}
