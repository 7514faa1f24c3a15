package org.pilotline.erp.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.erp.inventory.StockBalance;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.order.OrderDtos.SalesOrderView;
import org.pilotline.erp.unit.UnitService;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.pilotline.platform.quantity.Decimals.plain;

/**
 * What the review of an entered sales order asks of the ERP, and where the review stands on the order: the customer's
 * credit exposure against its limit, and whether every line's item is available to promise on its requested date —
 * stock on hand, plus open production and purchase orders due by then, less what other open sales orders want by
 * then ({@link SalesOrderReviewRules}). The process that drives the review lives above erp-core.
 */
@ApplicationScoped
public class SalesOrderReviewService {

    /** The order statuses whose unshipped value counts against a credit limit and whose lines are open demand. */
    static final Set<SalesOrderStatus> OPEN = EnumSet.of(SalesOrderStatus.DRAFT, SalesOrderStatus.CONFIRMED,
            SalesOrderStatus.PARTIALLY_SHIPPED);

    /** The customer's limit (null: none kept), its open order value including this order, and whether it fits. */
    public record Credit(BigDecimal limit, BigDecimal openValue, boolean withinLimit) {
    }

    /** One item of the order: what it wants by the date, what is available to promise then, and when it would be. */
    public record Availability(long itemId, String itemCode, LocalDate requestedDate, BigDecimal required,
                               BigDecimal onHand, BigDecimal available, LocalDate earliestDate, boolean covered) {
    }

    public record Facts(long orderId, String number, LocalDate requestedDate, Credit credit,
                        List<Availability> availability, boolean materialAvailable) {
    }

    @Inject
    TenantContext tenant;

    @Inject
    UnitService units;

    @Inject
    PlantClock clock;

    @Inject
    SalesOrderService orders;

    public Facts facts(long orderId) {
        tenant.requireEnterprise();
        SalesOrder order = Lookups.require(SalesOrder.class, "Sales order", orderId);
        Map<Long, List<SalesOrderLine>> byItem = new LinkedHashMap<>();
        order.lines.stream().filter(l -> l.quantity.compareTo(l.fulfilledQuantity) > 0)
                .forEach(l -> byItem.computeIfAbsent(l.item.id, k -> new ArrayList<>()).add(l));
        List<Availability> availability = new ArrayList<>();
        for (List<SalesOrderLine> lines : byItem.values()) {
            availability.add(availability(order, lines));
        }
        LocalDate requested = order.lines.stream().map(l -> l.date).max(LocalDate::compareTo).orElse(order.orderDate);
        return new Facts(order.id, order.number, requested, credit(order), availability,
                availability.stream().allMatch(Availability::covered));
    }

    /** Records where the review stands; APPROVED with the date promised to the customer. */
    @Transactional
    public SalesOrderView recordReview(long orderId, String status, LocalDate promisedDate, String note) {
        tenant.requireEnterprise();
        SalesOrder order = Lookups.require(SalesOrder.class, "Sales order", orderId);
        order.reviewStatus = status;
        if (promisedDate != null) {
            order.promisedDate = promisedDate;
        }
        order.reviewNote = note == null ? null : note.length() > 500 ? note.substring(0, 500) : note;
        SalesOrder.flush();
        return SalesOrderView.of(order);
    }

    /**
     * The review refused the order (the customer declined the proposed date, or the credit was not released): REJECTED,
     * and the order is cancelled when its status still allows it (a draft or confirmed order); otherwise it keeps its
     * status and only the review says so.
     */
    @Transactional
    public SalesOrderView rejectOrder(long orderId, String note) {
        tenant.requireEnterprise();
        SalesOrder order = Lookups.require(SalesOrder.class, "Sales order", orderId);
        if (OrderRules.maySales(order.status, SalesOrderStatus.CANCELLED)) {
            orders.changeStatus(orderId, SalesOrderStatus.CANCELLED);
        }
        return recordReview(orderId, "REJECTED", null, note);
    }

