package org.pilotline.erp.scheduling.solver.heuristic;

import org.pilotline.erp.scheduling.solver.internal.ProblemIndex;
import org.pilotline.erp.scheduling.solver.internal.Solution;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Independent {@link JobShopTabuSearch}es from the same schedule with different seeds, one per thread: the search's
 * luck varies a lot between seeds (ft10's optimum after 0.1 to 1.5 CPU seconds), so two threads make the slow case
 * rare. The best schedule wins, ties going to the first seed, so with fixed work limits the result is reproducible;
 * when {@code firstToBoundStopsAll}, the others stop as soon as one meets the lower bound.
 */
public final class ParallelTabuSearch {

    /** The best schedule and the largest amount of work one search did. */
    public record Result(Solution best, long work) {
    }

    private ParallelTabuSearch() {
    }

    public static Result run(ProblemIndex index, Solution initial, long seed, int searches, long workLimit,
                             BooleanSupplier stop, long lowerBound, boolean firstToBoundStopsAll) {
        int count = Math.max(1, searches);
        Solution[] found = new Solution[count];
        long[] work = new long[count];
        RuntimeException[] failures = new RuntimeException[count];
        AtomicBoolean boundReached = new AtomicBoolean();
        BooleanSupplier halt = () -> stop.getAsBoolean() || firstToBoundStopsAll && boundReached.get();
        Runnable[] tasks = new Runnable[count];
        for (int k = 0; k < count; k++) {
            int search = k;
            tasks[k] = () -> {
                try {
                    JobShopTabuSearch tabu = new JobShopTabuSearch(index, initial,
                            seed ^ (search * 0x9E3779B97F4A7C15L));
                    found[search] = tabu.improve(workLimit, halt, lowerBound);
                    work[search] = tabu.work();
                    if (found[search].makespan() <= lowerBound) {
                        boundReached.set(true);
                    }
                } catch (RuntimeException e) {
                    failures[search] = e;
                }
            };
        }
        Thread[] threads = new Thread[count - 1];
        for (int k = 1; k < count; k++) {
            threads[k - 1] = new Thread(tasks[k], "scheduling-tabu-" + k);
            threads[k - 1].setDaemon(true);
            threads[k - 1].start();
        }
        tasks[0].run();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                boundReached.set(true);
            }
        }
        Solution best = null;
        long mostWork = 0;
        for (int k = 0; k < count; k++) {
            if (failures[k] != null) {
                throw failures[k];
            }
            if (found[k] != null && (best == null || found[k].makespan() < best.makespan())) {
                best = found[k];
            }
            mostWork = Math.max(mostWork, work[k]);
        }
        return new Result(best, mostWork);
    }
}
