package org.pilotline.erp.scheduling.solver.schedule;

import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.Machine;
import org.pilotline.erp.scheduling.solver.model.Operation;
import org.pilotline.erp.scheduling.solver.model.Precedence;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.model.TimeWindow;
import org.pilotline.erp.scheduling.solver.model.TransferBatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Why a job ends when it does: the chain of operations and machines that binds its completion, read backwards from
 * its last operation. Each operation is held by the latest of what it must wait for — its routing predecessor, the
 * operation before it on its machine (plus changeover), the order making its material (or the material's receipt), its
 * job's release — or by a pin; between being ready and starting it may cross non-working time (a night, a break, or a
 * window too short for an operation that may not be interrupted), which is reported with the link instead of cutting
 * the chain. This is what a planner asks when an order is late.
 */
public final class BindingChain {

    /** What held an operation back at its start. */
    public enum Reason {
        /** It waits for its routing predecessor (its end, or its first transfer batch). */
        ROUTING_PREDECESSOR,
        /** It waits for the previous operation on its machine to end (plus the changeover). */
        MACHINE_PREDECESSOR,
        /** It waits for its material: the order making a component (its end or first transfer batch), or a receipt. */
        MATERIAL,
        /** It waits for its job's release. */
        RELEASE,
        /** It is pinned there. */
        PINNED,
        /** Nothing it waits for explains its start: it is later than its rules require. */
        WORKING_TIME
    }

    /** What lies between the moment an operation was ready and its start. */
    public enum GapKind {
        /** It was ready outside working time (a night, a break, a weekend, a holiday) and starts when work resumes. */
        OUTSIDE_WORKING_TIME,
        /** It may not be interrupted and the window it was ready in (or the next) ended too soon for it. */
        TOO_SHORT_BEFORE_BREAK,
        /** It starts later so that it does not run ahead of the last transfer batch it depends on. */
        TRANSFER_BATCH
    }

    /**
     * The time an operation crossed between being ready and starting.
     *
     * @param windowEnd for {@link GapKind#TOO_SHORT_BEFORE_BREAK}, where the working window it could not fit in ended
     *                  (the break or end of shift it could not finish before); otherwise null
     * @param start     where it starts: the next window it fits in
     */
    public record Gap(GapKind kind, long readyAt, Long windowEnd, long start) {
    }

    /**
     * What held one operation.
     *
     * @param waitedFor the operation it waited for (routing or machine predecessor, or the operation making its
     *                  material); null for a release, a pin, a material receipt, or working time
     * @param readyAt   when what held it let it go
     * @param gap       the non-working time it crossed after that, or null when it starts as soon as it is ready
     */
    public record Hold(String operationId, Reason reason, String waitedFor, long readyAt, Gap gap) {
    }

    /** One link of a chain: the operation, where it ran, and what held it back. */
    public record Link(String operationId, String machineId, long start, long end, Reason reason, String waitedFor,
                       long readyAt, Gap gap) {
    }

    private BindingChain() {
    }

    /** The chain that ends with the job's last operation, in time order; empty for an unknown job. */
    public static List<Link> of(SchedulingProblem problem, Schedule schedule, String jobId) {
        Optional<Job> job = problem.jobs().stream().filter(candidate -> candidate.id().equals(jobId)).findFirst();
        if (job.isEmpty() || job.get().operations().isEmpty()) {
            return List.of();
        }
        Map<String, Hold> holds = holds(problem, schedule);
        Map<String, ScheduledOperation> placed = new HashMap<>();
        schedule.operations().forEach(operation -> placed.put(operation.operationId(), operation));
        List<Link> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String current = job.get().operations().get(job.get().operations().size() - 1).id();
        while (current != null && placed.containsKey(current) && seen.add(current)) {
            ScheduledOperation here = placed.get(current);
            Hold hold = holds.get(current);
            chain.add(new Link(current, here.machineId(), here.start(), here.end(), hold.reason(), hold.waitedFor(),
                    hold.readyAt(), hold.gap()));
            current = hold.waitedFor();
        }
        Collections.reverse(chain);
        return List.copyOf(chain);
    }

