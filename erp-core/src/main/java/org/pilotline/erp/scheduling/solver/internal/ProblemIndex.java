package org.pilotline.erp.scheduling.solver.internal;

import org.pilotline.erp.scheduling.solver.model.BreakRule;
import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.Machine;
import org.pilotline.erp.scheduling.solver.model.MachineOption;
import org.pilotline.erp.scheduling.solver.model.Operation;
import org.pilotline.erp.scheduling.solver.model.Precedence;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.model.TransferBatch;
import org.pilotline.erp.scheduling.solver.model.WorkingCalendar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated problem flattened into arrays indexed by machine, job, operation and option, which the heuristic, the
 * decoder and the CP-SAT model share. Options that can never fit their machine's working time after the job's release
 * are dropped here (a pinned option is always kept).
 */
public final class ProblemIndex {

    private final SchedulingProblem problem;
    private final Machine[] machines;
    private final Map<String, Integer> machineIndex = new HashMap<>();
    private final Job[] jobs;
    private final int[] jobFirstOperation;
    private final Operation[] operations;
    private final int[] operationJob;
    private final int[] operationPosition;
    private final int[][] optionMachine;
    private final long[][] optionSetup;
    private final long[][] optionProcessing;
    private final int[] pinnedOption;
    private final long[] pinnedStart;
    private final long[] operationRelease;
    private final int[][] waitsFor;
    private final TransferBatch[][] waitsForTransfer;
    private final int[][] waitedForBy;
    private final boolean[] endRules;
    private final int[] family;
    private final long[][][] changeover;
    private final boolean[] hasChangeovers;

    public ProblemIndex(SchedulingProblem problem) {
        this.problem = problem;
        this.machines = problem.machines().toArray(Machine[]::new);
        for (int m = 0; m < machines.length; m++) {
            machineIndex.put(machines[m].id(), m);
        }
        this.jobs = problem.jobs().toArray(Job[]::new);
        int operationCount = problem.operationCount();
        this.jobFirstOperation = new int[jobs.length + 1];
        this.operations = new Operation[operationCount];
        this.operationJob = new int[operationCount];
        this.operationPosition = new int[operationCount];
        this.optionMachine = new int[operationCount][];
        this.optionSetup = new long[operationCount][];
        this.optionProcessing = new long[operationCount][];
        this.pinnedOption = new int[operationCount];
        this.pinnedStart = new long[operationCount];
        this.family = new int[operationCount];
        this.operationRelease = new long[operationCount];
        Map<String, Integer> families = new LinkedHashMap<>();
        Map<String, Integer> operationIndex = new HashMap<>();
        int o = 0;
        for (int j = 0; j < jobs.length; j++) {
            jobFirstOperation[j] = o;
            int position = 0;
            for (Operation operation : jobs[j].operations()) {
                operations[o] = operation;
                operationJob[o] = j;
                operationPosition[o] = position++;
                operationIndex.put(operation.id(), o);
                operationRelease[o] = operation.pin() != null ? jobs[j].releaseTime()
                        : Math.max(jobs[j].releaseTime(), operation.releaseTime());
                indexOptions(o, operation);
                family[o] = operation.setupFamily() == null ? -1
                        : families.computeIfAbsent(operation.setupFamily(), key -> families.size());
                o++;
            }
        }
        jobFirstOperation[jobs.length] = o;
        this.waitsFor = new int[operationCount][];
        this.waitsForTransfer = new TransferBatch[operationCount][];
        this.endRules = new boolean[operationCount];
        List<List<Integer>> waitedBy = new ArrayList<>();
        for (int k = 0; k < operationCount; k++) {
            waitedBy.add(new ArrayList<>());
        }
        for (int k = 0; k < operationCount; k++) {
            List<Precedence> links = operations[k].waitsFor().stream()
                    .filter(link -> operationIndex.containsKey(link.operationId())).toList();
            waitsFor[k] = new int[links.size()];
            waitsForTransfer[k] = new TransferBatch[links.size()];
            endRules[k] = operationPosition[k] > 0 && operations[k].transferFromPredecessor() != null;
            for (int i = 0; i < links.size(); i++) {
                waitsFor[k][i] = operationIndex.get(links.get(i).operationId());
                waitsForTransfer[k][i] = links.get(i).transfer();
                endRules[k] |= links.get(i).transfer() != null;
                waitedBy.get(waitsFor[k][i]).add(k);
            }
        }
        this.waitedForBy = waitedBy.stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        this.hasChangeovers = new boolean[machines.length];
        this.changeover = new long[machines.length][][];
        List<String> familyNames = new ArrayList<>(families.keySet());
        for (int m = 0; m < machines.length; m++) {
            Machine machine = machines[m];
            hasChangeovers[m] = !machine.changeovers().isNone() && !familyNames.isEmpty();
            if (hasChangeovers[m]) {
                int size = familyNames.size();
                changeover[m] = new long[size + 1][size];
                for (int to = 0; to < size; to++) {
                    // Row 0 is the initial state of the machine; rows 1.. are the families.
                    changeover[m][0][to] = machine.changeovers().between(machine.initialSetupFamily(),
                            familyNames.get(to));
                    for (int from = 0; from < size; from++) {
                        changeover[m][from + 1][to] = machine.changeovers().between(familyNames.get(from),
                                familyNames.get(to));
                    }
                }
            }
        }
    }

