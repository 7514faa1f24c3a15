package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.model.Kinds;
import org.pilotline.erp.mrp.engine.plan.ExceptionKind;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;
import org.pilotline.erp.mrp.engine.plan.OrderRef;
import org.pilotline.erp.mrp.engine.plan.OrderType;
import org.pilotline.erp.mrp.engine.plan.PlannedOrder;

import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The LEAD_TIME_SHORT messages of a run ({@link LeadTimes}): rows of {@code mrp_exception} with the working time
 * needed, after the engine's messages of the item (their {@code seq} starts at {@link #FIRST_SEQ}, so an item's
 * engine messages can be rewritten without touching them), and the kind's bit on the planned order.
 */
final class LeadTimeStore {

    /** Well above any count of engine messages of one item. */
    static final int FIRST_SEQ = 1_000_000;

    private LeadTimeStore() {
    }

    /** Checks the production orders the plan proposes for {@code itemCodes} (all when null); returns the rows written. */
    static int write(Connection c, long runId, MrpPlan plan, Map<String, Long> itemIds, Collection<String> itemCodes,
                     LeadTimes leadTimes) throws SQLException {
        List<PlannedOrder> orders = new ArrayList<>();
        Map<OrderRef, PlannedOrder> byRef = new HashMap<>();
        for (String code : itemCodes == null ? plan.itemCodes().toList() : itemCodes) {
            for (PlannedOrder order : plan.plannedOrdersOf(code)) {
                if (order.type() == OrderType.PRODUCTION && order.routing() != null) {
                    orders.add(order);
                    byRef.put(order.id(), order);
                }
            }
        }
        if (itemCodes != null && !itemCodes.isEmpty()) {
            try (PreparedStatement delete = c.prepareStatement("delete from mrp_exception where run_id = ? and item_id = ?"
                    + " and kind = ?")) {
                for (String code : itemCodes) {
                    Jdbc.bind(delete, runId, itemIds.get(code), ExceptionKind.LEAD_TIME_SHORT.name());
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        }
        if (orders.isEmpty()) {
            return 0;
        }
        List<LeadTimes.Shortfall> shortfalls = leadTimes.check(orders);
        if (shortfalls.isEmpty()) {
            return 0;
        }
        try (PreparedStatement insert = c.prepareStatement("insert into mrp_exception (run_id, item_id, seq, kind, day,"
                + " suggested_date, quantity, reference, working_minutes) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement mark = c.prepareStatement("update mrp_planned_order set exception_mask = exception_mask"
                     + " | ? where run_id = ? and item_id = ? and number = ?")) {
            for (LeadTimes.Shortfall shortfall : shortfalls) {
                OrderRef ref = OrderRef.planned(shortfall.itemCode(), shortfall.number());
                PlannedOrder order = byRef.get(ref);
                long itemId = itemIds.get(shortfall.itemCode());
                Jdbc.bind(insert, runId, itemId, FIRST_SEQ + shortfall.number(), ExceptionKind.LEAD_TIME_SHORT.name(),
                        java.sql.Date.valueOf(order.dueDate()), shortfall.earliestEnd() == null ? null
                                : java.sql.Date.valueOf(shortfall.earliestEnd()),
                        order.quantity().setScale(6, RoundingMode.HALF_UP), ref.toString(), shortfall.workingMinutes());
                insert.addBatch();
                Jdbc.bind(mark, 1 << Kinds.LEAD_TIME_SHORT, runId, itemId, shortfall.number());
                mark.addBatch();
            }
            insert.executeBatch();
            mark.executeBatch();
        }
        return shortfalls.size();
    }
}
