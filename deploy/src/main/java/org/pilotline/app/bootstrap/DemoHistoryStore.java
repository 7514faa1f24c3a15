package org.pilotline.app.bootstrap;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the generated demo history in bulk with plain JDBC — one transaction per enterprise-day, with its row in
 * {@code demo_history_day}, so that a day is either all there or not at all and a restart writes the missing days
 * only — and keeps the generation's progress ({@code demo_history_enterprise}). The rows are those the MES writes:
 * machine intervals and data losses as the gateway's ingest stores them, and completed production orders, work orders,
 * operations and applied reports as the shop floor leaves them.
 */
@ApplicationScoped
public class DemoHistoryStore {

    /** Where an enterprise's generation stands. */
    public enum State {
        /** Writing days (or cut short: the next start continues). */
        GENERATING,
        /** All days written; the roll-ups are being recomputed from them. */
        ROLLING_UP,
        /** History and roll-ups complete. */
        COMPLETE,
        /** A step failed; the next start continues. */
        FAILED
    }

    /** An enterprise's row and how many of its days are written. */
    public record Progress(String enterprise, State state, LocalDate firstDay, int daysTotal, int daysDone,
                           long intervals, long reports, Instant historyEnd, Instant completedAt, String lastError) {
    }

    /** A machine's day to write: its work unit and what {@link MachineDay} made. */
    record UnitDay(long workUnitId, String machineCode, long workCenterId, MachineDay.Result result) {
    }

