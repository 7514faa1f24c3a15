package org.pilotline.erp.mrp.engine.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything one MRP run reads, as plain records in ERP terms: what a database adapter fills from the item, BOM,
 * recipe, calendar, order and stock tables, and what the synthetic-plant generator produces.
 */
public record PlanningInput(PlanningHorizon horizon, WorkingCalendar calendar, List<Item> items,
                            List<BomVersion> bomVersions, List<Recipe> recipes, List<SalesOrderLine> salesOrderLines,
                            List<Forecast> forecasts, List<ComponentReservation> reservations,
                            List<StockOnHand> stock, List<ScheduledReceipt> scheduledReceipts,
                            List<FirmedPlannedOrder> firmedPlannedOrders) {

    public PlanningInput {
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(calendar, "calendar");
        items = List.copyOf(items);
        bomVersions = List.copyOf(bomVersions);
        recipes = List.copyOf(recipes);
        salesOrderLines = List.copyOf(salesOrderLines);
        forecasts = List.copyOf(forecasts);
        reservations = List.copyOf(reservations);
        stock = List.copyOf(stock);
        scheduledReceipts = List.copyOf(scheduledReceipts);
        firmedPlannedOrders = List.copyOf(firmedPlannedOrders);
    }

    public static Builder builder(PlanningHorizon horizon, WorkingCalendar calendar) {
        return new Builder(horizon, calendar);
    }

    /** The same input with the sales order line of this reference replaced, or added at the end if it is new. */
    public PlanningInput withSalesOrderLine(SalesOrderLine line) {
        List<SalesOrderLine> lines = new ArrayList<>(salesOrderLines);
        int at = indexOfSalesOrderLine(line.reference());
        if (at >= 0) {
            lines.set(at, line);
        } else {
            lines.add(line);
        }
        return withSalesOrderLines(lines);
    }

    /** The same input without the sales order line of this reference. */
    public PlanningInput withoutSalesOrderLine(String reference) {
        List<SalesOrderLine> lines = new ArrayList<>(salesOrderLines);
        int at = indexOfSalesOrderLine(reference);
        if (at >= 0) {
            lines.remove(at);
        }
        return withSalesOrderLines(lines);
    }

    private PlanningInput withSalesOrderLines(List<SalesOrderLine> lines) {
        return new PlanningInput(horizon, calendar, items, bomVersions, recipes, lines, forecasts, reservations, stock,
                scheduledReceipts, firmedPlannedOrders);
    }

    private int indexOfSalesOrderLine(String reference) {
        for (int index = 0; index < salesOrderLines.size(); index++) {
            if (salesOrderLines.get(index).reference().equals(reference)) {
                return index;
            }
        }
        return -1;
    }

    /** Collects the records of a plant; convenient in tests and generators. */
    public static final class Builder {
        private final PlanningHorizon horizon;
        private final WorkingCalendar calendar;
        private final List<Item> items = new ArrayList<>();
        private final List<BomVersion> bomVersions = new ArrayList<>();
        private final List<Recipe> recipes = new ArrayList<>();
        private final List<SalesOrderLine> salesOrderLines = new ArrayList<>();
        private final List<Forecast> forecasts = new ArrayList<>();
        private final List<ComponentReservation> reservations = new ArrayList<>();
        private final List<StockOnHand> stock = new ArrayList<>();
        private final List<ScheduledReceipt> scheduledReceipts = new ArrayList<>();
        private final List<FirmedPlannedOrder> firmedPlannedOrders = new ArrayList<>();

        private Builder(PlanningHorizon horizon, WorkingCalendar calendar) {
            this.horizon = horizon;
            this.calendar = calendar;
        }

        public Builder item(Item... newItems) {
            items.addAll(Arrays.asList(newItems));
            return this;
        }

        public Builder bom(BomVersion version) {
            bomVersions.add(version);
            return this;
        }

        /** An always-effective BOM version "1" of {@code parent}. */
        public Builder bom(String parent, BomLine... lines) {
            return bom(BomVersion.of(parent, "1", lines));
        }

        public Builder recipe(Recipe recipe) {
            recipes.add(recipe);
            return this;
        }

        public Builder salesOrder(String reference, String itemCode, LocalDate due, long quantity) {
            return salesOrder(new SalesOrderLine(reference, itemCode, due, BigDecimal.valueOf(quantity)));
        }

        public Builder salesOrder(SalesOrderLine line) {
            salesOrderLines.add(line);
            return this;
        }

        public Builder forecast(Forecast forecast) {
            forecasts.add(forecast);
            return this;
        }

        public Builder forecast(String itemCode, LocalDate week, long quantity) {
            forecasts.add(new Forecast(itemCode, week, BigDecimal.valueOf(quantity)));
            return this;
        }

        public Builder reservation(ComponentReservation reservation) {
            reservations.add(reservation);
            return this;
        }

        public Builder stock(String itemCode, long quantity) {
            return stock(new StockOnHand(itemCode, BigDecimal.valueOf(quantity)));
        }

        public Builder stock(StockOnHand onHand) {
            stock.add(onHand);
            return this;
        }

        public Builder purchaseOrder(String reference, String itemCode, LocalDate due, long quantity) {
            return receipt(new ScheduledReceipt(ReceiptKind.PURCHASE_ORDER, reference, itemCode, due,
                    BigDecimal.valueOf(quantity)));
        }

        public Builder productionOrder(String reference, String itemCode, LocalDate due, long quantity) {
            return receipt(new ScheduledReceipt(ReceiptKind.PRODUCTION_ORDER, reference, itemCode, due,
                    BigDecimal.valueOf(quantity)));
        }

        public Builder receipt(ScheduledReceipt receipt) {
            scheduledReceipts.add(receipt);
            return this;
        }

        public Builder firmedPlannedOrder(FirmedPlannedOrder order) {
            firmedPlannedOrders.add(order);
            return this;
        }

        public PlanningInput build() {
            return new PlanningInput(horizon, calendar, items, bomVersions, recipes, salesOrderLines, forecasts,
                    reservations, stock, scheduledReceipts, firmedPlannedOrders);
        }
    }
}
