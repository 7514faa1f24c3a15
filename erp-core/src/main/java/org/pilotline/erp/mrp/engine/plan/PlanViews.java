package org.pilotline.erp.mrp.engine.plan;

import org.pilotline.erp.mrp.engine.input.ComponentReservation;
import org.pilotline.erp.mrp.engine.input.FirmedPlannedOrder;
import org.pilotline.erp.mrp.engine.input.OutputKind;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.ReceiptKind;
import org.pilotline.erp.mrp.engine.input.SalesOrderLine;
import org.pilotline.erp.mrp.engine.input.ScheduledReceipt;
import org.pilotline.erp.mrp.engine.model.CalendarIndex;
import org.pilotline.erp.mrp.engine.model.Kinds;
import org.pilotline.erp.mrp.engine.model.PlanningModel;
import org.pilotline.erp.mrp.engine.model.Quantities;
import org.pilotline.erp.mrp.engine.model.SalesBook;
import org.pilotline.erp.mrp.engine.model.StaticSupplyAndDemand;
import org.pilotline.erp.mrp.engine.model.Structure;
import org.pilotline.erp.mrp.engine.planning.ItemPlan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns the per-item arrays of a plan into records, and walks the pegging. */
final class PlanViews {

    private static final DemandKind[] DEMAND_KINDS = DemandKind.values();
    private static final SupplyKind[] SUPPLY_KINDS = SupplyKind.values();
    private static final ExceptionKind[] EXCEPTION_KINDS = ExceptionKind.values();

    private final Structure structure;
    private final StaticSupplyAndDemand supplyAndDemand;
    private final SalesBook sales;
    private final CalendarIndex calendar;
    private final PlanningInput input;
    private final ItemPlan[] plans;

    PlanViews(PlanningModel model, ItemPlan[] plans) {
        this.structure = model.structure();
        this.supplyAndDemand = model.supplyAndDemand();
        this.sales = model.sales();
        this.calendar = structure.calendar;
        this.input = model.compiledInput();
        this.plans = plans;
    }

    int item(String itemCode) {
        int item = structure.indexOf(itemCode);
        if (item < 0) {
            throw new IllegalArgumentException("unknown item " + itemCode);
        }
        return item;
    }

    // ------------------------------------------------------------------------------------------------ records

    Demand demand(int item, int demand) {
        ItemPlan plan = plans[item];
        byte kind = plan.demandKind(demand);
        BigDecimal quantity = Quantities.decimal(plan.demandQuantity(demand));
        String code = structure.itemCode[item];
        return switch (kind) {
            case Kinds.SALES_ORDER -> {
                SalesOrderLine line = sales.lines.get(sales.input[sales.start[item] + plan.demandSource(demand)]);
                yield new Demand(DemandKind.SALES_ORDER, code, line.dueDate(), quantity, line.reference(), null);
            }
            case Kinds.RESERVATION -> {
                ComponentReservation reservation = input.reservations()
                        .get(supplyAndDemand.reservationInput[plan.demandSource(demand)]);
                yield new Demand(DemandKind.RESERVATION, code, reservation.requiredDate(), quantity,
                        reservation.productionOrder(), null);
            }
            case Kinds.DEPENDENT -> new Demand(DemandKind.DEPENDENT, code, calendar.date(plan.demandDate(demand)),
                    quantity, null, orderRef(plan.demandSource(demand), plan.demandSourceOrder(demand)));
            default -> new Demand(DEMAND_KINDS[kind], code, calendar.date(plan.demandDate(demand)), quantity, null,
                    null);
        };
    }

