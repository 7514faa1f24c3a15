package org.pilotline.erp.scheduling.solver.heuristic;

import org.pilotline.erp.scheduling.solver.internal.ProblemIndex;
import org.pilotline.erp.scheduling.solver.internal.Solution;
import org.pilotline.erp.scheduling.solver.internal.Timing;

import java.util.Arrays;

/**
 * A priority-dispatch list scheduler in the manner of Giffler and Thompson: repeatedly take the operation that could
 * finish first among the next operations of all jobs, collect the operations competing for the same machine that could
 * start before that, and dispatch the one the {@link DispatchRule} prefers, on its best machine, into the earliest gap
 * that fits its working time and changeovers. Pinned operations are reserved on their machines beforehand; jobs that
 * must reach a pinned operation in time go first.
 *
 * <p>It is linear in the number of jobs per step, and caches each candidate's placement until its machine changes, so
 * 5,000 operations take well under a second. It gives the first schedule and the CP-SAT solution hint.
 */
public final class DispatchHeuristic {

    private final ProblemIndex index;
    private final long[] workFromHere;
    private final int[] operationsFromHere;
    private final long[] pinDeadline;
    private final double averageOccupation;

    public DispatchHeuristic(ProblemIndex index) {
        this.index = index;
        int n = index.operationCount();
        this.workFromHere = new long[n];
        this.operationsFromHere = new int[n];
        this.pinDeadline = new long[n];
        long totalOccupation = 0;
        for (int j = 0; j < index.jobCount(); j++) {
            long work = 0;
            long deadline = Long.MAX_VALUE;
            for (int o = index.lastOperation(j); o >= index.firstOperation(j); o--) {
                work += index.minOccupation(o);
                totalOccupation += index.minOccupation(o);
                workFromHere[o] = work;
                operationsFromHere[o] = index.lastOperation(j) - o + 1;
                pinDeadline[o] = deadline;
                if (index.isPinned(o)) {
                    deadline = index.pinnedStart(o);
                } else if (deadline != Long.MAX_VALUE) {
                    deadline -= index.minOccupation(o);
                }
            }
        }
        this.averageOccupation = n == 0 ? 1 : Math.max(1.0, (double) totalOccupation / n);
    }

    /** The best schedule over the given rules by the objective's order, or null when none of them could place all. */
    public Solution bestOf(DispatchRule[] rules, java.util.Comparator<Solution> better) {
        Solution best = null;
        for (DispatchRule rule : rules) {
            Solution candidate = schedule(rule);
            if (candidate != null && (best == null || better.compare(candidate, best) < 0)) {
                best = candidate;
            }
        }
        return best;
    }

    /** One schedule by {@code rule}, or null when an operation finds no room (pins or calendars too tight). */
    public Solution schedule(DispatchRule rule) {
        int n = index.operationCount();
        int[] option = new int[n];
        long[] start = new long[n];
        long[] end = new long[n];
        MachineTimeline[] timelines = new MachineTimeline[index.machineCount()];
        for (int m = 0; m < timelines.length; m++) {
            timelines[m] = new MachineTimeline(index, m);
        }
        for (int o = 0; o < n; o++) {
            if (index.isPinned(o)) {
                int a = index.pinnedOption(o);
                int m = index.optionMachine(o, a);
                option[o] = a;
                start[o] = index.pinnedStart(o);
                end[o] = index.calendar(m).endOf(start[o], index.occupation(o, a), index.breakRule(m))
                        .orElseThrow();
                if (end[o] > start[o]) {
                    timelines[m].insert(o, start[o], end[o]);
                }
            }
        }
        boolean[] done = new boolean[n];
        for (int o = 0; o < n; o++) {
            done[o] = index.isPinned(o);
        }
        Candidates candidates = new Candidates(n);
        int[] next = new int[index.jobCount()];
        for (int j = 0; j < index.jobCount(); j++) {
            next[j] = index.firstOperation(j);
        }
        int placed = 0;
        while (placed < n) {
            int bestJob = -1;
            long bestEnd = Long.MAX_VALUE;
            for (int j = 0; j < next.length; j++) {
                int o = next[j];
                if (o >= index.endOperation(j) || !materialPlaced(o, done)) {
                    continue;
                }
                if (index.isPinned(o)) {
                    if (!pinReachable(o, start, end)) {
                        return null;
                    }
                    next[j]++;
                    placed++;
                    j--;
                    continue;
                }
                if (!candidates.refresh(o, start, end, timelines)) {
                    return null;
                }
                if (candidates.end[o] < bestEnd) {
                    bestEnd = candidates.end[o];
                    bestJob = j;
                }
            }
            if (bestJob < 0) {
                break;
            }
            int machine = index.optionMachine(next[bestJob], candidates.option[next[bestJob]]);
            int chosen = -1;
            for (int j = 0; j < next.length; j++) {
                int o = next[j];
                boolean firstToFinish = j == bestJob;
                if (o >= index.endOperation(j) || !materialPlaced(o, done) || (candidates.start[o] >= bestEnd && !firstToFinish)
                        || index.optionMachine(o, candidates.option[o]) != machine) {
                    continue;
                }
                if (chosen < 0 || prefer(rule, o, chosen, bestEnd)) {
                    chosen = o;
                }
            }
            int a = candidates.option[chosen];
            option[chosen] = a;
            start[chosen] = candidates.start[chosen];
            end[chosen] = candidates.end[chosen];
            if (end[chosen] > start[chosen]) {
                timelines[machine].insert(chosen, start[chosen], end[chosen]);
            }
            done[chosen] = true;
            next[index.jobOf(chosen)]++;
            placed++;
        }
        // Operations that wait on each other in a circle (the validator refuses that) would be left over.
        return placed == n ? new Solution(option, start, end) : null;
    }

