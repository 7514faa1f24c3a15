package org.pilotline.mes.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.pilotline.erp.item.Item;
import org.pilotline.mes.workorder.WorkOrderViews.OperationView;
import org.pilotline.mes.workorder.WorkOrderViews.WorkOrderView;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.pilotline.mes.workorder.WorkOrderViews.plain;

/** Reading work orders with their operations, and closing a completed one. */
@ApplicationScoped
public class WorkOrderService {

    private static final Map<String, String> SORTABLE = Map.of("number", "number", "dueDate", "dueDate",
            "releasedAt", "releasedAt", "state", "state");

    @Inject
    TenantContext tenant;

    @Inject
    EntityManager em;

    public Page<WorkOrderView> listWorkOrders(PageRequest page, WorkOrderState state, Long itemId) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter()
                .and(state != null, "state = :state", "state", () -> state)
                .and(itemId != null, "itemId = :item", "item", () -> itemId);
        var query = WorkOrder.<WorkOrder>find(filter.where(), page.toSort(SORTABLE, "id"), filter.parameters());
        long total = query.count();
        List<WorkOrder> rows = query.page(page.page(), page.size()).list();
        Map<Long, List<Operation>> operations = operationsOf(rows);
        return new Page<>(rows.stream().map(w -> view(w, operations.getOrDefault(w.id, List.of()))).toList(),
                page.page(), page.size(), total);
    }

    /** The operations of a page of work orders, in one query, by work order id and in operation order. */
    private Map<Long, List<Operation>> operationsOf(List<WorkOrder> orders) {
        if (orders.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select o from Operation o where o.workOrder in :orders order by o.operationNo, o.id",
                        Operation.class).setParameter("orders", orders).getResultStream()
                .collect(Collectors.groupingBy(o -> o.workOrder.id, LinkedHashMap::new, Collectors.toList()));
    }

    public WorkOrderView getWorkOrder(long id) {
        tenant.requireEnterprise();
        WorkOrder order = Lookups.require(WorkOrder.class, "Work order", id);
        return view(order, operationsOf(order));
    }

    public OperationView getOperation(long id) {
        tenant.requireEnterprise();
        return OperationView.of(Lookups.require(Operation.class, "Operation", id));
    }

    /** Closes a completed work order: nothing more is booked on it. */
    @Transactional
    public WorkOrderView closeWorkOrder(long id, Long version) {
        tenant.requireEnterprise();
        WorkOrder order = Lookups.require(WorkOrder.class, "Work order", id);
        Versions.requireCurrent("Work order", id, version, order.version);
        if (!order.state.mayBecome(WorkOrderState.CLOSED)) {
            throw DomainException.conflict("work-order-state", "The work order cannot be closed",
                    "Work order " + order.number + " is " + order.state + "; only a COMPLETED work order can be closed");
        }
        order.state = WorkOrderState.CLOSED;
        order.closedAt = Instant.now();
        em.flush();
        return view(order, operationsOf(order));
    }

    private List<Operation> operationsOf(WorkOrder order) {
        return em.createQuery("select o from Operation o where o.workOrder = :wo order by o.operationNo", Operation.class)
                .setParameter("wo", order).getResultList();
    }

    private WorkOrderView view(WorkOrder w, List<Operation> operations) {
        Item item = em.find(Item.class, w.itemId);
        return new WorkOrderView(w.id, w.productionOrderId, w.number, w.itemId, item.code, plain(w.quantity),
                plain(w.goodQuantity), plain(w.scrapQuantity), w.state, w.dueDate, w.releasedAt, w.releasedBy,
                w.startedAt, w.completedAt, w.closedAt, w.version, operations.stream().map(OperationView::of).toList());
    }
}
