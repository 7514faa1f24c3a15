package org.pilotline.erp.mrp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.erp.mrp.engine.plan.OrderRef;
import org.pilotline.erp.mrp.engine.plan.OrderType;
import org.pilotline.erp.mrp.store.ConversionLinks;
import org.pilotline.erp.mrp.store.MrpRunner;
import org.pilotline.erp.mrp.store.PlannedOrderRow;
import org.pilotline.erp.mrp.store.PlannedOrderStatus;
import org.pilotline.erp.mrp.store.PlannedOrderStore;
import org.pilotline.erp.mrp.store.PlanningInputLoader;
import org.pilotline.erp.mrp.store.RunStore;
import org.pilotline.erp.order.DocumentNumbers;
import org.pilotline.erp.order.ProductionOrder;
import org.pilotline.erp.order.ProductionOrderService;
import org.pilotline.erp.order.ProductionOrderStatus;
import org.pilotline.erp.order.PurchaseOrderStatus;
import org.pilotline.erp.order.PurchaseOrderService;
import org.pilotline.erp.order.OrderDtos;
import org.pilotline.platform.journal.JournalService;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.tenancy.TenantContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The planner's actions on the current plan: firm a planned order (later runs keep it as it is), convert one into a
 * production or purchase order through the order services, and re-plan by net change after a sales order changed.
 */
@ApplicationScoped
public class PlannerActionService {

    /** A planned order firmed under {@code reference} (or, unfirmed, that was firmed under it). */
    public record Firmed(String reference, PlannedOrderRow plannedOrder) {
    }

    /** A planned order converted into the production or purchase order {@code orderNumber}. */
    public record Converted(OrderType orderType, long orderId, String orderNumber, PlannedOrderRow plannedOrder) {
    }

    /** What a net change did: the sales order lines it applied, the items re-planned and rewritten, its times. */
    public record NetChanged(long runId, List<String> changedLines, int replannedItems, int rewrittenItems,
                             double planMillis, double writeMillis) {
    }

    @Inject
    RoutingLeadTimes leadTimes;

    @Inject
    MrpJdbc jdbc;

    @Inject
    TenantContext tenant;

    @Inject
    RunResults results;

    @Inject
    MrpPlanCache cache;

    @Inject
    ProductionOrderService productionOrders;

    @Inject
    PurchaseOrderService purchaseOrders;

    @Inject
    DocumentNumbers numbers;

    @Inject
    JournalService journal;

    @Inject
    Caller caller;

    /** Firms a planned order of the current run: later runs keep it as it is (quantity, dates). */
    @Transactional
    public Firmed firm(long runId, long itemId, int number) {
        String enterprise = tenant.requireEnterprise();
        results.requireCurrent(enterprise, runId);
        return jdbc.call(c -> {
            PlannedOrderRow order = lockPlannedOrder(c, enterprise, runId, itemId, number);
            if (!order.status().mayBecome(PlannedOrderStatus.FIRMED)) {
                String status = order.status().name().toLowerCase(Locale.ROOT);
                throw DomainException.conflict("already-" + status, "The planned order is " + status,
                        "Planned order " + order.name() + " is already " + status + " (" + order.convertedTo() + ")");
            }
            String reference = numbers.next("FPO");
            PlannedOrderStore.insertFirmed(c, enterprise, reference, order);
            PlannedOrderStore.mark(c, runId, itemId, number, PlannedOrderStatus.FIRMED, reference);
            RunStore.countAction(c, enterprise, runId);
            return new Firmed(reference, findPlannedOrder(c, enterprise, runId, itemId, number));
        });
    }

