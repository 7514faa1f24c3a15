package org.pilotline.erp.scheduling.solver.heuristic;

import org.pilotline.erp.scheduling.solver.internal.ProblemIndex;
import org.pilotline.erp.scheduling.solver.internal.Solution;
import org.pilotline.erp.scheduling.solver.internal.Timing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * A tabu search on the critical path that shortens the makespan of a schedule before CP-SAT takes over (in the manner
 * of Nowicki and Smutnicki's job-shop tabu search, with the machine re-assignment moves of flexible job shops).
 *
 * <p>A schedule is represented by its machine assignment and the order of operations on each machine; its times come
 * from decoding that order into the earliest feasible times (the same rules as everywhere: calendars, changeovers,
 * transfer batches, pins), so every move is evaluated exactly and every schedule it returns is feasible. Moves: swap
 * the first or the last two operations of each block of the critical path on one machine, and move a critical
 * operation to another eligible machine. The best non-tabu neighbour is taken each step; a stalled search restarts
 * from the best schedule with a random perturbation.
 *
 * <p>It is a CPU-cheap primal heuristic: CP-SAT's large neighbourhood search improves from a better start, and CP-SAT
 * supplies the lower bound. Deterministic for a given seed and work limit.
 */
public final class CriticalPathSearch {

    private static final int TENURE_BASE = 8;
    private static final int STALL_BEFORE_RESTART = 2000;
    /**
     * Steps without a new best, per operation, after which the search gives the rest of its time to CP-SAT (small
     * problems are CP-SAT's to prove anyway); capped for large ones.
     */
    private static final int STALL_STEPS_PER_OPERATION = 50;
    private static final int STALL_BEFORE_GIVING_UP = 20_000;

    private final ProblemIndex index;
    private final int n;
    private final Long tardinessCap;
    private final long lowerBound;
    private final SplittableRandom random;
    // Current schedule: assignment, machine orders and decoded times.
    private final int[] option;
    private final int[][] sequence;
    private final int[] sequenceLength;
    private final long[] start;
    private final long[] end;
    private final int[] binding;
    // Work arrays of the decoder.
    private final int[] machinePredecessor;
    private final int[] machineSuccessor;
    private final int[] waiting;
    private final int[] queue;
    private final long[] tabuUntil;
    private final Map<Long, Long> tabuSwaps = new HashMap<>();
    private long step;
    private long work;

    /**
     * @param tardinessCap when not null, schedules whose weighted tardiness exceeds it are not accepted (phase two of
     *                     the lexicographic objective)
     */
    public CriticalPathSearch(ProblemIndex index, Solution initial, long seed, Long tardinessCap) {
        this(index, initial, seed, tardinessCap, tardinessCap == null ? index.makespanLowerBound() : 0);
    }

    /** @param lowerBound a proven lower bound of the makespan: the search stops when it meets it */
    public CriticalPathSearch(ProblemIndex index, Solution initial, long seed, Long tardinessCap, long lowerBound) {
        this.index = index;
        this.lowerBound = lowerBound;
        this.n = index.operationCount();
        this.tardinessCap = tardinessCap;
        this.random = new SplittableRandom(seed);
        this.option = initial.option().clone();
        int[][] sequences = initial.machineSequences(index);
        this.sequence = new int[sequences.length][];
        this.sequenceLength = new int[sequences.length];
        for (int m = 0; m < sequences.length; m++) {
            sequence[m] = Arrays.copyOf(sequences[m], n);
            sequenceLength[m] = sequences[m].length;
        }
        this.start = new long[n];
        this.end = new long[n];
        this.binding = new int[n];
        this.machinePredecessor = new int[n];
        this.machineSuccessor = new int[n];
        this.waiting = new int[n];
        this.queue = new int[n];
        this.tabuUntil = new long[n * index.machineCount()];
    }

    /**
     * Searches until it has decoded {@code workLimit} operations in all (a machine-independent measure of effort, so
     * the same limit gives the same result anywhere) or until {@code stop} says so, and returns the best schedule found
     * (never worse than the initial one), or null when the initial orders cannot be decoded.
     */
    public Solution improve(long workLimit, BooleanSupplier stop) {
        long current = decode();
        if (current == Long.MAX_VALUE) {
            return null;
        }
        long best = current;
        Solution bestSolution = snapshot();
        long lastImprovement = 0;
        long lastBest = 0;
        int[] path = new int[n];
        List<Move> candidates = new ArrayList<>();
        for (step = 1; work < workLimit; step++) {
            if (best <= lowerBound || step - lastBest > Math.min(STALL_BEFORE_GIVING_UP, STALL_STEPS_PER_OPERATION * n)
                    || (step & 31) == 0 && stop.getAsBoolean()) {
                break;
            }
            int pathLength = criticalPath(path);
            candidates.clear();
            collectMoves(path, pathLength, candidates);
            Move chosen = null;
            long chosenValue = Long.MAX_VALUE;
            for (Move move : candidates) {
                apply(move);
                long value = decode();
                undo(move);
                if (value < chosenValue && (!isTabu(move) || value < best)) {
                    chosen = move;
                    chosenValue = value;
                }
            }
            if (chosen == null) {
                decode();
                perturb(path, criticalPath(path));
                current = decode();
                continue;
            }
            apply(chosen);
            current = decode();
            forbidUndo(chosen);
            if (current < best) {
                best = current;
                bestSolution = snapshot();
                lastImprovement = step;
                lastBest = step;
            } else if (step - lastImprovement > STALL_BEFORE_RESTART) {
                restore(bestSolution);
                decode();
                perturb(path, criticalPath(path));
                current = decode();
                lastImprovement = step;
            }
        }
        return bestSolution;
    }

    /** Operations decoded so far: the effort spent. */
    public long work() {
        return work;
    }

    /** One step's change: swap an operation with the next one on its machine, or move it to another machine. */
    private record Move(int operation, int fromMachine, int toMachine, int toOption, int fromPosition,
                        int toPosition, boolean swap) {
    }

    /** The neighbours of the current schedule, read from its decoded critical path. */
    private void collectMoves(int[] path, int pathLength, List<Move> moves) {
        int blockStart = 0;
        for (int i = 1; i <= pathLength; i++) {
            if (i < pathLength && machinePredecessor[path[i]] == path[i - 1]) {
                continue;
            }
            int blockEnd = i - 1;
            if (blockEnd > blockStart) {
                addIfPresent(moves, swapMove(path[blockStart]));
                if (blockEnd - 1 > blockStart) {
                    addIfPresent(moves, swapMove(path[blockEnd - 1]));
                }
            }
            blockStart = i;
        }
        for (int i = 0; i < pathLength; i++) {
            int o = path[i];
            if (index.isPinned(o) || index.optionCount(o) < 2 || index.minOccupation(o) == 0) {
                continue;
            }
            for (int a = 0; a < index.optionCount(o); a++) {
                if (a != option[o]) {
                    moves.add(reassignMove(o, a));
                }
            }
        }
    }

    private static void addIfPresent(List<Move> moves, Move move) {
        if (move != null) {
            moves.add(move);
        }
    }

    private Move swapMove(int first) {
        int m = machineOf(first);
        if (index.isPinned(first) || machineSuccessor[first] < 0 || index.isPinned(machineSuccessor[first])) {
            return null;
        }
        int position = positionOf(m, first);
        return new Move(first, m, m, option[first], position, position + 1, true);
    }

    private Move reassignMove(int o, int a) {
        int from = machineOf(o);
        int to = index.optionMachine(o, a);
        int position = 0;
        while (position < sequenceLength[to] && start[sequence[to][position]] < start[o]) {
            position++;
        }
        return new Move(o, from, to, a, positionOf(from, o), position, false);
    }

    private void apply(Move move) {
        if (move.swap()) {
            swap(move.fromMachine(), move.fromPosition());
        } else {
            remove(move.fromMachine(), move.fromPosition());
            insert(move.toMachine(), move.toPosition(), move.operation());
            option[move.operation()] = move.toOption();
        }
    }

    private void undo(Move move) {
        if (move.swap()) {
            swap(move.fromMachine(), move.fromPosition());
        } else {
            remove(move.toMachine(), move.toPosition());
            insert(move.fromMachine(), move.fromPosition(), move.operation());
            option[move.operation()] = index.optionOn(move.operation(), move.fromMachine());
        }
    }

    /** After a swap of (u, v) forbid swapping v and u back; after a move forbid returning to the old machine. */
    private void forbidUndo(Move move) {
        long until = step + TENURE_BASE + random.nextInt(TENURE_BASE);
        if (move.swap()) {
            int second = sequence[move.fromMachine()][move.fromPosition()];
            tabuSwaps.put(pairKey(second, move.operation()), until);
        } else {
            tabuUntil[move.operation() * index.machineCount() + move.fromMachine()] = until;
        }
    }

    private boolean isTabu(Move move) {
        if (move.swap()) {
            int second = sequence[move.fromMachine()][move.fromPosition() + 1];
            return tabuSwaps.getOrDefault(pairKey(move.operation(), second), 0L) > step;
        }
        return tabuUntil[move.operation() * index.machineCount() + move.toMachine()] > step;
    }

    private long pairKey(int first, int second) {
        return (long) first * n + second;
    }

    /** A few random swaps of critical blocks, to leave a local optimum. */
    private void perturb(int[] path, int pathLength) {
        for (int k = 0; k < 3 && pathLength > 1; k++) {
            int o = path[random.nextInt(pathLength)];
            Move move = swapMove(o);
            if (move != null) {
                apply(move);
                if (decode() == Long.MAX_VALUE) {
                    undo(move);
                    decode();
                }
            }
        }
    }

    /** The critical path from the operation that ends last back to its start, in time order. */
    private int criticalPath(int[] path) {
        int last = 0;
        long bestValue = Long.MIN_VALUE;
        for (int o = 0; o < n; o++) {
            if (end[o] > bestValue) {
                bestValue = end[o];
                last = o;
            }
        }
        int length = 0;
        for (int o = last; o >= 0; o = binding[o]) {
            path[length++] = o;
        }
        for (int i = 0; i < length / 2; i++) {
            int swap = path[i];
            path[i] = path[length - 1 - i];
            path[length - 1 - i] = swap;
        }
        return length;
    }

    /**
     * Earliest times for the current assignment and orders; fills start, end and the binding predecessor of each
     * operation. Returns the makespan, or {@code Long.MAX_VALUE} when the orders contain a cycle, a pin cannot be kept
     * or the tardiness cap is exceeded.
     */
    private long decode() {
        work += n;
        Arrays.fill(machinePredecessor, -1);
        Arrays.fill(machineSuccessor, -1);
        for (int m = 0; m < sequence.length; m++) {
            for (int i = 1; i < sequenceLength[m]; i++) {
                machinePredecessor[sequence[m][i]] = sequence[m][i - 1];
                machineSuccessor[sequence[m][i - 1]] = sequence[m][i];
            }
        }
        int head = 0;
        int tail = 0;
        for (int o = 0; o < n; o++) {
            waiting[o] = (index.predecessor(o) >= 0 ? 1 : 0) + (machinePredecessor[o] >= 0 ? 1 : 0)
                    + index.waitsFor(o).length;
            if (waiting[o] == 0) {
                queue[tail++] = o;
            }
        }
        long makespan = 0;
        while (head < tail) {
            int o = queue[head++];
            if (!place(o)) {
                return Long.MAX_VALUE;
            }
            makespan = Math.max(makespan, end[o]);
            int routingSuccessor = index.successor(o);
            if (routingSuccessor >= 0 && --waiting[routingSuccessor] == 0) {
                queue[tail++] = routingSuccessor;
            }
            if (machineSuccessor[o] >= 0 && --waiting[machineSuccessor[o]] == 0) {
                queue[tail++] = machineSuccessor[o];
            }
            for (int follower : index.waitedForBy(o)) {
                if (--waiting[follower] == 0) {
                    queue[tail++] = follower;
                }
            }
        }
        if (tail < n) {
            return Long.MAX_VALUE;
        }
        if (tardinessCap != null && snapshotTardiness() > tardinessCap) {
            return Long.MAX_VALUE;
        }
        return makespan;
    }

    private boolean place(int o) {
        int a = option[o];
        int m = index.optionMachine(o, a);
        int previous = machinePredecessor[o];
        long fromRouting = Timing.earliestStart(index, o, start, end);
        long fromMachine = previous >= 0 ? end[previous] + index.changeover(m, previous, o)
                : index.changeover(m, -1, o);
        long lowerBound = Math.max(fromRouting, fromMachine);
        if (index.isPinned(o)) {
            start[o] = index.pinnedStart(o);
            end[o] = index.calendar(m).endOf(start[o], index.occupation(o, a), index.breakRule(m)).orElse(Long.MIN_VALUE);
            binding[o] = -1;
            return start[o] >= lowerBound && Timing.endRulesHold(index, o, end, start[o], end[o]);
        }
        if (index.calendar(m).isAlwaysAvailable() && !index.hasEndRules(o)) {
            start[o] = lowerBound;
            end[o] = lowerBound + index.occupation(o, a);
        } else {
            long[] placement = Timing.earliestPlacement(index, o, a, lowerBound, end);
            if (placement == null) {
                return false;
            }
            start[o] = placement[0];
            end[o] = placement[1];
        }
        if (start[o] != lowerBound) {
            binding[o] = -1;
        } else if (previous >= 0 && fromMachine >= fromRouting) {
            binding[o] = previous;
        } else {
            binding[o] = fromRouting > index.release(o) ? bindingPredecessor(o, fromRouting) : -1;
        }
        return true;
    }

    /** The routing predecessor or waited-for operation whose rule gives {@code o} its earliest start {@code bound}. */
    private int bindingPredecessor(int o, long bound) {
        int predecessor = index.predecessor(o);
        if (predecessor >= 0 && Timing.startRule(index.transferBatch(o), start[predecessor], end[predecessor]) == bound) {
            return predecessor;
        }
        int[] waits = index.waitsFor(o);
        for (int k = 0; k < waits.length; k++) {
            if (Timing.startRule(index.waitsForTransfer(o, k), start[waits[k]], end[waits[k]]) == bound) {
                return waits[k];
            }
        }
        return -1;
    }

    private long snapshotTardiness() {
        return new Solution(option, start, end).weightedTardiness(index);
    }

    private Solution snapshot() {
        return new Solution(option.clone(), start.clone(), end.clone());
    }

    private void restore(Solution solution) {
        System.arraycopy(solution.option(), 0, option, 0, n);
        int[][] sequences = solution.machineSequences(index);
        for (int m = 0; m < sequences.length; m++) {
            System.arraycopy(sequences[m], 0, sequence[m], 0, sequences[m].length);
            sequenceLength[m] = sequences[m].length;
        }
    }

    private int machineOf(int o) {
        return index.optionMachine(o, option[o]);
    }

    private int positionOf(int m, int o) {
        for (int i = 0; i < sequenceLength[m]; i++) {
            if (sequence[m][i] == o) {
                return i;
            }
        }
        throw new IllegalStateException("operation " + o + " is not on machine " + m);
    }

    private void swap(int m, int position) {
        int first = sequence[m][position];
        sequence[m][position] = sequence[m][position + 1];
        sequence[m][position + 1] = first;
    }

    private void remove(int m, int position) {
        System.arraycopy(sequence[m], position + 1, sequence[m], position, sequenceLength[m] - position - 1);
        sequenceLength[m]--;
    }

    private void insert(int m, int position, int o) {
        System.arraycopy(sequence[m], position, sequence[m], position + 1, sequenceLength[m] - position);
        sequence[m][position] = o;
        sequenceLength[m]++;
    }
}
