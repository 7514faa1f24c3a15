package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.model.Structure;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;
import org.pilotline.erp.mrp.engine.planning.ItemPlan;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Writes a plan's planned orders ({@link PlannedOrderStore}) and exception messages ({@link ExceptionStore}) as rows
 * of a run: all of them after a regenerative run, in parallel streams, or only what a net change changed. Pegs are
 * not written row by row: see {@link InputCodec}.
 */
public final class PlanWriter {

    /** Rows written. */
    public record Written(long plannedOrders, long exceptions) {
    }

    private PlanWriter() {
    }

    /** Opens connections (autocommit) for parallel writers. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    /**
     * Every item's planned orders and exceptions, in three streams on their own connections at once (the planned
     * orders in two halves by item id): one LOAD DATA keeps one server thread busy, and this machine has two cores.
     */
    public static Written writeAll(Connections connections, long runId, MrpPlan plan, Map<String, Long> itemIds)
            throws SQLException {
        Structure structure = plan.model().structure();
        // in item id order, so that rows go to the end of the clustered index (run, item, number) instead of all over it
        int[] items = IntStream.range(0, structure.itemCount).boxed()
                .sorted(Comparator.comparingLong(item -> itemIds.get(structure.itemCode[item])))
                .mapToInt(Integer::intValue).toArray();
        int[] firstHalf = Arrays.copyOfRange(items, 0, items.length / 2);
        int[] secondHalf = Arrays.copyOfRange(items, items.length / 2, items.length);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<Long> first = pool.submit(() -> withConnection(connections,
                    c -> PlannedOrderStore.writeAll(c, runId, plan, itemIds, firstHalf)));
            Future<Long> second = pool.submit(() -> withConnection(connections,
                    c -> PlannedOrderStore.writeAll(c, runId, plan, itemIds, secondHalf)));
            Future<Long> exceptions = pool.submit(() -> withConnection(connections,
                    c -> ExceptionStore.writeAll(c, runId, plan, itemIds, items)));
            return new Written(first.get() + second.get(), exceptions.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while writing the plan", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SQLException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Writing {
        long write(Connection connection) throws SQLException;
    }

    private static long withConnection(Connections connections, Writing writing) throws SQLException {
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(true);
            return writing.write(connection);
        }
    }

    /**
     * Brings the rows of these items from {@code before} to {@code after} (a net change): only planned orders that
     * changed are written, surplus numbers deleted, and an item's exceptions rewritten only when they changed.
     * Returns the rows touched.
     */
    public static long writeChanges(Connection connection, long runId, MrpPlan before, MrpPlan after,
                                    Map<String, Long> itemIds, Collection<String> itemCodes) throws SQLException {
        Structure structure = after.model().structure();
        try (PlannedOrderStore.Changes orders = new PlannedOrderStore.Changes(connection, runId);
             ExceptionStore.Changes exceptions = new ExceptionStore.Changes(connection, runId)) {
            for (String code : itemCodes) {
                int item = structure.indexOf(code);
                long itemId = itemIds.get(code);
                ItemPlan planBefore = before.itemPlans()[item];
                ItemPlan planAfter = after.itemPlans()[item];
                orders.write(structure, item, itemId, planBefore, planAfter);
                if (planBefore.exceptionCount() + planAfter.exceptionCount() > 0) {
                    exceptions.write(code, itemId, before, after);
                }
            }
            return orders.finish() + exceptions.finish();
        }
    }
}
