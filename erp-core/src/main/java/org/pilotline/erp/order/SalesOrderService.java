package org.pilotline.erp.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.pilotline.erp.inventory.MoveReason;
import org.pilotline.erp.inventory.MoveType;
import org.pilotline.erp.order.OrderDtos.FulfilmentRequest;
import org.pilotline.erp.order.OrderDtos.FulfilmentResult;
import org.pilotline.erp.order.OrderDtos.SalesOrderRequest;
import org.pilotline.erp.order.OrderDtos.SalesOrderView;

/** Sales orders: entry, confirmation, shipments that issue stock, cancellation and closing. */
@ApplicationScoped
public class SalesOrderService
        extends PartnerOrderService<SalesOrder, SalesOrderLine, SalesOrderStatus, SalesOrderRequest, SalesOrderView> {

    private static final Kind<SalesOrderStatus> SALES = new Kind<>("Sales order", "SO", "customer", p -> p.customer,
            OrderRules.SALES, MoveType.ISSUE, MoveReason.SALES_ISSUE,
            new Refusal("not-shippable", "shipped", "confirm it first"));

    SalesOrderService() {
        super(SALES, SalesOrder.class, SalesOrderLine.class, SalesOrder::new,
                (query, sort, parameters) -> SalesOrder.find(query, sort, parameters), SalesOrderView::of);
    }

    /** Issues the shipped goods from stock and records them on the lines, all or nothing; retried on deadlock. */
    public FulfilmentResult<SalesOrderView> ship(long id, FulfilmentRequest request) {
        return fulfil(id, request);
    }

    @Inject
    Event<SalesOrderEntered> entered;

    /** Tells observers (the order review of bpm-models) that the order exists; they act once it has committed. */
    @Override
    void entered(SalesOrder order) {
        entered.fire(new SalesOrderEntered(tenant.requireEnterprise(), order.id, order.number, caller.username()));
    }

    @Override
    Requested requested(SalesOrderRequest r) {
        return new Requested(r.number(), r.customerId(), r.orderDate(), r.currency(), r.note(), r.lines(), r.version());
    }
}