    private void indexOptions(int o, Operation operation) {
        List<MachineOption> kept = new ArrayList<>();
        pinnedOption[o] = -1;
        for (MachineOption option : operation.machineOptions()) {
            Integer m = machineIndex.get(option.machineId());
            if (m == null) {
                continue;
            }
            boolean pinnedHere = operation.pin() != null && operation.pin().machineId().equals(option.machineId());
            if (pinnedHere || machines[m].calendar().canEverFit(operationRelease[o], option.occupationMinutes(),
                    machines[m].breakRule())) {
                if (pinnedHere) {
                    pinnedOption[o] = kept.size();
                    pinnedStart[o] = operation.pin().start();
                }
                kept.add(option);
            }
        }
        optionMachine[o] = kept.stream().mapToInt(option -> machineIndex.get(option.machineId())).toArray();
        optionSetup[o] = kept.stream().mapToLong(MachineOption::setupMinutes).toArray();
        optionProcessing[o] = kept.stream().mapToLong(MachineOption::processingMinutes).toArray();
    }

    public SchedulingProblem problem() {
        return problem;
    }

    public int machineCount() {
        return machines.length;
    }

    public Machine machine(int m) {
        return machines[m];
    }

    public WorkingCalendar calendar(int m) {
        return machines[m].calendar();
    }

    public BreakRule breakRule(int m) {
        return machines[m].breakRule();
    }

    public int jobCount() {
        return jobs.length;
    }

    public Job job(int j) {
        return jobs[j];
    }

    public int firstOperation(int j) {
        return jobFirstOperation[j];
    }

    /** One past the last operation of job {@code j}. */
    public int endOperation(int j) {
        return jobFirstOperation[j + 1];
    }

    public int lastOperation(int j) {
        return jobFirstOperation[j + 1] - 1;
    }

    public int operationCount() {
        return operations.length;
    }

    public Operation operation(int o) {
        return operations[o];
    }

    public int jobOf(int o) {
        return operationJob[o];
    }

    public int positionOf(int o) {
        return operationPosition[o];
    }

    /** The routing predecessor of {@code o}, or -1 for the first operation of a job. */
    public int predecessor(int o) {
        return operationPosition[o] == 0 ? -1 : o - 1;
    }

    /** The routing successor of {@code o}, or -1 for the last operation of a job. */
    public int successor(int o) {
        return o + 1 < jobFirstOperation[operationJob[o] + 1] ? o + 1 : -1;
    }

    /** Not before: its job's release, and its own (material) release unless it is pinned. */
    public long release(int o) {
        return operationRelease[o];
    }

    /** The operations of other jobs that {@code o} waits for (they make its material). */
    public int[] waitsFor(int o) {
        return waitsFor[o];
    }