    Supply supply(int item, int supply) {
        ItemPlan plan = plans[item];
        byte kind = plan.supplyKind(supply);
        BigDecimal quantity = Quantities.decimal(plan.supplyQuantity(supply));
        String code = structure.itemCode[item];
        return switch (kind) {
            case Kinds.PURCHASE_ORDER, Kinds.PRODUCTION_ORDER -> {
                ScheduledReceipt receipt = input.scheduledReceipts()
                        .get(supplyAndDemand.receiptInput[plan.supplySource(supply)]);
                yield new Supply(SUPPLY_KINDS[kind], code, receipt.dueDate(), quantity, receipt.reference(), null);
            }
            case Kinds.FIRMED_PLANNED_ORDER -> {
                FirmedPlannedOrder firmed = input.firmedPlannedOrders()
                        .get(supplyAndDemand.receiptInput[plan.supplySource(supply)]);
                yield new Supply(SupplyKind.FIRMED_PLANNED_ORDER, code, firmed.dueDate(), quantity, firmed.reference(),
                        OrderRef.firmed(code, firmed.reference()));
            }
            case Kinds.CO_PRODUCT -> new Supply(SupplyKind.CO_PRODUCT, code, calendar.date(plan.supplyDate(supply)),
                    quantity, null, orderRef(plan.supplySource(supply), plan.supplySourceOrder(supply)));
            case Kinds.PLANNED_ORDER -> new Supply(SupplyKind.PLANNED_ORDER, code,
                    calendar.date(plan.supplyDate(supply)), quantity, null,
                    OrderRef.planned(code, plan.orderOfSupply(supply) - plan.firmedCount() + 1));
            default -> new Supply(SupplyKind.ON_HAND, code, calendar.date(calendar.today), quantity, null, null);
        };
    }

    OrderRef orderRef(int item, int ordinal) {
        ItemPlan plan = plans[item];
        if (ordinal < plan.firmedCount()) {
            int receipt = plan.supplySource(plan.orderSupply(ordinal));
            return OrderRef.firmed(structure.itemCode[item],
                    input.firmedPlannedOrders().get(supplyAndDemand.receiptInput[receipt]).reference());
        }
        return OrderRef.planned(structure.itemCode[item], ordinal - plan.firmedCount() + 1);
    }

    List<PlannedOrder> plannedOrders(int item) {
        ItemPlan plan = plans[item];
        List<PlannedOrder> orders = new ArrayList<>(plan.plannedOrderCount());
        for (int order = plan.firmedCount(); order < plan.orderCount(); order++) {
            orders.add(plannedOrder(item, order));
        }
        return orders;
    }

    private PlannedOrder plannedOrder(int item, int order) {
        ItemPlan plan = plans[item];
        int formula = plan.orderFormula(order);
        long quantity = plan.orderQuantity(order);
        List<RecipeYield> outputs = new ArrayList<>();
        if (formula >= 0) {
            for (int output = structure.outputStart[formula]; output < structure.outputStart[formula + 1]; output++) {
                outputs.add(new RecipeYield(structure.itemCode[structure.outputItem[output]],
                        Quantities.decimal(Quantities.mulDivFloor(quantity, structure.outputNumerator[output],
                                structure.outputDenominator[output])),
                        structure.outputCoProduct[output] ? OutputKind.CO_PRODUCT : OutputKind.BY_PRODUCT));
            }
        }
        return new PlannedOrder(orderRef(item, order), structure.itemCode[item],
                structure.make[item] ? OrderType.PRODUCTION : OrderType.PURCHASE, Quantities.decimal(quantity),
                calendar.date(plan.orderRelease(order)), calendar.date(plan.orderDue(order)),
                formula < 0 ? null : structure.formulaCode[formula], formula >= 0 && structure.formulaRecipe[formula],
                formula < 0 ? null : structure.formulaRouting[formula], List.copyOf(outputs));
    }

    List<ExceptionMessage> exceptions(int item) {
        ItemPlan plan = plans[item];
        List<ExceptionMessage> messages = new ArrayList<>(plan.exceptionCount());
        for (int exception = 0; exception < plan.exceptionCount(); exception++) {
            int supplyIndex = plan.exceptionSupply(exception);
            String reference = null;
            if (supplyIndex >= 0) {
                Supply concerned = supply(item, supplyIndex);
                reference = concerned.reference() != null ? concerned.reference() : String.valueOf(concerned.order());
            }
            int suggested = plan.exceptionSuggestedDate(exception);
            messages.add(new ExceptionMessage(EXCEPTION_KINDS[plan.exceptionKind(exception)], structure.itemCode[item],
                    calendar.date(plan.exceptionDate(exception)), suggested < 0 ? null : calendar.date(suggested),
                    Quantities.decimal(plan.exceptionQuantity(exception)), reference));
        }
        return messages;
    }

    List<Demand> demands(int item) {
        List<Demand> list = new ArrayList<>(plans[item].demandCount());
        for (int demand = 0; demand < plans[item].demandCount(); demand++) {
            list.add(demand(item, demand));
        }
        return list;
    }

    List<Supply> supplies(int item) {
        List<Supply> list = new ArrayList<>(plans[item].supplyCount());
        for (int supply = 0; supply < plans[item].supplyCount(); supply++) {
            list.add(supply(item, supply));
        }
        return list;
    }

