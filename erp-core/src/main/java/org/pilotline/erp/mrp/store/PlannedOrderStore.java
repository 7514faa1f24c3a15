package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.model.CalendarIndex;
import org.pilotline.erp.mrp.engine.model.Structure;
import org.pilotline.erp.mrp.engine.plan.ExceptionKind;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;
import org.pilotline.erp.mrp.engine.plan.OrderType;
import org.pilotline.erp.mrp.engine.planning.ItemPlan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of planned orders: a run's planned orders ({@code mrp_planned_order}, keyed by run, item and number) with
 * the planner's actions on them, and the firmed planned orders ({@code mrp_firmed_order}) that later runs read as
 * input. Written straight from the engine's per-item arrays (no record per order), streamed with {@link BulkLoad};
 * read a page at a time. Plain JDBC; every read names the tenant.
 */
public final class PlannedOrderStore {

    static final String COLUMNS = "run_id, item_id, number, order_type, quantity, release_date, due_date,"
            + " formula, routing, exception_mask, status, converted_to";
    private static final String SELECT = "select p.run_id, p.item_id, i.code, p.number, p.order_type, p.quantity,"
            + " p.release_date, p.due_date, p.formula, p.routing, p.exception_mask, p.status, p.converted_to";
    private static final String FROM = " from mrp_planned_order p join item i on i.id = p.item_id and i.tenant_id = ?"
            + " where p.run_id = ?";
    private static final ExceptionKind[] EXCEPTION_KINDS = ExceptionKind.values();

    /**
     * By item and number (the clustered key: paging is cheap at any size), or by due date, which sorts the run's
     * matching rows first: fine with a filter, seconds for a whole large run.
     */
    public enum Sort {
        ITEM("p.item_id, p.number"),
        DUE_DATE("p.due_date, p.item_id, p.number");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    /** Which planned orders to list; null fields do not filter. {@code dueTo} is exclusive. */
    public record Filter(Long itemId, OrderType type, LocalDate dueFrom, LocalDate dueTo, ExceptionKind exception) {
    }

    private PlannedOrderStore() {
    }

    public static long count(Connection connection, String tenant, long runId, Filter filter) throws SQLException {
        Jdbc.Where where = where(tenant, runId, filter);
        return Jdbc.count(connection, "select count(*)" + where.sql(), where.parameters());
    }

    public static List<PlannedOrderRow> page(Connection connection, String tenant, long runId, Filter filter,
                                             Sort sort, long offset, int limit) throws SQLException {
        Jdbc.Where where = where(tenant, runId, filter);
        return Jdbc.list(connection, SELECT + where.sql() + " order by " + sort.orderBy + " limit " + limit
                + " offset " + offset, PlannedOrderStore::row, where.parameters());
    }

    private static Jdbc.Where where(String tenant, long runId, Filter filter) {
        return new Jdbc.Where(FROM, tenant, runId)
                .and(filter.itemId() != null, "p.item_id = ?", filter.itemId())
                .and(filter.type() != null, "p.order_type = ?", filter.type() == null ? null : typeCode(filter.type()))
                .and(filter.dueFrom() != null, "p.due_date >= ?", filter.dueFrom())
                .and(filter.dueTo() != null, "p.due_date < ?", filter.dueTo())
                .and(filter.exception() != null, "(p.exception_mask & ?) <> 0",
                        filter.exception() == null ? null : 1 << filter.exception().ordinal());
    }

    /** The planned order, locked until the transaction ends when {@code forUpdate}. */
    public static Optional<PlannedOrderRow> find(Connection connection, String tenant, long runId, long itemId,
                                                 int number, boolean forUpdate) throws SQLException {
        return Jdbc.list(connection, SELECT + FROM + " and p.item_id = ? and p.number = ?"
                + (forUpdate ? " for update" : ""), PlannedOrderStore::row, tenant, runId, itemId, number)
                .stream().findFirst();
    }

