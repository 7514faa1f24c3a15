package org.pilotline.erp.order;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/** Which status an order may go to, and what its lines' fulfilment makes of its status. Plain Java. */
public final class OrderRules {

    private OrderRules() {
    }

    static final Set<SalesOrderStatus> SALES_EDITABLE = EnumSet.of(SalesOrderStatus.DRAFT, SalesOrderStatus.CONFIRMED,
            SalesOrderStatus.PARTIALLY_SHIPPED);
    static final Set<SalesOrderStatus> SALES_SHIPPABLE = EnumSet.of(SalesOrderStatus.CONFIRMED, SalesOrderStatus.PARTIALLY_SHIPPED);
    static final Set<PurchaseOrderStatus> PURCHASE_EDITABLE = EnumSet.of(PurchaseOrderStatus.DRAFT,
            PurchaseOrderStatus.RELEASED, PurchaseOrderStatus.PARTIALLY_RECEIVED);
    static final Set<PurchaseOrderStatus> PURCHASE_RECEIVABLE = EnumSet.of(PurchaseOrderStatus.RELEASED,
            PurchaseOrderStatus.PARTIALLY_RECEIVED);

    /**
     * The life of one kind of partner order: the status it starts in, the statuses in which it may still change and
     * in which goods may move for it, the transitions a person may ask for, and what its lines' fulfilment makes of
     * its status.
     */
    public record Lifecycle<S extends Enum<S>>(S initial, Set<S> editable, Set<S> fulfillable, BiPredicate<S, S> mayGo,
                                               Function<List<Fulfilment>, S> afterFulfilment) {
    }

    static final Lifecycle<SalesOrderStatus> SALES = new Lifecycle<>(SalesOrderStatus.DRAFT, SALES_EDITABLE,
            SALES_SHIPPABLE, OrderRules::maySales, OrderRules::afterShipment);
    static final Lifecycle<PurchaseOrderStatus> PURCHASE = new Lifecycle<>(PurchaseOrderStatus.DRAFT, PURCHASE_EDITABLE,
            PURCHASE_RECEIVABLE, OrderRules::mayPurchase, OrderRules::afterReceipt);

    /** A line's ordered and fulfilled (shipped or received) quantities. */
    public record Fulfilment(BigDecimal ordered, BigDecimal fulfilled) {
        boolean complete() {
            return fulfilled.compareTo(ordered) >= 0;
        }

        boolean started() {
            return fulfilled.signum() > 0;
        }
    }

    public static SalesOrderStatus afterShipment(List<Fulfilment> lines) {
        if (lines.stream().allMatch(Fulfilment::complete)) {
            return SalesOrderStatus.SHIPPED;
        }
        return lines.stream().anyMatch(Fulfilment::started) ? SalesOrderStatus.PARTIALLY_SHIPPED : SalesOrderStatus.CONFIRMED;
    }

    public static PurchaseOrderStatus afterReceipt(List<Fulfilment> lines) {
        if (lines.stream().allMatch(Fulfilment::complete)) {
            return PurchaseOrderStatus.RECEIVED;
        }
        return lines.stream().anyMatch(Fulfilment::started) ? PurchaseOrderStatus.PARTIALLY_RECEIVED : PurchaseOrderStatus.RELEASED;
    }

    public static boolean maySales(SalesOrderStatus from, SalesOrderStatus to) {
        return switch (to) {
            case CONFIRMED -> from == SalesOrderStatus.DRAFT;
            case CANCELLED -> from == SalesOrderStatus.DRAFT || from == SalesOrderStatus.CONFIRMED;
            case CLOSED -> from == SalesOrderStatus.CONFIRMED || from == SalesOrderStatus.PARTIALLY_SHIPPED
                    || from == SalesOrderStatus.SHIPPED;
            default -> false;
        };
    }

    public static boolean mayPurchase(PurchaseOrderStatus from, PurchaseOrderStatus to) {
        return switch (to) {
            case RELEASED -> from == PurchaseOrderStatus.DRAFT;
            case CANCELLED -> from == PurchaseOrderStatus.DRAFT || from == PurchaseOrderStatus.RELEASED;
            case CLOSED -> from == PurchaseOrderStatus.RELEASED || from == PurchaseOrderStatus.PARTIALLY_RECEIVED
                    || from == PurchaseOrderStatus.RECEIVED;
            default -> false;
        };
    }

    public static boolean mayProduction(ProductionOrderStatus from, ProductionOrderStatus to) {
        return switch (to) {
            case RELEASED -> from == ProductionOrderStatus.PLANNED;
            case CANCELLED -> from == ProductionOrderStatus.PLANNED || from == ProductionOrderStatus.RELEASED;
            case COMPLETED -> from == ProductionOrderStatus.RELEASED;
            default -> false;
        };
    }
}