    /** Pegs of the item, only of one demand or one supply if given (≥ 0). */
    List<Peg> pegs(int item, int demand, int supply) {
        ItemPlan plan = plans[item];
        List<Peg> list = new ArrayList<>();
        for (int peg = 0; peg < plan.pegCount(); peg++) {
            if ((demand >= 0 && plan.pegDemand(peg) != demand) || (supply >= 0 && plan.pegSupply(peg) != supply)) {
                continue;
            }
            list.add(new Peg(plan.pegDemand(peg) < 0 ? null : demand(item, plan.pegDemand(peg)),
                    supply(item, plan.pegSupply(peg)), Quantities.decimal(plan.pegQuantity(peg))));
        }
        return list;
    }

    /** Pegs of the item's component reservations (of open production orders) to purchase and production orders. */
    List<Peg> reservationsServedByOrders(int item) {
        ItemPlan plan = plans[item];
        List<Peg> list = new ArrayList<>();
        for (int peg = 0; peg < plan.pegCount(); peg++) {
            int demand = plan.pegDemand(peg);
            int supply = plan.pegSupply(peg);
            byte kind = plan.supplyKind(supply);
            if (demand >= 0 && plan.demandKind(demand) == Kinds.RESERVATION
                    && (kind == Kinds.PURCHASE_ORDER || kind == Kinds.PRODUCTION_ORDER)) {
                list.add(new Peg(demand(item, demand), supply(item, supply), Quantities.decimal(plan.pegQuantity(peg))));
            }
        }
        return list;
    }

    int supplyOf(int item, OrderRef order) {
        ItemPlan plan = plans[item];
        for (int ordinal = 0; ordinal < plan.orderCount(); ordinal++) {
            if (orderRef(item, ordinal).equals(order)) {
                return plan.orderSupply(ordinal);
            }
        }
        throw new IllegalArgumentException("no order " + order + " in this plan");
    }

    /** {item, demand index} of the sales order line's demand element. */
    int[] salesDemand(String reference) {
        int line = sales.indexOf(reference);
        if (line < 0) {
            throw new IllegalArgumentException("no sales order line " + reference);
        }
        int item = sales.plannedItemOf(reference);
        if (item >= 0) {
            int position = -1;
            for (int itemLine = sales.start[item]; itemLine < sales.start[item + 1]; itemLine++) {
                if (sales.input[itemLine] == line) {
                    position = itemLine - sales.start[item];
                }
            }
            ItemPlan plan = plans[item];
            for (int demand = 0; demand < plan.demandCount(); demand++) {
                if (plan.demandKind(demand) == Kinds.SALES_ORDER && plan.demandSource(demand) == position) {
                    return new int[] {item, demand};
                }
            }
        }
        throw new IllegalArgumentException("sales order line " + reference + " is outside the plan");
    }

    // ------------------------------------------------------------------------------------------------ pegging

    private static BigDecimal share(long part, long whole, BigDecimal of) {
        if (part == whole) {
            return of;
        }
        return of.multiply(BigDecimal.valueOf(part)).divide(BigDecimal.valueOf(whole), MathContext.DECIMAL64)
                .setScale(Quantities.SCALE, RoundingMode.HALF_UP);
    }

    PeggingNode upFromSupply(int item, int supply, BigDecimal quantity) {
        ItemPlan plan = plans[item];
        long total = plan.supplyQuantity(supply);
        List<PeggingNode> children = new ArrayList<>();
        for (int peg = 0; peg < plan.pegCount(); peg++) {
            if (plan.pegSupply(peg) != supply) {
                continue;
            }
            BigDecimal pegged = share(plan.pegQuantity(peg), total, quantity);
            int demand = plan.pegDemand(peg);
            if (demand < 0) {
                children.add(new PeggingNode(null, null, pegged, List.of()));
            } else if (plan.demandKind(demand) == Kinds.DEPENDENT) {
                int parent = plan.demandSource(demand);
                ItemPlan parentPlan = plans[parent];
                int parentSupply = parentPlan.orderSupply(plan.demandSourceOrder(demand));
                BigDecimal parentShare = pegged.multiply(Quantities.decimal(parentPlan.supplyQuantity(parentSupply)))
                        .divide(Quantities.decimal(plan.demandQuantity(demand)), MathContext.DECIMAL64)
                        .setScale(Quantities.SCALE, RoundingMode.HALF_UP);
                children.add(new PeggingNode(demand(item, demand), null, pegged,
                        List.of(upFromSupply(parent, parentSupply, parentShare))));
            } else {
                children.add(new PeggingNode(demand(item, demand), null, pegged, List.of()));
            }
        }
        return new PeggingNode(null, supply(item, supply), quantity, children);
    }