    /** Records the planner's action: the order is now {@code status}, with the reference it became. */
    public static void mark(Connection connection, long runId, long itemId, int number, PlannedOrderStatus status,
                            String reference) throws SQLException {
        Jdbc.update(connection, "update mrp_planned_order set status = ?, converted_to = ? where run_id = ?"
                + " and item_id = ? and number = ?", status.code, reference, runId, itemId, number);
    }

    /** Keeps the order as a firmed planned order under {@code reference}: later runs read it as it is. */
    public static void insertFirmed(Connection connection, String tenant, String reference, PlannedOrderRow order)
            throws SQLException {
        Jdbc.update(connection, "insert into mrp_firmed_order (tenant_id, reference, item_id, quantity, release_date,"
                + " due_date, formula, status, version) values (?, ?, ?, ?, ?, ?, ?, 'FIRM', 0)", tenant, reference,
                order.itemId(), order.quantity(), order.releaseDate(), order.dueDate(), order.formula());
    }

    /** The firmed planned order became a production or purchase order: runs no longer read it. */
    public static void markFirmedConverted(Connection connection, String tenant, String reference, String convertedTo)
            throws SQLException {
        Jdbc.update(connection, "update mrp_firmed_order set status = 'CONVERTED', converted_to = ?,"
                + " version = version + 1 where tenant_id = ? and reference = ?", convertedTo, tenant, reference);
    }

    /**
     * The planner took the firm back: later runs no longer read the firmed order {@code reference} (its row stays, as
     * UNFIRMED, so that its reference keeps meaning what it meant). Returns whether a firmed order was changed.
     */
    public static boolean unfirm(Connection connection, String tenant, String reference) throws SQLException {
        return Jdbc.update(connection, "update mrp_firmed_order set status = 'UNFIRMED', version = version + 1"
                + " where tenant_id = ? and reference = ? and status = 'FIRM'", tenant, reference) == 1;
    }

    /** Deletes a run's planned orders in slices, so that no transaction grows large. */
    static void deleteRun(Connection connection, long runId) throws SQLException {
        while (Jdbc.update(connection, "delete from mrp_planned_order where run_id = ? limit 100000", runId) > 0) {
            // next slice
        }
    }

    private static PlannedOrderRow row(ResultSet row) throws SQLException {
        int mask = row.getInt(11);
        List<ExceptionKind> kinds = new ArrayList<>();
        for (ExceptionKind kind : EXCEPTION_KINDS) {
            if ((mask & (1 << kind.ordinal())) != 0) {
                kinds.add(kind);
            }
        }
        return new PlannedOrderRow(row.getLong(1), row.getLong(2), row.getString(3), row.getInt(4),
                row.getString(5).equals("M") ? OrderType.PRODUCTION : OrderType.PURCHASE, row.getBigDecimal(6),
                row.getDate(7).toLocalDate(), row.getDate(8).toLocalDate(), row.getString(9), row.getString(10),
                List.copyOf(kinds), PlannedOrderStatus.ofCode(row.getString(12)), row.getString(13));
    }

    private static String typeCode(OrderType type) {
        return type == OrderType.PRODUCTION ? "M" : "B";
    }

    // ------------------------------------------------------------------------------------------------ writing

    /** Every planned order of these items (in this order) as rows of the run; returns the rows loaded. */
    static long writeAll(Connection connection, long runId, MrpPlan plan, Map<String, Long> itemIds, int[] items)
            throws SQLException {
        Structure structure = plan.model().structure();
        ItemPlan[] plans = plan.itemPlans();
        try (BulkLoad rows = new BulkLoad(connection, "mrp_planned_order", COLUMNS)) {
            for (int item : items) {
                ItemPlan itemPlan = plans[item];
                if (itemPlan.plannedOrderCount() == 0) {
                    continue;
                }
                long itemId = itemIds.get(structure.itemCode[item]);
                int[] mask = exceptionMasks(itemPlan);
                for (int order = itemPlan.firmedCount(), number = 1; order < itemPlan.orderCount(); order++, number++) {
                    row(rows, structure, runId, item, itemId, number, itemPlan, order, mask[order]);
                }
            }
            return rows.finish();
        }
    }

