package org.pilotline.erp.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.erp.bom.BomLine;
import org.pilotline.erp.mrp.OrderSupplies;
import org.pilotline.erp.mrp.store.OrderSupplyStore;
import org.pilotline.erp.order.ProductionOrder;
import org.pilotline.erp.order.ProductionOrderStatus;
import org.pilotline.erp.order.PurchaseOrder;
import org.pilotline.erp.order.PurchaseOrderLine;
import org.pilotline.erp.order.PurchaseOrderStatus;
import org.pilotline.erp.routing.RoutingOperation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the components of production orders come from, at the operation that consumes them: the orders linked by MRP
 * (pegging, or conversion: {@link OrderSupplies}) that are still open — a production order with something left to
 * make, or a purchase order line with something left to receive. A component is consumed at the routing operation its
 * BOM line names, else at the first operation.
 */
@ApplicationScoped
public class ComponentSupplies {

    private static final List<ProductionOrderStatus> OPEN_PRODUCTION = List.of(ProductionOrderStatus.PLANNED,
            ProductionOrderStatus.RELEASED);
    private static final List<PurchaseOrderStatus> OPEN_PURCHASE = List.of(PurchaseOrderStatus.DRAFT,
            PurchaseOrderStatus.RELEASED, PurchaseOrderStatus.PARTIALLY_RECEIVED);

    /** A bought component's open purchase order line and the day it is due. */
    public record PurchaseLine(long orderId, String orderNumber, int lineNo, LocalDate dueDate) {
    }

    /**
     * Operation {@code operationNo} of a production order consumes item {@code itemId}, which the open production
     * order {@code maker} makes or the open purchase order line {@code purchase} brings (one of the two).
     */
    public record Supply(int operationNo, long itemId, String itemCode, ProductionOrder maker, PurchaseLine purchase) {
    }

    @Inject
    OrderSupplies links;

    /** By consuming order id, the open supplies of its components; orders without any are absent. */
    public Map<Long, List<Supply>> of(List<ProductionOrder> orders) {
        Map<String, ProductionOrder> byNumber = new LinkedHashMap<>();
        orders.forEach(order -> byNumber.put(order.number, order));
        Map<Long, List<Supply>> supplies = new HashMap<>();
        Map<String, Optional<ProductionOrder>> makers = new HashMap<>();
        Map<String, Optional<PurchaseLine>> lines = new HashMap<>();
        for (OrderSupplyStore.Link link : links.ofOrders(byNumber.keySet())) {
            ProductionOrder consumer = byNumber.get(link.consumerOrder());
            if (consumer == null || consumer.routing == null || consumer.routing.operations.isEmpty()) {
                continue;
            }
            int operationNo = consumingOperation(consumer, link.itemId());
            String itemCode = org.pilotline.erp.item.Item.<org.pilotline.erp.item.Item>findByIdOptional(link.itemId())
                    .map(item -> item.code).orElse(String.valueOf(link.itemId()));
            Supply supply = switch (link.supplierKind()) {
                case PRODUCTION_ORDER -> makers.computeIfAbsent(link.supplierReference(), ComponentSupplies::openMaker)
                        .filter(maker -> !maker.id.equals(consumer.id))
                        .map(maker -> new Supply(operationNo, link.itemId(), itemCode, maker, null)).orElse(null);
                case PURCHASE_ORDER_LINE -> lines.computeIfAbsent(link.supplierReference(),
                                ComponentSupplies::openPurchaseLine)
                        .map(line -> new Supply(operationNo, link.itemId(), itemCode, null, line)).orElse(null);
            };
            if (supply != null && !supplies.computeIfAbsent(consumer.id, id -> new ArrayList<>()).contains(supply)) {
                supplies.get(consumer.id).add(supply);
            }
        }
        return supplies;
    }

    /** The operation the order's BOM line of the component names if its routing has it, else the first operation. */
    private static int consumingOperation(ProductionOrder order, long itemId) {
        List<RoutingOperation> steps = order.routing.operations;
        if (order.bom != null) {
            for (BomLine line : order.bom.lines) {
                if (line.component.id == itemId && line.operationNo != null
                        && steps.stream().anyMatch(step -> step.operationNo == line.operationNo)) {
                    return line.operationNo;
                }
            }
        }
        return steps.get(0).operationNo;
    }

    private static Optional<ProductionOrder> openMaker(String number) {
        return ProductionOrder.<ProductionOrder>find("number = ?1 and status in ?2", number, OPEN_PRODUCTION)
                .firstResultOptional()
                .filter(order -> order.quantity.compareTo(order.completedQuantity) > 0);
    }

    /** {@code reference} is {@code number/lineNo}, as MRP names a purchase order line. */
    private static Optional<PurchaseLine> openPurchaseLine(String reference) {
        int slash = reference.lastIndexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String number = reference.substring(0, slash);
        int lineNo;
        try {
            lineNo = Integer.parseInt(reference.substring(slash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return PurchaseOrder.<PurchaseOrder>find("number = ?1 and status in ?2", number, OPEN_PURCHASE)
                .firstResultOptional()
                .flatMap(order -> order.lines.stream().filter(line -> line.lineNo == lineNo)
                        .filter(ComponentSupplies::stillToReceive).findFirst()
                        .map(line -> new PurchaseLine(order.id, order.number, lineNo, line.date)));
    }

    private static boolean stillToReceive(PurchaseOrderLine line) {
        return line.quantity.compareTo(line.fulfilledQuantity) > 0;
    }
}
