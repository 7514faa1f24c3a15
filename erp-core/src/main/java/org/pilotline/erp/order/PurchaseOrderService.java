package org.pilotline.erp.order;

import jakarta.enterprise.context.ApplicationScoped;
import org.pilotline.erp.inventory.MoveReason;
import org.pilotline.erp.inventory.MoveType;
import org.pilotline.erp.item.Sourcing;
import org.pilotline.erp.order.OrderDtos.FulfilmentRequest;
import org.pilotline.erp.order.OrderDtos.FulfilmentResult;
import org.pilotline.erp.order.OrderDtos.PurchaseOrderRequest;
import org.pilotline.erp.order.OrderDtos.PurchaseOrderView;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;

import java.util.List;
/** Purchase orders: entry, release to the supplier, receipts with partial quantities into stock, closing. */
@ApplicationScoped
public class PurchaseOrderService extends PartnerOrderService<PurchaseOrder, PurchaseOrderLine, PurchaseOrderStatus,
        PurchaseOrderRequest, PurchaseOrderView> {

    private static final Kind<PurchaseOrderStatus> PURCHASE = new Kind<>("Purchase order", "PO", "supplier",
            p -> p.supplier, OrderRules.PURCHASE, MoveType.RECEIPT, MoveReason.PURCHASE_RECEIPT,
            new Refusal("not-receivable", "received", "release it first"));

    PurchaseOrderService() {
        super(PURCHASE, PurchaseOrder.class, PurchaseOrderLine.class, PurchaseOrder::new,
                (query, sort, parameters) -> PurchaseOrder.find(query, sort, parameters), PurchaseOrderView::of);
    }

    /** Receives goods into stock against some lines, all or nothing; partial quantities stay open. */
    public FulfilmentResult<PurchaseOrderView> receive(long id, FulfilmentRequest request) {
        return fulfil(id, request);
    }

    /** Only bought items are ordered from a supplier; what is made here comes from production orders. */
    @Override
    void checkLines(List<OrderLines.Resolved> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).item().sourcing != Sourcing.BUY) {
                throw DomainException.invalid("invalid-order", "The item is made, not bought",
                        new FieldError("lines[" + i + "].itemId", "item '" + lines.get(i).item().code + "' is made here"));
            }
        }
    }

    @Override
    Requested requested(PurchaseOrderRequest r) {
        return new Requested(r.number(), r.supplierId(), r.orderDate(), r.currency(), r.note(), r.lines(), r.version());
    }
}
