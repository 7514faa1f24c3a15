package org.pilotline.erp.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.pilotline.erp.bom.Bom;
import org.pilotline.erp.bom.Recipe;
import org.pilotline.erp.calendar.WorkingCalendar;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.persistence.SqlWrites;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.item.Sourcing;
import org.pilotline.erp.order.OrderDtos.ProductionOrderRequest;
import org.pilotline.erp.order.OrderDtos.ProductionOrderView;
import org.pilotline.erp.routing.Routing;
import org.pilotline.erp.routing.RoutingService;
import org.pilotline.platform.tenancy.TenantContext;
import org.pilotline.erp.unit.UnitService;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Map;

/** Production orders: what to make, how much, by when, following which structure and routing revisions. */
@ApplicationScoped
public class ProductionOrderService {

    private static final Map<String, String> SORTABLE = Map.of("number", "number", "dueDate", "dueDate",
            "startDate", "startDate", "status", "status");

    @Inject
    TenantContext tenant;

    @Inject
    DocumentNumbers numbers;

    @Inject
    RoutingService routings;

    @Inject
    PlantClock clock;

    @Inject
    jakarta.enterprise.event.Event<ProductionOrderStatusChanged> statusChanges;

    public Page<ProductionOrderView> listOrders(PageRequest page, Long itemId, ProductionOrderStatus status,
                                                LocalDate dueFrom, LocalDate dueTo) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter()
                .and(itemId != null, "item.id = :item", "item", () -> itemId)
                .and(status != null, "status = :status", "status", () -> status)
                .and(dueFrom != null, "dueDate >= :dfrom", "dfrom", () -> dueFrom)
                .and(dueTo != null, "dueDate < :dto", "dto", () -> dueTo);
        return Lookups.page(ProductionOrder.find(filter.where(), page.toSort(SORTABLE, "id"), filter.parameters()), page,
                ProductionOrderView::of);
    }

    public ProductionOrderView getOrder(long id) {
        tenant.requireEnterprise();
        return ProductionOrderView.of(Lookups.require(ProductionOrder.class, "Production order", id));
    }

    /** Creates a firm production order, or changes one that is not yet released. */
    @Transactional
    public ProductionOrderView saveOrder(Long id, ProductionOrderRequest r, ProductionOrder.Origin origin) {
        tenant.requireEnterprise();
        ProductionOrder order;
        if (id == null) {
            order = new ProductionOrder();
            order.status = ProductionOrderStatus.PLANNED;
            order.origin = origin;
            order.number = r.number() == null || r.number().isBlank() ? numbers.next("MO") : r.number();
        } else {
            order = Lookups.require(ProductionOrder.class, "Production order", id);
            Versions.requireCurrent("Production order", id, r.version(), order.version);
            if (order.status != ProductionOrderStatus.PLANNED) {
                throw DomainException.conflict("order-released", "The order can no longer be changed",
                        "Production order " + order.number + " is " + order.status);
            }
        }
        Lookups.requireFree(ProductionOrder.find("number", order.number), "Production order", order.number, id);
        Item item = Lookups.reference(Item.class, "Item", r.itemId(), r.itemCode(), "itemId");
        if (item.sourcing != Sourcing.MAKE) {
            throw DomainException.invalid("invalid-order", "The item is bought, not made",
                    new FieldError("itemId", "item '" + item.code + "' is bought"));
        }
        org.pilotline.erp.inventory.StockRules.precisionProblem(r.quantity(), item.stockUnit.decimals, item.stockUnit.code)
                .ifPresent(p -> {
                    throw DomainException.invalid("invalid-order", "The quantity is too fine for the unit", p);
                });
        Routing routing = routings.effectiveRouting(item.id, r.dueDate()).orElse(null);
        LocalDate start = r.startDate() != null ? r.startDate() : calendarOf(routing).workingDaysBefore(r.dueDate(), item.leadTimeDays);
        if (start.isAfter(r.dueDate())) {
            throw DomainException.invalid("invalid-order", "The order starts after it is due",
                    new FieldError("startDate", "must not be after dueDate"));
        }
        order.item = item;
        order.quantity = r.quantity();
        order.startDate = start;
        order.dueDate = r.dueDate();
        order.note = r.note();
        if (r.priority() != null) {
            order.priority = r.priority();
        }
        order.routing = routings.effectiveRouting(item.id, start).orElse(routing);
        order.bom = Bom.<Bom>list("item = ?1", item).stream().filter(b -> b.effectiveOn(start)).findFirst().orElse(null);
        order.recipe = order.bom != null ? null : Recipe.<Recipe>list("item = ?1", item).stream()
                .filter(v -> v.effectiveOn(start)).findFirst().orElse(null);
        order.persist();
        ProductionOrder.flush();
        return ProductionOrderView.of(order);
    }

    @Transactional
    public ProductionOrderView changeStatus(long id, ProductionOrderStatus target) {
        tenant.requireEnterprise();
        ProductionOrder order = Lookups.require(ProductionOrder.class, "Production order", id);
        if (!OrderRules.mayProduction(order.status, target)) {
            throw DomainException.conflict("invalid-transition", "The order cannot go to " + target,
                    "Production order " + order.number + " is " + order.status + " and cannot become " + target);
        }
        if (target == ProductionOrderStatus.RELEASED && order.bom == null && order.recipe == null) {
            throw DomainException.unprocessable("no-structure", "The item has no BOM or recipe for the start date",
                    "Production order " + order.number + " cannot be released: item '" + order.item.code
                            + "' has no BOM or recipe effective on " + order.startDate);
        }
        ProductionOrderStatus from = order.status;
        order.status = target;
        Versions.bump(order);
        ProductionOrder.flush();
        // observers (the shop floor) act in this transaction; a refusal of theirs rolls the change back
        statusChanges.fire(new ProductionOrderStatusChanged(order.id, from, target));
        return ProductionOrderView.of(order);
    }

    /**
     * The shop floor reports what the order has yielded, in the report's transaction: the completed quantity follows
     * the work order's good quantity, and the order is COMPLETED when its work order is. MRP and scheduling then plan
     * only what remains.
     */
    /**
     * The shop floor's progress, in the report's transaction: plain JDBC naming the tenant, because it runs for every
     * quantity reported at a last operation, and locking the order as an entity loads it with its item and units through
     * a loader Hibernate builds anew on every call while its tenant filter is enabled.
     */
    void onProductionReported(@jakarta.enterprise.event.Observes ProductionReported reported) {
        String tenantId = tenant.requireEnterprise();
        Session session = ProductionOrder.getEntityManager().unwrap(Session.class);
        if (!reported.finished()) {
            // progress only, the status stays: one statement (every receiving report of the MES comes here)
            int updated = session.doReturningWork(c -> {
                try (PreparedStatement update = c.prepareStatement("update production_order set completed_quantity = ?,"
                        + " version = version + 1 where id = ? and tenant_id = ?")) {
                    update.setBigDecimal(1, reported.completedQuantity());
                    update.setLong(2, reported.productionOrderId());
                    update.setString(3, tenantId);
                    return update.executeUpdate();
                }
            });
            if (updated == 0) {
                throw DomainException.notFound("Production order", reported.productionOrderId());
            }
            SqlWrites.changed(ProductionOrder.getEntityManager(), ProductionOrder.class, reported.productionOrderId());
            return;
        }
        ProductionOrderStatus status = session.doReturningWork(c -> {
            try (PreparedStatement select = c.prepareStatement("select status from production_order where id = ?"
                    + " and tenant_id = ? for update")) {
                select.setLong(1, reported.productionOrderId());
                select.setString(2, tenantId);
                try (ResultSet r = select.executeQuery()) {
                    return r.next() ? ProductionOrderStatus.valueOf(r.getString(1)) : null;
                }
            }
        });
        if (status == null) {
            throw DomainException.notFound("Production order", reported.productionOrderId());
        }
        ProductionOrderStatus next = reported.finished()
                && OrderRules.mayProduction(status, ProductionOrderStatus.COMPLETED) ? ProductionOrderStatus.COMPLETED : status;
        session.doWork(c -> {
            try (PreparedStatement update = c.prepareStatement("update production_order set completed_quantity = ?,"
                    + " status = ?, version = version + 1 where id = ? and tenant_id = ?")) {
                update.setBigDecimal(1, reported.completedQuantity());
                update.setString(2, next.name());
                update.setLong(3, reported.productionOrderId());
                update.setString(4, tenantId);
                update.executeUpdate();
            }
        });
        SqlWrites.changed(ProductionOrder.getEntityManager(), ProductionOrder.class, reported.productionOrderId());
    }

    /** The calendar of the first operation's work center, or weekdays only when there is none to go by. */
    private WorkingCalendar calendarOf(Routing routing) {
        if (routing != null && !routing.operations.isEmpty() && routing.operations.get(0).workCenter.calendar != null) {
            return routing.operations.get(0).workCenter.calendar.workingCalendar();
        }
        var weekdays = new java.util.ArrayList<WorkingCalendar.Shift>();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            if (day.getValue() <= 5) {
                weekdays.add(new WorkingCalendar.Shift(day, java.time.LocalTime.of(8, 0), java.time.LocalTime.of(17, 0), java.util.List.of()));
            }
        }
        return new WorkingCalendar(clock.zone(), weekdays, java.util.Set.of());
    }
}
