package org.pilotline.erp.scheduling.solver.bound;

import org.pilotline.erp.scheduling.solver.heuristic.JobShopTabuSearch;
import org.pilotline.erp.scheduling.solver.internal.ProblemIndex;
import org.pilotline.erp.scheduling.solver.internal.Solution;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Decides for a classic job shop whether a schedule of makespan at most {@code T} exists: the heads and tails of
 * {@link HeadsAndTails} are shaved at the root (an operation whose earliest — or latest — possible starts make the
 * propagation fail cannot start there), then a depth-first branch and bound ranks the machines one operation at a time
 * (the machine with the least slack first; each operation that may come first on it in turn), propagating after every
 * decision. It either proves that none exists — then the best schedule, of makespan {@code T + 1}, is optimal — or
 * finds one, or runs out of its budget. For ft10 with {@code T = 929} it proves optimality in tens of thousands of
 * nodes.
 */
public final class JobShopProof {

    /** How a search ended. */
    public enum Outcome { NO_SCHEDULE, FOUND, UNDECIDED }

    /** Its outcome, the schedule found (for {@link Outcome#FOUND}), and the nodes it searched. */
    public record Result(Outcome outcome, Solution found, long nodes) {
    }

    private final ProblemIndex index;
    private final HeadsAndTails relaxation;
    private BooleanSupplier stop;
    private long nodeLimit;
    private long nodes;
    private boolean outOfBudget;

    /** Whether the problem is a classic job shop, for which fixing every machine's order decides everything. */
    public static boolean appliesTo(ProblemIndex index) {
        return JobShopTabuSearch.appliesTo(index);
    }

    public JobShopProof(ProblemIndex index) {
        this.index = index;
        this.relaxation = new HeadsAndTails(index);
    }

    /** Searches for a schedule of makespan at most {@code T} until {@code stop} or {@code nodeLimit} nodes. */
    public Result search(long T, BooleanSupplier stop, long nodeLimit) {
        this.stop = stop;
        this.nodeLimit = nodeLimit;
        this.nodes = 0;
        this.outOfBudget = false;
        if (!relaxation.reset(T) || !shave()) {
            return new Result(Outcome.NO_SCHEDULE, null, nodes);
        }
        if (outOfBudget) {
            return new Result(Outcome.UNDECIDED, null, nodes);
        }
        boolean found = branch();
        if (found) {
            long[] start = relaxation.est.clone();
            long[] end = new long[start.length];
            for (int o = 0; o < start.length; o++) {
                end[o] = start[o] + relaxation.work[o];
            }
            return new Result(Outcome.FOUND, new Solution(new int[start.length], start, end), nodes);
        }
        return new Result(outOfBudget ? Outcome.UNDECIDED : Outcome.NO_SCHEDULE, null, nodes);
    }

    /** Shaves every operation's window from both sides until nothing moves; false when a window empties. */
    private boolean shave() {
        boolean changed = true;
        while (changed && !exhausted()) {
            changed = false;
            for (int o = 0; o < relaxation.n && !exhausted(); o++) {
                long slack = relaxation.lct[o] - relaxation.work[o] - relaxation.est[o];
                if (slack <= 0) {
                    continue;
                }
                long earliest = firstFeasibleShift(o, slack, true);
                if (earliest > slack) {
                    return false;
                }
                if (earliest > 0) {
                    relaxation.est[o] += earliest;
                    changed = true;
                    if (!relaxation.propagate()) {
                        return false;
                    }
                }
                slack = relaxation.lct[o] - relaxation.work[o] - relaxation.est[o];
                long latest = firstFeasibleShift(o, slack, false);
                if (latest > slack) {
                    return false;
                }
                if (latest > 0) {
                    relaxation.lct[o] -= latest;
                    changed = true;
                    if (!relaxation.propagate()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * The smallest {@code d} in [0, slack] such that starting within {@code d} of the earliest start (or ending within
     * {@code d} of the latest end) survives propagation; {@code slack + 1} when none does.
     */
    private long firstFeasibleShift(int o, long slack, boolean fromEarliest) {
        long low = 0;
        long high = slack + 1;
        while (low < high) {
            long middle = (low + high) / 2;
            if (survives(o, middle, fromEarliest)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private boolean survives(int o, long within, boolean fromEarliest) {
        nodes++;
        long[][] saved = relaxation.save();
        if (fromEarliest) {
            relaxation.lct[o] = relaxation.est[o] + within + relaxation.work[o];
        } else {
            relaxation.est[o] = relaxation.lct[o] - relaxation.work[o] - within;
        }
        boolean feasible = relaxation.propagate();
        relaxation.restore(saved);
        return feasible;
    }

    /** True when a schedule within the trial makespan was found; false when none exists here (or out of budget). */
    private boolean branch() {
        if (exhausted()) {
            return false;
        }
        nodes++;
        long[][] saved = relaxation.save();
        if (!relaxation.propagate()) {
            relaxation.restore(saved);
            return false;
        }
        int machine = tightestMachine();
        if (machine < 0) {
            return true;
        }
        int[] candidates = firstCandidates(machine);
        for (int candidate : candidates) {
            long[][] before = relaxation.save();
            relaxation.ranked[machine][relaxation.rankedCount[machine]++] = candidate;
            relaxation.isRanked[candidate] = true;
            boolean found = branch();
            relaxation.rankedCount[machine]--;
            relaxation.isRanked[candidate] = false;
            if (found) {
                return true;
            }
            relaxation.restore(before);
            if (outOfBudget) {
                break;
            }
        }
        relaxation.restore(saved);
        return false;
    }

    /** Among machines not yet ranked, the one whose unranked operations have the least room. */
    private int tightestMachine() {
        int best = -1;
        long bestSlack = Long.MAX_VALUE;
        for (int m = 0; m < relaxation.machines.length; m++) {
            if (relaxation.rankedCount[m] == relaxation.machines[m].length) {
                continue;
            }
            long from = Long.MAX_VALUE;
            long to = Long.MIN_VALUE;
            long total = 0;
            for (int o : relaxation.machines[m]) {
                if (!relaxation.isRanked[o]) {
                    from = Math.min(from, relaxation.est[o]);
                    to = Math.max(to, relaxation.lct[o]);
                    total += relaxation.work[o];
                }
            }
            if (to - from - total < bestSlack) {
                bestSlack = to - from - total;
                best = m;
            }
        }
        return best;
    }

    /** The unranked operations of the machine that may come next: none other must end before they start. */
    private int[] firstCandidates(int m) {
        long earliestEnd = Long.MAX_VALUE;
        for (int o : relaxation.machines[m]) {
            if (!relaxation.isRanked[o]) {
                earliestEnd = Math.min(earliestEnd, relaxation.est[o] + relaxation.work[o]);
            }
        }
        long limit = earliestEnd;
        return Arrays.stream(relaxation.machines[m]).filter(o -> !relaxation.isRanked[o] && relaxation.est[o] < limit)
                .boxed().sorted((a, b) -> relaxation.est[a] != relaxation.est[b]
                        ? Long.compare(relaxation.est[a], relaxation.est[b])
                        : Long.compare(relaxation.lct[a], relaxation.lct[b]))
                .mapToInt(Integer::intValue).toArray();
    }

    private boolean exhausted() {
        if (!outOfBudget && (nodes > nodeLimit || ((nodes & 127) == 0 && stop.getAsBoolean()))) {
            outOfBudget = true;
        }
        return outOfBudget;
    }
}
