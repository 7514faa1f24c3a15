package org.pilotline.erp.scheduling.solver.heuristic;

import org.pilotline.erp.scheduling.solver.internal.ProblemIndex;
import org.pilotline.erp.scheduling.solver.internal.Timing;

import java.util.ArrayList;
import java.util.List;

/**
 * The operations already placed on one machine, in time order, with the earliest gap that fits a further operation
 * (its working time, the changeovers to its neighbours, and the transfer-batch end rule).
 */
final class MachineTimeline {

    private final ProblemIndex index;
    private final int machine;
    private final List<long[]> blocks = new ArrayList<>(); // {start, end, operation}
    private long version;

    MachineTimeline(ProblemIndex index, int machine) {
        this.index = index;
        this.machine = machine;
    }

    long version() {
        return version;
    }

    void insert(int operation, long start, long end) {
        int position = firstBlockStartingAtOrAfter(start);
        blocks.add(position, new long[] {start, end, operation});
        version++;
    }

    /**
     * The earliest {start, end} at or after {@code lowerBound} where option {@code a} of {@code o} fits, or null; the
     * operations {@code o} follows end at {@code placedEnd}.
     */
    long[] earliestFit(int o, int a, long lowerBound, long[] placedEnd) {
        if (index.occupation(o, a) == 0) {
            return Timing.earliestPlacement(index, o, a, lowerBound, placedEnd);
        }
        long candidate = lowerBound;
        while (true) {
            long[] placement = Timing.earliestPlacement(index, o, a, candidate, placedEnd);
            if (placement == null) {
                return null;
            }
            long start = placement[0];
            long end = placement[1];
            int next = firstBlockStartingAtOrAfter(start);
            int previous = next - 1;
            long previousEnd = previous >= 0 ? blocks.get(previous)[1] : 0;
            int previousOperation = previous >= 0 ? (int) blocks.get(previous)[2] : -1;
            long readyAfterPrevious = previousEnd + index.changeover(machine, previousOperation, o);
            if (start < readyAfterPrevious) {
                candidate = readyAfterPrevious;
                continue;
            }
            if (next < blocks.size()) {
                long[] following = blocks.get(next);
                if (end + index.changeover(machine, o, (int) following[2]) > following[0]) {
                    candidate = Math.max(start + 1, following[1] + index.changeover(machine, (int) following[2], o));
                    continue;
                }
            }
            return placement;
        }
    }

    private int firstBlockStartingAtOrAfter(long time) {
        int low = 0;
        int high = blocks.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (blocks.get(middle)[0] < time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
