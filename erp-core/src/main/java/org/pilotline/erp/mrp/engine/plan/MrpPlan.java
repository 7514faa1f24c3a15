package org.pilotline.erp.mrp.engine.plan;

import org.pilotline.erp.mrp.engine.model.CalendarIndex;
import org.pilotline.erp.mrp.engine.model.Kinds;
import org.pilotline.erp.mrp.engine.model.PlanningModel;
import org.pilotline.erp.mrp.engine.model.PlanningParameters;
import org.pilotline.erp.mrp.engine.model.Quantities;
import org.pilotline.erp.mrp.engine.model.Structure;
import org.pilotline.erp.mrp.engine.planning.ItemPlan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The result of an MRP run: per item its demand and supply elements, planned orders, pegs and exception messages.
 * Held as primitive arrays per item; the methods here turn them into records on request, so reading a part of a
 * large plan costs only that part. Immutable; a net-change successor shares the plans of the items it did not
 * re-plan.
 */
public final class MrpPlan {

    private final PlanningModel model;
    private final PlanningParameters parameters;
    private final ItemPlan[] plans;
    private final int replannedItems;
    private final PlanViews views;
    private final TimePhasing timePhasing;
    private final long plannedOrders;
    private final long pegs;
    private final long exceptions;
    private final long demands;

    public MrpPlan(PlanningModel model, PlanningParameters parameters, ItemPlan[] plans, int replannedItems) {
        this.model = model;
        this.parameters = parameters;
        this.plans = plans;
        this.replannedItems = replannedItems;
        this.views = new PlanViews(model, plans);
        this.timePhasing = new TimePhasing(model.structure().calendar, plans);
        long orders = 0;
        long pegCount = 0;
        long exceptionCount = 0;
        long demandCount = 0;
        for (ItemPlan plan : plans) {
            orders += plan.plannedOrderCount();
            pegCount += plan.pegCount();
            exceptionCount += plan.exceptionCount();
            demandCount += plan.demandCount();
        }
        this.plannedOrders = orders;
        this.pegs = pegCount;
        this.exceptions = exceptionCount;
        this.demands = demandCount;
    }

    public PlanningModel model() {
        return model;
    }

    public PlanningParameters parameters() {
        return parameters;
    }

    /** Internal per-item arrays (indexed like the model's items), for the engine's net change. */
    public ItemPlan[] itemPlans() {
        return plans;
    }

    /** How many items this run planned: all of them for a regenerative run, fewer for a net change. */
    public int replannedItems() {
        return replannedItems;
    }

    public long plannedOrderCount() {
        return plannedOrders;
    }

    public long pegCount() {
        return pegs;
    }

    public long exceptionCount() {
        return exceptions;
    }

    /** Demand elements of all items, dependent demand included. */
    public long demandElementCount() {
        return demands;
    }