    /**
     * Takes the firm of a planned order of the current run back: it is PLANNED again, and later runs plan its demand
     * afresh instead of keeping it. 409 {@code not-firmed} when it is only planned, {@code already-converted} when it
     * became an order. Written to the enterprise's journal.
     */
    @Transactional
    public Firmed unfirm(long runId, long itemId, int number) {
        String enterprise = tenant.requireEnterprise();
        results.requireCurrent(enterprise, runId);
        Firmed unfirmed = jdbc.call(c -> {
            PlannedOrderRow order = lockPlannedOrder(c, enterprise, runId, itemId, number);
            if (order.status() == PlannedOrderStatus.CONVERTED) {
                throw DomainException.conflict("already-converted", "The planned order was converted already",
                        "Planned order " + order.name() + " became " + order.convertedTo());
            }
            if (!order.status().mayBecome(PlannedOrderStatus.PLANNED)
                    || !PlannedOrderStore.unfirm(c, enterprise, order.convertedTo())) {
                throw DomainException.conflict("not-firmed", "The planned order is not firmed",
                        "Planned order " + order.name() + " is " + order.status().name().toLowerCase(Locale.ROOT)
                                + ", not firmed");
            }
            PlannedOrderStore.mark(c, runId, itemId, number, PlannedOrderStatus.PLANNED, null);
            RunStore.countAction(c, enterprise, runId);
            return new Firmed(order.convertedTo(), findPlannedOrder(c, enterprise, runId, itemId, number));
        });
        journal.record(caller.username(), "mrp-unfirmed", "mrp-run:" + runId, "Planned order "
                + unfirmed.plannedOrder().name() + " of MRP run " + runId + " unfirmed; firmed order "
                + unfirmed.reference() + " is no longer kept by later runs");
        return unfirmed;
    }

    /**
     * Converts a planned (or firmed) order of the current run into a production order with its structure and routing,
     * or a purchase order of the given supplier, through the order services; 409 when it was converted already. The
     * new order is linked, by the plan's pegging, to the orders supplying its components and to the production orders
     * consuming what it makes ({@link ConversionLinks}), which the scheduler reads.
     */
    @Transactional
    public Converted convert(long runId, long itemId, int number, Long supplierId) {
        String enterprise = tenant.requireEnterprise();
        RunStore.Run run = results.requireCurrent(enterprise, runId);
        PlannedOrderRow order = jdbc.call(c -> lockPlannedOrder(c, enterprise, runId, itemId, number));
        if (!order.status().mayBecome(PlannedOrderStatus.CONVERTED)) {
            throw DomainException.conflict("already-converted", "The planned order was converted already",
                    "Planned order " + order.name() + " became " + order.convertedTo());
        }
        String note = "MRP run " + runId + ", planned order " + order.name();
        Converted converted;
        if (order.type() == OrderType.PRODUCTION) {
            OrderDtos.ProductionOrderView created = productionOrders.saveOrder(null, new OrderDtos.ProductionOrderRequest(
                    null, itemId, order.quantity(), order.releaseDate(), order.dueDate(), note, null, null),
                    ProductionOrder.Origin.MRP);
            converted = new Converted(OrderType.PRODUCTION, created.id(), created.number(), null);
        } else {
            if (supplierId == null) {
                throw DomainException.invalid("supplier-required", "A purchase order needs a supplier",
                        new FieldError("supplierId", "is required to convert a planned purchase order"));
            }
            OrderDtos.PurchaseOrderView created = purchaseOrders.saveOrder(null, new OrderDtos.PurchaseOrderRequest(null,
                    supplierId, null, null, note, List.of(new OrderDtos.LineRequest(1, itemId, order.quantity(), null,
                    order.dueDate(), null)), null));
            converted = new Converted(OrderType.PURCHASE, created.id(), created.number(), null);
        }
        MrpRunner.Planned planned = results.planOf(enterprise, run);
        return jdbc.call(c -> {
            if (order.status() == PlannedOrderStatus.FIRMED) {
                PlannedOrderStore.markFirmedConverted(c, enterprise, order.convertedTo(), converted.orderNumber());
            }
            PlannedOrderStore.mark(c, runId, itemId, number, PlannedOrderStatus.CONVERTED, converted.orderNumber());
            ConversionLinks.link(c, enterprise, runId, planned.plan(), planned.itemIds(),
                    OrderRef.planned(order.itemCode(), number), converted.orderNumber(), converted.orderType());
            RunStore.countAction(c, enterprise, runId);
            return new Converted(converted.orderType(), converted.orderId(), converted.orderNumber(),
                    findPlannedOrder(c, enterprise, runId, itemId, number));
        });
    }

    /** A planned order named by its item and number, with the supplier a purchase needs. */
    public record Selection(long itemId, int number, Long supplierId) {
    }

