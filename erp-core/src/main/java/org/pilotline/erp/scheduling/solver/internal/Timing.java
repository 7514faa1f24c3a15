package org.pilotline.erp.scheduling.solver.internal;

import org.pilotline.erp.scheduling.solver.model.TransferBatch;

import java.util.OptionalLong;

/**
 * The timing rules shared by the heuristic and the decoder: the earliest start an operation's routing predecessor
 * allows, and the earliest feasible placement on a machine given a lower bound (working time, break rule and the
 * transfer-batch end rule).
 */
public final class Timing {

    private Timing() {
    }

    /** The earliest start of {@code o} that its predecessor (placed at [predStart, predEnd)) and its release allow. */
    public static long earliestAfterPredecessor(ProblemIndex index, int o, long predStart, long predEnd) {
        long release = index.release(o);
        if (index.predecessor(o) < 0) {
            return release;
        }
        TransferBatch batch = index.transferBatch(o);
        if (batch == null) {
            return Math.max(release, predEnd);
        }
        long q = batch.lotQuantity();
        long b = batch.batchQuantity();
        return Math.max(release, ceilDiv((q - b) * predStart + b * predEnd, q));
    }

    /** Whether the transfer-batch end rule holds for {@code o} placed at [start, end) after a predecessor ending at predEnd. */
    public static boolean endRuleHolds(ProblemIndex index, int o, long predEnd, long start, long end) {
        TransferBatch batch = index.transferBatch(o);
        if (batch == null || index.predecessor(o) < 0) {
            return true;
        }
        long q = batch.lotQuantity();
        long b = batch.batchQuantity();
        return (q - b) * end + b * start >= q * predEnd;
    }

    /**
     * The earliest placement {start, end} of {@code o} with option {@code a} at or after {@code lowerBound}, or null
     * when none exists on the machine's calendar.
     */
    public static long[] earliestPlacement(ProblemIndex index, int o, int a, long lowerBound, long predEnd) {
        int m = index.optionMachine(o, a);
        long work = index.occupation(o, a);
        long candidate = lowerBound;
        while (true) {
            OptionalLong start = index.calendar(m).earliestStart(candidate, work, index.breakRule(m));
            if (start.isEmpty()) {
                return null;
            }
            long end = index.calendar(m).endOf(start.getAsLong(), work, index.breakRule(m)).getAsLong();
            if (endRuleHolds(index, o, predEnd, start.getAsLong(), end)) {
                return new long[] {start.getAsLong(), end};
            }
            // Starting δ later moves the end by at least δ, so the left side grows by at least q·δ: never overshoots.
            TransferBatch batch = index.transferBatch(o);
            long q = batch.lotQuantity();
            long b = batch.batchQuantity();
            long deficit = q * predEnd - ((q - b) * end + b * start.getAsLong());
            candidate = start.getAsLong() + Math.max(1, ceilDiv(deficit, q));
        }
    }

    public static long ceilDiv(long numerator, long denominator) {
        return -Math.floorDiv(-numerator, denominator);
    }
}
