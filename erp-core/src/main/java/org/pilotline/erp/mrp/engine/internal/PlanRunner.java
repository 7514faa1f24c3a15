package org.pilotline.erp.mrp.engine.internal;

import org.pilotline.erp.mrp.engine.PlanningParameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntBinaryOperator;

/**
 * Runs {@link ItemPlanner} over the items in low-level-code order: all of a level before any of the next, so that
 * every item sees the finished plans of its parents. Items of one level do not read each other, so a level may be
 * split between threads without changing the result.
 */
public final class PlanRunner {

    private static final int CHUNK = 256;

    private PlanRunner() {
    }

    /** A regenerative run over every item. {@code progress} receives (items planned, items in all). */
    public static ItemPlan[] regenerate(Structure s, StaticData st, SalesBook sales, PlanningParameters parameters,
                                        IntBinaryOperator progress) {
        ItemPlan[] plans = new ItemPlan[s.itemCount];
        int threads = Math.max(1, parameters.threads());
        if (threads == 1 || s.itemCount < 4 * CHUNK) {
            ItemPlanner planner = new ItemPlanner(s, st, sales, plans, parameters, 1 << 20);
            for (int level = 0; level < s.levels; level++) {
                for (int k = s.levelStart[level]; k < s.levelStart[level + 1]; k++) {
                    int item = s.order[k];
                    plans[item] = planner.plan(item);
                }
                progress.applyAsInt(s.levelStart[level + 1], s.itemCount);
            }
            return plans;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads - 1, runnable -> {
            Thread t = new Thread(runnable, "mrp-planner");
            t.setDaemon(true);
            return t;
        });
        try {
            ItemPlanner[] planners = new ItemPlanner[threads];
            for (int t = 0; t < threads; t++) {
                planners[t] = new ItemPlanner(s, st, sales, plans, parameters, 1 << 20);
            }
            for (int level = 0; level < s.levels; level++) {
                int from = s.levelStart[level];
                int to = s.levelStart[level + 1];
                AtomicInteger next = new AtomicInteger(from);
                List<Future<?>> helpers = new ArrayList<>();
                if (to - from > CHUNK) {
                    for (int t = 1; t < threads; t++) {
                        ItemPlanner planner = planners[t];
                        helpers.add(pool.submit(() -> planLevel(s, plans, planner, next, to)));
                    }
                }
                planLevel(s, plans, planners[0], next, to);
                for (Future<?> helper : helpers) {
                    helper.get();
                }
                progress.applyAsInt(to, s.itemCount);
            }
            return plans;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("MRP run interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("MRP run failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void planLevel(Structure s, ItemPlan[] plans, ItemPlanner planner, AtomicInteger next, int to) {
        while (true) {
            int from = next.getAndAdd(CHUNK);
            if (from >= to) {
                return;
            }
            for (int k = from, end = Math.min(to, from + CHUNK); k < end; k++) {
                int item = s.order[k];
                plans[item] = planner.plan(item);
            }
        }
    }

    /**
     * Net change: re-plans the {@code roots} and, in low-level-code order, every item whose parents' or producers'
     * orders came out different; every other item keeps its previous plan (shared, not copied). Since an item's plan
     * depends only on its own inputs and those orders, the result equals a regenerative run's.
     *
     * @return the new plans and, in {@code replannedOut[0]}, how many items were re-planned
     */
    public static ItemPlan[] netChange(ItemPlan[] previous, Structure s, StaticData st, SalesBook sales,
                                       PlanningParameters parameters, int[] roots, int[] replannedOut) {
        ItemPlan[] plans = previous.clone();
        boolean[] dirty = new boolean[s.itemCount];
        int first = Integer.MAX_VALUE;
        for (int root : roots) {
            if (root >= 0) {
                dirty[root] = true;
                first = Math.min(first, s.rank[root]);
            }
        }
        int replanned = 0;
        ItemPlanner planner = new ItemPlanner(s, st, sales, plans, parameters, 1 << 12);
        for (int k = first; k < s.itemCount; k++) {
            int item = s.order[k];
            if (!dirty[item]) {
                continue;
            }
            ItemPlan plan = planner.plan(item);
            replanned++;
            if (!plan.sameOrdersAs(previous[item])) {
                markBelow(s, item, dirty);
            }
            plans[item] = plan;
        }
        replannedOut[0] = replanned;
        return plans;
    }

    /** Components of every formula of {@code item}, through phantoms, and its co-products. */
    private static void markBelow(Structure s, int item, boolean[] dirty) {
        for (int f = s.formulaStart[item]; f < s.formulaStart[item + 1]; f++) {
            for (int l = s.lineStart[f]; l < s.lineStart[f + 1]; l++) {
                int c = s.lineComponent[l];
                dirty[c] = true;
                if (s.phantom[c]) {
                    markBelow(s, c, dirty); // its components see this item's orders through it
                }
            }
            for (int o = s.outputStart[f]; o < s.outputStart[f + 1]; o++) {
                if (s.outputCoProduct[o]) {
                    dirty[s.outputItem[o]] = true;
                }
            }
        }
    }
}
