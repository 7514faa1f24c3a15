package org.pilotline.erp.scheduling.solver.bound;

import org.pilotline.erp.scheduling.solver.internal.ProblemIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one-machine relaxations of a problem under a trial makespan {@code T}: every operation has a head (earliest
 * start) and a latest end, propagated along the routings and the waits for other jobs, and on each machine by edge
 * finding (an operation that cannot run before a set of operations of its machine, within their heads and latest ends,
 * runs after all of them; and the mirror rule for latest ends). When some operation's window becomes shorter than its
 * work, or a machine's operations cannot fit their windows, no schedule ends by {@code T}.
 *
 * <p>It is a relaxation, so a refusal is a proof: working calendars, changeovers and the end rules of transfer batches
 * are left out (they only make schedules longer), an operation with alternative machines belongs to no machine, and a
 * transfer batch only says a successor does not start before its predecessor. For a classic job shop the relaxation is
 * the problem itself once every machine's order is fixed, which {@link JobShopProof} uses.
 */
final class HeadsAndTails {

    final int n;
    final long[] work;
    private final long[] release;
    private final long[] pinnedStart;
    /** Precedences as start-to-start lags: {@code start[to] ≥ start[from] + lag}, in a topological order of {@code to}. */
    private final int[] topological;
    private final int[][] successors;
    private final long[][] successorLag;
    private final int[][] predecessors;
    private final long[][] predecessorLag;
    /** The operations each machine must run one at a time. */
    final int[][] machines;
    private final int[][] sortedByHead;
    private final long[] scratchEst;
    private final long[] scratchLct;
    private final long[] scratchUpdate;
    private final long[] suffixEct;
    /** The windows each machine's edge finding last saw, so that it runs again only when they changed. */
    private final long[] seenEst;
    private final long[] seenLct;

    long[] est;
    long[] lct;
    /** For a search that fixes machine orders: the operations ranked first on each machine, in order. */
    final int[][] ranked;
    final int[] rankedCount;
    final boolean[] isRanked;