    /** Whether the operations of other jobs that {@code o} waits for are placed. */
    private boolean materialPlaced(int o, boolean[] done) {
        for (int waited : index.waitsFor(o)) {
            if (!done[waited]) {
                return false;
            }
        }
        return true;
    }

    private boolean pinReachable(int o, long[] start, long[] end) {
        return Timing.earliestStart(index, o, start, end) <= start[o]
                && Timing.endRulesHold(index, o, end, start[o], end[o]);
    }

    private boolean prefer(DispatchRule rule, int o, int incumbent, long now) {
        if (pinDeadline[o] != pinDeadline[incumbent]) {
            return pinDeadline[o] < pinDeadline[incumbent];
        }
        double difference = rule.priority(this, o, now) - rule.priority(this, incumbent, now);
        return difference != 0 ? difference > 0 : o < incumbent;
    }

    double averageOccupation() {
        return averageOccupation;
    }

    ProblemIndex index() {
        return index;
    }

    long workFromHere(int o) {
        return workFromHere[o];
    }

    int operationsFromHere(int o) {
        return operationsFromHere[o];
    }

    /** Each job's next operation with its best placement, recomputed only when its machine's timeline changed. */
    private final class Candidates {
        final int[] option;
        final long[] start;
        final long[] end;
        private final long[][] seenVersion;
        private final long[][] optionStart;
        private final long[][] optionEnd;
        private final long[] lowerBound;

        Candidates(int n) {
            option = new int[n];
            start = new long[n];
            end = new long[n];
            seenVersion = new long[n][];
            optionStart = new long[n][];
            optionEnd = new long[n][];
            lowerBound = new long[n];
        }

        boolean refresh(int o, long[] placedStart, long[] placedEnd, MachineTimeline[] timelines) {
            int options = index.optionCount(o);
            if (seenVersion[o] == null) {
                seenVersion[o] = new long[options];
                Arrays.fill(seenVersion[o], -1);
                optionStart[o] = new long[options];
                optionEnd[o] = new long[options];
                lowerBound[o] = Timing.earliestStart(index, o, placedStart, placedEnd);
            }
            boolean changed = false;
            for (int a = 0; a < options; a++) {
                MachineTimeline timeline = timelines[index.optionMachine(o, a)];
                if (seenVersion[o][a] != timeline.version()) {
                    seenVersion[o][a] = timeline.version();
                    long[] fit = timeline.earliestFit(o, a, lowerBound[o], placedEnd);
                    optionStart[o][a] = fit == null ? Long.MAX_VALUE : fit[0];
                    optionEnd[o][a] = fit == null ? Long.MAX_VALUE : fit[1];
                    changed = true;
                }
            }
            if (changed) {
                int best = 0;
                for (int a = 1; a < options; a++) {
                    if (optionEnd[o][a] < optionEnd[o][best]) {
                        best = a;
                    }
                }
                option[o] = best;
                start[o] = optionStart[o][best];
                end[o] = optionEnd[o][best];
            }
            return end[o] != Long.MAX_VALUE;
        }
    }
}
