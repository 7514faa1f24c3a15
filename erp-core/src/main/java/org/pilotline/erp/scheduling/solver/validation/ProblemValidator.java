package org.pilotline.erp.scheduling.solver.validation;

import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.Machine;
import org.pilotline.erp.scheduling.solver.model.MachineOption;
import org.pilotline.erp.scheduling.solver.model.Operation;
import org.pilotline.erp.scheduling.solver.model.Pin;
import org.pilotline.erp.scheduling.solver.model.Precedence;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.pilotline.erp.scheduling.solver.validation.InputProblem.Kind.*;

/**
 * Checks a problem before any solving and reports every defect as a typed {@link InputProblem}, so that nothing deep
 * inside the solver throws over bad input. An empty list means the problem can be handed to the solver (it may still
 * be infeasible, for instance when pins leave no room, which the solver reports as such).
 */
public final class ProblemValidator {

    private ProblemValidator() {
    }

    public static List<InputProblem> validate(SchedulingProblem problem) {
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Machine> machines = new HashMap<>();
        for (Machine machine : problem.machines()) {
            if (machines.putIfAbsent(machine.id(), machine) != null) {
                problems.add(new InputProblem(DUPLICATE_MACHINE_ID, null, null, machine.id(),
                        "machine '" + machine.id() + "' is defined more than once"));
            }
        }
        Set<String> jobIds = new HashSet<>();
        Set<String> operationIds = new HashSet<>();
        Map<String, List<PinnedSpan>> pinsByMachine = new HashMap<>();
        for (Job job : problem.jobs()) {
            if (!jobIds.add(job.id())) {
                problems.add(new InputProblem(DUPLICATE_JOB_ID, job.id(), null, null,
                        "job '" + job.id() + "' is defined more than once"));
            }
            checkJob(job, machines, operationIds, pinsByMachine, problems);
        }
        checkPinOverlaps(pinsByMachine, problems);
        checkWaits(problem, operationIds, problems);
        return List.copyOf(problems);
    }

    /** Every operation waited for exists, transfer batches are sound, and nothing waits for itself in a circle. */
    private static void checkWaits(SchedulingProblem problem, Set<String> operationIds, List<InputProblem> problems) {
        Map<String, List<String>> followers = new HashMap<>();
        Map<String, Integer> waiting = new HashMap<>();
        for (Job job : problem.jobs()) {
            String previous = null;
            for (Operation operation : job.operations()) {
                waiting.putIfAbsent(operation.id(), 0);
                if (previous != null) {
                    followers.computeIfAbsent(previous, id -> new ArrayList<>()).add(operation.id());
                    waiting.merge(operation.id(), 1, Integer::sum);
                }
                for (Precedence waited : operation.waitsFor()) {
                    if (!operationIds.contains(waited.operationId())) {
                        problems.add(problem(UNKNOWN_OPERATION_WAITED_FOR, job, operation, null, "operation '"
                                + operation.id() + "' waits for operation '" + waited.operationId()
                                + "', which does not exist"));
                        continue;
                    }
                    if (waited.transfer() != null && !waited.transfer().isValid()) {
                        problems.add(problem(INVALID_TRANSFER_BATCH, job, operation, null, "operation '"
                                + operation.id() + "' waits for '" + waited.operationId()
                                + "' with a batch not between 1 and the lot quantity"));
                    }
                    followers.computeIfAbsent(waited.operationId(), id -> new ArrayList<>()).add(operation.id());
                    waiting.merge(operation.id(), 1, Integer::sum);
                }
                previous = operation.id();
            }
        }
        java.util.ArrayDeque<String> free = new java.util.ArrayDeque<>();
        waiting.forEach((id, count) -> {
            if (count == 0) {
                free.add(id);
            }
        });
        int ordered = 0;
        while (!free.isEmpty()) {
            String id = free.poll();
            ordered++;
            for (String follower : followers.getOrDefault(id, List.of())) {
                if (waiting.merge(follower, -1, Integer::sum) == 0) {
                    free.add(follower);
                }
            }
        }
        if (ordered < waiting.size()) {
            for (Job job : problem.jobs()) {
                for (Operation operation : job.operations()) {
                    if (waiting.getOrDefault(operation.id(), 0) > 0 && !operation.waitsFor().isEmpty()) {
                        problems.add(problem(WAITS_IN_A_CIRCLE, job, operation, null, "operation '" + operation.id()
                                + "' waits, through other jobs, for an operation that waits for it"));
                    }
                }
            }
        }
    }

