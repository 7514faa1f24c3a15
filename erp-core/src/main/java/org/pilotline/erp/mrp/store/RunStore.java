package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.input.SalesOrderLine;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The rows of MRP runs: state and progress (so that any replica can answer for a run), the switch of the current
 * run, the stored input and the net changes applied since. Plain JDBC; every statement names the tenant.
 */
public final class RunStore {

    public enum Status { QUEUED, RUNNING, COMPLETED, FAILED, SUPERSEDED }

    /** A run as stored. */
    public record Run(long id, Status status, String phase, int itemsPlanned, int itemsTotal, String requestedBy,
                      Instant requestedAt, Instant startedAt, Instant finishedAt, RunParameters parameters,
                      Integer items, Integer bomLines, Integer demandLines, Long plannedOrders, Long pegs,
                      Long exceptions, int netChanges, int actions, String error, boolean current) {

        /** How far the run has come, 0 to 1: 1 once it has results, at most 0.99 while items are still planned. */
        public double progress() {
            if (status == Status.COMPLETED || status == Status.SUPERSEDED) {
                return 1.0;
            }
            return itemsTotal == 0 ? 0.0 : Math.min(0.99, (double) itemsPlanned / itemsTotal);
        }

        /** Whether it has results to read (COMPLETED; a later run's results replace a SUPERSEDED run's). */
        public boolean hasResults() {
            return status == Status.COMPLETED;
        }
    }

    /** What a finished run counted. */
    public record Counts(int items, int bomLines, int demandLines, long plannedOrders, long pegs, long exceptions) {
    }

    private static final int INPUT_PART = 4 << 20;
    private static final String RUN_COLUMNS = "r.id, r.status, r.phase, r.items_planned, r.items_total, r.requested_by,"
            + " r.requested_at, r.started_at, r.finished_at, r.parameters, r.items, r.bom_lines, r.demand_lines,"
            + " r.planned_orders, r.pegs, r.exceptions, r.net_changes, r.actions, r.error, c.run_id";

    private RunStore() {
    }

