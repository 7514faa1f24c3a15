package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.input.FirmedPlannedOrder;
import org.pilotline.erp.mrp.engine.input.Forecast;
import org.pilotline.erp.mrp.engine.input.Item;
import org.pilotline.erp.mrp.engine.input.PlanningHorizon;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.Procurement;
import org.pilotline.erp.mrp.engine.input.ReceiptKind;
import org.pilotline.erp.mrp.engine.input.SalesOrderLine;
import org.pilotline.erp.mrp.engine.input.ScheduledReceipt;
import org.pilotline.erp.mrp.engine.input.StockOnHand;
import org.pilotline.erp.unit.UnitConverter;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one enterprise's {@link PlanningInput} with plain SQL, every statement filtered by {@code tenant_id}, rows
 * streamed (the target plant has 100,000 items and 300,000 BOM lines). Quantities are converted into each item's
 * stock unit with the enterprise's unit conversions ({@link UnitConverter}). The formulas, the open production
 * orders and the calendar have readers of their own ({@link FormulaLoader}, {@link ProductionOrderLoader},
 * {@link CalendarLoader}). Plain JDBC, no framework types: the application services and the benchmark both use it.
 */
public final class PlanningInputLoader {

    /** What to plan: the horizon, and the calendar whose working days lead times count (null: Monday to Friday). */
    public record Request(PlanningHorizon horizon, Long calendarId) {
    }

    /** The input, and the item ids by code (the engine knows items by code). */
    public record Loaded(PlanningInput input, Map<String, Long> itemIds) {
    }

    /** A quantity that cannot be converted into the item's stock unit, or a reference the loader cannot resolve. */
    public static final class LoadProblem extends RuntimeException {
        public LoadProblem(String message) {
            super(message, null, false, false);
        }
    }

    /** A sales order's number and its lines that are demand now, by reference (lines not open are absent). */
    public record SalesOrderState(String number, Map<String, SalesOrderLine> openLines) {
    }

    private static final String OPEN_PURCHASE = "'DRAFT','RELEASED','PARTIALLY_RECEIVED'";
    private static final String OPEN_SALES = "'CONFIRMED','PARTIALLY_SHIPPED'";

    private final Connection connection;
    private final String tenant;
    private final TenantQuery query;
    private final ItemUnits items;

    public PlanningInputLoader(Connection connection, String tenant) {
        this.connection = connection;
        this.tenant = tenant;
        this.query = new TenantQuery(connection, tenant);
        this.items = new ItemUnits(query);
    }

