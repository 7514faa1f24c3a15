package org.pilotline.erp.scheduling.solver.bound;

import org.pilotline.erp.scheduling.solver.internal.ProblemIndex;

/**
 * A lower bound on the makespan from the one-machine relaxations with heads and tails ({@link HeadsAndTails}): the
 * smallest makespan whose propagation does not fail, found by bisection between a known bound and a known schedule.
 * It is far stronger than the longest job or the busiest machine on job shops (ft10: 855 against 655; la01–la03 and
 * la05: their optimum), and costs milliseconds on the public instances. Problems too large for it to pay off keep the
 * simple bound.
 */
public final class MakespanLowerBound {

    /** Beyond this many operations, or operations on one machine, the bound is not computed. */
    static final int MAX_OPERATIONS = 2_000;
    static final int MAX_PER_MACHINE = 150;

    private MakespanLowerBound() {
    }

    /**
     * The bound, at least {@code known} (a valid bound already) and at most {@code upper} (the makespan of a schedule,
     * which no valid relaxation refutes).
     */
    public static long of(ProblemIndex index, long known, long upper) {
        if (index.operationCount() > MAX_OPERATIONS || upper <= known) {
            return Math.min(known, upper);
        }
        HeadsAndTails relaxation = new HeadsAndTails(index);
        if (!relaxation.usable()) {
            return known;
        }
        for (int[] machine : relaxation.machines) {
            if (machine.length > MAX_PER_MACHINE) {
                return known;
            }
        }
        long refutedBelow = known;
        long notRefuted = upper;
        while (refutedBelow < notRefuted) {
            long trial = refutedBelow + (notRefuted - refutedBelow) / 2;
            if (relaxation.reset(trial)) {
                notRefuted = trial;
            } else {
                refutedBelow = trial + 1;
            }
        }
        return refutedBelow;
    }
}
