package org.pilotline.erp.scheduling.solver.schedule;

import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The objective values of a schedule: makespan and total weighted tardiness, with each job's completion. */
public record ScheduleMetrics(long makespan, long totalWeightedTardiness, List<JobCompletion> jobs) {

    public ScheduleMetrics {
        jobs = List.copyOf(jobs);
    }

    public static ScheduleMetrics of(SchedulingProblem problem, Schedule schedule) {
        Map<String, List<ScheduledOperation>> byJob = schedule.byJob();
        List<JobCompletion> completions = new ArrayList<>();
        long weightedTardiness = 0;
        for (Job job : problem.jobs()) {
            long completion = byJob.getOrDefault(job.id(), List.of()).stream().mapToLong(ScheduledOperation::end)
                    .max().orElse(job.releaseTime());
            long tardiness = job.dueTime() == null ? 0 : Math.max(0, completion - job.dueTime());
            weightedTardiness += tardiness * job.weight();
            completions.add(new JobCompletion(job.id(), completion, job.dueTime(), job.weight(), tardiness));
        }
        return new ScheduleMetrics(schedule.makespan(), weightedTardiness, completions);
    }

    public long lateJobCount() {
        return jobs.stream().filter(JobCompletion::isLate).count();
    }
}