    PeggingNode downFromDemand(int item, int demand, BigDecimal quantity, int depth) {
        ItemPlan plan = plans[item];
        long total = plan.demandQuantity(demand);
        List<PeggingNode> children = new ArrayList<>();
        for (int peg = 0; peg < plan.pegCount(); peg++) {
            if (plan.pegDemand(peg) == demand) {
                children.add(downFromSupply(item, plan.pegSupply(peg), share(plan.pegQuantity(peg), total, quantity),
                        depth));
            }
        }
        return new PeggingNode(demand(item, demand), null, quantity, children);
    }

    PeggingNode downFromSupply(int item, int supply, BigDecimal quantity, int depth) {
        ItemPlan plan = plans[item];
        List<PeggingNode> children = new ArrayList<>();
        if (depth > 1 && MrpPlan.isOrder(plan.supplyKind(supply))) {
            int ordinal = plan.orderOfSupply(supply);
            int formula = plan.orderFormula(ordinal);
            long total = plan.supplyQuantity(supply);
            if (formula >= 0) {
                for (int component : componentsThroughPhantoms(formula, new LinkedHashSet<>())) {
                    ItemPlan componentPlan = plans[component];
                    for (int demand = 0; demand < componentPlan.demandCount(); demand++) {
                        if (isDemandOf(componentPlan, demand, item, ordinal)) {
                            // this branch carries quantity/total of the order, so that share of its components
                            BigDecimal share = Quantities.decimal(componentPlan.demandQuantity(demand))
                                    .multiply(quantity).divide(Quantities.decimal(total), MathContext.DECIMAL64)
                                    .setScale(Quantities.SCALE, RoundingMode.HALF_UP);
                            children.add(downFromDemand(component, demand, share, depth - 1));
                        }
                    }
                }
            }
        }
        return new PeggingNode(null, supply(item, supply), quantity, children);
    }

    /** Whether the component's {@code demand} is dependent demand of the parent's order {@code ordinal}. */
    private static boolean isDemandOf(ItemPlan componentPlan, int demand, int parent, int ordinal) {
        return componentPlan.demandKind(demand) == Kinds.DEPENDENT && componentPlan.demandSource(demand) == parent
                && componentPlan.demandSourceOrder(demand) == ordinal;
    }

    private Set<Integer> componentsThroughPhantoms(int formula, Set<Integer> into) {
        for (int line = structure.lineStart[formula]; line < structure.lineStart[formula + 1]; line++) {
            int component = structure.lineComponent[line];
            into.add(component);
            if (structure.linePhantom[line]) {
                for (int phantomFormula = structure.formulaStart[component];
                     phantomFormula < structure.formulaStart[component + 1]; phantomFormula++) {
                    componentsThroughPhantoms(phantomFormula, into);
                }
            }
        }
        return into;
    }

    Conversion conversion(OrderRef order, String reference) {
        int item = item(order.itemCode());
        ItemPlan plan = plans[item];
        int supply = supplyOf(item, order);
        int ordinal = plan.orderOfSupply(supply);
        PlannedOrder planned = plannedOrder(item, ordinal);
        ScheduledReceipt receipt = new ScheduledReceipt(structure.make[item] ? ReceiptKind.PRODUCTION_ORDER
                : ReceiptKind.PURCHASE_ORDER, reference, planned.itemCode(), planned.dueDate(), planned.quantity());
        List<ComponentReservation> reservations = new ArrayList<>();
        int formula = plan.orderFormula(ordinal);
        if (formula >= 0) {
            for (int component : componentsThroughPhantoms(formula, new LinkedHashSet<>())) {
                ItemPlan componentPlan = plans[component];
                for (int demand = 0; demand < componentPlan.demandCount(); demand++) {
                    if (isDemandOf(componentPlan, demand, item, ordinal)) {
                        reservations.add(new ComponentReservation(reference, structure.itemCode[component],
                                calendar.date(componentPlan.demandDate(demand)),
                                Quantities.decimal(componentPlan.demandQuantity(demand))));
                    }
                }
            }
        }
        return new Conversion(receipt, List.copyOf(reservations));
    }
}
