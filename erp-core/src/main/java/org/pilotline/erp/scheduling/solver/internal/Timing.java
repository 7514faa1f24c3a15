package org.pilotline.erp.scheduling.solver.internal;

import org.pilotline.erp.scheduling.solver.model.TransferBatch;

import java.util.OptionalLong;

/**
 * The timing rules shared by the heuristic, the decoder and the search: the earliest start the operations an
 * operation follows allow (its routing predecessor and the operations of other jobs it waits for, each with or without
 * a transfer batch) and its release, and the earliest feasible placement on a machine given a lower bound (working
 * time, break rule and the transfer-batch end rules).
 */
public final class Timing {

    private Timing() {
    }

    /**
     * The earliest start of {@code o} that its release, its routing predecessor and the operations it waits for allow,
     * with those placed at {@code start}/{@code end} (indexed by operation).
     */
    public static long earliestStart(ProblemIndex index, int o, long[] start, long[] end) {
        long bound = index.release(o);
        int predecessor = index.predecessor(o);
        if (predecessor >= 0) {
            bound = Math.max(bound, startRule(index.transferBatch(o), start[predecessor], end[predecessor]));
        }
        int[] waits = index.waitsFor(o);
        for (int k = 0; k < waits.length; k++) {
            bound = Math.max(bound, startRule(index.waitsForTransfer(o, k), start[waits[k]], end[waits[k]]));
        }
        return bound;
    }

    /** The earliest start one precedence allows: the predecessor's end, or its first transfer batch. */
    public static long startRule(TransferBatch batch, long predecessorStart, long predecessorEnd) {
        return batch == null ? predecessorEnd : batch.earliestStartAfter(predecessorStart, predecessorEnd);
    }

    /** Whether every transfer-batch end rule of {@code o} placed at [s, e) holds, predecessors ending at {@code end}. */
    public static boolean endRulesHold(ProblemIndex index, int o, long[] end, long s, long e) {
        return endRuleDeficit(index, o, end, s, e) <= 0;
    }

    /**
     * The earliest placement {start, end} of {@code o} with option {@code a} at or after {@code lowerBound}, or null
     * when none exists on the machine's calendar; the operations {@code o} follows end at {@code end}.
     */
    public static long[] earliestPlacement(ProblemIndex index, int o, int a, long lowerBound, long[] end) {
        int m = index.optionMachine(o, a);
        long work = index.occupation(o, a);
        long candidate = lowerBound;
        while (true) {
            OptionalLong start = index.calendar(m).earliestStart(candidate, work, index.breakRule(m));
            if (start.isEmpty()) {
                return null;
            }
            long placedEnd = index.calendar(m).endOf(start.getAsLong(), work, index.breakRule(m)).getAsLong();
            long shift = endRuleDeficit(index, o, end, start.getAsLong(), placedEnd);
            if (shift <= 0) {
                return new long[] {start.getAsLong(), placedEnd};
            }
            // Starting δ later moves the end by at least δ, so each rule's left side grows by at least q·δ: the
            // largest shift any rule needs never overshoots.
            candidate = start.getAsLong() + shift;
        }
    }

    /** How much later {@code o} must start for all its end rules to hold at [s, e); ≤ 0 when they hold. */
    private static long endRuleDeficit(ProblemIndex index, int o, long[] end, long s, long e) {
        if (!index.hasEndRules(o)) {
            return 0;
        }
        long shift = 0;
        int predecessor = index.predecessor(o);
        if (predecessor >= 0) {
            shift = deficit(index.transferBatch(o), end[predecessor], s, e);
        }
        int[] waits = index.waitsFor(o);
        for (int k = 0; k < waits.length; k++) {
            shift = Math.max(shift, deficit(index.waitsForTransfer(o, k), end[waits[k]], s, e));
        }
        return shift;
    }

    /** Minutes a start must move so that {@code (q − b)·end + b·start ≥ q·predecessorEnd}; 0 when it holds. */
    private static long deficit(TransferBatch batch, long predecessorEnd, long s, long e) {
        if (batch == null) {
            return 0;
        }
        long q = batch.lotQuantity();
        long b = batch.batchQuantity();
        long missing = q * predecessorEnd - ((q - b) * e + b * s);
        return missing <= 0 ? 0 : Math.max(1, ceilDiv(missing, q));
    }

    public static long ceilDiv(long numerator, long denominator) {
        return -Math.floorDiv(-numerator, denominator);
    }
}
