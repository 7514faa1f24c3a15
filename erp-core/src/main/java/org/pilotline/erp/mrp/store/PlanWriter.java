package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.model.CalendarIndex;
import org.pilotline.erp.mrp.engine.model.Structure;
import org.pilotline.erp.mrp.engine.plan.ExceptionMessage;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;
import org.pilotline.erp.mrp.engine.planning.ItemPlan;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes a plan's planned orders and exception messages as rows of a run, read straight from the engine's per-item
 * arrays (no record per order) and streamed with {@link BulkLoad}. Pegs are not written row by row: see
 * {@link InputCodec}.
 */
public final class PlanWriter {

    static final String ORDER_COLUMNS = "run_id, item_id, number, order_type, quantity, release_date, due_date,"
            + " formula, routing, exception_mask, status, converted_to";
    static final String EXCEPTION_COLUMNS = "run_id, item_id, seq, kind, day, suggested_date, quantity, reference";

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
        int[] items = java.util.stream.IntStream.range(0, structure.itemCount).boxed()
                .sorted(java.util.Comparator.comparingLong(i -> itemIds.get(structure.itemCode[i])))
                .mapToInt(Integer::intValue).toArray();
        int[] firstHalf = java.util.Arrays.copyOfRange(items, 0, items.length / 2);
        int[] secondHalf = java.util.Arrays.copyOfRange(items, items.length / 2, items.length);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            var first = pool.submit(() -> withConnection(connections, c -> writeOrders(c, runId, plan, itemIds, firstHalf)));
            var second = pool.submit(() -> withConnection(connections, c -> writeOrders(c, runId, plan, itemIds, secondHalf)));
            var exceptions = pool.submit(() -> withConnection(connections, c -> writeExceptions(c, runId, plan, itemIds, items)));
            return new Written(first.get() + second.get(), exceptions.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while writing the plan", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
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
        try (Connection c = connections.open()) {
            c.setAutoCommit(true);
            return writing.write(c);
        }
    }

