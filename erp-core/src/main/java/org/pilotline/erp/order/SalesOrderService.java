package org.pilotline.erp.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.persistence.Retry;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.erp.inventory.InventoryService;
import org.pilotline.erp.inventory.MoveReason;
import org.pilotline.erp.inventory.MoveType;
import org.pilotline.erp.inventory.StockLedger;
import org.pilotline.erp.inventory.StockMove;
import org.pilotline.erp.order.OrderDtos.FulfilmentRequest;
import org.pilotline.erp.order.OrderDtos.SalesOrderRequest;
import org.pilotline.erp.order.OrderDtos.SalesOrderView;
import org.pilotline.erp.partner.Partner;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.tenancy.TenantContext;
import org.pilotline.erp.unit.UnitService;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Sales orders: entry, confirmation, shipments that issue stock, cancellation and closing. */
@ApplicationScoped
public class SalesOrderService {

    private static final Map<String, String> SORTABLE = Map.of("number", "number", "orderDate", "orderDate", "status", "status");

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    UnitService units;

    @Inject
    DocumentNumbers numbers;

    @Inject
    PlantClock clock;

    @Inject
    InventoryService inventory;

    @Inject
    StockLedger ledger;

    public Page<SalesOrderView> listOrders(PageRequest page, String text, Long customerId, SalesOrderStatus status,
                                           Long itemId, LocalDate requestedFrom, LocalDate requestedTo) {
        tenant.requireEnterprise();
        var filter = OrderLines.listFilter("SalesOrderLine", text, customerId, status, itemId, requestedFrom, requestedTo);
        return Lookups.page(SalesOrder.find("from SalesOrder o where " + filter.where(), page.toSort(SORTABLE, "id"),
                filter.parameters()), page, SalesOrderView::of);
    }

    public SalesOrderView getOrder(long id) {
        tenant.requireEnterprise();
        return SalesOrderView.of(Lookups.require(SalesOrder.class, "Sales order", id));
    }

    @Transactional
    public SalesOrderView saveOrder(Long id, SalesOrderRequest r) {
        tenant.requireEnterprise();
        SalesOrder order = OrderLines.forEdit(SalesOrder.class, "Sales order", id, r.version(), () -> {
            SalesOrder created = new SalesOrder();
            created.status = SalesOrderStatus.DRAFT;
            return created;
        }, o -> o.status, OrderRules.SALES_EDITABLE);
        Partner customer = OrderLines.partner("customer", r.customerId(), "customerId", p -> p.customer);
        List<OrderLines.Resolved> lines = OrderLines.resolve(r.lines(), units);
        String number = OrderLines.number(order, id, r.number(), () -> numbers.next("SO"), "Sales order",
                n -> SalesOrder.find("number", n));
        OrderLines.save(order, id == null, new OrderLines.Header(number, customer,
                r.orderDate() == null ? clock.today() : r.orderDate(), r.currency(), r.note()), lines, () -> {
            SalesOrderLine line = new SalesOrderLine();
            line.order = order;
            return line;
        });
        return SalesOrderView.of(order);
    }

    @Transactional
    public SalesOrderView changeStatus(long id, SalesOrderStatus target) {
        tenant.requireEnterprise();
        SalesOrder order = Lookups.require(SalesOrder.class, "Sales order", id);
        if (!OrderRules.maySales(order.status, target)) {
            throw DomainException.conflict("invalid-transition", "The order cannot go to " + target,
                    "Sales order " + order.number + " is " + order.status + " and cannot become " + target);
        }
        order.status = target;
        Versions.bump(order);
        SalesOrder.flush();
        return SalesOrderView.of(order);
    }

    /** Issues the shipped goods from stock and records them on the lines, all or nothing; retried on deadlock. */
    public ShipmentResult ship(long id, FulfilmentRequest request) {
        tenant.requireEnterprise();
        if (request.requestId() != null && StockMove.count("requestId", request.requestId() + "/0") > 0) {
            return new ShipmentResult(getOrder(id), true);
        }
        String username = caller.username();
        return Retry.inNewTransaction(() -> {
            SalesOrder order = Lookups.require(SalesOrder.class, "Sales order", id);
            if (!OrderRules.SALES_SHIPPABLE.contains(order.status)) {
                throw DomainException.conflict("not-shippable", "The order cannot be shipped",
                        "Sales order " + order.number + " is " + order.status + "; confirm it first");
            }
            OrderLines.fulfil(order, request, MoveType.ISSUE, MoveReason.SALES_ISSUE, username, inventory, ledger, units);
            order.status = OrderRules.afterShipment(OrderLines.fulfilment(order));
            Versions.bump(order);
            Versions.flush(order);
            return new ShipmentResult(SalesOrderView.of(order), false);
        });
    }

    public record ShipmentResult(SalesOrderView order, boolean replayed) {
    }
}