    /** The overlap allowed with the {@code k}-th operation {@code o} waits for, or null. */
    public TransferBatch waitsForTransfer(int o, int k) {
        return waitsForTransfer[o][k];
    }

    /** The operations of other jobs that wait for {@code o}. */
    public int[] waitedForBy(int o) {
        return waitedForBy[o];
    }

    /** Whether a transfer batch bounds the end of {@code o} (from its routing predecessor or an operation it waits for). */
    public boolean hasEndRules(int o) {
        return endRules[o];
    }

    /** Whether any operation waits for an operation of another job. */
    public boolean anyWaits() {
        for (int[] links : waitsFor) {
            if (links.length > 0) {
                return true;
            }
        }
        return false;
    }

    public TransferBatch transferBatch(int o) {
        return operations[o].transferFromPredecessor();
    }

    public int optionCount(int o) {
        return optionMachine[o].length;
    }

    public int optionMachine(int o, int a) {
        return optionMachine[o][a];
    }

    public long optionSetup(int o, int a) {
        return optionSetup[o][a];
    }

    public long optionProcessing(int o, int a) {
        return optionProcessing[o][a];
    }

    public long occupation(int o, int a) {
        return optionSetup[o][a] + optionProcessing[o][a];
    }

    public long minOccupation(int o) {
        long min = Long.MAX_VALUE;
        for (int a = 0; a < optionCount(o); a++) {
            min = Math.min(min, occupation(o, a));
        }
        return min;
    }

    public long maxOccupation(int o) {
        long max = 0;
        for (int a = 0; a < optionCount(o); a++) {
            max = Math.max(max, occupation(o, a));
        }
        return max;
    }

    /** The option of {@code o} on machine {@code m}, or -1. */
    public int optionOn(int o, int m) {
        for (int a = 0; a < optionMachine[o].length; a++) {
            if (optionMachine[o][a] == m) {
                return a;
            }
        }
        return -1;
    }

    public boolean isPinned(int o) {
        return pinnedOption[o] >= 0;
    }

    public int pinnedOption(int o) {
        return pinnedOption[o];
    }

    public long pinnedStart(int o) {
        return pinnedStart[o];
    }

    public boolean hasChangeovers(int m) {
        return hasChangeovers[m];
    }

    public boolean anyChangeovers() {
        for (boolean any : hasChangeovers) {
            if (any) {
                return true;
            }
        }
        return false;
    }

    public boolean anyCalendar() {
        for (Machine machine : machines) {
            if (!machine.calendar().isAlwaysAvailable()) {
                return true;
            }
        }
        return false;
    }

    /** Changeover on machine {@code m} between operation {@code from} (-1: the machine's initial state) and {@code to}. */
    public long changeover(int m, int from, int to) {
        if (!hasChangeovers[m] || family[to] < 0) {
            return 0;
        }
        if (from < 0) {
            return changeover[m][0][family[to]];
        }
        return family[from] < 0 ? 0 : changeover[m][family[from] + 1][family[to]];
    }

    /**
     * A simple lower bound on the makespan: the longest job (release plus its shortest work, unless transfer batches
     * let its operations overlap) and the busiest machine counting operations that can only run there.
     */
    public long makespanLowerBound() {
        long bound = 0;
        for (int j = 0; j < jobs.length; j++) {
            long work = jobs[j].releaseTime();
            boolean overlaps = false;
            for (int o = firstOperation(j); o <= lastOperation(j); o++) {
                work += minOccupation(o);
                overlaps |= transferBatch(o) != null;
            }
            bound = Math.max(bound, overlaps ? 0 : work);
        }
        long[] load = new long[machines.length];
        for (int o = 0; o < operations.length; o++) {
            if (optionCount(o) == 1) {
                load[optionMachine(o, 0)] += occupation(o, 0);
            }
        }
        for (long machineLoad : load) {
            bound = Math.max(bound, machineLoad);
        }
        return bound;
    }

    public long maxChangeoverInto(int m, int to) {
        if (!hasChangeovers[m] || family[to] < 0) {
            return 0;
        }
        long max = 0;
        for (long[] row : changeover[m]) {
            max = Math.max(max, row[family[to]]);
        }
        return max;
    }
}
