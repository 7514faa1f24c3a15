package org.pilotline.erp.scheduling.solver.schedule;

import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.Machine;
import org.pilotline.erp.scheduling.solver.model.MachineOption;
import org.pilotline.erp.scheduling.solver.model.Operation;
import org.pilotline.erp.scheduling.solver.model.Precedence;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.model.TransferBatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.pilotline.erp.scheduling.solver.schedule.Violation.Kind.*;

/**
 * Checks a schedule against its problem from first principles, by operation and machine ids and the model's own
 * calendar rules, independently of how the solver represents things internally: every operation placed once on an
 * eligible machine, durations and working time, release dates (of jobs and of operations' material), routing
 * precedence and waits for other jobs' operations (with transfer batches), no overlap
 * and enough changeover time on each machine, and pins kept. The solver runs it on every schedule it returns.
 */
public final class ScheduleVerifier {

    private ScheduleVerifier() {
    }

    public static List<Violation> verify(SchedulingProblem problem, Schedule schedule) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Machine> machines = new HashMap<>();
        problem.machines().forEach(machine -> machines.putIfAbsent(machine.id(), machine));
        Map<String, ScheduledOperation> placed = new HashMap<>();
        for (ScheduledOperation operation : schedule.operations()) {
            if (placed.putIfAbsent(operation.operationId(), operation) != null) {
                violations.add(new Violation(DUPLICATE_OPERATION, operation.operationId(),
                        "operation '" + operation.operationId() + "' is placed more than once"));
            }
        }
        Map<String, Operation> known = new HashMap<>();
        Map<String, String> familyOf = new HashMap<>();
        for (Job job : problem.jobs()) {
            for (Operation operation : job.operations()) {
                known.put(operation.id(), operation);
                familyOf.put(operation.id(), operation.setupFamily());
            }
        }
        for (ScheduledOperation operation : schedule.operations()) {
            if (!known.containsKey(operation.operationId())) {
                violations.add(new Violation(UNKNOWN_OPERATION, operation.operationId(),
                        "operation '" + operation.operationId() + "' is not part of the problem"));
            }
        }
        for (Job job : problem.jobs()) {
            ScheduledOperation previous = null;
            Operation previousOperation = null;
            for (Operation operation : job.operations()) {
                ScheduledOperation current = placed.get(operation.id());
                if (current == null) {
                    violations.add(new Violation(MISSING_OPERATION, operation.id(),
                            "operation '" + operation.id() + "' is not placed"));
                    previous = null;
                    continue;
                }
                checkPlacement(machines, job, operation, current, violations);
                if (previous != null) {
                    checkPrecedence(previousOperation, previous, operation, current,
                            operation.transferFromPredecessor(), violations);
                }
                previous = current;
                previousOperation = operation;
            }
        }
        for (Job job : problem.jobs()) {
            for (Operation operation : job.operations()) {
                ScheduledOperation current = placed.get(operation.id());
                for (Precedence waited : operation.waitsFor()) {
                    ScheduledOperation before = placed.get(waited.operationId());
                    if (current != null && before != null) {
                        checkPrecedence(known.get(waited.operationId()), before, operation, current, waited.transfer(),
                                violations);
                    }
                }
            }
        }
        checkMachines(machines, schedule, familyOf, violations);
        return List.copyOf(violations);
    }

    private static void checkPlacement(Map<String, Machine> machines, Job job, Operation operation,
                                       ScheduledOperation placed, List<Violation> violations) {
        String id = operation.id();
        MachineOption option = operation.optionOn(placed.machineId()).orElse(null);
        Machine machine = machines.get(placed.machineId());
        if (option == null || machine == null) {
            violations.add(new Violation(INELIGIBLE_MACHINE, id,
                    "operation '" + id + "' is placed on machine '" + placed.machineId() + "', which is not eligible"));
            return;
        }
        if (placed.setupMinutes() != option.setupMinutes() || placed.processingMinutes() != option.processingMinutes()) {
            violations.add(new Violation(WRONG_DURATION, id, "operation '" + id + "' is given durations "
                    + placed.setupMinutes() + "+" + placed.processingMinutes() + " instead of "
                    + option.setupMinutes() + "+" + option.processingMinutes() + " on '" + machine.id() + "'"));
        }
        OptionalLong end = machine.calendar().endOf(placed.start(), option.occupationMinutes(), machine.breakRule());
        if (end.isEmpty()) {
            violations.add(new Violation(OUTSIDE_WORKING_TIME, id, "operation '" + id + "' starting at "
                    + placed.start() + " does not fit the working time of machine '" + machine.id() + "'"));
        } else if (end.getAsLong() != placed.end()) {
            violations.add(new Violation(WRONG_DURATION, id, "operation '" + id + "' ends at " + placed.end()
                    + " but its work on '" + machine.id() + "' ends at " + end.getAsLong()));
        }
        if (placed.start() < job.releaseTime()) {
            violations.add(new Violation(BEFORE_RELEASE, id, "operation '" + id + "' starts at " + placed.start()
                    + ", before its job's release at " + job.releaseTime()));
        } else if (operation.pin() == null && placed.start() < operation.releaseTime()) {
            violations.add(new Violation(BEFORE_RELEASE, id, "operation '" + id + "' starts at " + placed.start()
                    + ", before its material arrives at " + operation.releaseTime()));
        }
        if (operation.pin() != null && (!operation.pin().machineId().equals(placed.machineId())
                || operation.pin().start() != placed.start())) {
            violations.add(new Violation(PIN_MOVED, id, "operation '" + id + "' is pinned to '"
                    + operation.pin().machineId() + "' at " + operation.pin().start() + " but placed on '"
                    + placed.machineId() + "' at " + placed.start()));
        }
    }

    private static void checkPrecedence(Operation predecessor, ScheduledOperation before, Operation operation,
                                        ScheduledOperation after, TransferBatch batch, List<Violation> violations) {
        boolean respected;
        if (batch == null) {
            respected = after.start() >= before.end();
        } else {
            long b = batch.batchQuantity();
            long q = batch.lotQuantity();
            respected = q * after.start() >= (q - b) * before.start() + b * before.end()
                    && (q - b) * after.end() + b * after.start() >= q * before.end();
        }
        if (!respected) {
            violations.add(new Violation(PRECEDENCE, operation.id(), "operation '" + operation.id() + "' at ["
                    + after.start() + ", " + after.end() + ") does not follow its predecessor '" + predecessor.id()
                    + "' at [" + before.start() + ", " + before.end() + ")"
                    + (batch == null ? "" : " with transfer batch " + batch.batchQuantity() + "/" + batch.lotQuantity())));
        }
    }

    private static void checkMachines(Map<String, Machine> machines, Schedule schedule, Map<String, String> familyOf,
                                      List<Violation> violations) {
        Map<String, List<ScheduledOperation>> byMachine = new HashMap<>();
        for (ScheduledOperation operation : schedule.operations()) {
            byMachine.computeIfAbsent(operation.machineId(), id -> new ArrayList<>()).add(operation);
        }
        for (Map.Entry<String, List<ScheduledOperation>> entry : byMachine.entrySet()) {
            Machine machine = machines.get(entry.getKey());
            if (machine == null) {
                continue;
            }
            // An operation that takes no time occupies nothing (a zero-duration step of a benchmark instance).
            List<ScheduledOperation> sequence = new ArrayList<>(entry.getValue().stream()
                    .filter(operation -> operation.end() > operation.start()).toList());
            if (sequence.isEmpty()) {
                continue;
            }
            sequence.sort(Comparator.comparingLong(ScheduledOperation::start)
                    .thenComparingLong(ScheduledOperation::end));
            ScheduledOperation first = sequence.get(0);
            long initial = machine.changeovers().between(machine.initialSetupFamily(),
                    familyOf.get(first.operationId()));
            if (first.start() < initial) {
                violations.add(new Violation(CHANGEOVER_TOO_SHORT, first.operationId(), "operation '"
                        + first.operationId() + "' starts before the initial changeover of machine '"
                        + machine.id() + "' (" + initial + ") is done"));
            }
            for (int i = 1; i < sequence.size(); i++) {
                ScheduledOperation earlier = sequence.get(i - 1);
                ScheduledOperation later = sequence.get(i);
                long changeover = machine.changeovers().between(familyOf.get(earlier.operationId()),
                        familyOf.get(later.operationId()));
                if (later.start() < earlier.end()) {
                    violations.add(new Violation(MACHINE_OVERLAP, later.operationId(), "operation '"
                            + later.operationId() + "' overlaps '" + earlier.operationId() + "' on machine '"
                            + machine.id() + "'"));
                } else if (later.start() < earlier.end() + changeover) {
                    violations.add(new Violation(CHANGEOVER_TOO_SHORT, later.operationId(), "operation '"
                            + later.operationId() + "' starts " + (later.start() - earlier.end()) + " after '"
                            + earlier.operationId() + "' on machine '" + machine.id() + "', which needs a changeover of "
                            + changeover));
                }
            }
        }
    }
}
