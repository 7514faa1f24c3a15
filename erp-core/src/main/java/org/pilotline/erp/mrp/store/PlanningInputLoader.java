package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.input.BomLine;
import org.pilotline.erp.mrp.engine.input.BomVersion;
import org.pilotline.erp.mrp.engine.input.ComponentReservation;
import org.pilotline.erp.mrp.engine.input.FirmedPlannedOrder;
import org.pilotline.erp.mrp.engine.input.Forecast;
import org.pilotline.erp.mrp.engine.input.Item;
import org.pilotline.erp.mrp.engine.input.LotSizing;
import org.pilotline.erp.mrp.engine.input.OutputKind;
import org.pilotline.erp.mrp.engine.input.PlanningHorizon;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.Procurement;
import org.pilotline.erp.mrp.engine.input.ReceiptKind;
import org.pilotline.erp.mrp.engine.input.Recipe;
import org.pilotline.erp.mrp.engine.input.RecipeIngredient;
import org.pilotline.erp.mrp.engine.input.RecipeOutput;
import org.pilotline.erp.mrp.engine.input.SalesOrderLine;
import org.pilotline.erp.mrp.engine.input.ScheduledReceipt;
import org.pilotline.erp.mrp.engine.input.StockOnHand;
import org.pilotline.erp.mrp.engine.input.WorkingCalendar;
import org.pilotline.erp.unit.UnitConverter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one enterprise's {@link PlanningInput} with plain SQL, every statement filtered by {@code tenant_id}, rows
 * streamed (the target plant has 100,000 items and 300,000 BOM lines). Quantities are converted into each item's
 * stock unit with the enterprise's unit conversions ({@link UnitConverter}). Plain JDBC, no framework types: the
 * application service and the benchmark both use it.
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

    private static final String OPEN_PURCHASE = "'DRAFT','RELEASED','PARTIALLY_RECEIVED'";
    private static final String OPEN_SALES = "'CONFIRMED','PARTIALLY_SHIPPED'";
    private static final String OPEN_PRODUCTION = "'PLANNED','RELEASED'";

    private final Connection connection;
    private final String tenant;
    private final Map<Long, String> codeById = new HashMap<>();
    private final Map<Long, Long> stockUnitById = new HashMap<>();
    private final Map<Long, Integer> unitDecimals = new HashMap<>();
    private final List<UnitConverter.Ratio> globalRatios = new ArrayList<>();
    private final Map<Long, List<UnitConverter.Ratio>> itemRatios = new HashMap<>();
    private final Map<Long, UnitConverter> converters = new HashMap<>();
    private UnitConverter globalConverter;

    public PlanningInputLoader(Connection connection, String tenant) {
        this.connection = connection;
        this.tenant = tenant;
    }

    public Loaded load(Request request) throws SQLException {
        PlanningHorizon horizon = request.horizon();
        PlanningInput.Builder b = PlanningInput.builder(horizon, calendar(request.calendarId()));
        Map<String, Long> itemIds = new HashMap<>();
        loadConversions();
        query("select i.id, i.code, i.sourcing, i.lead_time_days, i.lot_sizing, i.lot_size_quantity, i.lot_size_minimum,"
                + " i.lot_size_maximum, i.lot_size_multiple, i.periods_of_supply, i.safety_stock, i.stock_unit_id,"
                + " u.decimals from item i join unit u on u.id = i.stock_unit_id where i.tenant_id = ?", rs -> {
            long id = rs.getLong(1);
            String code = rs.getString(2);
            codeById.put(id, code);
            itemIds.put(code, id);
            stockUnitById.put(id, rs.getLong(12));
            b.item(new Item(code, "MAKE".equals(rs.getString(3)) ? Procurement.MAKE : Procurement.BUY, rs.getInt(4),
                    lotSizing(rs), rs.getBigDecimal(11), false, Math.min(6, rs.getInt(13))));
        });
        loadStructures(b);
        query("select o.number, l.line_no, l.item_id, l.quantity - l.shipped_quantity, l.unit_id, l.requested_date"
                + " from sales_order_line l join sales_order o on o.id = l.order_id"
                + " where o.tenant_id = ? and l.tenant_id = o.tenant_id and o.status in (" + OPEN_SALES + ")"
                + " and l.quantity > l.shipped_quantity", rs -> {
            long item = rs.getLong(3);
            b.salesOrder(new SalesOrderLine(lineReference(rs.getString(1), rs.getInt(2)), code(item),
                    rs.getDate(6).toLocalDate(), toStockUnit(rs.getBigDecimal(4), rs.getLong(5), item)));
        });
        query("select item_id, week, quantity from mrp_forecast where tenant_id = ? and quantity > 0", rs ->
                b.forecast(new Forecast(code(rs.getLong(1)), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3))));
        query("select item_id, sum(quantity) from stock_balance where tenant_id = ? group by item_id", rs ->
                b.stock(new StockOnHand(code(rs.getLong(1)), rs.getBigDecimal(2))));
        query("select o.number, l.line_no, l.item_id, l.quantity - l.received_quantity, l.unit_id, l.due_date"
                + " from purchase_order_line l join purchase_order o on o.id = l.order_id"
                + " where o.tenant_id = ? and l.tenant_id = o.tenant_id and o.status in (" + OPEN_PURCHASE + ")"
                + " and l.quantity > l.received_quantity", rs -> {
            long item = rs.getLong(3);
            b.receipt(new ScheduledReceipt(ReceiptKind.PURCHASE_ORDER, lineReference(rs.getString(1), rs.getInt(2)),
                    code(item), rs.getDate(6).toLocalDate(), toStockUnit(rs.getBigDecimal(4), rs.getLong(5), item)));
        });
        loadProductionOrders(b);
        query("select reference, item_id, quantity, release_date, due_date, formula from mrp_firmed_order"
                + " where tenant_id = ? and status = 'FIRM'", rs ->
                b.firmedPlannedOrder(new FirmedPlannedOrder(rs.getString(1), code(rs.getLong(2)), rs.getBigDecimal(3),
                        rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getString(6))));
        return new Loaded(b.build(), itemIds);
    }

    /** A sales order's number and its lines that are demand now, by reference (lines not open are absent). */
    public record SalesOrderState(String number, Map<String, SalesOrderLine> openLines) {
    }

    /** The current state of one sales order (for a net change), or null when the enterprise has no such order. */
    public SalesOrderState salesOrder(long salesOrderId) throws SQLException {
        loadConversions();
        String[] number = {null};
        Map<String, SalesOrderLine> open = new HashMap<>();
        query("select o.number, o.status, l.line_no, l.item_id, i.code, i.stock_unit_id, l.quantity - l.shipped_quantity,"
                + " l.unit_id, l.requested_date from sales_order o left join sales_order_line l on l.order_id = o.id"
                + " left join item i on i.id = l.item_id where o.tenant_id = ? and o.id = " + salesOrderId, rs -> {
            number[0] = rs.getString(1);
            String status = rs.getString(2);
            long item = rs.getLong(4);
            if (rs.wasNull()) {
                return;
            }
            codeById.put(item, rs.getString(5));
            stockUnitById.put(item, rs.getLong(6));
            BigDecimal quantity = rs.getBigDecimal(7);
            if ((status.equals("CONFIRMED") || status.equals("PARTIALLY_SHIPPED")) && quantity.signum() > 0) {
                String reference = lineReference(number[0], rs.getInt(3));
                open.put(reference, new SalesOrderLine(reference, rs.getString(5), rs.getDate(9).toLocalDate(),
                        toStockUnit(quantity, rs.getLong(8), item)));
            }
        });
        return number[0] == null ? null : new SalesOrderState(number[0], open);
    }

    /** The reference MRP gives a sales or purchase order line: the order number and the line number. */
    public static String lineReference(String orderNumber, int lineNo) {
        return orderNumber + "/" + lineNo;
    }

    // ------------------------------------------------------------------------------------------------ structures

    private void loadStructures(PlanningInput.Builder b) throws SQLException {
        Map<Long, List<String[]>> routings = new HashMap<>();
        query("select item_id, revision, valid_from, valid_to from routing where tenant_id = ?", rs ->
                routings.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new String[]{rs.getString(2),
                        rs.getString(3), rs.getString(4)}));
        Map<Long, List<BomLine>> lines = new HashMap<>();
        query("select bom_id, component_id, quantity, unit_id, scrap_factor, phantom from bom_line where tenant_id = ?"
                + " order by bom_id, line_no", rs -> {
            long component = rs.getLong(2);
            lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(4)).add(new BomLine(code(component),
                    toStockUnit(rs.getBigDecimal(3), rs.getLong(4), component), rs.getBigDecimal(5), rs.getBoolean(6)));
        });
        query("select id, item_id, revision, base_quantity, valid_from, valid_to from bom where tenant_id = ?", rs -> {
            long item = rs.getLong(2);
            LocalDate from = rs.getDate(5).toLocalDate();
            b.bom(new BomVersion(code(item), rs.getString(3), from, date(rs.getDate(6)), rs.getBigDecimal(4),
                    routingAt(routings.get(item), from), lines.getOrDefault(rs.getLong(1), List.of())));
        });
        lines.clear();
        Map<Long, List<RecipeIngredient>> ingredients = new HashMap<>();
        query("select recipe_id, item_id, quantity, unit_id from recipe_ingredient where tenant_id = ?"
                + " order by recipe_id, line_no", rs -> {
            long item = rs.getLong(2);
            ingredients.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new RecipeIngredient(code(item),
                    toStockUnit(rs.getBigDecimal(3), rs.getLong(4), item)));
        });
        Map<Long, List<RecipeOutput>> outputs = new HashMap<>();
        query("select recipe_id, item_id, quantity, unit_id, kind from recipe_output where tenant_id = ?"
                + " order by recipe_id, line_no", rs -> {
            long item = rs.getLong(2);
            outputs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new RecipeOutput(code(item),
                    toStockUnit(rs.getBigDecimal(3), rs.getLong(4), item),
                    "CO_PRODUCT".equals(rs.getString(5)) ? OutputKind.CO_PRODUCT : OutputKind.BY_PRODUCT));
        });
        query("select id, item_id, revision, batch_size, expected_yield, valid_from, valid_to from recipe"
                + " where tenant_id = ?", rs -> {
            long item = rs.getLong(2);
            LocalDate from = rs.getDate(6).toLocalDate();
            b.recipe(new Recipe(code(item), rs.getString(3), from, date(rs.getDate(7)), routingAt(routings.get(item), from),
                    rs.getBigDecimal(4), rs.getBigDecimal(5), ingredients.getOrDefault(rs.getLong(1), List.of()),
                    outputs.getOrDefault(rs.getLong(1), List.of())));
        });
    }

    /** The routing revision effective on {@code day}, else the latest one. */
    private static String routingAt(List<String[]> revisions, LocalDate day) {
        if (revisions == null) {
            return null;
        }
        String latest = null;
        String latestFrom = null;
        for (String[] r : revisions) {
            LocalDate from = LocalDate.parse(r[1]);
            if (!day.isBefore(from) && (r[2] == null || day.isBefore(LocalDate.parse(r[2])))) {
                return r[0];
            }
            if (latestFrom == null || r[1].compareTo(latestFrom) > 0) {
                latest = r[0];
                latestFrom = r[1];
            }
        }
        return latest;
    }

    // ------------------------------------------------------------------------------------------ production orders

    /**
     * Open production orders are scheduled receipts; MRP does not explode them, so the components they have still to
     * draw (their BOM or recipe times the open quantity, less what was issued with the order's number as reference)
     * come in as reservations due on the order's start date.
     */
    private void loadProductionOrders(PlanningInput.Builder b) throws SQLException {
        record Open(String number, long item, BigDecimal open, LocalDate start, Long bom, Long recipe) {
        }
        List<Open> orders = new ArrayList<>();
        query("select number, item_id, quantity - completed_quantity, start_date, due_date, bom_id, recipe_id"
                + " from production_order where tenant_id = ? and status in (" + OPEN_PRODUCTION + ")"
                + " and quantity > completed_quantity", rs -> {
            long item = rs.getLong(2);
            b.receipt(new ScheduledReceipt(ReceiptKind.PRODUCTION_ORDER, rs.getString(1), code(item),
                    rs.getDate(5).toLocalDate(), rs.getBigDecimal(3)));
            long bom = rs.getLong(6);
            Long bomId = rs.wasNull() ? null : bom;
            long recipe = rs.getLong(7);
            Long recipeId = rs.wasNull() ? null : recipe;
            orders.add(new Open(rs.getString(1), item, rs.getBigDecimal(3), rs.getDate(4).toLocalDate(), bomId, recipeId));
        });
        if (orders.isEmpty()) {
            return;
        }
        Map<String, BigDecimal> issued = new HashMap<>();
        query("select m.reference, m.item_id, sum(m.quantity) from stock_move m join production_order p"
                + " on p.tenant_id = m.tenant_id and p.number = m.reference where m.tenant_id = ?"
                + " and p.status in (" + OPEN_PRODUCTION + ") and m.move_type = 'ISSUE' group by m.reference, m.item_id",
                rs -> issued.put(rs.getString(1) + "\u0000" + rs.getLong(2), rs.getBigDecimal(3)));
        Map<Long, BigDecimal> bomBase = new HashMap<>();
        Map<Long, List<Object[]>> bomLines = new HashMap<>();
        query("select b.id, b.base_quantity, l.component_id, l.quantity, l.unit_id, l.scrap_factor from bom b"
                + " join bom_line l on l.bom_id = b.id where b.tenant_id = ? and b.id in (select bom_id from"
                + " production_order where tenant_id = b.tenant_id and status in (" + OPEN_PRODUCTION + "))", rs -> {
            bomBase.put(rs.getLong(1), rs.getBigDecimal(2));
            long component = rs.getLong(3);
            BigDecimal per = toStockUnit(rs.getBigDecimal(4), rs.getLong(5), component)
                    .multiply(BigDecimal.ONE.add(rs.getBigDecimal(6)));
            bomLines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Object[]{component, per});
        });
        Map<Long, BigDecimal> recipeOutput = new HashMap<>();
        Map<Long, List<Object[]>> recipeLines = new HashMap<>();
        query("select r.id, r.batch_size * r.expected_yield, i.item_id, i.quantity, i.unit_id from recipe r"
                + " join recipe_ingredient i on i.recipe_id = r.id where r.tenant_id = ? and r.id in (select recipe_id"
                + " from production_order where tenant_id = r.tenant_id and status in (" + OPEN_PRODUCTION + "))", rs -> {
            recipeOutput.put(rs.getLong(1), rs.getBigDecimal(2));
            long component = rs.getLong(3);
            recipeLines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Object[]{component,
                    toStockUnit(rs.getBigDecimal(4), rs.getLong(5), component)});
        });
        for (Open o : orders) {
            List<Object[]> components = o.bom() != null ? bomLines.get(o.bom()) : o.recipe() != null ? recipeLines.get(o.recipe()) : null;
            if (components == null) {
                continue;
            }
            BigDecimal per = o.bom() != null ? bomBase.get(o.bom()) : recipeOutput.get(o.recipe());
            for (Object[] c : components) {
                long component = (Long) c[0];
                BigDecimal needed = ((BigDecimal) c[1]).multiply(o.open()).divide(per, 6, RoundingMode.UP);
                BigDecimal left = needed.subtract(issued.getOrDefault(o.number() + "\u0000" + component, BigDecimal.ZERO));
                if (left.signum() > 0) {
                    b.reservation(new ComponentReservation(o.number(), code(component), o.start(), left));
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ calendar

    private WorkingCalendar calendar(Long calendarId) throws SQLException {
        if (calendarId == null) {
            return WorkingCalendar.mondayToFriday();
        }
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        boolean[] found = {false};
        query("select c.id, s.weekday from calendar c left join calendar_shift s on s.calendar_id = c.id"
                + " where c.tenant_id = ? and c.id = " + calendarId, rs -> {
            found[0] = true;
            int day = rs.getInt(2);
            if (!rs.wasNull()) {
                weekdays.add(DayOfWeek.of(day));
            }
        });
        if (!found[0]) {
            throw new LoadProblem("calendar " + calendarId + " does not exist");
        }
        if (weekdays.isEmpty()) {
            throw new LoadProblem("calendar " + calendarId + " has no shifts");
        }
        Set<LocalDate> holidays = new HashSet<>();
        query("select day from calendar_holiday where tenant_id = ? and calendar_id = " + calendarId, rs ->
                holidays.add(rs.getDate(1).toLocalDate()));
        return new WorkingCalendar(weekdays, holidays);
    }

    // ------------------------------------------------------------------------------------------------ units

    private void loadConversions() throws SQLException {
        query("select id, decimals from unit where tenant_id = ?", rs -> unitDecimals.put(rs.getLong(1), rs.getInt(2)));
        query("select item_id, from_unit_id, to_unit_id, from_quantity, to_quantity from unit_conversion"
                + " where tenant_id = ?", rs -> {
            long item = rs.getLong(1);
            boolean global = rs.wasNull();
            UnitConverter.Ratio ratio = new UnitConverter.Ratio(rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4),
                    rs.getBigDecimal(5));
            if (global) {
                globalRatios.add(ratio);
            } else {
                itemRatios.computeIfAbsent(item, k -> new ArrayList<>()).add(ratio);
            }
        });
        globalConverter = new UnitConverter(globalRatios);
    }

    private BigDecimal toStockUnit(BigDecimal quantity, long unit, long item) {
        Long stockUnit = stockUnitById.get(item);
        if (stockUnit == null) {
            throw new LoadProblem("item id " + item + " does not exist");
        }
        if (stockUnit == unit) {
            return quantity;
        }
        UnitConverter converter = itemRatios.containsKey(item) ? converters.computeIfAbsent(item, k -> {
            List<UnitConverter.Ratio> ratios = new ArrayList<>(globalRatios);
            ratios.addAll(itemRatios.get(k));
            return new UnitConverter(ratios);
        }) : globalConverter;
        return converter.convert(quantity, unit, stockUnit).orElseThrow(() -> new LoadProblem(
                "no conversion of unit " + unit + " into the stock unit of item " + code(item)));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static LotSizing lotSizing(ResultSet rs) throws SQLException {
        return switch (rs.getString(5)) {
            case "FIXED_QUANTITY" -> new LotSizing.FixedQuantity(rs.getBigDecimal(6));
            case "MIN_MAX_MULTIPLE" -> new LotSizing.MinMaxMultiple(rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9));
            case "PERIODS_OF_SUPPLY" -> new LotSizing.PeriodsOfSupply(Math.max(1, rs.getInt(10)));
            default -> LotSizing.lotForLot();
        };
    }

    private String code(long itemId) {
        String code = codeById.get(itemId);
        if (code == null) {
            throw new LoadProblem("item id " + itemId + " does not exist");
        }
        return code;
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** Runs a query whose only parameter is the tenant, streaming its rows. */
    private void query(String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(Integer.MIN_VALUE);
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }
}
