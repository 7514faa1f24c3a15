package org.pilotline.mes.report;

import jakarta.persistence.OptimisticLockException;
import org.pilotline.mes.workorder.Operation;
import org.pilotline.mes.workorder.OperationState;
import org.pilotline.mes.workorder.WorkOrder;
import org.pilotline.mes.workorder.WorkOrderState;
import org.pilotline.platform.persistence.RowsUpdate;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The work order and operations a report applies to, read and written back with JDBC naming the tenant, as plain
 * (unmanaged) instances: every report reads them, and a native query mapped to entities costs Hibernate a result-set
 * mapping and an auto-flush check per call (a fifth of a report's CPU in the profile), HQL and loaders more. What a
 * report changes is written back with the same optimistic check Hibernate would make ({@code version = ?}, then
 * {@code version + 1}); a row another transaction changed meanwhile fails the report as a stale version (409).
 */
final class WorkOrderRows {

    private static final String OPERATION_COLUMNS = "id, version, operation_no, name, work_center_id, work_unit_id,"
            + " setup_minutes, run_minutes_per_unit, transfer_quantity, planned_start, planned_end, state, paused_from,"
            + " pause_reason, good_quantity, scrap_quantity, rework_quantity, actual_start, actual_end, last_report_at,"
            + " tenant_id, rework_of_nonconformance_id";

    /** The rows as read, to write back only what the report changed. */
    private List<Object> orderSnapshot;
    private final List<List<Object>> operationSnapshots = new ArrayList<>();

    final WorkOrder order;
    final List<Operation> operations;

    private WorkOrderRows(WorkOrder order, List<Operation> operations) {
        this.order = order;
        this.operations = operations;
        this.orderSnapshot = snapshot(order);
        operations.forEach(o -> operationSnapshots.add(snapshot(o)));
    }

    private static final String ORDER_COLUMNS = "id, version, production_order_id, number, item_id, quantity,"
            + " good_quantity, scrap_quantity, state, due_date, released_at, released_by, started_at, completed_at,"
            + " closed_at, tenant_id";

    /** Locks the work order of the operation and reads it with its operations in order; empty: no such operation. */
    static Optional<WorkOrderRows> lock(Connection c, String tenant, long operationId) throws SQLException {
        return Optional.ofNullable(lockAll(c, tenant, List.of(operationId)).get(operationId));
    }

    /**
     * Locks the work orders of the operations in the order of their ids and reads them with all their operations:
     * two statements for any number of operations (a group's reports, {@link GroupReads}). By operation id; an operation
     * of no work order of the tenant is absent. The operations of one work order share one instance.
     */
    static Map<Long, WorkOrderRows> lockAll(Connection c, String tenant, Collection<Long> operationIds) throws SQLException {
        Map<Long, WorkOrderRows> byOperation = new HashMap<>();
        if (operationIds.isEmpty()) {
            return byOperation;
        }
        List<Long> ids = new ArrayList<>(new java.util.TreeSet<>(operationIds));
        // locked in id order, so that two transactions that lock some of the same orders wait instead of deadlocking
        Map<Long, WorkOrder> locked = new java.util.LinkedHashMap<>();
        // one operation (a report alone): a scalar subquery, the plan the report path was measured with
        String orders = ids.size() == 1 ? "id = (select o.work_order_id from mes_operation o where o.tenant_id = ?"
                + " and o.id = ?)" : "id in (select o.work_order_id from mes_operation o where o.tenant_id = ?"
                + " and o.id in (" + org.pilotline.platform.persistence.SqlValues.placeholders(ids.size()) + ")) order by id";
        try (PreparedStatement select = c.prepareStatement("select " + ORDER_COLUMNS + " from mes_work_order"
                + " where tenant_id = ? and " + orders + " for update")) {
            select.setString(1, tenant);
            select.setString(2, tenant);
            for (int i = 0; i < ids.size(); i++) {
                select.setLong(i + 3, ids.get(i));
            }
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    WorkOrder order = order(r);
                    locked.put(order.id, order);
                }
            }
        }
        if (locked.isEmpty()) {
            return byOperation;
        }
        Map<Long, List<Operation>> operations = new HashMap<>();
        // sorted here, not by the server: the rows come through the work order's foreign-key index, and an "order by
        // operation_no" cost a filesort in every report (mesperf5's profile: Sort_rows ≈ 2 a report)
        try (PreparedStatement select = c.prepareStatement("select work_order_id, " + OPERATION_COLUMNS
                + " from mes_operation where tenant_id = ? and work_order_id in (" + org.pilotline.platform.persistence.SqlValues.placeholders(locked.size()) + ")")) {
            select.setString(1, tenant);
            int i = 2;
            for (Long id : locked.keySet()) {
                select.setLong(i++, id);
            }
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    WorkOrder order = locked.get(r.getLong(1));
                    operations.computeIfAbsent(order.id, id -> new ArrayList<>()).add(operation(r, order));
                }
            }
        }
        for (WorkOrder order : locked.values()) {
            List<Operation> ofOrder = operations.getOrDefault(order.id, new ArrayList<>());
            ofOrder.sort(java.util.Comparator.comparingInt(o -> o.operationNo));
            WorkOrderRows rows = new WorkOrderRows(order, ofOrder);
            ofOrder.forEach(o -> byOperation.put(o.id, rows));
        }
        return byOperation;
    }

    private static WorkOrder order(ResultSet r) throws SQLException {
        WorkOrder order = new WorkOrder();
        order.id = r.getLong(1);
        order.version = r.getLong(2);
        order.productionOrderId = r.getLong(3);
        order.number = r.getString(4);
        order.itemId = r.getLong(5);
        order.quantity = r.getBigDecimal(6);
        order.goodQuantity = r.getBigDecimal(7);
        order.scrapQuantity = r.getBigDecimal(8);
        order.state = WorkOrderState.valueOf(r.getString(9));
        order.dueDate = r.getObject(10, LocalDate.class);
        order.releasedAt = instant(r, 11);
        order.releasedBy = r.getString(12);
        order.startedAt = instant(r, 13);
        order.completedAt = instant(r, 14);
        order.closedAt = instant(r, 15);
        order.tenantId = r.getString(16);
        return order;
    }

    /** An operation from the columns after the first ({@link #OPERATION_COLUMNS} from column 2). */
    private static Operation operation(ResultSet r, WorkOrder order) throws SQLException {
        Operation o = new Operation();
        o.id = r.getLong(2);
        o.version = r.getLong(3);
        o.workOrder = order;
        o.operationNo = r.getInt(4);
        o.name = r.getString(5);
        o.workCenterId = r.getLong(6);
        o.workUnitId = r.getObject(7, Long.class);
        o.setupMinutes = r.getBigDecimal(8);
        o.runMinutesPerUnit = r.getBigDecimal(9);
        o.transferQuantity = r.getBigDecimal(10);
        o.plannedStart = instant(r, 11);
        o.plannedEnd = instant(r, 12);
        o.state = OperationState.valueOf(r.getString(13));
        String pausedFrom = r.getString(14);
        o.pausedFrom = pausedFrom == null ? null : OperationState.valueOf(pausedFrom);
        o.pauseReason = r.getString(15);
        o.goodQuantity = r.getBigDecimal(16);
        o.scrapQuantity = r.getBigDecimal(17);
        o.reworkQuantity = r.getBigDecimal(18);
        o.actualStart = instant(r, 19);
        o.actualEnd = instant(r, 20);
        o.lastReportAt = instant(r, 21);
        o.tenantId = r.getString(22);
        o.reworkOf = r.getObject(23, Long.class); // a rework operation stands beside the sequence
        return o;
    }

    /** Writes back the work order and the operations the report changed, each checked against its version. */
    void writeBack(Connection c) throws SQLException {
        writeBack(c, List.of(this));
    }

    /**
     * Writes back what changed of several work orders and their operations since they were read or last written (a
     * group's, at its end): one statement for the operations, one for the work orders, each row checked against its
     * version ({@link RowsUpdate}). Afterwards the rows stand as written.
     */
    static void writeBack(Connection c, Collection<WorkOrderRows> all) throws SQLException {
        List<Operation> changed = new ArrayList<>();
        List<WorkOrder> orders = new ArrayList<>();
        for (WorkOrderRows rows : all) {
            for (int i = 0; i < rows.operations.size(); i++) {
                if (!snapshot(rows.operations.get(i)).equals(rows.operationSnapshots.get(i))) {
                    changed.add(rows.operations.get(i));
                }
            }
            if (!snapshot(rows.order).equals(rows.orderSnapshot)) {
                orders.add(rows.order);
            }
        }
        if (!changed.isEmpty()) {
            List<RowsUpdate.Row> rows = new ArrayList<>();
            for (Operation o : changed) {
                rows.add(new RowsUpdate.Row(o.id, o.workUnitId, o.state.name(),
                        o.pausedFrom == null ? null : o.pausedFrom.name(), o.pauseReason, o.goodQuantity,
                        o.scrapQuantity, o.reworkQuantity, o.actualStart, o.actualEnd, o.lastReportAt, o.version));
            }
            int updated = OPERATIONS.execute(c, oneTenant(changed.stream().map(o -> o.tenantId)), rows);
            if (updated != changed.size()) {
                throw new OptimisticLockException("operations changed meanwhile: " + (changed.size() - updated)
                        + " of " + changed.stream().map(o -> o.id).toList());
            }
            changed.forEach(o -> o.version++);
        }
        if (!orders.isEmpty()) {
            List<RowsUpdate.Row> rows = new ArrayList<>();
            for (WorkOrder order : orders) {
                rows.add(new RowsUpdate.Row(order.id, order.state.name(), order.goodQuantity, order.scrapQuantity,
                        order.startedAt, order.completedAt, order.version));
            }
            int updated = ORDERS.execute(c, oneTenant(orders.stream().map(o -> o.tenantId)), rows);
            if (updated != orders.size()) {
                throw new OptimisticLockException("work orders changed meanwhile: " + (orders.size() - updated)
                        + " of " + orders.stream().map(o -> o.id).toList());
            }
            orders.forEach(o -> o.version++);
        }
        for (WorkOrderRows rows : all) {
            rows.orderSnapshot = snapshot(rows.order);
            for (int i = 0; i < rows.operations.size(); i++) {
                rows.operationSnapshots.set(i, snapshot(rows.operations.get(i)));
            }
        }
    }

    private static final RowsUpdate OPERATIONS = RowsUpdate.of("mes_operation", "work_unit_id = ?", "state = ?",
            "paused_from = ?", "pause_reason = ?", "good_quantity = ?", "scrap_quantity = ?", "rework_quantity = ?",
            "actual_start = ?", "actual_end = ?", "last_report_at = ?", "version = version + 1").where("version = ?");

    private static final RowsUpdate ORDERS = RowsUpdate.of("mes_work_order", "state = ?", "good_quantity = ?",
            "scrap_quantity = ?", "started_at = ?", "completed_at = ?", "version = version + 1").where("version = ?");

    /** The one enterprise of the rows written back together (a group is one enterprise's). */
    private static String oneTenant(java.util.stream.Stream<String> tenants) {
        List<String> distinct = tenants.distinct().toList();
        if (distinct.size() != 1) {
            throw new IllegalStateException("rows of several enterprises written together: " + distinct);
        }
        return distinct.get(0);
    }

    /** What a report may change of an operation. */
    private static List<Object> snapshot(Operation o) {
        return java.util.Arrays.asList(o.workUnitId, o.state, o.pausedFrom, o.pauseReason, o.goodQuantity,
                o.scrapQuantity, o.reworkQuantity, o.actualStart, o.actualEnd, o.lastReportAt);
    }

    /** What a report may change of a work order. */
    private static List<Object> snapshot(WorkOrder w) {
        return java.util.Arrays.asList(w.state, w.goodQuantity, w.scrapQuantity, w.startedAt, w.completedAt);
    }

    /** Instants are stored in UTC. */
    private static Instant instant(ResultSet r, int column) throws SQLException {
        LocalDateTime value = r.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.TIMESTAMP);
        } else {
            s.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }
}