    /** One planned order as a row with status PLANNED. */
    private static void row(BulkLoad rows, Structure structure, long runId, int item, long itemId, int number,
                            ItemPlan itemPlan, int order, int exceptionMask) throws SQLException {
        CalendarIndex calendar = structure.calendar;
        int formula = itemPlan.orderFormula(order);
        rows.number(runId).number(itemId).number(number).text(structure.make[item] ? "M" : "B")
                .micros(itemPlan.orderQuantity(order)).date(calendar.date(itemPlan.orderRelease(order)))
                .date(calendar.date(itemPlan.orderDue(order)))
                .text(formula < 0 ? null : structure.formulaCode[formula])
                .text(formula < 0 ? null : structure.formulaRouting[formula]).number(exceptionMask)
                .text(PlannedOrderStatus.PLANNED.code).text(null);
        rows.endRow();
    }

    /** Per order ordinal, the exception kinds concerning it as bits. */
    private static int[] exceptionMasks(ItemPlan itemPlan) {
        int[] mask = new int[itemPlan.orderCount()];
        for (int exception = 0; exception < itemPlan.exceptionCount(); exception++) {
            int supply = itemPlan.exceptionSupply(exception);
            int order = supply < 0 ? -1 : itemPlan.orderOfSupply(supply);
            if (order >= 0) {
                mask[order] |= 1 << itemPlan.exceptionKind(exception);
            }
        }
        return mask;
    }

    /**
     * Brings the rows of items from one plan to the next (a net change): only planned orders that changed are
     * written (LOAD DATA … REPLACE: several times faster than upserting in batches) and surplus numbers deleted.
     */
    static final class Changes implements AutoCloseable {

        private final long runId;
        private final BulkLoad upsert;
        private final PreparedStatement trim;
        private long touched;

        Changes(Connection connection, long runId) throws SQLException {
            this.runId = runId;
            this.upsert = new BulkLoad(connection, "mrp_planned_order", COLUMNS, true);
            this.trim = connection.prepareStatement("delete from mrp_planned_order where run_id = ? and item_id = ?"
                    + " and number > ?");
        }

        void write(Structure structure, int item, long itemId, ItemPlan before, ItemPlan after) throws SQLException {
            int[] maskBefore = exceptionMasks(before);
            int[] maskAfter = exceptionMasks(after);
            for (int number = 1; number <= after.plannedOrderCount(); number++) {
                int order = after.firmedCount() + number - 1;
                int orderBefore = before.firmedCount() + number - 1;
                if (number <= before.plannedOrderCount()
                        && before.orderQuantity(orderBefore) == after.orderQuantity(order)
                        && before.orderRelease(orderBefore) == after.orderRelease(order)
                        && before.orderDue(orderBefore) == after.orderDue(order)
                        && before.orderFormula(orderBefore) == after.orderFormula(order)
                        && maskBefore[orderBefore] == maskAfter[order]) {
                    continue;
                }
                row(upsert, structure, runId, item, itemId, number, after, order, maskAfter[order]);
                touched++;
            }
            if (before.plannedOrderCount() > after.plannedOrderCount()) {
                trim.setLong(1, runId);
                trim.setLong(2, itemId);
                trim.setInt(3, after.plannedOrderCount());
                trim.addBatch();
                touched += before.plannedOrderCount() - after.plannedOrderCount();
            }
        }

        /** Sends what is left; returns the rows touched. */
        long finish() throws SQLException {
            trim.executeBatch();
            upsert.finish();
            return touched;
        }

        @Override
        public void close() throws SQLException {
            try (trim) {
                upsert.close();
            }
        }
    }
}
