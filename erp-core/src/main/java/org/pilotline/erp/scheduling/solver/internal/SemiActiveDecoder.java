package org.pilotline.erp.scheduling.solver.internal;

import java.util.ArrayDeque;

/**
 * Turns machine assignments and sequences into the earliest times that respect them (a semi-active schedule): every
 * operation starts as soon as its routing predecessor, the operations of other jobs it waits for, its release, the
 * previous operation on its machine plus the changeover, and the machine's working time allow; pinned operations stay at their pin.
 *
 * <p>All rules are monotone (an earlier predecessor never forces a later start), so decoding a feasible schedule
 * never makes an operation later: this shifts a solver's answer left without worsening any regular objective, and makes
 * the returned times a function of the sequences alone, which is part of what keeps results reproducible.
 */
public final class SemiActiveDecoder {

    private SemiActiveDecoder() {
    }

    /** The decoded solution, or null when the sequences contradict the routings or leave a pin no room. */
    public static Solution decode(ProblemIndex index, int[] option, int[][] machineSequences) {
        int n = index.operationCount();
        int[] machinePredecessor = new int[n];
        int[] machineSuccessor = new int[n];
        java.util.Arrays.fill(machinePredecessor, -1);
        java.util.Arrays.fill(machineSuccessor, -1);
        for (int[] sequence : machineSequences) {
            for (int i = 1; i < sequence.length; i++) {
                machinePredecessor[sequence[i]] = sequence[i - 1];
                machineSuccessor[sequence[i - 1]] = sequence[i];
            }
        }
        int[] waitingFor = new int[n];
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int o = 0; o < n; o++) {
            waitingFor[o] = (index.predecessor(o) >= 0 ? 1 : 0) + (machinePredecessor[o] >= 0 ? 1 : 0)
                    + index.waitsFor(o).length;
            if (waitingFor[o] == 0) {
                ready.add(o);
            }
        }
        long[] start = new long[n];
        long[] end = new long[n];
        int decoded = 0;
        while (!ready.isEmpty()) {
            int o = ready.poll();
            if (!place(index, o, option[o], machinePredecessor[o], start, end)) {
                return null;
            }
            decoded++;
            int routingSuccessor = index.successor(o);
            if (routingSuccessor >= 0 && --waitingFor[routingSuccessor] == 0) {
                ready.add(routingSuccessor);
            }
            if (machineSuccessor[o] >= 0 && --waitingFor[machineSuccessor[o]] == 0) {
                ready.add(machineSuccessor[o]);
            }
            for (int waiting : index.waitedForBy(o)) {
                if (--waitingFor[waiting] == 0) {
                    ready.add(waiting);
                }
            }
        }
        return decoded == n ? new Solution(option.clone(), start, end) : null;
    }

    private static boolean place(ProblemIndex index, int o, int a, int previousOnMachine, long[] start, long[] end) {
        long lowerBound = Timing.earliestStart(index, o, start, end);
        int m = index.optionMachine(o, a);
        long machineFree = previousOnMachine >= 0 ? end[previousOnMachine] : 0;
        lowerBound = Math.max(lowerBound, machineFree + index.changeover(m, previousOnMachine, o));
        if (index.isPinned(o)) {
            long pinned = index.pinnedStart(o);
            end[o] = index.calendar(m).endOf(pinned, index.occupation(o, a), index.breakRule(m)).orElse(Long.MIN_VALUE);
            start[o] = pinned;
            return pinned >= lowerBound && Timing.endRulesHold(index, o, end, pinned, end[o]);
        }
        long[] placement = Timing.earliestPlacement(index, o, a, lowerBound, end);
        if (placement == null) {
            return false;
        }
        start[o] = placement[0];
        end[o] = placement[1];
        return true;
    }
}
