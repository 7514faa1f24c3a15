package org.pilotline.erp.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
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
import org.pilotline.erp.item.Sourcing;
import org.pilotline.erp.order.OrderDtos.FulfilmentRequest;
import org.pilotline.erp.order.OrderDtos.PurchaseOrderRequest;
import org.pilotline.erp.order.OrderDtos.PurchaseOrderView;
import org.pilotline.erp.partner.Partner;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.tenancy.TenantContext;
import org.pilotline.erp.unit.UnitService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Purchase orders: entry, release to the supplier, receipts with partial quantities into stock, closing. */
@ApplicationScoped
public class PurchaseOrderService {

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

    public Page<PurchaseOrderView> listOrders(PageRequest page, String text, Long supplierId, PurchaseOrderStatus status,
                                              Long itemId, LocalDate dueFrom, LocalDate dueTo) {
        tenant.requireEnterprise();
        var filter = OrderLines.listFilter("PurchaseOrderLine", text, supplierId, status, itemId, dueFrom, dueTo);
        return Lookups.page(PurchaseOrder.find("from PurchaseOrder o where " + filter.where(), page.toSort(SORTABLE, "id"),
                filter.parameters()), page, PurchaseOrderView::of);
    }

    public PurchaseOrderView getOrder(long id) {
        tenant.requireEnterprise();
        return PurchaseOrderView.of(Lookups.require(PurchaseOrder.class, "Purchase order", id));
    }

    @Transactional
    public PurchaseOrderView saveOrder(Long id, PurchaseOrderRequest r) {
        tenant.requireEnterprise();
        PurchaseOrder order = OrderLines.forEdit(PurchaseOrder.class, "Purchase order", id, r.version(), () -> {
            PurchaseOrder created = new PurchaseOrder();
            created.status = PurchaseOrderStatus.DRAFT;
            return created;
        }, o -> o.status, OrderRules.PURCHASE_EDITABLE);
        Partner supplier = OrderLines.partner("supplier", r.supplierId(), "supplierId", p -> p.supplier);
        List<OrderLines.Resolved> lines = OrderLines.resolve(r.lines(), units);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).item().sourcing != Sourcing.BUY) {
                throw DomainException.invalid("invalid-order", "The item is made, not bought",
                        new FieldError("lines[" + i + "].itemId", "item '" + lines.get(i).item().code + "' is made here"));
            }
        }
        String number = OrderLines.number(order, id, r.number(), () -> numbers.next("PO"), "Purchase order",
                n -> PurchaseOrder.find("number", n));
        OrderLines.save(order, id == null, new OrderLines.Header(number, supplier,
                r.orderDate() == null ? clock.today() : r.orderDate(), r.currency(), r.note()), lines, () -> {
            PurchaseOrderLine line = new PurchaseOrderLine();
            line.order = order;
            return line;
        });
        return PurchaseOrderView.of(order);
    }

    @Transactional
    public PurchaseOrderView changeStatus(long id, PurchaseOrderStatus target) {
        tenant.requireEnterprise();
        PurchaseOrder order = Lookups.require(PurchaseOrder.class, "Purchase order", id);
        if (!OrderRules.mayPurchase(order.status, target)) {
            throw DomainException.conflict("invalid-transition", "The order cannot go to " + target,
                    "Purchase order " + order.number + " is " + order.status + " and cannot become " + target);
        }
        order.status = target;
        Versions.bump(order);
        PurchaseOrder.flush();
        return PurchaseOrderView.of(order);
    }

    /** Receives goods into stock against some lines, all or nothing; partial quantities stay open. */
    public ReceiptResult receive(long id, FulfilmentRequest request) {
        tenant.requireEnterprise();
        if (request.requestId() != null && StockMove.count("requestId", request.requestId() + "/0") > 0) {
            return new ReceiptResult(getOrder(id), true);
        }
        String username = caller.username();
        return Retry.inNewTransaction(() -> {
            PurchaseOrder order = Lookups.require(PurchaseOrder.class, "Purchase order", id);
            if (!OrderRules.PURCHASE_RECEIVABLE.contains(order.status)) {
                throw DomainException.conflict("not-receivable", "The order cannot be received",
                        "Purchase order " + order.number + " is " + order.status + "; release it first");
            }
            OrderLines.fulfil(order, request, MoveType.RECEIPT, MoveReason.PURCHASE_RECEIPT, username, inventory, ledger, units);
            order.status = OrderRules.afterReceipt(OrderLines.fulfilment(order));
            Versions.bump(order);
            Versions.flush(order);
            return new ReceiptResult(PurchaseOrderView.of(order), false);
        });
    }

    public record ReceiptResult(PurchaseOrderView order, boolean replayed) {
    }
}
