package org.pilotline.erp.scheduling.solver.schedule;

import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.Machine;
import org.pilotline.erp.scheduling.solver.model.Operation;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.model.TransferBatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a job ends when it does: the chain of operations and machines that binds its completion, read backwards from
 * its last operation. Each link says what held the operation back: its routing predecessor, the operation before it
 * on its machine (plus changeover), the job's release, a pin, or the machine's working time. This is what a planner
 * asks when an order is late.
 */
public final class BindingChain {

    /** What held an operation back at its start. */
    public enum Reason {
        /** It starts when its routing predecessor lets it (end, or transfer batch). */
        ROUTING_PREDECESSOR,
        /** It starts when the previous operation on its machine ends (plus the changeover). */
        MACHINE_PREDECESSOR,
        /** It starts at its job's release. */
        RELEASE,
        /** It is pinned there. */
        PINNED,
        /** It waits for the machine's next working window (or nothing else explains its start). */
        WORKING_TIME
    }

    /** One link: the operation, where it ran, and what held it back. */
    public record Link(String operationId, String machineId, long start, long end, Reason reason) {
    }

    private BindingChain() {
    }

    /** The chain that ends with the job's last operation, in time order; empty for an unknown job. */
    public static List<Link> of(SchedulingProblem problem, Schedule schedule, String jobId) {
        Optional<Job> job = problem.jobs().stream().filter(candidate -> candidate.id().equals(jobId)).findFirst();
        if (job.isEmpty() || job.get().operations().isEmpty()) {
            return List.of();
        }
        Map<String, Job> jobOf = new HashMap<>();
        Map<String, Operation> operations = new HashMap<>();
        Map<String, String> routingPredecessor = new HashMap<>();
        for (Job candidate : problem.jobs()) {
            Operation previous = null;
            for (Operation operation : candidate.operations()) {
                jobOf.put(operation.id(), candidate);
                operations.put(operation.id(), operation);
                if (previous != null) {
                    routingPredecessor.put(operation.id(), previous.id());
                }
                previous = operation;
            }
        }
        Map<String, ScheduledOperation> placed = new HashMap<>();
        Map<String, String> machinePredecessor = new HashMap<>();
        for (List<ScheduledOperation> sequence : schedule.byMachine().values()) {
            for (int i = 0; i < sequence.size(); i++) {
                placed.put(sequence.get(i).operationId(), sequence.get(i));
                if (i > 0) {
                    machinePredecessor.put(sequence.get(i).operationId(), sequence.get(i - 1).operationId());
                }
            }
        }
        List<Link> chain = new ArrayList<>();
        String current = job.get().operations().get(job.get().operations().size() - 1).id();
        while (current != null && placed.containsKey(current)) {
            ScheduledOperation here = placed.get(current);
            Operation operation = operations.get(current);
            String before = routingPredecessor.get(current);
            String onMachine = machinePredecessor.get(current);
            Reason reason;
            String next = null;
            if (operation.pin() != null) {
                reason = Reason.PINNED;
            } else if (before != null && placed.containsKey(before)
                    && here.start() == routingBound(placed.get(before), operation.transferFromPredecessor())) {
                reason = Reason.ROUTING_PREDECESSOR;
                next = before;
            } else if (onMachine != null && here.start() == placed.get(onMachine).end()
                    + changeover(problem, here.machineId(), operations.get(onMachine), operation)) {
                reason = Reason.MACHINE_PREDECESSOR;
                next = onMachine;
            } else if (here.start() == jobOf.get(current).releaseTime()) {
                reason = Reason.RELEASE;
            } else {
                reason = Reason.WORKING_TIME;
            }
            chain.add(new Link(current, here.machineId(), here.start(), here.end(), reason));
            current = next;
        }
        Collections.reverse(chain);
        return List.copyOf(chain);
    }

    private static long routingBound(ScheduledOperation predecessor, TransferBatch batch) {
        if (batch == null) {
            return predecessor.end();
        }
        long q = batch.lotQuantity();
        long b = batch.batchQuantity();
        return -Math.floorDiv(-((q - b) * predecessor.start() + b * predecessor.end()), q);
    }

    private static long changeover(SchedulingProblem problem, String machineId, Operation from, Operation to) {
        return problem.machine(machineId).map(Machine::changeovers)
                .map(changeovers -> changeovers.between(from.setupFamily(), to.setupFamily())).orElse(0L);
    }
}
