package org.pilotline.erp.mrp.engine.plan;

import org.pilotline.erp.mrp.engine.PlanningModel;
import org.pilotline.erp.mrp.engine.input.ComponentReservation;
import org.pilotline.erp.mrp.engine.input.FirmedPlannedOrder;
import org.pilotline.erp.mrp.engine.input.OutputKind;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.ReceiptKind;
import org.pilotline.erp.mrp.engine.input.SalesOrderLine;
import org.pilotline.erp.mrp.engine.input.ScheduledReceipt;
import org.pilotline.erp.mrp.engine.internal.CalendarIndex;
import org.pilotline.erp.mrp.engine.internal.ItemPlan;
import org.pilotline.erp.mrp.engine.internal.Kinds;
import org.pilotline.erp.mrp.engine.internal.Quantities;
import org.pilotline.erp.mrp.engine.internal.SalesBook;
import org.pilotline.erp.mrp.engine.internal.StaticData;
import org.pilotline.erp.mrp.engine.internal.Structure;

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

    private final Structure s;
    private final StaticData st;
    private final SalesBook sales;
    private final CalendarIndex cal;
    private final PlanningInput input;
    private final ItemPlan[] plans;

    PlanViews(PlanningModel model, ItemPlan[] plans) {
        this.s = model.structure();
        this.st = model.statics();
        this.sales = model.sales();
        this.cal = s.calendar;
        this.input = model.compiledInput();
        this.plans = plans;
    }

    int item(String itemCode) {
        int i = s.indexOf(itemCode);
        if (i < 0) {
            throw new IllegalArgumentException("unknown item " + itemCode);
        }
        return i;
    }

    // ------------------------------------------------------------------------------------------------ records

    Demand demand(int item, int d) {
        ItemPlan p = plans[item];
        byte kind = p.demandKind(d);
        BigDecimal qty = Quantities.decimal(p.demandQty(d));
        String code = s.code[item];
        return switch (kind) {
            case Kinds.SALES_ORDER -> {
                SalesOrderLine line = sales.lines.get(sales.input[sales.start[item] + p.demandRefA(d)]);
                yield new Demand(DemandKind.SALES_ORDER, code, line.dueDate(), qty, line.reference(), null);
            }
            case Kinds.RESERVATION -> {
                ComponentReservation r = input.reservations().get(st.reservationInput[p.demandRefA(d)]);
                yield new Demand(DemandKind.RESERVATION, code, r.requiredDate(), qty, r.productionOrder(), null);
            }
            case Kinds.DEPENDENT -> new Demand(DemandKind.DEPENDENT, code, cal.date(p.demandDate(d)), qty, null,
                    orderRef(p.demandRefA(d), p.demandRefB(d)));
            default -> new Demand(DEMAND_KINDS[kind], code, cal.date(p.demandDate(d)), qty, null, null);
        };
    }

    Supply supply(int item, int k) {
        ItemPlan p = plans[item];
        byte kind = p.supplyKind(k);
        BigDecimal qty = Quantities.decimal(p.supplyQty(k));
        String code = s.code[item];
        return switch (kind) {
            case Kinds.PURCHASE_ORDER, Kinds.PRODUCTION_ORDER -> {
                ScheduledReceipt r = input.scheduledReceipts().get(st.receiptInput[p.supplyRefA(k)]);
                yield new Supply(SUPPLY_KINDS[kind], code, r.dueDate(), qty, r.reference(), null);
            }
            case Kinds.FIRMED_PLANNED_ORDER -> {
                FirmedPlannedOrder f = input.firmedPlannedOrders().get(st.receiptInput[p.supplyRefA(k)]);
                yield new Supply(SupplyKind.FIRMED_PLANNED_ORDER, code, f.dueDate(), qty, f.reference(),
                        OrderRef.firmed(code, f.reference()));
            }
            case Kinds.CO_PRODUCT -> new Supply(SupplyKind.CO_PRODUCT, code, cal.date(p.supplyDate(k)), qty, null,
                    orderRef(p.supplyRefA(k), p.supplyRefB(k)));
            case Kinds.PLANNED_ORDER -> new Supply(SupplyKind.PLANNED_ORDER, code, cal.date(p.supplyDate(k)), qty,
                    null, OrderRef.planned(code, p.orderOfSupply(k) - p.firmedCount() + 1));
            default -> new Supply(SupplyKind.ON_HAND, code, cal.date(cal.today), qty, null, null);
        };
    }

    OrderRef orderRef(int item, int ordinal) {
        ItemPlan p = plans[item];
        if (ordinal < p.firmedCount()) {
            int receipt = p.supplyRefA(p.orderSupply(ordinal));
            return OrderRef.firmed(s.code[item], input.firmedPlannedOrders().get(st.receiptInput[receipt]).reference());
        }
        return OrderRef.planned(s.code[item], ordinal - p.firmedCount() + 1);
    }

    List<PlannedOrder> plannedOrders(int item) {
        ItemPlan p = plans[item];
        List<PlannedOrder> orders = new ArrayList<>(p.plannedOrderCount());
        for (int o = p.firmedCount(); o < p.orderCount(); o++) {
            orders.add(plannedOrder(item, o));
        }
        return orders;
    }

    private PlannedOrder plannedOrder(int item, int o) {
        ItemPlan p = plans[item];
        int f = p.orderFormula(o);
        long qty = p.orderQty(o);
        List<RecipeYield> outputs = new ArrayList<>();
        if (f >= 0) {
            for (int out = s.outputStart[f]; out < s.outputStart[f + 1]; out++) {
                outputs.add(new RecipeYield(s.code[s.outputItem[out]],
                        Quantities.decimal(Quantities.mulDivFloor(qty, s.outputNum[out], s.outputDen[out])),
                        s.outputCoProduct[out] ? OutputKind.CO_PRODUCT : OutputKind.BY_PRODUCT));
            }
        }
        return new PlannedOrder(orderRef(item, o), s.code[item], s.make[item] ? OrderType.PRODUCTION : OrderType.PURCHASE,
                Quantities.decimal(qty), cal.date(p.orderRelease(o)), cal.date(p.orderDue(o)),
                f < 0 ? null : s.formulaCode[f], f >= 0 && s.formulaRecipe[f], f < 0 ? null : s.formulaRouting[f],
                List.copyOf(outputs));
    }

    List<ExceptionMessage> exceptions(int item) {
        ItemPlan p = plans[item];
        List<ExceptionMessage> list = new ArrayList<>(p.exceptionCount());
        for (int e = 0; e < p.exceptionCount(); e++) {
            int supply = p.exceptionSupply(e);
            String reference = null;
            if (supply >= 0) {
                Supply sup = supply(item, supply);
                reference = sup.reference() != null ? sup.reference() : String.valueOf(sup.order());
            }
            list.add(new ExceptionMessage(EXCEPTION_KINDS[p.exceptionKind(e)], s.code[item], cal.date(p.exceptionDate(e)),
                    p.exceptionSuggested(e) < 0 ? null : cal.date(p.exceptionSuggested(e)),
                    Quantities.decimal(p.exceptionQty(e)), reference));
        }
        return list;
    }

    List<Demand> demands(int item) {
        List<Demand> list = new ArrayList<>(plans[item].demandCount());
        for (int d = 0; d < plans[item].demandCount(); d++) {
            list.add(demand(item, d));
        }
        return list;
    }

    List<Supply> supplies(int item) {
        List<Supply> list = new ArrayList<>(plans[item].supplyCount());
        for (int k = 0; k < plans[item].supplyCount(); k++) {
            list.add(supply(item, k));
        }
        return list;
    }

    /** Pegs of the item, only of one demand or one supply if given (≥ 0). */
    List<Peg> pegs(int item, int demand, int supply) {
        ItemPlan p = plans[item];
        List<Peg> list = new ArrayList<>();
        for (int k = 0; k < p.pegCount(); k++) {
            if ((demand >= 0 && p.pegDemand(k) != demand) || (supply >= 0 && p.pegSupply(k) != supply)) {
                continue;
            }
            list.add(new Peg(p.pegDemand(k) < 0 ? null : demand(item, p.pegDemand(k)), supply(item, p.pegSupply(k)),
                    Quantities.decimal(p.pegQty(k))));
        }
        return list;
    }

    int supplyOf(int item, OrderRef order) {
        ItemPlan p = plans[item];
        for (int o = 0; o < p.orderCount(); o++) {
            if (orderRef(item, o).equals(order)) {
                return p.orderSupply(o);
            }
        }
        throw new IllegalArgumentException("no order " + order + " in this plan");
    }

    /** {item, demand index} of the sales order line's demand element. */
    int[] salesDemand(String reference) {
        int r = sales.indexOf(reference);
        if (r < 0) {
            throw new IllegalArgumentException("no sales order line " + reference);
        }
        int item = sales.plannedItemOf(reference);
        if (item >= 0) {
            int local = -1;
            for (int k = sales.start[item]; k < sales.start[item + 1]; k++) {
                if (sales.input[k] == r) {
                    local = k - sales.start[item];
                }
            }
            ItemPlan p = plans[item];
            for (int d = 0; d < p.demandCount(); d++) {
                if (p.demandKind(d) == Kinds.SALES_ORDER && p.demandRefA(d) == local) {
                    return new int[] {item, d};
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
        ItemPlan p = plans[item];
        long total = p.supplyQty(supply);
        List<PeggingNode> children = new ArrayList<>();
        for (int k = 0; k < p.pegCount(); k++) {
            if (p.pegSupply(k) != supply) {
                continue;
            }
            BigDecimal q = share(p.pegQty(k), total, quantity);
            int d = p.pegDemand(k);
            if (d < 0) {
                children.add(new PeggingNode(null, null, q, List.of()));
            } else if (p.demandKind(d) == Kinds.DEPENDENT) {
                int parent = p.demandRefA(d);
                ItemPlan pp = plans[parent];
                int parentSupply = pp.orderSupply(p.demandRefB(d));
                BigDecimal parentShare = q.multiply(Quantities.decimal(pp.supplyQty(parentSupply)))
                        .divide(Quantities.decimal(p.demandQty(d)), MathContext.DECIMAL64)
                        .setScale(Quantities.SCALE, RoundingMode.HALF_UP);
                children.add(new PeggingNode(demand(item, d), null, q,
                        List.of(upFromSupply(parent, parentSupply, parentShare))));
            } else {
                children.add(new PeggingNode(demand(item, d), null, q, List.of()));
            }
        }
        return new PeggingNode(null, supply(item, supply), quantity, children);
    }

    PeggingNode downFromDemand(int item, int demand, BigDecimal quantity, int depth) {
        ItemPlan p = plans[item];
        long total = p.demandQty(demand);
        List<PeggingNode> children = new ArrayList<>();
        for (int k = 0; k < p.pegCount(); k++) {
            if (p.pegDemand(k) == demand) {
                children.add(downFromSupply(item, p.pegSupply(k), share(p.pegQty(k), total, quantity), depth));
            }
        }
        return new PeggingNode(demand(item, demand), null, quantity, children);
    }

    PeggingNode downFromSupply(int item, int supply, BigDecimal quantity, int depth) {
        ItemPlan p = plans[item];
        List<PeggingNode> children = new ArrayList<>();
        if (depth > 1 && MrpPlan.isOrder(p.supplyKind(supply))) {
            int ordinal = p.orderOfSupply(supply);
            int formula = p.orderFormula(ordinal);
            long total = p.supplyQty(supply);
            if (formula >= 0) {
                for (int c : componentsThroughPhantoms(formula, new LinkedHashSet<>())) {
                    ItemPlan cp = plans[c];
                    for (int d = 0; d < cp.demandCount(); d++) {
                        if (cp.demandKind(d) == Kinds.DEPENDENT && cp.demandRefA(d) == item
                                && cp.demandRefB(d) == ordinal) {
                            // this branch carries quantity/total of the order, so that share of its components
                            BigDecimal q = Quantities.decimal(cp.demandQty(d)).multiply(quantity)
                                    .divide(Quantities.decimal(total), MathContext.DECIMAL64)
                                    .setScale(Quantities.SCALE, RoundingMode.HALF_UP);
                            children.add(downFromDemand(c, d, q, depth - 1));
                        }
                    }
                }
            }
        }
        return new PeggingNode(null, supply(item, supply), quantity, children);
    }

    private Set<Integer> componentsThroughPhantoms(int formula, Set<Integer> into) {
        for (int l = s.lineStart[formula]; l < s.lineStart[formula + 1]; l++) {
            int c = s.lineComponent[l];
            into.add(c);
            if (s.linePhantom[l]) {
                for (int f = s.formulaStart[c]; f < s.formulaStart[c + 1]; f++) {
                    componentsThroughPhantoms(f, into);
                }
            }
        }
        return into;
    }

    Conversion conversion(OrderRef order, String reference) {
        int item = item(order.itemCode());
        ItemPlan p = plans[item];
        int supply = supplyOf(item, order);
        int ordinal = p.orderOfSupply(supply);
        PlannedOrder planned = plannedOrder(item, ordinal);
        ScheduledReceipt receipt = new ScheduledReceipt(s.make[item] ? ReceiptKind.PRODUCTION_ORDER
                : ReceiptKind.PURCHASE_ORDER, reference, planned.itemCode(), planned.dueDate(), planned.quantity());
        List<ComponentReservation> reservations = new ArrayList<>();
        int formula = p.orderFormula(ordinal);
        if (formula >= 0) {
            for (int c : componentsThroughPhantoms(formula, new LinkedHashSet<>())) {
                ItemPlan cp = plans[c];
                for (int d = 0; d < cp.demandCount(); d++) {
                    if (cp.demandKind(d) == Kinds.DEPENDENT && cp.demandRefA(d) == item && cp.demandRefB(d) == ordinal) {
                        reservations.add(new ComponentReservation(reference, s.code[c], cal.date(cp.demandDate(d)),
                                Quantities.decimal(cp.demandQty(d))));
                    }
                }
            }
        }
        return new Conversion(receipt, List.copyOf(reservations));
    }

    // ------------------------------------------------------------------------------------------------ buckets

    List<BucketRow> buckets(int item) {
        ItemPlan p = plans[item];
        int weeks = cal.weeks;
        long[] gross = new long[weeks];
        long[] scheduled = new long[weeks];
        long[] plannedIn = new long[weeks];
        long[] releases = new long[weeks];
        long start = 0;
        for (int d = 0; d < p.demandCount(); d++) {
            if (p.demandKind(d) != Kinds.SAFETY_STOCK) {
                gross[bucket(p.demandDate(d))] += p.demandQty(d);
            }
        }
        for (int k = 0; k < p.supplyCount(); k++) {
            byte kind = p.supplyKind(k);
            if (kind == Kinds.ON_HAND) {
                start += p.supplyQty(k);
            } else if (kind == Kinds.PLANNED_ORDER) {
                plannedIn[bucket(p.supplyDate(k))] += p.supplyQty(k);
            } else {
                scheduled[bucket(p.supplyDate(k))] += p.supplyQty(k);
            }
        }
        for (int o = p.firmedCount(); o < p.orderCount(); o++) {
            releases[bucket(p.orderRelease(o))] += p.orderQty(o);
        }
        List<BucketRow> rows = new ArrayList<>(weeks);
        long onHand = start;
        for (int b = 0; b < weeks; b++) {
            onHand += scheduled[b] + plannedIn[b] - gross[b];
            rows.add(new BucketRow(cal.date(cal.bucketStart(b)), Quantities.decimal(gross[b]),
                    Quantities.decimal(scheduled[b]), Quantities.decimal(plannedIn[b]), Quantities.decimal(onHand),
                    Quantities.decimal(releases[b])));
        }
        return rows;
    }

    private int bucket(int day) {
        return Math.max(0, Math.min(cal.weeks - 1, cal.bucketOf(Math.max(day, cal.today))));
    }

    long projectedOnHand(int item, int day) {
        ItemPlan p = plans[item];
        long onHand = 0;
        for (int k = 0; k < p.supplyCount(); k++) {
            if (Math.max(p.supplyDate(k), cal.today) <= day || p.supplyKind(k) == Kinds.ON_HAND) {
                onHand += p.supplyQty(k);
            }
        }
        for (int d = 0; d < p.demandCount(); d++) {
            if (p.demandKind(d) != Kinds.SAFETY_STOCK && Math.max(p.demandDate(d), cal.today) <= day) {
                onHand -= p.demandQty(d);
            }
        }
        return onHand;
    }
}