    /** What a product's orders need: item, unit of the machine's work center, routing times. */
    record ItemRef(long itemId, String name, BigDecimal setupMinutes, BigDecimal runMinutesPerUnit) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** Every generated enterprise's progress, in the order they were started. */
    public List<Progress> all() {
        List<Progress> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select e.tenant_id, e.state, e.first_day, e.days_total,"
                     + " (select count(*) from demo_history_day d where d.tenant_id = e.tenant_id),"
                     + " (select coalesce(sum(intervals), 0) from demo_history_day d where d.tenant_id = e.tenant_id),"
                     + " (select coalesce(sum(reports), 0) from demo_history_day d where d.tenant_id = e.tenant_id),"
                     + " e.history_end,"
                     + " e.completed_at, e.last_error from demo_history_enterprise e order by e.started_at, e.tenant_id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new Progress(rs.getString(1), State.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate(),
                        rs.getInt(4), rs.getInt(5), rs.getLong(6), rs.getLong(7), rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), rs.getString(10)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the demo programme's progress", e);
        }
        return rows;
    }

    Optional<Progress> of(String enterprise) {
        return all().stream().filter(p -> p.enterprise().equals(enterprise)).findFirst();
    }

    /** Starts an enterprise's generation, or keeps the period of one already started (a restart continues it). */
    Progress begin(String enterprise, LocalDate firstDay, int days, Instant historyEnd) {
        update("insert into demo_history_enterprise (tenant_id, state, first_day, days_total, history_end, started_at,"
                        + " updated_at) values (?, 'GENERATING', ?, ?, ?, utc_timestamp(3), utc_timestamp(3))"
                        + " on duplicate key update state = 'GENERATING', updated_at = utc_timestamp(3), last_error = null",
                enterprise, java.sql.Date.valueOf(firstDay), days, Timestamp.from(historyEnd));
        return of(enterprise).orElseThrow();
    }

    void state(String enterprise, State state, String error) {
        update("update demo_history_enterprise set state = ?, updated_at = utc_timestamp(3), completed_at = "
                        + (state == State.COMPLETE ? "utc_timestamp(3)" : "null") + ", last_error = ? where tenant_id = ?",
                state.name(), error == null ? null : error.substring(0, Math.min(error.length(), 900)), enterprise);
    }

    /** The enterprise's days already written. */
    Set<LocalDate> daysWritten(String enterprise) {
        Set<LocalDate> days = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select day from demo_history_day where tenant_id = ?")) {
            s.setString(1, enterprise);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    days.add(rs.getDate(1).toLocalDate());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the demo history's days", e);
        }
        return days;
    }

    /**
     * Writes one enterprise-day in one transaction; false (and nothing written) when the day was written already.
     * {@code products}: per work center id, its products by index as {@link MachineDay} chose them.
     */
    boolean writeDay(String enterprise, LocalDate day, List<UnitDay> units,
                     java.util.function.LongFunction<List<ItemRef>> products) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int intervals = units.stream().mapToInt(u -> u.result().intervals().size()).sum();
                int reports = units.stream().flatMap(u -> u.result().orders().stream())
                        .mapToInt(o -> o.reports().size()).sum();
                try (PreparedStatement claim = c.prepareStatement("insert ignore into demo_history_day (tenant_id, day,"
                        + " intervals, reports, written_at) values (?, ?, ?, ?, utc_timestamp(3))")) {
                    claim.setString(1, enterprise);
                    claim.setDate(2, java.sql.Date.valueOf(day));
                    claim.setInt(3, intervals);
                    claim.setInt(4, reports);
                    if (claim.executeUpdate() == 0) {
                        c.rollback();
                        return false;
                    }
                }
                new DayWriter(c, enterprise, day).write(units, products);
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the demo history of " + enterprise + " for " + day, e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the demo programme's progress", e);
        }
    }

    /** The statements of one enterprise-day. */
    private static final class DayWriter {
        private final Connection c;
        private final String tenant;
        private final LocalDate day;
        private final String dayTag;
        private final long sequenceBase;

        DayWriter(Connection c, String tenant, LocalDate day) {
            this.c = c;
            this.tenant = tenant;
            this.day = day;
            this.dayTag = day.toString().replace("-", "").substring(2);
            // unique per machine: a day's states and losses get sequence numbers of their own
            this.sequenceBase = day.toEpochDay() * 100_000L;
        }

        void write(List<UnitDay> units, java.util.function.LongFunction<List<ItemRef>> products) throws SQLException {
            try (PreparedStatement productionOrder = c.prepareStatement("insert into production_order (tenant_id,"
                    + " number, item_id, quantity, completed_quantity, start_date, due_date, status, origin, note,"
                    + " version, priority) values (?, ?, ?, ?, ?, ?, ?, 'COMPLETED', 'MANUAL', ?, 0, 1)",
                    Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement workOrder = c.prepareStatement("insert into mes_work_order (tenant_id,"
                         + " production_order_id, number, item_id, quantity, good_quantity, scrap_quantity, state,"
                         + " due_date, released_at, released_by, started_at, completed_at, version)"
                         + " values (?, ?, ?, ?, ?, ?, ?, 'COMPLETED', ?, ?, ?, ?, ?, 0)", Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement operation = c.prepareStatement("insert into mes_operation (tenant_id, work_order_id,"
                         + " operation_no, name, work_center_id, work_unit_id, setup_minutes, run_minutes_per_unit,"
                         + " planned_start, planned_end, state, good_quantity, scrap_quantity, rework_quantity,"
                         + " actual_start, actual_end, last_report_at, version)"
                         + " values (?, ?, 10, ?, ?, ?, ?, ?, ?, ?, 'FINISHED', ?, ?, ?, ?, ?, ?, 0)",
                         Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement report = c.prepareStatement("insert into mes_report (tenant_id, client_id,"
                         + " username, kind, operation_id, work_unit_id, good_quantity, scrap_quantity, rework_quantity,"
                         + " occurred_at, received_at, status, outcome, negative_stock)"
                         + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 200, ?, false)");
                 PreparedStatement interval = c.prepareStatement("insert into mes_machine_interval (tenant_id,"
                         + " work_unit_id, machine_code, state, operation_mode, started_at, ended_at, start_sequence,"
                         + " operation_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement loss = c.prepareStatement("insert into mes_data_loss (tenant_id, work_unit_id,"
                         + " machine_code, sequence_no, from_at, to_at, reason) values (?, ?, ?, ?, ?, ?, ?)")) {
                String operator = tenant + "-operator";
                for (UnitDay unit : units) {
                    List<ItemRef> items = products.apply(unit.workCenterId());
                    List<MachineDay.Order> orders = unit.result().orders();
                    long[] operationIds = new long[orders.size()];
                    for (int n = 0; n < orders.size(); n++) {
                        MachineDay.Order o = orders.get(n);
                        ItemRef item = items.get(o.product());
                        String number = "G" + dayTag + "-" + unit.machineCode().substring(unit.machineCode()
                                .lastIndexOf('-') + 1) + unitSuffix(unit.machineCode()) + "-" + (n + 1);
                        BigDecimal planned = BigDecimal.valueOf(o.plannedUnits());
                        BigDecimal good = BigDecimal.valueOf(o.good());
                        int p = 1;
                        productionOrder.setString(p++, tenant);
                        productionOrder.setString(p++, number);
                        productionOrder.setLong(p++, item.itemId());
                        productionOrder.setBigDecimal(p++, planned);
                        productionOrder.setBigDecimal(p++, good);
                        productionOrder.setDate(p++, java.sql.Date.valueOf(day));
                        productionOrder.setDate(p++, java.sql.Date.valueOf(day.plusDays(2)));
                        productionOrder.setString(p, "演示历史 demo history");
                        productionOrder.executeUpdate();
                        long productionOrderId = key(productionOrder);
                        p = 1;
                        workOrder.setString(p++, tenant);
                        workOrder.setLong(p++, productionOrderId);
                        workOrder.setString(p++, number);
                        workOrder.setLong(p++, item.itemId());
                        workOrder.setBigDecimal(p++, planned);
                        workOrder.setBigDecimal(p++, good);
                        workOrder.setBigDecimal(p++, BigDecimal.valueOf(o.scrap()));
                        workOrder.setDate(p++, java.sql.Date.valueOf(day.plusDays(2)));
                        workOrder.setTimestamp(p++, ts(o.start() - 3_600_000L));
                        workOrder.setString(p++, tenant + "-planner");
                        workOrder.setTimestamp(p++, ts(o.start()));
                        workOrder.setTimestamp(p, ts(o.end()));
                        workOrder.executeUpdate();
                        long workOrderId = key(workOrder);
                        p = 1;
                        operation.setString(p++, tenant);
                        operation.setLong(p++, workOrderId);
                        operation.setString(p++, item.name());
                        operation.setLong(p++, unit.workCenterId());
                        operation.setLong(p++, unit.workUnitId());
                        operation.setBigDecimal(p++, item.setupMinutes());
                        operation.setBigDecimal(p++, item.runMinutesPerUnit());
                        operation.setTimestamp(p++, ts(o.start()));
                        operation.setTimestamp(p++, ts(o.plannedEnd()));
                        operation.setBigDecimal(p++, good);
                        operation.setBigDecimal(p++, BigDecimal.valueOf(o.scrap()));
                        operation.setBigDecimal(p++, BigDecimal.valueOf(o.rework()));
                        operation.setTimestamp(p++, ts(o.start()));
                        operation.setTimestamp(p++, ts(o.end()));
                        operation.setTimestamp(p, ts(o.end()));
                        operation.executeUpdate();
                        operationIds[n] = key(operation);
                        int r = 0;
                        for (MachineDay.Report rep : o.reports()) {
                            boolean quantities = rep.kind().equals("QUANTITY") || rep.kind().equals("FINISH");
                            p = 1;
                            report.setString(p++, tenant);
                            report.setString(p++, "demo-history:" + number + ":" + (++r));
                            report.setString(p++, operator);
                            report.setString(p++, rep.kind());
                            report.setLong(p++, operationIds[n]);
                            report.setLong(p++, unit.workUnitId());
                            setQuantity(report, p++, quantities, rep.good());
                            setQuantity(report, p++, quantities, rep.scrap());
                            setQuantity(report, p++, quantities, rep.rework());
                            report.setTimestamp(p++, ts(rep.at()));
                            report.setTimestamp(p++, ts(rep.at()));
                            report.setString(p, "{\"generated\":\"demo history\"}");
                            report.addBatch();
                        }
                    }
                    report.executeBatch();
                    long sequence = sequenceBase;
                    int orderIndex = 0;
                    for (MachineDay.Interval i : unit.result().intervals()) {
                        while (orderIndex < orders.size() && orders.get(orderIndex).end() <= i.start()) {
                            orderIndex++;
                        }
                        Long running = orderIndex < orders.size() && orders.get(orderIndex).start() <= i.start()
                                ? operationIds[orderIndex] : null;
                        int p = 1;
                        interval.setString(p++, tenant);
                        interval.setLong(p++, unit.workUnitId());
                        interval.setString(p++, unit.machineCode());
                        interval.setString(p++, i.state());
                        interval.setString(p++, i.mode());
                        interval.setTimestamp(p++, ts(i.start()));
                        interval.setTimestamp(p++, ts(i.end()));
                        interval.setLong(p++, sequence++);
                        if (running == null) {
                            interval.setNull(p, Types.BIGINT);
                        } else {
                            interval.setLong(p, running);
                        }
                        interval.addBatch();
                    }
                    interval.executeBatch();
                    long lossSequence = sequenceBase;
                    for (MachineDay.DataLoss d : unit.result().losses()) {
                        loss.setString(1, tenant);
                        loss.setLong(2, unit.workUnitId());
                        loss.setString(3, unit.machineCode());
                        loss.setLong(4, lossSequence++);
                        loss.setTimestamp(5, ts(d.from()));
                        loss.setTimestamp(6, ts(d.to()));
                        loss.setString(7, "网关与设备失去连接 the gateway lost the machine");
                        loss.addBatch();
                    }
                    loss.executeBatch();
                }
            }
        }

        /** The machine's work center suffix and number make order numbers unique within the day. */
        private static String unitSuffix(String machineCode) {
            String[] parts = machineCode.split("-");
            return parts.length >= 3 ? parts[parts.length - 2] : "";
        }

        private static void setQuantity(PreparedStatement s, int index, boolean quantities, long value)
                throws SQLException {
            if (quantities) {
                s.setBigDecimal(index, BigDecimal.valueOf(value));
            } else {
                s.setNull(index, Types.DECIMAL);
            }
        }

        private static long key(PreparedStatement statement) throws SQLException {
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key");
                }
                return keys.getLong(1);
            }
        }

        private static Timestamp ts(long epochMillis) {
            return Timestamp.from(Instant.ofEpochMilli(epochMillis));
        }
    }
}