    /** What held each placed operation of the schedule, by operation id. */
    public static Map<String, Hold> holds(SchedulingProblem problem, Schedule schedule) {
        Map<String, Job> jobOf = new HashMap<>();
        Map<String, Operation> operations = new HashMap<>();
        Map<String, String> routingPredecessor = new HashMap<>();
        for (Job job : problem.jobs()) {
            Operation previous = null;
            for (Operation operation : job.operations()) {
                jobOf.put(operation.id(), job);
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
            String previous = null;
            for (ScheduledOperation operation : sequence) {
                placed.put(operation.operationId(), operation);
                // An operation that takes no time occupies nothing, and so holds up nothing on the machine.
                if (operation.end() > operation.start()) {
                    if (previous != null) {
                        machinePredecessor.put(operation.operationId(), previous);
                    }
                    previous = operation.operationId();
                }
            }
        }
        Map<String, Machine> machines = new HashMap<>();
        problem.machines().forEach(machine -> machines.putIfAbsent(machine.id(), machine));
        Map<String, Hold> holds = new LinkedHashMap<>();
        for (ScheduledOperation here : schedule.operations()) {
            Operation operation = operations.get(here.operationId());
            if (operation == null) {
                continue;
            }
            holds.put(here.operationId(), hold(machines.get(here.machineId()), here, operation,
                    jobOf.get(here.operationId()), routingPredecessor.get(here.operationId()),
                    machinePredecessor.get(here.operationId()), placed, operations));
        }
        return holds;
    }

    /** Candidates in the order of preference when several let the operation go at the same moment. */
    private static Hold hold(Machine machine, ScheduledOperation here, Operation operation, Job job,
                             String routing, String onMachine, Map<String, ScheduledOperation> placed,
                             Map<String, Operation> operations) {
        if (operation.pin() != null) {
            return new Hold(here.operationId(), Reason.PINNED, null, here.start(), null);
        }
        Hold best = new Hold(here.operationId(), Reason.RELEASE, null, job.releaseTime(), null);
        boolean transfer = false;
        if (routing != null && placed.containsKey(routing)) {
            ScheduledOperation before = placed.get(routing);
            transfer |= operation.transferFromPredecessor() != null;
            best = later(best, new Hold(here.operationId(), Reason.ROUTING_PREDECESSOR, routing,
                    startRule(operation.transferFromPredecessor(), before), null));
        }
        for (Precedence waited : operation.waitsFor()) {
            ScheduledOperation before = placed.get(waited.operationId());
            if (before != null) {
                transfer |= waited.transfer() != null;
                best = later(best, new Hold(here.operationId(), Reason.MATERIAL, waited.operationId(),
                        startRule(waited.transfer(), before), null));
            }
        }
        if (onMachine != null) {
            long changeover = machine == null ? 0
                    : machine.changeovers().between(operations.get(onMachine).setupFamily(), operation.setupFamily());
            best = later(best, new Hold(here.operationId(), Reason.MACHINE_PREDECESSOR, onMachine,
                    placed.get(onMachine).end() + changeover, null));
        }
        best = later(best, new Hold(here.operationId(), Reason.MATERIAL, null, operation.releaseTime(), null));
        if (here.start() == best.readyAt()) {
            return best;
        }
        long work = here.setupMinutes() + here.processingMinutes();
        OptionalLong fits = machine == null ? OptionalLong.empty()
                : machine.calendar().earliestStart(best.readyAt(), work, machine.breakRule());
        if (fits.isPresent() && fits.getAsLong() == here.start()) {
            return withGap(best, calendarGap(machine, best.readyAt(), here.start()));
        }
        if (transfer && fits.isPresent() && fits.getAsLong() < here.start()) {
            return withGap(best, new Gap(GapKind.TRANSFER_BATCH, best.readyAt(), null, here.start()));
        }
        return new Hold(here.operationId(), Reason.WORKING_TIME, null, best.readyAt(), null);
    }

    /** The candidate that lets the operation go later; on a tie the earlier one (higher preference) stays. */
    private static Hold later(Hold incumbent, Hold candidate) {
        return candidate.readyAt() > incumbent.readyAt() ? candidate : incumbent;
    }

    private static Hold withGap(Hold hold, Gap gap) {
        return new Hold(hold.operationId(), hold.reason(), hold.waitedFor(), hold.readyAt(), gap);
    }

    /**
     * Ready at {@code readyAt}, started at {@code start} (its calendar's earliest fit): either it was ready outside
     * working time and starts as work resumes, or the window it was ready in (or the next one) was too short for it.
     */
    private static Gap calendarGap(Machine machine, long readyAt, long start) {
        Optional<TimeWindow> window = machine.calendar().windowAtOrAfter(readyAt);
        if (window.isPresent() && window.get().start() > readyAt && window.get().start() == start) {
            return new Gap(GapKind.OUTSIDE_WORKING_TIME, readyAt, null, start);
        }
        return new Gap(GapKind.TOO_SHORT_BEFORE_BREAK, readyAt, window.map(TimeWindow::end).orElse(null), start);
    }

    private static long startRule(TransferBatch batch, ScheduledOperation predecessor) {
        return batch == null ? predecessor.end() : batch.earliestStartAfter(predecessor.start(), predecessor.end());
    }
}