    private Credit credit(SalesOrder order) {
        BigDecimal open = BigDecimal.ZERO;
        for (SalesOrder o : SalesOrder.<SalesOrder>list("partner = ?1 and status in ?2", order.partner, OPEN)) {
            for (SalesOrderLine l : o.lines) {
                open = open.add(l.quantity.subtract(l.fulfilledQuantity).max(BigDecimal.ZERO).multiply(l.unitPrice));
            }
        }
        BigDecimal limit = order.partner.creditLimit;
        return new Credit(limit == null ? null : plain(limit), plain(open),
                SalesOrderReviewRules.withinLimit(limit, open));
    }

    /**
     * What of an item is available to promise on {@code date} against {@code required} (in its stock unit): on hand,
     * plus open production and purchase orders due by then, less what every open sales order wants by then. Read
     * only; for the components of what a review would have made (the process's material check above erp-core).
     */
    public Availability availabilityOf(long itemId, LocalDate date, BigDecimal required) {
        tenant.requireEnterprise();
        return availability(Lookups.require(Item.class, "Item", itemId), date, required, null);
    }

    private Availability availability(SalesOrder order, List<SalesOrderLine> lines) {
        var item = lines.get(0).item;
        LocalDate date = lines.stream().map(l -> l.date).min(LocalDate::compareTo).orElseThrow();
        BigDecimal required = BigDecimal.ZERO;
        for (SalesOrderLine l : lines) {
            required = required.add(inStockUnit(l, l.quantity.subtract(l.fulfilledQuantity)));
        }
        return availability(item, date, required, order);
    }

    /** The item's availability on the date; {@code order} (null: none) is the order asking, whose own demand is left out. */
    private Availability availability(Item item, LocalDate date, BigDecimal required,
                                      SalesOrder order) {
        BigDecimal onHand = StockBalance.<StockBalance>list("item.id", item.id).stream().map(b -> b.quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        // changes to what is available by date: supplies in, other orders' demand out
        TreeMap<LocalDate, BigDecimal> changes = new TreeMap<>();
        for (ProductionOrder p : ProductionOrder.<ProductionOrder>list("item.id = ?1 and status in ?2", item.id,
                EnumSet.of(ProductionOrderStatus.PLANNED, ProductionOrderStatus.RELEASED))) {
            changes.merge(p.dueDate, p.quantity.subtract(p.completedQuantity).max(BigDecimal.ZERO), BigDecimal::add);
        }
        for (PurchaseOrderLine l : PurchaseOrderLine.<PurchaseOrderLine>list("item.id = ?1 and order.status in ?2",
                item.id, EnumSet.of(PurchaseOrderStatus.RELEASED, PurchaseOrderStatus.PARTIALLY_RECEIVED))) {
            changes.merge(l.date, inStockUnit(l, l.quantity.subtract(l.fulfilledQuantity).max(BigDecimal.ZERO)),
                    BigDecimal::add);
        }
        List<SalesOrderLine> demand = order == null
                ? SalesOrderLine.<SalesOrderLine>list("item.id = ?1 and order.status in ?2", item.id, OPEN)
                : SalesOrderLine.<SalesOrderLine>list("item.id = ?1 and order.status in ?2 and order <> ?3", item.id,
                        OPEN, order);
        for (SalesOrderLine l : demand) {
            changes.merge(l.date, inStockUnit(l, l.quantity.subtract(l.fulfilledQuantity).max(BigDecimal.ZERO))
                    .negate(), BigDecimal::add);
        }
        SalesOrderReviewRules.Promise promise = SalesOrderReviewRules.promise(onHand, changes, date, required,
                clock.today());
        return new Availability(item.id, item.code, date, plain(required), plain(onHand), plain(promise.available()),
                promise.earliest(), promise.covered());
    }

    private BigDecimal inStockUnit(OrderLineBase line, BigDecimal quantity) {
        try {
            return units.convert(quantity, line.unit.id, line.item.stockUnit.id, line.item.id, "lines");
        } catch (DomainException e) {
            return quantity;
        }
    }
}
