package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.internal.CalendarIndex;
import org.pilotline.erp.mrp.engine.internal.ItemPlan;
import org.pilotline.erp.mrp.engine.internal.Structure;
import org.pilotline.erp.mrp.engine.plan.ExceptionMessage;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;

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

    /** Every item's planned orders and exceptions. */
    public static Written writeAll(Connection connection, long runId, MrpPlan plan, Map<String, Long> itemIds)
            throws SQLException {
        Structure s = plan.model().structure();
        int[] items = new int[s.itemCount];
        for (int k = 0; k < s.itemCount; k++) {
            items[k] = s.order[k];
        }
        return write(connection, runId, plan, itemIds, items);
    }

    /** The planned orders and exceptions of these items (after their old rows were deleted). */
    public static Written writeItems(Connection connection, long runId, MrpPlan plan, Map<String, Long> itemIds,
                                     Collection<String> itemCodes) throws SQLException {
        Structure s = plan.model().structure();
        int[] items = itemCodes.stream().mapToInt(s::indexOf).toArray();
        return write(connection, runId, plan, itemIds, items);
    }

    private static Written write(Connection connection, long runId, MrpPlan plan, Map<String, Long> itemIds, int[] items)
            throws SQLException {
        Structure s = plan.model().structure();
        CalendarIndex cal = s.calendar;
        ItemPlan[] plans = plan.itemPlans();
        long orders;
        try (BulkLoad rows = new BulkLoad(connection, "mrp_planned_order", ORDER_COLUMNS)) {
            for (int item : items) {
                ItemPlan p = plans[item];
                if (p.plannedOrderCount() == 0) {
                    continue;
                }
                long itemId = itemIds.get(s.code[item]);
                int[] mask = new int[p.orderCount()];
                for (int e = 0; e < p.exceptionCount(); e++) {
                    int supply = p.exceptionSupply(e);
                    int ordinal = supply < 0 ? -1 : p.orderOfSupply(supply);
                    if (ordinal >= 0) {
                        mask[ordinal] |= 1 << p.exceptionKind(e);
                    }
                }
                String type = s.make[item] ? "M" : "B";
                for (int o = p.firmedCount(), number = 1; o < p.orderCount(); o++, number++) {
                    int formula = p.orderFormula(o);
                    rows.number(runId).number(itemId).number(number).text(type).micros(p.orderQty(o))
                            .date(cal.date(p.orderRelease(o))).date(cal.date(p.orderDue(o)))
                            .text(formula < 0 ? null : s.formulaCode[formula])
                            .text(formula < 0 ? null : s.formulaRouting[formula]).number(mask[o]).text("P").text(null);
                    rows.endRow();
                }
            }
            orders = rows.finish();
        }
        long exceptions;
        try (BulkLoad rows = new BulkLoad(connection, "mrp_exception", EXCEPTION_COLUMNS)) {
            for (int item : items) {
                if (plans[item].exceptionCount() == 0) {
                    continue;
                }
                long itemId = itemIds.get(s.code[item]);
                List<ExceptionMessage> messages = plan.exceptionsOf(s.code[item]);
                int seq = 1;
                for (ExceptionMessage m : messages) {
                    rows.number(runId).number(itemId).number(seq++).text(m.kind().name()).date(m.date())
                            .date(m.suggestedDate()).text(m.quantity() == null ? null : plainMicros(m.quantity()))
                            .text(m.reference());
                    rows.endRow();
                }
            }
            exceptions = rows.finish();
        }
        return new Written(orders, exceptions);
    }

    private static String plainMicros(BigDecimal quantity) {
        return quantity.setScale(6, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
