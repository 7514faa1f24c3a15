package org.pilotline.erp.scheduling.solver.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the solver places: machines with their calendars and changeovers, and jobs with their routings.
 * Immutable; a what-if copy is simply another instance.
 */
public record SchedulingProblem(List<Machine> machines, List<Job> jobs) {

    public SchedulingProblem {
        machines = List.copyOf(machines);
        jobs = List.copyOf(jobs);
    }

    public Optional<Machine> machine(String id) {
        return machines.stream().filter(machine -> machine.id().equals(id)).findFirst();
    }

    public int operationCount() {
        return jobs.stream().mapToInt(job -> job.operations().size()).sum();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<Machine> machines = new ArrayList<>();
        private final List<Job> jobs = new ArrayList<>();

        public Builder machine(Machine machine) {
            machines.add(machine);
            return this;
        }

        public Builder machines(String... alwaysAvailableIds) {
            for (String id : alwaysAvailableIds) {
                machines.add(Machine.alwaysAvailable(id));
            }
            return this;
        }

        public Builder job(Job job) {
            jobs.add(job);
            return this;
        }

        public Builder job(Job.Builder job) {
            return job(job.build());
        }

        public SchedulingProblem build() {
            return new SchedulingProblem(machines, jobs);
        }
    }
}
