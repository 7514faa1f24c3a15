package org.pilotline.erp.mrp.engine.planning;

import org.pilotline.erp.mrp.engine.model.PlanningModel;
import org.pilotline.erp.mrp.engine.model.PlanningParameters;
import org.pilotline.erp.mrp.engine.model.Structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntBinaryOperator;
import java.util.function.IntConsumer;

/**
 * Runs {@link ItemPlanner} over the items in low-level-code order: all of a level before any of the next, so that
 * every item sees the finished plans of its parents. Items of one level do not read each other's plans, so a level
 * is shared out between threads in chunks; since each item's plan is a function of its inputs and its parents'
 * orders only, the result does not depend on the number of threads or the interleaving.
 */
public final class PlanRunner implements AutoCloseable {

    private static final int CHUNK = 64;
    private static final int PARALLEL_FROM = 4 * CHUNK;

    private final ItemPlan[] plans;
    private final ItemPlanner[] planners;
    private final ExecutorService pool;

    private PlanRunner(PlanningModel model, ItemPlan[] plans, PlanningParameters parameters, int arenaChunk) {
        this.plans = plans;
        int threads = Math.max(1, parameters.threads());
        this.planners = new ItemPlanner[threads];
        for (int thread = 0; thread < threads; thread++) {
            planners[thread] = new ItemPlanner(model.structure(), model.supplyAndDemand(), model.sales(), plans,
                    parameters, arenaChunk);
        }
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, runnable -> {
            Thread thread = new Thread(runnable, "mrp-planner");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** A regenerative run over every item. {@code progress} receives (items planned, items in all). */
    public static ItemPlan[] regenerate(PlanningModel model, PlanningParameters parameters,
                                        IntBinaryOperator progress) {
        Structure structure = model.structure();
        ItemPlan[] plans = new ItemPlan[structure.itemCount];
        try (PlanRunner runner = new PlanRunner(model, plans, parameters, 1 << 20)) {
            for (int level = 0; level < structure.levels; level++) {
                int from = structure.levelStart[level];
                int to = structure.levelStart[level + 1];
                runner.plan(structure.planningOrder, from, to, null);
                progress.applyAsInt(to, structure.itemCount);
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
    public static ItemPlan[] netChange(ItemPlan[] previous, PlanningModel model, PlanningParameters parameters,
                                       int[] roots, int[] replannedOut) {
        Structure structure = model.structure();
        ItemPlan[] plans = previous.clone();
        boolean[] toReplan = new boolean[structure.itemCount];
        boolean[] ordersChanged = new boolean[structure.itemCount];
        int firstLevel = Integer.MAX_VALUE;
        for (int root : roots) {
            if (root >= 0) {
                toReplan[root] = true;
                firstLevel = Math.min(firstLevel, structure.lowLevelCode[root]);
            }
        }
        int replanned = 0;
        int[] batch = new int[64];
        try (PlanRunner runner = new PlanRunner(model, plans, parameters, 1 << 12)) {
            for (int level = firstLevel; level < structure.levels; level++) {
                int count = 0;
                for (int position = structure.levelStart[level]; position < structure.levelStart[level + 1];
                     position++) {
                    int item = structure.planningOrder[position];
                    if (toReplan[item]) {
                        if (count == batch.length) {
                            batch = Arrays.copyOf(batch, count * 2);
                        }
                        batch[count++] = item;
                    }
                }
                runner.plan(batch, 0, count, item -> ordersChanged[item] = !plans[item].sameOrdersAs(previous[item]));
                replanned += count;
                for (int index = 0; index < count; index++) {
                    if (ordersChanged[batch[index]]) {
                        markBelow(structure, batch[index], toReplan);
                    }
                }
            }
        }
        replannedOut[0] = replanned;
        return plans;
    }

    /** Plans {@code items[from, to)}, which must not depend on each other; then calls {@code after} per item. */
    private void plan(int[] items, int from, int to, IntConsumer after) {
        if (pool == null || to - from < PARALLEL_FROM) {
            planRange(planners[0], items, from, to, after);
            return;
        }
        AtomicInteger next = new AtomicInteger(from);
        List<Future<?>> helpers = new ArrayList<>(planners.length - 1);
        for (int thread = 1; thread < planners.length; thread++) {
            ItemPlanner planner = planners[thread];
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

    private void planChunks(ItemPlanner planner, int[] items, AtomicInteger next, int to, IntConsumer after) {
        while (true) {
            int from = next.getAndAdd(CHUNK);
            if (from >= to) {
                return;
            }
            planRange(planner, items, from, Math.min(to, from + CHUNK), after);
        }
    }

    private void planRange(ItemPlanner planner, int[] items, int from, int to, IntConsumer after) {
        for (int position = from; position < to; position++) {
            int item = items[position];
            plans[item] = planner.plan(item);
            if (after != null) {
                after.accept(item);
            }
        }
    }

    /** Components of every formula of {@code item}, through phantom lines, and its co-products. */
    private static void markBelow(Structure structure, int item, boolean[] toReplan) {
        for (int formula = structure.formulaStart[item]; formula < structure.formulaStart[item + 1]; formula++) {
            for (int line = structure.lineStart[formula]; line < structure.lineStart[formula + 1]; line++) {
                int component = structure.lineComponent[line];
                toReplan[component] = true;
                if (structure.linePhantom[line]) {
                    markBelow(structure, component, toReplan); // its components see this item's orders through it
                }
            }
            for (int output = structure.outputStart[formula]; output < structure.outputStart[formula + 1]; output++) {
                if (structure.outputCoProduct[output]) {
                    toReplan[structure.outputItem[output]] = true;
                }
            }
        }
    }
}