    HeadsAndTails(ProblemIndex index) {
        this.n = index.operationCount();
        this.work = new long[n];
        this.release = new long[n];
        this.pinnedStart = new long[n];
        List<List<int[]>> edges = new ArrayList<>();
        for (int o = 0; o < n; o++) {
            work[o] = index.minOccupation(o);
            release[o] = index.release(o);
            pinnedStart[o] = index.isPinned(o) ? index.pinnedStart(o) : -1;
            edges.add(new ArrayList<>());
        }
        for (int o = 0; o < n; o++) {
            int predecessor = index.predecessor(o);
            if (predecessor >= 0) {
                edges.get(predecessor).add(new int[] {o, index.transferBatch(o) == null ? 1 : 0});
            }
            int[] waits = index.waitsFor(o);
            for (int k = 0; k < waits.length; k++) {
                edges.get(waits[k]).add(new int[] {o, index.waitsForTransfer(o, k) == null ? 1 : 0});
            }
        }
        this.successors = new int[n][];
        this.successorLag = new long[n][];
        int[] incoming = new int[n];
        for (int o = 0; o < n; o++) {
            List<int[]> out = edges.get(o);
            successors[o] = new int[out.size()];
            successorLag[o] = new long[out.size()];
            for (int k = 0; k < out.size(); k++) {
                successors[o][k] = out.get(k)[0];
                // a full precedence waits for the predecessor's work; a transfer batch only for its start
                successorLag[o][k] = out.get(k)[1] == 1 ? work[o] : 0;
                incoming[out.get(k)[0]]++;
            }
        }
        this.predecessors = new int[n][];
        this.predecessorLag = new long[n][];
        for (int o = 0; o < n; o++) {
            predecessors[o] = new int[incoming[o]];
            predecessorLag[o] = new long[incoming[o]];
        }
        int[] filled = new int[n];
        for (int o = 0; o < n; o++) {
            for (int k = 0; k < successors[o].length; k++) {
                int to = successors[o][k];
                predecessors[to][filled[to]] = o;
                predecessorLag[to][filled[to]++] = successorLag[o][k];
            }
        }
        this.topological = topologicalOrder(incoming.clone());
        List<List<Integer>> perMachine = new ArrayList<>();
        for (int m = 0; m < index.machineCount(); m++) {
            perMachine.add(new ArrayList<>());
        }
        for (int o = 0; o < n; o++) {
            boolean fixed = index.isPinned(o) || index.optionCount(o) == 1;
            int a = index.isPinned(o) ? index.pinnedOption(o) : 0;
            if (fixed && index.optionCount(o) > 0 && work[o] > 0) {
                perMachine.get(index.optionMachine(o, a)).add(o);
            }
        }
        this.machines = perMachine.stream().filter(ops -> ops.size() > 1)
                .map(ops -> ops.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        int largest = Arrays.stream(machines).mapToInt(ops -> ops.length).max().orElse(0);
        this.sortedByHead = Arrays.stream(machines).map(int[]::clone).toArray(int[][]::new);
        this.scratchEst = new long[n];
        this.scratchLct = new long[n];
        this.scratchUpdate = new long[n];
        this.suffixEct = new long[largest];
        this.seenEst = new long[n];
        this.seenLct = new long[n];
        this.ranked = Arrays.stream(machines).map(ops -> new int[ops.length]).toArray(int[][]::new);
        this.rankedCount = new int[machines.length];
        this.isRanked = new boolean[n];
    }

    /** Whether the problem has a topological order at all (no circular waits) and anything to bound. */
    boolean usable() {
        return topological.length == n;
    }

    /** Windows for makespan {@code T}, propagated; false when no schedule ends by {@code T}. */
    boolean reset(long T) {
        est = new long[n];
        lct = new long[n];
        for (int o = 0; o < n; o++) {
            est[o] = Math.max(release[o], pinnedStart[o]);
            lct[o] = pinnedStart[o] >= 0 ? Math.min(T, pinnedStart[o] + work[o]) : T;
            seenEst[o] = Long.MIN_VALUE;
        }
        Arrays.fill(rankedCount, 0);
        Arrays.fill(isRanked, false);
        return propagate();
    }

    /** Propagates to a fixpoint; false when some window becomes too short (no schedule ends by the trial makespan). */
    boolean propagate() {
        boolean changed = true;
        while (changed) {
            if (!precedences()) {
                return false;
            }
            changed = false;
            for (int m = 0; m < machines.length; m++) {
                int result = ranking(m);
                if (result < 0) {
                    return false;
                }
                int found = unchangedSinceLastSeen(m) ? 0 : edgeFinding(m);
                if (found < 0) {
                    return false;
                }
                changed |= result > 0 || found > 0;
            }
        }
        return true;
    }

    /** Whether machine {@code m}'s windows are as its edge finding left them (which is then a fixpoint for it). */
    private boolean unchangedSinceLastSeen(int m) {
        boolean same = true;
        for (int o : machines[m]) {
            same &= seenEst[o] == est[o] && seenLct[o] == lct[o];
        }
        return same;
    }

    /** Heads forward and latest ends backward along the precedences, in topological order. */
    private boolean precedences() {
        for (int o : topological) {
            for (int k = 0; k < predecessors[o].length; k++) {
                est[o] = Math.max(est[o], est[predecessors[o][k]] + predecessorLag[o][k]);
            }
        }
        for (int i = topological.length - 1; i >= 0; i--) {
            int o = topological[i];
            for (int k = 0; k < successors[o].length; k++) {
                int to = successors[o][k];
                // start[to] ≥ start[o] + lag  ⇒  latest start of o ≤ latest start of to − lag
                lct[o] = Math.min(lct[o], lct[to] - work[to] - successorLag[o][k] + work[o]);
            }
            if (est[o] + work[o] > lct[o]) {
                return false;
            }
        }
        return true;
    }

    /** The operations ranked first on machine {@code m} run in their order, and before every other one there. */
    private int ranking(int m) {
        int count = rankedCount[m];
        if (count == 0) {
            return 0;
        }
        boolean changed = false;
        int[] order = ranked[m];
        for (int i = 1; i < count; i++) {
            changed |= before(order[i - 1], order[i]);
        }
        int last = order[count - 1];
        for (int o : machines[m]) {
            if (!isRanked[o]) {
                changed |= before(last, o);
            }
        }
        for (int o : machines[m]) {
            if (est[o] + work[o] > lct[o]) {
                return -1;
            }
        }
        return changed ? 1 : 0;
    }

    /** {@code a} ends before {@code b} starts. */
    private boolean before(int a, int b) {
        boolean changed = false;
        if (est[a] + work[a] > est[b]) {
            est[b] = est[a] + work[a];
            changed = true;
        }
        if (lct[b] - work[b] < lct[a]) {
            lct[a] = lct[b] - work[b];
            changed = true;
        }
        return changed;
    }

    /** Edge finding on heads, then on latest ends (the mirror image); -1 on overload, 1 when anything moved. */
    private int edgeFinding(int m) {
        int[] ops = sortedByHead[m];
        for (int o : ops) {
            scratchEst[o] = est[o];
            scratchLct[o] = lct[o];
        }
        int heads = edgeFindHeads(ops, scratchEst, scratchLct, est);
        if (heads < 0) {
            return -1;
        }
        for (int o : ops) {
            scratchEst[o] = -lct[o];
            scratchLct[o] = -est[o];
        }
        long[] mirrored = scratchUpdate;
        int tails = edgeFindHeads(ops, scratchEst, scratchLct, null);
        if (tails < 0) {
            return -1;
        }
        boolean changed = heads > 0;
        for (int o : ops) {
            long latest = -mirrored[o];
            if (latest < lct[o]) {
                lct[o] = latest;
                changed = true;
            }
            if (est[o] + work[o] > lct[o]) {
                return -1;
            }
        }
        for (int o : ops) {
            seenEst[o] = est[o];
            seenLct[o] = lct[o];
        }
        return changed ? 1 : 0;
    }

    /**
     * The O(k²) edge-finding rule on heads of Baptiste, Le Pape and Nuijten (Constraint-Based Scheduling, 2001) over
     * {@code ops} with heads {@code e} and latest ends {@code l}: raised heads are written to {@code into}, or to the
     * scratch array when null; -1 on overload.
     */
    private int edgeFindHeads(int[] ops, long[] e, long[] l, long[] into) {
        int k = ops.length;
        for (int i = 1; i < k; i++) {
            int moving = ops[i];
            int j = i - 1;
            while (j >= 0 && e[ops[j]] > e[moving]) {
                ops[j + 1] = ops[j];
                j--;
            }
            ops[j + 1] = moving;
        }
        long[] update = into == null ? scratchUpdate : into;
        for (int o : ops) {
            update[o] = into == null ? e[o] : Math.max(update[o], e[o]);
        }
        boolean changed = false;
        for (int definer = 0; definer < k; definer++) {
            long bound = l[ops[definer]];
            long total = 0;
            long ect = Long.MIN_VALUE;
            for (int i = k - 1; i >= 0; i--) {
                int o = ops[i];
                if (l[o] <= bound) {
                    total += work[o];
                    ect = Math.max(ect, e[o] + total);
                    if (ect > bound) {
                        return -1;
                    }
                }
                suffixEct[i] = ect;
            }
            long best = Long.MIN_VALUE;
            for (int i = 0; i < k; i++) {
                int o = ops[i];
                if (l[o] <= bound) {
                    best = Math.max(best, e[o] + total);
                    total -= work[o];
                } else {
                    long raised = update[o];
                    if (e[o] + total + work[o] > bound) {
                        raised = Math.max(raised, suffixEct[i]);
                    }
                    if (best + work[o] > bound) {
                        raised = Math.max(raised, ect);
                    }
                    if (raised > update[o]) {
                        update[o] = raised;
                        changed = true;
                    }
                }
            }
        }
        return changed ? 1 : 0;
    }

    private int[] topologicalOrder(int[] incoming) {
        int[] order = new int[n];
        int count = 0;
        for (int o = 0; o < n; o++) {
            if (incoming[o] == 0) {
                order[count++] = o;
            }
        }
        for (int k = 0; k < count; k++) {
            for (int to : successors[order[k]]) {
                if (--incoming[to] == 0) {
                    order[count++] = to;
                }
            }
        }
        return Arrays.copyOf(order, count);
    }

    /** A copy of the windows, to restore after a trial. */
    long[][] save() {
        return new long[][] {est.clone(), lct.clone()};
    }

    void restore(long[][] saved) {
        System.arraycopy(saved[0], 0, est, 0, n);
        System.arraycopy(saved[1], 0, lct, 0, n);
    }
}