    private static void checkJob(Job job, Map<String, Machine> machines, Set<String> operationIds,
                                 Map<String, List<PinnedSpan>> pinsByMachine, List<InputProblem> problems) {
        if (job.operations().isEmpty()) {
            problems.add(new InputProblem(JOB_WITHOUT_OPERATIONS, job.id(), null, null,
                    "job '" + job.id() + "' has no operations"));
        }
        if (job.releaseTime() < 0 || job.operations().stream().anyMatch(operation -> operation.releaseTime() < 0)) {
            problems.add(new InputProblem(NEGATIVE_RELEASE_TIME, job.id(), null, null,
                    "job '" + job.id() + "' is released before the horizon start"));
        }
        if (job.weight() < 0) {
            problems.add(new InputProblem(NEGATIVE_WEIGHT, job.id(), null, null,
                    "job '" + job.id() + "' has a negative weight"));
        }
        PinnedSpan previousPin = null;
        for (int position = 0; position < job.operations().size(); position++) {
            Operation operation = job.operations().get(position);
            if (!operationIds.add(operation.id())) {
                problems.add(problem(DUPLICATE_OPERATION_ID, job, operation, null,
                        "operation '" + operation.id() + "' is defined more than once"));
            }
            checkOptions(job, operation, machines, problems);
            if (operation.transferFromPredecessor() != null
                    && (position == 0 || !operation.transferFromPredecessor().isValid())) {
                problems.add(problem(INVALID_TRANSFER_BATCH, job, operation, null, "operation '" + operation.id()
                        + "' has a transfer batch but " + (position == 0 ? "no predecessor"
                        : "its batch is not between 1 and the lot quantity")));
            }
            PinnedSpan pinned = checkPin(job, operation, machines, problems);
            if (pinned != null) {
                pinsByMachine.computeIfAbsent(pinned.machineId(), id -> new ArrayList<>()).add(pinned);
                if (previousPin != null && previousPin.position() == position - 1
                        && operation.transferFromPredecessor() == null && pinned.start() < previousPin.end()) {
                    problems.add(problem(PINS_CONTRADICT_ROUTING, job, operation, pinned.machineId(),
                            "operation '" + operation.id() + "' is pinned to start before its pinned predecessor '"
                                    + previousPin.operationId() + "' ends"));
                }
                previousPin = pinned;
            }
        }
    }

    private static void checkOptions(Job job, Operation operation, Map<String, Machine> machines,
                                     List<InputProblem> problems) {
        if (operation.machineOptions().isEmpty()) {
            problems.add(problem(NO_ELIGIBLE_MACHINE, job, operation, null,
                    "operation '" + operation.id() + "' has no eligible machine"));
            return;
        }
        boolean fitsSomewhere = false;
        boolean allMachinesKnown = true;
        for (MachineOption option : operation.machineOptions()) {
            Machine machine = machines.get(option.machineId());
            if (machine == null) {
                allMachinesKnown = false;
                problems.add(problem(UNKNOWN_MACHINE, job, operation, option.machineId(), "operation '"
                        + operation.id() + "' names machine '" + option.machineId() + "', which does not exist"));
                continue;
            }
            if (option.setupMinutes() < 0 || option.processingMinutes() < 0) {
                problems.add(problem(NEGATIVE_DURATION, job, operation, option.machineId(),
                        "operation '" + operation.id() + "' has a negative duration on machine '"
                                + option.machineId() + "'"));
                continue;
            }
            long release = operation.pin() != null ? job.releaseTime()
                    : Math.max(job.releaseTime(), operation.releaseTime());
            fitsSomewhere |= machine.calendar().canEverFit(release, option.occupationMinutes(), machine.breakRule());
        }
        if (allMachinesKnown && !fitsSomewhere && problems.stream().noneMatch(p -> p.kind() == NEGATIVE_DURATION
                && operation.id().equals(p.operationId()))) {
            problems.add(problem(NO_WORKING_TIME_FOR_OPERATION, job, operation, null, "operation '" + operation.id()
                    + "' fits in the working time of none of its machines after its release"));
        }
    }

    private static PinnedSpan checkPin(Job job, Operation operation, Map<String, Machine> machines,
                                       List<InputProblem> problems) {
        Pin pin = operation.pin();
        if (pin == null) {
            return null;
        }
        Machine machine = machines.get(pin.machineId());
        MachineOption option = operation.optionOn(pin.machineId()).orElse(null);
        if (machine == null || option == null) {
            problems.add(problem(PIN_ON_INELIGIBLE_MACHINE, job, operation, pin.machineId(), "operation '"
                    + operation.id() + "' is pinned to machine '" + pin.machineId() + "', which is not eligible"));
            return null;
        }
        if (pin.start() < job.releaseTime()) {
            problems.add(problem(PIN_BEFORE_RELEASE, job, operation, pin.machineId(),
                    "operation '" + operation.id() + "' is pinned before its job's release"));
        }
        OptionalLong end = machine.calendar().endOf(pin.start(), option.occupationMinutes(), machine.breakRule());
        if (end.isEmpty()) {
            problems.add(problem(PIN_OUTSIDE_WORKING_TIME, job, operation, pin.machineId(), "operation '"
                    + operation.id() + "' is pinned where it does not fit the working time of machine '"
                    + pin.machineId() + "'"));
            return null;
        }
        int position = job.operations().indexOf(operation);
        return new PinnedSpan(job.id(), operation.id(), position, pin.machineId(), pin.start(), end.getAsLong());
    }

    private static void checkPinOverlaps(Map<String, List<PinnedSpan>> pinsByMachine, List<InputProblem> problems) {
        for (List<PinnedSpan> pins : pinsByMachine.values()) {
            pins.sort(Comparator.comparingLong(PinnedSpan::start));
            for (int i = 1; i < pins.size(); i++) {
                PinnedSpan earlier = pins.get(i - 1);
                PinnedSpan later = pins.get(i);
                if (later.start() < earlier.end()) {
                    problems.add(new InputProblem(PINS_OVERLAP, later.jobId(), later.operationId(), later.machineId(),
                            "operation '" + later.operationId() + "' is pinned over operation '"
                                    + earlier.operationId() + "' on machine '" + later.machineId() + "'"));
                }
            }
        }
    }

    private static InputProblem problem(InputProblem.Kind kind, Job job, Operation operation, String machineId,
                                        String message) {
        return InputProblem.ofOperation(kind, job.id(), operation.id(), machineId, message);
    }

    private record PinnedSpan(String jobId, String operationId, int position, String machineId, long start,
                              long end) {
    }
}
