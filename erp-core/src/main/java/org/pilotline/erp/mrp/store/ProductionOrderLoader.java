package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.input.ComponentReservation;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.ReceiptKind;
import org.pilotline.erp.mrp.engine.input.ScheduledReceipt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the open production orders: they are scheduled receipts of their open quantity (ordered less completed), and
 * MRP does not explode them, so the components they have still to draw come in as reservations due on the order's
 * start date: their BOM or recipe times the <em>ordered</em> quantity, less what was issued with the order's number as
 * reference. The issues already cover what was completed (the shop floor backflushes what it reports), so the open
 * quantity less the issues would count the completed part twice.
 */
final class ProductionOrderLoader {

    static final String OPEN = "'PLANNED','RELEASED'";

    /** An open order: its ordered quantity, its start, and the formula it was made with. */
    private record OpenOrder(String number, long item, BigDecimal ordered, LocalDate start, Long bom, Long recipe) {
    }

    /** A component of a formula: its quantity per formula output (scrap included), in its stock unit. */
    private record ComponentNeed(long component, BigDecimal perFormula) {
    }

    private final TenantQuery query;
    private final ItemUnits items;

    ProductionOrderLoader(TenantQuery query, ItemUnits items) {
        this.query = query;
        this.items = items;
    }

    void load(PlanningInput.Builder input) throws SQLException {
        List<OpenOrder> orders = new ArrayList<>();
        query.forEach("select number, item_id, quantity - completed_quantity, start_date, due_date, bom_id, recipe_id,"
                + " quantity from production_order where tenant_id = ? and status in (" + OPEN + ")"
                + " and quantity > completed_quantity order by id", row -> {
            long item = row.getLong(2);
            input.receipt(new ScheduledReceipt(ReceiptKind.PRODUCTION_ORDER, row.getString(1), items.code(item),
                    row.getDate(5).toLocalDate(), row.getBigDecimal(3)));
            long bom = row.getLong(6);
            Long bomId = row.wasNull() ? null : bom;
            long recipe = row.getLong(7);
            Long recipeId = row.wasNull() ? null : recipe;
            orders.add(new OpenOrder(row.getString(1), item, row.getBigDecimal(8), row.getDate(4).toLocalDate(),
                    bomId, recipeId));
        });
        if (orders.isEmpty()) {
            return;
        }
        Map<String, BigDecimal> issued = new HashMap<>();
        query.forEach("select m.reference, m.item_id, sum(m.quantity) from stock_move m join production_order p"
                + " on p.tenant_id = m.tenant_id and p.number = m.reference where m.tenant_id = ?"
                + " and p.status in (" + OPEN + ") and m.move_type = 'ISSUE' group by m.reference, m.item_id",
                row -> issued.put(issueKey(row.getString(1), row.getLong(2)), row.getBigDecimal(3)));
        Map<Long, BigDecimal> bomBase = new HashMap<>();
        Map<Long, List<ComponentNeed>> bomComponents = new HashMap<>();
        query.forEach("select b.id, b.base_quantity, l.component_id, l.quantity, l.unit_id, l.scrap_factor from bom b"
                + " join bom_line l on l.bom_id = b.id where b.tenant_id = ? and b.id in (select bom_id from"
                + " production_order where tenant_id = b.tenant_id and status in (" + OPEN + ")) order by b.id, l.line_no", row -> {
            bomBase.put(row.getLong(1), row.getBigDecimal(2));
            long component = row.getLong(3);
            BigDecimal perBase = items.toStockUnit(row.getBigDecimal(4), row.getLong(5), component)
                    .multiply(BigDecimal.ONE.add(row.getBigDecimal(6)));
            bomComponents.computeIfAbsent(row.getLong(1), k -> new ArrayList<>())
                    .add(new ComponentNeed(component, perBase));
        });
        Map<Long, BigDecimal> recipeOutput = new HashMap<>();
        Map<Long, List<ComponentNeed>> recipeComponents = new HashMap<>();
        query.forEach("select r.id, r.batch_size * r.expected_yield, i.item_id, i.quantity, i.unit_id from recipe r"
                + " join recipe_ingredient i on i.recipe_id = r.id where r.tenant_id = ? and r.id in (select recipe_id"
                + " from production_order where tenant_id = r.tenant_id and status in (" + OPEN + ")) order by r.id, i.line_no", row -> {
            recipeOutput.put(row.getLong(1), row.getBigDecimal(2));
            long component = row.getLong(3);
            recipeComponents.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(new ComponentNeed(component,
                    items.toStockUnit(row.getBigDecimal(4), row.getLong(5), component)));
        });
        for (OpenOrder order : orders) {
            List<ComponentNeed> components = order.bom() != null ? bomComponents.get(order.bom())
                    : order.recipe() != null ? recipeComponents.get(order.recipe()) : null;
            if (components == null) {
                continue;
            }
            BigDecimal formulaOutput = order.bom() != null ? bomBase.get(order.bom()) : recipeOutput.get(order.recipe());
            for (ComponentNeed need : components) {
                BigDecimal needed = need.perFormula().multiply(order.ordered()).divide(formulaOutput, 6, RoundingMode.UP);
                BigDecimal left = needed.subtract(issued.getOrDefault(issueKey(order.number(), need.component()),
                        BigDecimal.ZERO));
                if (left.signum() > 0) {
                    input.reservation(new ComponentReservation(order.number(), items.code(need.component()),
                            order.start(), left));
                }
            }
        }
    }

    private static String issueKey(String orderNumber, long item) {
        return orderNumber + "\u0000" + item;
    }
}
