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
 * every item sees the finished plans of its parents. Items of one level do not read each other's plans, so a level
 * is shared out between threads in chunks; since each item's plan is a function of its inputs and its parents'
 * orders only, the result does not depend on the number of threads or the interleaving.
 */
public final class PlanRunner implements AutoCloseable {

    private static final int CHUNK = 64;
    private static final int PARALLEL_FROM = 4 * CHUNK;

    private final Structure s;
    private final ItemPlan[] plans;
    private final ItemPlanner[] planners;
    private final ExecutorService pool;

    private PlanRunner(Structure s, StaticData st, SalesBook sales, ItemPlan[] plans, PlanningParameters parameters,
                       int arenaChunk) {
        this.s = s;
        this.plans = plans;
        int threads = Math.max(1, parameters.threads());
        this.planners = new ItemPlanner[threads];
        for (int t = 0; t < threads; t++) {
            planners[t] = new ItemPlanner(s, st, sales, plans, parameters, arenaChunk);
        }
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, runnable -> {
            Thread t = new Thread(runnable, "mrp-planner");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** A regenerative run over every item. {@code progress} receives (items planned, items in all). */
    public static ItemPlan[] regenerate(Structure s, StaticData st, SalesBook sales, PlanningParameters parameters,
                                        IntBinaryOperator progress) {
        ItemPlan[] plans = new ItemPlan[s.itemCount];
        try (PlanRunner runner = new PlanRunner(s, st, sales, plans, parameters, 1 << 20)) {
            for (int level = 0; level < s.levels; level++) {
                int from = s.levelStart[level];
                int to = s.levelStart[level + 1];
                runner.plan(s.order, from, to, null);
                progress.applyAsInt(to, s.itemCount);
            }
        }
        return plans;
    }

    /**
     * Net change: re-plans the {@code roots} and, level by level, every item whose parents' or producers' orders
     * came out different; every other item keeps its previous plan (shared, not copied). Since an item's plan
     * depends only on its own inputs and those orders, the result equals a regenerative run's.
     *
     * @return the new plans and, in {@code replannedOut[0]}, how many items were re-planned
     */
    public static ItemPlan[] netChange(ItemPlan[] previous, Structure s, StaticData st, SalesBook sales,
                                       PlanningParameters parameters, int[] roots, int[] replannedOut) {
        ItemPlan[] plans = previous.clone();
        boolean[] dirty = new boolean[s.itemCount];
        boolean[] changed = new boolean[s.itemCount];
        int firstLevel = Integer.MAX_VALUE;
        for (int root : roots) {
            if (root >= 0) {
                dirty[root] = true;
                firstLevel = Math.min(firstLevel, s.lowLevelCode[root]);
            }
        }
        int replanned = 0;
        int[] batch = new int[64];
        try (PlanRunner runner = new PlanRunner(s, st, sales, plans, parameters, 1 << 12)) {
            for (int level = firstLevel; level < s.levels; level++) {
                int count = 0;
                for (int k = s.levelStart[level]; k < s.levelStart[level + 1]; k++) {
                    int item = s.order[k];
                    if (dirty[item]) {
                        if (count == batch.length) {
                            batch = java.util.Arrays.copyOf(batch, count * 2);
                        }
                        batch[count++] = item;
                    }
                }
                runner.plan(batch, 0, count, item -> changed[item] = !plans[item].sameOrdersAs(previous[item]));
                replanned += count;
                for (int k = 0; k < count; k++) {
                    if (changed[batch[k]]) {
                        markBelow(s, batch[k], dirty);
                    }
                }
            }
        }
        replannedOut[0] = replanned;
        return plans;
    }

    /** Plans {@code items[from, to)}, which must not depend on each other; then calls {@code after} per item. */
    private void plan(int[] items, int from, int to, java.util.function.IntConsumer after) {
        if (pool == null || to - from < PARALLEL_FROM) {
            planRange(planners[0], items, from, to, after);
            return;
        }
        AtomicInteger next = new AtomicInteger(from);
        List<Future<?>> helpers = new ArrayList<>(planners.length - 1);
        for (int t = 1; t < planners.length; t++) {
            ItemPlanner planner = planners[t];
            helpers.add(pool.submit(() -> planChunks(planner, items, next, to, after)));
        }
        planChunks(planners[0], items, next, to, after);
        try {
            for (Future<?> helper : helpers) {
                helper.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("MRP run interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("MRP run failed", e.getCause());
        }
    }

    private void planChunks(ItemPlanner planner, int[] items, AtomicInteger next, int to,
                            java.util.function.IntConsumer after) {
        while (true) {
            int from = next.getAndAdd(CHUNK);
            if (from >= to) {
                return;
            }
            planRange(planner, items, from, Math.min(to, from + CHUNK), after);
        }
    }

    private void planRange(ItemPlanner planner, int[] items, int from, int to, java.util.function.IntConsumer after) {
        for (int k = from; k < to; k++) {
            int item = items[k];
            plans[item] = planner.plan(item);
            if (after != null) {
                after.accept(item);
            }
        }
    }

    /** Components of every formula of {@code item}, through phantom lines, and its co-products. */
    private static void markBelow(Structure s, int item, boolean[] dirty) {
        for (int f = s.formulaStart[item]; f < s.formulaStart[item + 1]; f++) {
            for (int l = s.lineStart[f]; l < s.lineStart[f + 1]; l++) {
                int c = s.lineComponent[l];
                dirty[c] = true;
                if (s.linePhantom[l]) {
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
