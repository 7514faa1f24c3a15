package org.pilotline.erp.scheduling.benchmark;

import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.Operation;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;

import java.util.List;

/**
 * A job-shop or flexible job-shop benchmark instance as read from its file: for each job its operations in processing
 * order, for each operation the eligible machines (numbered as in the file) with their durations.
 */
public record BenchmarkInstance(String name, int machineCount, int firstMachineNumber, List<List<List<Alternative>>> jobs) {

    /** One eligible machine of an operation and the operation's duration there. */
    public record Alternative(int machine, int duration) {
    }

    public BenchmarkInstance {
        jobs = jobs.stream().map(job -> job.stream().map(List::copyOf).toList()).toList();
    }

    public int operationCount() {
        return jobs.stream().mapToInt(List::size).sum();
    }

    /** The scheduling problem: machines "M" + file number, always available; operation ids "J{job}-{index}". */
    public SchedulingProblem toProblem() {
        SchedulingProblem.Builder problem = SchedulingProblem.builder();
        for (int m = 0; m < machineCount; m++) {
            problem.machines(machineId(m + firstMachineNumber));
        }
        for (int j = 0; j < jobs.size(); j++) {
            Job.Builder job = Job.builder("J" + j);
            for (int k = 0; k < jobs.get(j).size(); k++) {
                Operation.Builder operation = Operation.builder(operationId(j, k));
                for (Alternative alternative : jobs.get(j).get(k)) {
                    operation.on(machineId(alternative.machine()), alternative.duration());
                }
                job.operation(operation);
            }
            problem.job(job);
        }
        return problem.build();
    }

    public static String machineId(int fileNumber) {
        return "M" + fileNumber;
    }

    public static String operationId(int job, int index) {
        return "J" + job + "-" + index;
    }

    /** The machine number of the file for a machine id made by {@link #machineId(int)}. */
    public static int machineNumber(String machineId) {
        return Integer.parseInt(machineId.substring(1));
    }
}