    /** Every planned order, item by item in low-level-code order, each item's in due-date order. */
    public List<PlannedOrder> plannedOrders() {
        List<PlannedOrder> all = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, plannedOrders));
        Structure structure = model.structure();
        for (int position = 0; position < structure.itemCount; position++) {
            all.addAll(views.plannedOrders(structure.planningOrder[position]));
        }
        return all;
    }

    /** Every planned order as {@link #plannedOrders()}, built item by item as the stream is read (for writers). */
    public Stream<PlannedOrder> plannedOrderStream() {
        Structure structure = model.structure();
        return IntStream.range(0, structure.itemCount)
                .mapToObj(position -> views.plannedOrders(structure.planningOrder[position])).flatMap(List::stream);
    }

    /** Every exception message as {@link #exceptions()}, built item by item as the stream is read. */
    public Stream<ExceptionMessage> exceptionStream() {
        Structure structure = model.structure();
        return IntStream.range(0, structure.itemCount)
                .mapToObj(position -> views.exceptions(structure.planningOrder[position])).flatMap(List::stream);
    }

    /** Codes of all items in planning (low-level-code) order. */
    public Stream<String> itemCodes() {
        Structure structure = model.structure();
        return IntStream.range(0, structure.itemCount)
                .mapToObj(position -> structure.itemCode[structure.planningOrder[position]]);
    }

    public List<PlannedOrder> plannedOrdersOf(String itemCode) {
        return views.plannedOrders(views.item(itemCode));
    }

    /** Every exception message, item by item in low-level-code order. */
    public List<ExceptionMessage> exceptions() {
        List<ExceptionMessage> all = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, exceptions));
        Structure structure = model.structure();
        for (int position = 0; position < structure.itemCount; position++) {
            all.addAll(views.exceptions(structure.planningOrder[position]));
        }
        return all;
    }

    public List<ExceptionMessage> exceptionsOf(String itemCode) {
        return views.exceptions(views.item(itemCode));
    }

    /** The item's demand elements in netting order. */
    public List<Demand> demandsOf(String itemCode) {
        return views.demands(views.item(itemCode));
    }

    /** The item's supply elements: stock, receipts by date, then planned orders. */
    public List<Supply> suppliesOf(String itemCode) {
        return views.supplies(views.item(itemCode));
    }

    /** All pegs of the item, surplus included. */
    public List<Peg> pegsOf(String itemCode) {
        return views.pegs(views.item(itemCode), -1, -1);
    }

    /**
     * Which purchase and production orders serve the item's component reservations, that is which orders make or
     * buy what open production orders still have to draw: pegs of reservation demand to scheduled receipts.
     */
    public List<Peg> reservationsServedByOrders(String itemCode) {
        return views.reservationsServedByOrders(views.item(itemCode));
    }

    /** The demands a planned or firmed order serves (one level), with quantities summing to its quantity. */
    public List<Peg> pegsOfOrder(OrderRef order) {
        int item = views.item(order.itemCode());
        return views.pegs(item, -1, views.supplyOf(item, order));
    }

    /** The supplies serving a sales order line (one level), with quantities summing to its open quantity. */
    public List<Peg> suppliesOfSalesOrderLine(String reference) {
        int[] itemAndDemand = views.salesDemand(reference);
        return views.pegs(itemAndDemand[0], itemAndDemand[1], -1);
    }

    /** From an order up through dependent demand to the top-level demands (and surplus) it serves. */
    public PeggingNode peggingUp(OrderRef order) {
        int item = views.item(order.itemCode());
        int supply = views.supplyOf(item, order);
        return views.upFromSupply(item, supply, Quantities.decimal(plans[item].supplyQuantity(supply)));
    }

    /** From a sales order line down through its supplies and their component demands, at most {@code depth} levels. */
    public PeggingNode peggingDown(String salesOrderLineReference, int depth) {
        int[] itemAndDemand = views.salesDemand(salesOrderLineReference);
        int item = itemAndDemand[0];
        int demand = itemAndDemand[1];
        return views.downFromDemand(item, demand, Quantities.decimal(plans[item].demandQuantity(demand)), depth);
    }

    /** From a planned or firmed order down through its component demands and their supplies, at most {@code depth} levels. */
    public PeggingNode peggingDownFromOrder(OrderRef order, int depth) {
        int item = views.item(order.itemCode());
        int supply = views.supplyOf(item, order);
        return views.downFromSupply(item, supply, Quantities.decimal(plans[item].supplyQuantity(supply)), depth);
    }

    /**
     * Converting a planned order into a purchase order or production order named {@code reference}: the receipt
     * and, for a production order, its component reservations.
     */
    public Conversion conversionOf(OrderRef order, String reference) {
        return views.conversion(order, reference);
    }

    /** The item's weekly time-phased record over the horizon. */
    public List<BucketRow> bucketsOf(String itemCode) {
        return timePhasing.buckets(views.item(itemCode));
    }

    /** The projected on hand of the item at the end of {@code date}. */
    public BigDecimal projectedOnHand(String itemCode, java.time.LocalDate date) {
        int item = views.item(itemCode);
        CalendarIndex calendar = model.structure().calendar;
        long onHand = timePhasing.projectedOnHand(item, calendar.dayOf(date));
        return Quantities.decimal(onHand);
    }

    /** Codes of the items whose plans differ from {@code other}'s (same model structure expected). */
    public List<String> itemsDifferingFrom(MrpPlan other) {
        List<String> differing = new ArrayList<>();
        Structure structure = model.structure();
        for (int item = 0; item < plans.length; item++) {
            if (!plans[item].sameAs(other.plans[item])) {
                differing.add(structure.itemCode[item]);
            }
        }
        return differing;
    }

    /** Internal: the kinds of the exception messages, counted, for summaries. */
    public long[] exceptionCountsByKind() {
        long[] counts = new long[ExceptionKind.values().length];
        for (ItemPlan plan : plans) {
            for (int exception = 0; exception < plan.exceptionCount(); exception++) {
                counts[plan.exceptionKind(exception)]++;
            }
        }
        return counts;
    }

    static boolean isOrder(byte kind) {
        return kind == Kinds.PLANNED_ORDER || kind == Kinds.FIRMED_PLANNED_ORDER;
    }
}
