package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.plan.Demand;
import org.pilotline.erp.mrp.engine.plan.DemandKind;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;
import org.pilotline.erp.mrp.engine.plan.OrderRef;
import org.pilotline.erp.mrp.engine.plan.OrderType;
import org.pilotline.erp.mrp.engine.plan.PeggingNode;
import org.pilotline.erp.mrp.engine.plan.Supply;
import org.pilotline.erp.mrp.store.OrderSupplyStore.Link;
import org.pilotline.erp.mrp.store.OrderSupplyStore.SupplierKind;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The links a conversion makes, read from the plan's pegging: down, which orders already supply the new production
 * order's components (purchase and production orders, and planned orders converted before); up, which production
 * orders (open ones, or planned orders converted before) consume what the new order makes. So a finished good and its
 * sub-assembly are linked whichever of the two a planner converts first.
 */
public final class ConversionLinks {

    /** A real order that supplies: a production order's number, or a purchase order line's reference. */
    private record Supplier(SupplierKind kind, String reference) {
        /** What a planned order became: a production order, or a purchase order of one line. */
        static Supplier converted(String number, OrderType type) {
            return type == OrderType.PRODUCTION ? new Supplier(SupplierKind.PRODUCTION_ORDER, number)
                    : new Supplier(SupplierKind.PURCHASE_ORDER_LINE, PlanningInputLoader.lineReference(number, 1));
        }

        Link supplying(String consumer, long itemId, BigDecimal quantity) {
            return new Link(consumer, itemId, kind, reference, quantity);
        }
    }

    private ConversionLinks() {
    }

    /** Finds and stores the links of planned order {@code order} of run {@code runId}, which became {@code number}. */
    public static List<Link> link(Connection c, String tenant, long runId, MrpPlan plan, Map<String, Long> itemIds,
                                  OrderRef order, String number, OrderType type) throws SQLException {
        Supplier created = Supplier.converted(number, type);
        long itemId = itemIds.get(order.itemCode());
        List<Link> links = new ArrayList<>();
        if (type == OrderType.PRODUCTION) {
            for (PeggingNode component : plan.peggingDownFromOrder(order, 2).children()) {
                long componentId = itemIds.get(component.demand().itemCode());
                for (PeggingNode supply : component.children()) {
                    Optional<Link> link = supplier(c, tenant, runId, itemIds, supply.supply())
                            .map(supplier -> supplier.supplying(number, componentId, supply.quantity()));
                    link.ifPresent(links::add);
                }
            }
        }
        for (PeggingNode served : plan.peggingUp(order).children()) {
            Demand demand = served.demand();
            if (demand == null) {
                continue;
            }
            Optional<String> consumer = demand.kind() == DemandKind.RESERVATION ? Optional.of(demand.reference())
                    : demand.kind() == DemandKind.DEPENDENT
                    ? converted(c, tenant, runId, itemIds, demand.parentOrder())
                    .filter(parent -> parent.kind() == SupplierKind.PRODUCTION_ORDER).map(Supplier::reference)
                    : Optional.empty();
            consumer.ifPresent(parent -> links.add(created.supplying(parent, itemId, served.quantity())));
        }
        OrderSupplyStore.insertConverted(c, tenant, links);
        return links;
    }

    /** The real order a supply of the plan is, if it is one: a purchase or production order, or a converted plan. */
    private static Optional<Supplier> supplier(Connection c, String tenant, long runId, Map<String, Long> itemIds,
                                               Supply supply) throws SQLException {
        return switch (supply.kind()) {
            case PRODUCTION_ORDER -> Optional.of(new Supplier(SupplierKind.PRODUCTION_ORDER, supply.reference()));
            case PURCHASE_ORDER -> Optional.of(new Supplier(SupplierKind.PURCHASE_ORDER_LINE, supply.reference()));
            case PLANNED_ORDER, FIRMED_PLANNED_ORDER -> converted(c, tenant, runId, itemIds, supply.order());
            default -> Optional.empty();
        };
    }

    /** What a planned or firmed order of the run was converted into, if it was. */
    private static Optional<Supplier> converted(Connection c, String tenant, long runId, Map<String, Long> itemIds,
                                                 OrderRef order) throws SQLException {
        if (order == null) {
            return Optional.empty();
        }
        if (order.isPlanned()) {
            return PlannedOrderStore.find(c, tenant, runId, itemIds.get(order.itemCode()), order.plannedNumber(), false)
                    .filter(row -> row.status() == PlannedOrderStatus.CONVERTED)
                    .map(row -> Supplier.converted(row.convertedTo(), row.type()));
        }
        return Jdbc.list(c, "select f.converted_to, case when exists (select 1 from production_order p where"
                        + " p.tenant_id = f.tenant_id and p.number = f.converted_to) then 'M' else 'B' end from"
                        + " mrp_firmed_order f where f.tenant_id = ? and f.reference = ? and f.status = 'CONVERTED'",
                row -> Supplier.converted(row.getString(1), row.getString(2).equals("M") ? OrderType.PRODUCTION
                        : OrderType.PURCHASE), tenant, order.reference()).stream().findFirst();
    }
}