    /**
     * Converts several planned orders of the current run at once, and releases the new orders when asked: all of them
     * or none — the first refusal rolls everything back and names the selection ({@code orders[i]}) it concerns.
     */
    @Transactional
    public List<Converted> convertAll(long runId, List<Selection> orders, boolean release) {
        List<Converted> done = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (int i = 0; i < orders.size(); i++) {
            Selection selection = orders.get(i);
            String field = "orders[" + i + "]";
            if (!named.add(selection.itemId() + "#" + selection.number())) {
                throw DomainException.invalid("duplicate-planned-order", "A planned order is named twice",
                        new FieldError(field, "names planned order " + selection.number() + " of item "
                                + selection.itemId() + " again"));
            }
            try {
                Converted converted = convert(runId, selection.itemId(), selection.number(), selection.supplierId());
                if (release && converted.orderType() == OrderType.PRODUCTION) {
                    productionOrders.changeStatus(converted.orderId(), ProductionOrderStatus.RELEASED);
                } else if (release) {
                    purchaseOrders.changeStatus(converted.orderId(), PurchaseOrderStatus.RELEASED);
                }
                done.add(converted);
            } catch (DomainException refused) {
                List<FieldError> errors = refused.fieldErrors().isEmpty()
                        ? List.of(new FieldError(field, refused.detail() == null ? refused.title() : refused.detail()))
                        : refused.fieldErrors().stream().map(e -> new FieldError(field + "." + e.field(), e.message())).toList();
                throw new DomainException(refused.kind(), refused.type(), refused.title(),
                        field + ": " + (refused.detail() == null ? refused.title() : refused.detail())
                                + "; nothing was converted", errors, refused.extensions());
            }
        }
        return done;
    }

    /**
     * Re-plans the current run after a sales order changed (lines added, changed, shipped, removed, the order
     * cancelled), without a full run: only the affected items are planned again and rewritten.
     */
    public NetChanged netChange(Long salesOrderId) {
        String enterprise = tenant.requireEnterprise();
        if (salesOrderId == null) {
            throw DomainException.invalid("invalid-request", "The sales order is required",
                    new FieldError("salesOrderId", "is required"));
        }
        ReentrantLock lock = cache.lockOf(enterprise);
        lock.lock();
        try (Connection c = jdbc.open()) {
            c.setAutoCommit(false);
            try {
                Applied applied = netChange(c, enterprise, salesOrderId);
                c.commit();
                MrpRunner.NetChangeResult result = applied.result();
                cache.put(enterprise, result.planned());
                return new NetChanged(applied.runId(), result.changedLines(), result.replannedItems(),
                        result.rewrittenItems(), result.planMillis(), result.writeMillis());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            lock.unlock();
        }
    }

    private record Applied(long runId, MrpRunner.NetChangeResult result) {
    }

    /** The net change in the transaction of {@code c}, which holds the lock of the current-run pointer. */
    private Applied netChange(Connection c, String enterprise, long salesOrderId) throws SQLException {
        long runId = RunStore.lockCurrent(c, enterprise).orElseThrow(() -> new DomainException(
                ProblemKind.CONFLICT, "no-plan", "There is no MRP plan yet", "Start an MRP run first"));
        RunStore.Run run = RunStore.find(c, enterprise, runId).orElseThrow();
        if (run.actions() > 0) {
            // the run's input does not hold the orders firmed or converted since: only a new run nets them
            throw DomainException.conflict("plan-acted-on", "Start a new MRP run",
                    "Planned orders of MRP run " + runId + " were firmed or converted since it ran; a net change"
                            + " would not see them. Start a regenerative run.");
        }
        PlanningInputLoader.SalesOrderState order = new PlanningInputLoader(c, enterprise).salesOrder(salesOrderId);
        if (order == null) {
            throw DomainException.invalid("unknown-reference", "Sales order not found",
                    new FieldError("salesOrderId", "no sales order has id " + salesOrderId));
        }
        MrpRunner.Planned current = cache.get(enterprise, runId, run.netChanges()).orElse(null);
        if (current == null) {
            current = MrpRunner.recreate(c, enterprise, run, Runtime.getRuntime().availableProcessors());
        }
        return new Applied(runId, MrpRunner.netChange(c, enterprise, current, order, leadTimes));
    }

    private static PlannedOrderRow lockPlannedOrder(Connection c, String enterprise, long runId, long itemId,
                                                    int number) throws SQLException {
        return PlannedOrderStore.find(c, enterprise, runId, itemId, number, true)
                .orElseThrow(() -> DomainException.notFound("Planned order", itemId + "/" + number));
    }

    private static PlannedOrderRow findPlannedOrder(Connection c, String enterprise, long runId, long itemId,
                                                    int number) throws SQLException {
        return PlannedOrderStore.find(c, enterprise, runId, itemId, number, false)
                .orElseThrow(() -> DomainException.notFound("Planned order", itemId + "/" + number));
    }
}