    /**
     * Brings the rows of these items from {@code before} to {@code after} (a net change): only planned orders that
     * changed are written (LOAD DATA … REPLACE: several times faster than upserting in batches), surplus numbers deleted, and an item's exceptions rewritten only when they changed.
     * Returns the rows touched.
     */
    public static long writeChanges(Connection connection, long runId, MrpPlan before, MrpPlan after,
                                    Map<String, Long> itemIds, Collection<String> itemCodes) throws SQLException {
        Structure structure = after.model().structure();
        CalendarIndex calendar = structure.calendar;
        long touched = 0;
        try (BulkLoad upsert = new BulkLoad(connection, "mrp_planned_order", ORDER_COLUMNS, true);
             var trim = connection.prepareStatement("delete from mrp_planned_order where run_id = ? and item_id = ?"
                     + " and number > ?");
             var dropExceptions = connection.prepareStatement("delete from mrp_exception where run_id = ? and item_id = ?");
             var addException = connection.prepareStatement("insert into mrp_exception (" + EXCEPTION_COLUMNS + ")"
                     + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (String code : itemCodes) {
                int item = structure.indexOf(code);
                long itemId = itemIds.get(code);
                ItemPlan old = before.itemPlans()[item];
                ItemPlan now = after.itemPlans()[item];
                int[] oldMask = masks(old);
                int[] newMask = masks(now);
                for (int n = 1; n <= now.plannedOrderCount(); n++) {
                    int o = now.firmedCount() + n - 1;
                    int p = old.firmedCount() + n - 1;
                    if (n <= old.plannedOrderCount() && old.orderQuantity(p) == now.orderQuantity(o)
                            && old.orderRelease(p) == now.orderRelease(o) && old.orderDue(p) == now.orderDue(o)
                            && old.orderFormula(p) == now.orderFormula(o) && oldMask[p] == newMask[o]) {
                        continue;
                    }
                    int formula = now.orderFormula(o);
                    upsert.number(runId).number(itemId).number(n).text(structure.make[item] ? "M" : "B")
                            .micros(now.orderQuantity(o)).date(calendar.date(now.orderRelease(o))).date(calendar.date(now.orderDue(o)))
                            .text(formula < 0 ? null : structure.formulaCode[formula])
                            .text(formula < 0 ? null : structure.formulaRouting[formula]).number(newMask[o]).text("P").text(null);
                    upsert.endRow();
                    touched++;
                }
                if (old.plannedOrderCount() > now.plannedOrderCount()) {
                    trim.setLong(1, runId);
                    trim.setLong(2, itemId);
                    trim.setInt(3, now.plannedOrderCount());
                    trim.addBatch();
                    touched += old.plannedOrderCount() - now.plannedOrderCount();
                }
                if (old.exceptionCount() + now.exceptionCount() > 0) {
                    List<ExceptionMessage> messages = after.exceptionsOf(code);
                    if (!messages.equals(before.exceptionsOf(code))) {
                        dropExceptions.setLong(1, runId);
                        dropExceptions.setLong(2, itemId);
                        dropExceptions.addBatch();
                        int seq = 1;
                        for (ExceptionMessage m : messages) {
                            addException.setLong(1, runId);
                            addException.setLong(2, itemId);
                            addException.setInt(3, seq++);
                            addException.setString(4, m.kind().name());
                            addException.setObject(5, m.date());
                            addException.setObject(6, m.suggestedDate());
                            addException.setBigDecimal(7, m.quantity());
                            addException.setString(8, m.reference());
                            addException.addBatch();
                            touched++;
                        }
                    }
                }
            }
            trim.executeBatch();
            upsert.finish();
            dropExceptions.executeBatch();
            addException.executeBatch();
        }
        return touched;
    }

    /** Per order ordinal, the exception kinds concerning it as bits. */
    private static int[] masks(ItemPlan p) {
        int[] mask = new int[p.orderCount()];
        for (int e = 0; e < p.exceptionCount(); e++) {
            int supply = p.exceptionSupply(e);
            int ordinal = supply < 0 ? -1 : p.orderOfSupply(supply);
            if (ordinal >= 0) {
                mask[ordinal] |= 1 << p.exceptionKind(e);
            }
        }
        return mask;
    }

    private static long writeOrders(Connection connection, long runId, MrpPlan plan, Map<String, Long> itemIds,
                                    int[] items) throws SQLException {
        Structure structure = plan.model().structure();
        CalendarIndex calendar = structure.calendar;
        ItemPlan[] plans = plan.itemPlans();
        try (BulkLoad rows = new BulkLoad(connection, "mrp_planned_order", ORDER_COLUMNS)) {
            for (int item : items) {
                ItemPlan p = plans[item];
                if (p.plannedOrderCount() == 0) {
                    continue;
                }
                long itemId = itemIds.get(structure.itemCode[item]);
                int[] mask = masks(p);
                String type = structure.make[item] ? "M" : "B";
                for (int o = p.firmedCount(), number = 1; o < p.orderCount(); o++, number++) {
                    int formula = p.orderFormula(o);
                    rows.number(runId).number(itemId).number(number).text(type).micros(p.orderQuantity(o))
                            .date(calendar.date(p.orderRelease(o))).date(calendar.date(p.orderDue(o)))
                            .text(formula < 0 ? null : structure.formulaCode[formula])
                            .text(formula < 0 ? null : structure.formulaRouting[formula]).number(mask[o]).text("P").text(null);
                    rows.endRow();
                }
            }
            return rows.finish();
        }
    }

    private static long writeExceptions(Connection connection, long runId, MrpPlan plan, Map<String, Long> itemIds,
                                        int[] items) throws SQLException {
        Structure structure = plan.model().structure();
        ItemPlan[] plans = plan.itemPlans();
        try (BulkLoad rows = new BulkLoad(connection, "mrp_exception", EXCEPTION_COLUMNS)) {
            for (int item : items) {
                if (plans[item].exceptionCount() == 0) {
                    continue;
                }
                long itemId = itemIds.get(structure.itemCode[item]);
                List<ExceptionMessage> messages = plan.exceptionsOf(structure.itemCode[item]);
                int seq = 1;
                for (ExceptionMessage m : messages) {
                    rows.number(runId).number(itemId).number(seq++).text(m.kind().name()).date(m.date())
                            .date(m.suggestedDate()).text(m.quantity() == null ? null : plainMicros(m.quantity()))
                            .text(m.reference());
                    rows.endRow();
                }
            }
            return rows.finish();
        }
    }

    private static String plainMicros(BigDecimal quantity) {
        return quantity.setScale(6, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