    public Loaded load(Request request) throws SQLException {
        PlanningInput.Builder input = PlanningInput.builder(request.horizon(),
                new CalendarLoader(query).load(request.calendarId()));
        Map<String, Long> itemIds = new HashMap<>();
        items.loadConversions();
        query.forEach("select i.id, i.code, i.sourcing, i.lead_time_days, i.lot_sizing, i.lot_size_quantity,"
                + " i.lot_size_minimum, i.lot_size_maximum, i.lot_size_multiple, i.periods_of_supply, i.safety_stock,"
                + " i.stock_unit_id, u.decimals from item i join unit u on u.id = i.stock_unit_id"
                + " where i.tenant_id = ? order by i.code", row -> {
            long id = row.getLong(1);
            String code = row.getString(2);
            items.add(id, code, row.getLong(12));
            itemIds.put(code, id);
            input.item(new Item(code, "MAKE".equals(row.getString(3)) ? Procurement.MAKE : Procurement.BUY,
                    row.getInt(4), LotSizingColumns.read(row, 5), row.getBigDecimal(11), false,
                    Math.min(6, row.getInt(13))));
        });
        new FormulaLoader(query, items).load(input);
        query.forEach("select o.number, l.line_no, l.item_id, l.quantity - l.shipped_quantity, l.unit_id,"
                + " l.requested_date from sales_order_line l join sales_order o on o.id = l.order_id"
                + " where o.tenant_id = ? and l.tenant_id = o.tenant_id and o.status in (" + OPEN_SALES + ")"
                + " and l.quantity > l.shipped_quantity order by o.id, l.line_no", row -> {
            long item = row.getLong(3);
            input.salesOrder(new SalesOrderLine(lineReference(row.getString(1), row.getInt(2)), items.code(item),
                    row.getDate(6).toLocalDate(), items.toStockUnit(row.getBigDecimal(4), row.getLong(5), item)));
        });
        query.forEach("select item_id, week, quantity from mrp_forecast where tenant_id = ? and quantity > 0"
                + " order by item_id, week", row ->
                input.forecast(new Forecast(items.code(row.getLong(1)), row.getDate(2).toLocalDate(),
                        row.getBigDecimal(3))));
        query.forEach("select item_id, sum(quantity) from stock_balance where tenant_id = ? group by item_id"
                + " order by item_id", row ->
                input.stock(new StockOnHand(items.code(row.getLong(1)), row.getBigDecimal(2))));
        query.forEach("select o.number, l.line_no, l.item_id, l.quantity - l.received_quantity, l.unit_id, l.due_date"
                + " from purchase_order_line l join purchase_order o on o.id = l.order_id"
                + " where o.tenant_id = ? and l.tenant_id = o.tenant_id and o.status in (" + OPEN_PURCHASE + ")"
                + " and l.quantity > l.received_quantity order by o.id, l.line_no", row -> {
            long item = row.getLong(3);
            input.receipt(new ScheduledReceipt(ReceiptKind.PURCHASE_ORDER, lineReference(row.getString(1),
                    row.getInt(2)), items.code(item), row.getDate(6).toLocalDate(),
                    items.toStockUnit(row.getBigDecimal(4), row.getLong(5), item)));
        });
        new ProductionOrderLoader(query, items).load(input);
        query.forEach("select reference, item_id, quantity, release_date, due_date, formula from mrp_firmed_order"
                + " where tenant_id = ? and status = 'FIRM' order by reference", row ->
                input.firmedPlannedOrder(new FirmedPlannedOrder(row.getString(1), items.code(row.getLong(2)),
                        row.getBigDecimal(3), row.getDate(4).toLocalDate(), row.getDate(5).toLocalDate(),
                        row.getString(6))));
        return new Loaded(input.build(), itemIds);
    }

    /** The current state of one sales order (for a net change), or null when the enterprise has no such order. */
    public SalesOrderState salesOrder(long salesOrderId) throws SQLException {
        items.loadConversions();
        String[] number = {null};
        Map<String, SalesOrderLine> open = new HashMap<>();
        query.forEach("select o.number, o.status, l.line_no, l.item_id, i.code, i.stock_unit_id,"
                + " l.quantity - l.shipped_quantity, l.unit_id, l.requested_date from sales_order o"
                + " left join sales_order_line l on l.order_id = o.id left join item i on i.id = l.item_id"
                + " where o.tenant_id = ? and o.id = " + salesOrderId, row -> {
            number[0] = row.getString(1);
            String status = row.getString(2);
            long item = row.getLong(4);
            if (row.wasNull()) {
                return;
            }
            items.add(item, row.getString(5), row.getLong(6));
            BigDecimal quantity = row.getBigDecimal(7);
            if ((status.equals("CONFIRMED") || status.equals("PARTIALLY_SHIPPED")) && quantity.signum() > 0) {
                String reference = lineReference(number[0], row.getInt(3));
                open.put(reference, new SalesOrderLine(reference, row.getString(5), row.getDate(9).toLocalDate(),
                        items.toStockUnit(quantity, row.getLong(8), item)));
            }
        });
        return number[0] == null ? null : new SalesOrderState(number[0], open);
    }

    /** The number of the enterprise's sales order of this id, if there is one. */
    public Optional<String> salesOrderNumber(long salesOrderId) throws SQLException {
        return Jdbc.list(connection, "select number from sales_order where tenant_id = ? and id = ?",
                row -> row.getString(1), tenant, salesOrderId).stream().findFirst();
    }

    /** Whether the enterprise has a working calendar of this id. */
    public boolean calendarExists(long calendarId) throws SQLException {
        return CalendarLoader.exists(connection, tenant, calendarId);
    }

    /** The ids of all the enterprise's items by code. */
    public Map<String, Long> itemIds() throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        query.forEach("select id, code from item where tenant_id = ?", row -> ids.put(row.getString(2),
                row.getLong(1)));
        return ids;
    }

    /** The reference MRP gives a sales or purchase order line: the order number and the line number. */
    public static String lineReference(String orderNumber, int lineNo) {
        return orderNumber + "/" + lineNo;
    }
}
