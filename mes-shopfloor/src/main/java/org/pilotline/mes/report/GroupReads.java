package org.pilotline.mes.report;

import org.pilotline.mes.material.MaterialBookings;
import org.pilotline.mes.material.OrderStructure;
import org.pilotline.mes.settings.ShopFloorSettings;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What the reports of one transaction read of the shop floor, read for all of them at its start with one statement each
 * (a group of {@link ReportGroups}): their work orders, locked in id order, with their operations; and for the
 * quantity reports their work centers' settings, their orders' structures and the lots their work orders produce into.
 * A report applied alone reads as it goes ({@link #NONE}).
 * <p>
 * The work order rows are handed out once ({@link #takeRows}): a report changes them, and a refused report's changes
 * are rolled back in the database but not in the instances, so a second report of the same work order in the group
 * reads them again (its lock is held already). Settings, structures and existing lots no report changes.
 */
class GroupReads {

    /** Nothing read ahead: every report reads what it needs, and writes its work order back at once. */
    static final GroupReads NONE = new GroupReads(Map.of(), Map.of(), Map.of(), Map.of()) {
        @Override
        Map<Long, MaterialBookings.LotInfo> lots() {
            return null; // nothing is held ahead of a report alone
        }

        @Override
        void giveBack(WorkOrderRows rows, Connection c) throws SQLException {
            rows.writeBack(c);
        }
    };

    /** Rows given back by the report that changed them, not yet written: by work order id. */
    private final Map<Long, WorkOrderRows> unwritten = new java.util.LinkedHashMap<>();

    /** The lots of the stock held ahead ({@link OperationReports#holdStock}), by id. */
    private final Map<Long, MaterialBookings.LotInfo> heldLots = new HashMap<>();

    private final Map<Long, WorkOrderRows> rows;
    private final Map<Long, ShopFloorSettings.ForQuantity> settings;
    private final Map<Long, OrderStructure.Structure> structures;
    private final Map<Long, Map<Long, MaterialBookings.KnownLot>> lots;

    GroupReads(Map<Long, WorkOrderRows> rows, Map<Long, ShopFloorSettings.ForQuantity> settings,
               Map<Long, OrderStructure.Structure> structures, Map<Long, Map<Long, MaterialBookings.KnownLot>> lots) {
        this.rows = new HashMap<>(rows);
        this.settings = settings;
        this.structures = structures;
        this.lots = lots;
    }

    /** The lots of the stock held ahead of the reports, by id: filled when it is held, read when lots are picked. */
    Map<Long, MaterialBookings.LotInfo> lots() {
        return heldLots;
    }

    /** The work order rows of the operation as read ahead, without handing them out (null if not read ahead). */
    WorkOrderRows peekRows(long operationId) {
        return rows.get(operationId);
    }

    /**
     * The locked work order of the operation with its operations, if read ahead (or given back) and not handed out;
     * else null. What an earlier report of the group changed of them and gave back is written first: if this report is
     * refused, its changes to the instances are dropped with them, and the rows are read again from the database.
     */
    WorkOrderRows takeRows(long operationId, Connection c) throws SQLException {
        WorkOrderRows taken = rows.get(operationId);
        if (taken != null) {
            Collection<WorkOrderRows> all = rows.values();
            all.removeIf(r -> r == taken); // every operation of the work order: its rows are handed out
            if (unwritten.remove(taken.order.id) != null) {
                taken.writeBack(c);
            }
        }
        return taken;
    }

    /**
     * The rows a report applied to, with its changes: kept for the group's next report of the work order and written
     * with all the others at the group's end ({@link #writeUnwritten}); a report alone writes them at once.
     */
    void giveBack(WorkOrderRows rows, Connection c) throws SQLException {
        rows.operations.forEach(o -> this.rows.put(o.id, rows));
        unwritten.put(rows.order.id, rows);
    }

    /**
     * Writes what the group's reports changed of their work orders and operations and is not written yet: one batch for
     * each table. Before a report that reads them from the database, and at the group's end.
     */
    void writeUnwritten(Connection c) throws SQLException {
        if (!unwritten.isEmpty()) {
            WorkOrderRows.writeBack(c, unwritten.values());
            unwritten.clear();
        }
    }

    /** The work center's settings for a quantity report, if read ahead; else null. */
    ShopFloorSettings.ForQuantity settings(long workCenterId) {
        return settings.get(workCenterId);
    }

    /** The production order's structure, if read ahead; else null. */
    OrderStructure.Structure structure(long productionOrderId) {
        return structures.get(productionOrderId);
    }

    /** The work order's output lots that existed at the start, by item (empty if none or not read ahead). */
    Map<Long, MaterialBookings.KnownLot> workOrderLots(long workOrderId) {
        return lots.getOrDefault(workOrderId, Map.of());
    }
}
