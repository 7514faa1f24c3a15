package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.model.Structure;
import org.pilotline.erp.mrp.engine.plan.ExceptionKind;
import org.pilotline.erp.mrp.engine.plan.ExceptionMessage;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;
import org.pilotline.erp.mrp.engine.planning.ItemPlan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The rows of a run's exception messages ({@code mrp_exception}, keyed by run, item and sequence): written item by
 * item with {@link BulkLoad}, rewritten per item by a net change, read a page at a time. Plain JDBC; every read
 * names the tenant.
 */
public final class ExceptionStore {

    static final String COLUMNS = "run_id, item_id, seq, kind, day, suggested_date, quantity, reference";
    private static final String FROM = " from mrp_exception e join item i on i.id = e.item_id and i.tenant_id = ?"
            + " where e.run_id = ?";

    private ExceptionStore() {
    }

    /** The messages of the run, of one item and of one kind if given. */
    public static long count(Connection connection, String tenant, long runId, Long itemId, ExceptionKind kind)
            throws SQLException {
        Jdbc.Where where = where(tenant, runId, itemId, kind);
        return Jdbc.count(connection, "select count(*)" + where.sql(), where.parameters());
    }

    /** A page of {@link #count}'s messages by date, item code and sequence. */
    public static List<ExceptionRow> page(Connection connection, String tenant, long runId, Long itemId,
                                          ExceptionKind kind, long offset, int limit) throws SQLException {
        Jdbc.Where where = where(tenant, runId, itemId, kind);
        return Jdbc.list(connection, "select e.run_id, e.item_id, i.code, e.seq, e.kind, e.day, e.suggested_date,"
                + " e.quantity, e.reference, e.working_minutes" + where.sql() + " order by e.day, i.code, e.seq limit " + limit
                + " offset " + offset, ExceptionStore::row, where.parameters());
    }

    private static Jdbc.Where where(String tenant, long runId, Long itemId, ExceptionKind kind) {
        return new Jdbc.Where(FROM, tenant, runId)
                .and(itemId != null, "e.item_id = ?", itemId)
                .and(kind != null, "e.kind = ?", kind == null ? null : kind.name());
    }

    private static ExceptionRow row(ResultSet row) throws SQLException {
        return new ExceptionRow(row.getLong(1), row.getLong(2), row.getString(3), row.getInt(4),
                ExceptionKind.valueOf(row.getString(5)), row.getDate(6).toLocalDate(), Jdbc.date(row.getDate(7)),
                row.getBigDecimal(8), row.getString(9), row.getObject(10) == null ? null : row.getLong(10));
    }

    /** Deletes a run's messages in slices, so that no transaction grows large. */
    static void deleteRun(Connection connection, long runId) throws SQLException {
        while (Jdbc.update(connection, "delete from mrp_exception where run_id = ? limit 100000", runId) > 0) {
            // next slice
        }
    }

    // ------------------------------------------------------------------------------------------------ writing

    /** Every message of these items (in this order) as rows of the run; returns the rows loaded. */
    static long writeAll(Connection connection, long runId, MrpPlan plan, Map<String, Long> itemIds, int[] items)
            throws SQLException {
        Structure structure = plan.model().structure();
        ItemPlan[] plans = plan.itemPlans();
        try (BulkLoad rows = new BulkLoad(connection, "mrp_exception", COLUMNS)) {
            for (int item : items) {
                if (plans[item].exceptionCount() == 0) {
                    continue;
                }
                String code = structure.itemCode[item];
                long itemId = itemIds.get(code);
                int seq = 1;
                for (ExceptionMessage message : plan.exceptionsOf(code)) {
                    rows.number(runId).number(itemId).number(seq++).text(message.kind().name()).date(message.date())
                            .date(message.suggestedDate())
                            .text(message.quantity() == null ? null : plainMicros(message.quantity()))
                            .text(message.reference());
                    rows.endRow();
                }
            }
            return rows.finish();
        }
    }

    private static String plainMicros(BigDecimal quantity) {
        return quantity.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    /** Rewrites the messages of items whose messages changed from one plan to the next (a net change). */
    static final class Changes implements AutoCloseable {

        private final long runId;
        private final PreparedStatement drop;
        private final PreparedStatement insert;
        private long touched;

        Changes(Connection connection, long runId) throws SQLException {
            this.runId = runId;
            this.drop = connection.prepareStatement("delete from mrp_exception where run_id = ? and item_id = ?");
            this.insert = connection.prepareStatement("insert into mrp_exception (" + COLUMNS + ")"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?)");
        }

        void write(String code, long itemId, MrpPlan before, MrpPlan after) throws SQLException {
            List<ExceptionMessage> messages = after.exceptionsOf(code);
            if (messages.equals(before.exceptionsOf(code))) {
                return;
            }
            drop.setLong(1, runId);
            drop.setLong(2, itemId);
            drop.addBatch();
            int seq = 1;
            for (ExceptionMessage message : messages) {
                insert.setLong(1, runId);
                insert.setLong(2, itemId);
                insert.setInt(3, seq++);
                insert.setString(4, message.kind().name());
                insert.setObject(5, message.date());
                insert.setObject(6, message.suggestedDate());
                insert.setBigDecimal(7, message.quantity());
                insert.setString(8, message.reference());
                insert.addBatch();
                touched++;
            }
        }

        /** Sends what is left; returns the rows written. */
        long finish() throws SQLException {
            drop.executeBatch();
            insert.executeBatch();
            return touched;
        }

        @Override
        public void close() throws SQLException {
            try (drop; insert) {
                // both closed
            }
        }
    }
}