    public static long create(Connection c, String tenant, String user, RunParameters parameters, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into mrp_run (tenant_id, status, phase, items_planned,"
                + " items_total, requested_by, requested_at, horizon_start, parameters) values (?, 'QUEUED', 'QUEUED',"
                + " 0, 0, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, tenant);
            ps.setString(2, user);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setObject(4, parameters.start());
            ps.setString(5, parameters.encode());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public static void progress(Connection c, String tenant, long run, String phase, int done, int total)
            throws SQLException {
        update(c, "update mrp_run set status = 'RUNNING', phase = ?, items_planned = ?, items_total = ?,"
                + " started_at = coalesce(started_at, ?) where tenant_id = ? and id = ?", phase, done, total,
                Timestamp.from(Instant.now()), tenant, run);
    }

    /** Marks the run completed and makes it the enterprise's current plan, in one transaction. */
    public static void complete(Connection c, String tenant, long run, Counts counts) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            update(c, "update mrp_run set status = 'COMPLETED', phase = 'DONE', items_planned = items_total,"
                    + " finished_at = ?, items = ?, bom_lines = ?, demand_lines = ?, planned_orders = ?, pegs = ?,"
                    + " exceptions = ? where tenant_id = ? and id = ?", Timestamp.from(Instant.now()), counts.items(),
                    counts.bomLines(), counts.demandLines(), counts.plannedOrders(), counts.pegs(), counts.exceptions(),
                    tenant, run);
            update(c, "insert into mrp_current_run (tenant_id, run_id) values (?, ?)"
                    + " on duplicate key update run_id = values(run_id)", tenant, run);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    public static void fail(Connection c, String tenant, long run, String error) throws SQLException {
        update(c, "update mrp_run set status = 'FAILED', phase = 'FAILED', finished_at = ?, error = ?"
                + " where tenant_id = ? and id = ?", Timestamp.from(Instant.now()),
                error == null ? "failed" : error.substring(0, Math.min(error.length(), 2000)), tenant, run);
    }

    /**
     * Deletes the results of the enterprise's earlier runs (their run rows stay, as SUPERSEDED), in slices so that
     * no transaction grows large; a failed run's partial rows go the same way.
     */
    public static void purgeExcept(Connection c, String tenant, long keep) throws SQLException {
        List<Long> old = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id from mrp_run where tenant_id = ? and id <> ?"
                + " and status in ('COMPLETED', 'FAILED')")) {
            ps.setString(1, tenant);
            ps.setLong(2, keep);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    old.add(rs.getLong(1));
                }
            }
        }
        for (long run : old) {
            PlannedOrderStore.deleteRun(c, run);
            ExceptionStore.deleteRun(c, run);
            OrderSupplyStore.deleteRun(c, run);
            update(c, "delete from mrp_run_input where run_id = ?", run);
            update(c, "delete from mrp_run_amendment where run_id = ?", run);
            update(c, "update mrp_run set status = case status when 'COMPLETED' then 'SUPERSEDED' else status end"
                    + " where tenant_id = ? and id = ?", tenant, run);
        }
    }

    /** Counts a planner's action (firm, convert) on the run: net changes cannot re-plan around those. */
    public static void countAction(Connection c, String tenant, long run) throws SQLException {
        update(c, "update mrp_run set actions = actions + 1 where tenant_id = ? and id = ?", tenant, run);
    }

    public static Optional<Run> find(Connection c, String tenant, long run) throws SQLException {
        List<Run> runs = select(c, "select " + RUN_COLUMNS + " from mrp_run r left join mrp_current_run c"
                + " on c.tenant_id = r.tenant_id and c.run_id = r.id where r.tenant_id = ? and r.id = ?", tenant, run);
        return runs.stream().findFirst();
    }

    public static Optional<Run> current(Connection c, String tenant) throws SQLException {
        List<Run> runs = select(c, "select " + RUN_COLUMNS + " from mrp_current_run c join mrp_run r"
                + " on r.id = c.run_id and r.tenant_id = c.tenant_id where c.tenant_id = ?", tenant);
        return runs.stream().findFirst();
    }

    public static long count(Connection c, String tenant) throws SQLException {
        return Jdbc.count(c, "select count(*) from mrp_run where tenant_id = ?", tenant);
    }

    /** Whether a run of the enterprise requested after {@code since} is queued or running. */
    public static boolean inProgress(Connection c, String tenant, Instant since) throws SQLException {
        return Jdbc.exists(c, "select 1 from mrp_run where tenant_id = ? and status in ('QUEUED', 'RUNNING')"
                + " and requested_at > ?", tenant, Timestamp.from(since));
    }

    /** The enterprise's runs, newest first. */
    public static List<Run> list(Connection c, String tenant, int offset, int limit) throws SQLException {
        return select(c, "select " + RUN_COLUMNS + " from mrp_run r left join mrp_current_run c"
                + " on c.tenant_id = r.tenant_id and c.run_id = r.id where r.tenant_id = ? order by r.id desc"
                + " limit " + limit + " offset " + offset, tenant);
    }

    /** Locks the enterprise's current-run pointer until the transaction ends; the run id, or empty. */
    public static Optional<Long> lockCurrent(Connection c, String tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select run_id from mrp_current_run where tenant_id = ? for update")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    // ------------------------------------------------------------------------------------------- stored input

    public static void saveInput(Connection c, long run, byte[] data) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into mrp_run_input (run_id, part, data) values (?, ?, ?)")) {
            for (int part = 0, at = 0; at < data.length || part == 0; part++, at += INPUT_PART) {
                ps.setLong(1, run);
                ps.setInt(2, part);
                ps.setBytes(3, Arrays.copyOfRange(data, at, Math.min(data.length, at + INPUT_PART)));
                ps.executeUpdate();
            }
        }
    }

    public static Optional<byte[]> readInput(Connection c, long run) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean found = false;
        try (PreparedStatement ps = c.prepareStatement("select data from mrp_run_input where run_id = ? order by part")) {
            ps.setLong(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found = true;
                    out.writeBytes(rs.getBytes(1));
                }
            }
        }
        return found ? Optional.of(out.toByteArray()) : Optional.empty();
    }

    /** A sales order line a net change applied to the run: the line as it became, or its removal (null item). */
    public record Amendment(String reference, SalesOrderLine line) {
    }

    public static void addAmendments(Connection c, String tenant, long run, List<Amendment> amendments)
            throws SQLException {
        int seq;
        try (PreparedStatement ps = c.prepareStatement("select coalesce(max(seq), 0) from mrp_run_amendment where run_id = ?")) {
            ps.setLong(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                seq = rs.getInt(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("insert into mrp_run_amendment (run_id, seq, reference,"
                + " item_code, due_date, quantity) values (?, ?, ?, ?, ?, ?)")) {
            for (Amendment a : amendments) {
                ps.setLong(1, run);
                ps.setInt(2, ++seq);
                ps.setString(3, a.reference());
                ps.setString(4, a.line() == null ? null : a.line().itemCode());
                ps.setObject(5, a.line() == null ? null : a.line().dueDate());
                ps.setBigDecimal(6, a.line() == null ? null : a.line().quantity());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        update(c, "update mrp_run set net_changes = net_changes + 1 where tenant_id = ? and id = ?", tenant, run);
    }

    public static List<Amendment> amendments(Connection c, long run) throws SQLException {
        List<Amendment> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select reference, item_code, due_date, quantity"
                + " from mrp_run_amendment where run_id = ? order by seq")) {
            ps.setLong(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String item = rs.getString(2);
                    BigDecimal quantity = rs.getBigDecimal(4);
                    list.add(new Amendment(rs.getString(1), item == null ? null
                            : new SalesOrderLine(rs.getString(1), item, rs.getDate(3).toLocalDate(), quantity)));
                }
            }
        }
        return list;
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static List<Run> select(Connection c, String sql, Object... parameters) throws SQLException {
        return Jdbc.list(c, sql, row -> new Run(row.getLong(1), Status.valueOf(row.getString(2)), row.getString(3),
                row.getInt(4), row.getInt(5), row.getString(6), instant(row.getTimestamp(7)),
                instant(row.getTimestamp(8)), instant(row.getTimestamp(9)), RunParameters.decode(row.getString(10)),
                (Integer) row.getObject(11), (Integer) row.getObject(12), (Integer) row.getObject(13),
                (Long) row.getObject(14), (Long) row.getObject(15), (Long) row.getObject(16), row.getInt(17),
                row.getInt(18), row.getString(19), row.getObject(20) != null), parameters);
    }

    private static int update(Connection c, String sql, Object... parameters) throws SQLException {
        return Jdbc.update(c, sql, parameters);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
