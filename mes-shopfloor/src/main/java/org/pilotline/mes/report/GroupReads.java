package org.pilotline.mes.report;

import org.pilotline.mes.material.MaterialBookings;
import org.pilotline.mes.material.OrderStructure;
import org.pilotline.mes.settings.ShopFloorSettings;

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

    /** Nothing read ahead: every report reads what it needs. */
    static final GroupReads NONE = new GroupReads(Map.of(), Map.of(), Map.of(), Map.of()) {
        @Override
        Map<Long, MaterialBookings.LotInfo> lots() {
            return null; // nothing is held ahead of a report alone
        }
    };

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

    /** The locked work order of the operation with its operations, if read ahead and not handed out yet; else null. */
    WorkOrderRows takeRows(long operationId) {
        WorkOrderRows taken = rows.get(operationId);
        if (taken != null) {
            Collection<WorkOrderRows> all = rows.values();
            all.removeIf(r -> r == taken); // every operation of the work order: its rows are handed out
        }
        return taken;
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
