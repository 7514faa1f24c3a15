package org.pilotline.mes.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.pilotline.erp.order.ProductionOrder;
import org.pilotline.erp.order.ProductionOrderStatus;
import org.pilotline.erp.order.ProductionOrderStatusChanged;
import org.pilotline.erp.routing.RoutingAlternative;
import org.pilotline.erp.routing.RoutingOperation;
import org.pilotline.erp.scheduling.LiveSchedule;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The shop floor's side of a production order's status, in the transaction that changes it: a release creates the work
 * order with one operation per routing step, placed as the live schedule places it; a cancellation cancels a work order
 * that is still RELEASED (no operation started, so nothing reported) and is refused with 409 {@code work-order-started}
 * otherwise, as {@link WorkOrderState} says; completing by hand is refused while the shop floor has work open (the last
 * operation's finish completes the order).
 */
@ApplicationScoped
public class WorkOrderRelease {

    @Inject
    EntityManager em;

    @Inject
    LiveSchedule schedule;

    @Inject
    Caller caller;

    @Inject
    TenantContext tenant;

    void onStatusChanged(@Observes ProductionOrderStatusChanged change) {
        switch (change.to()) {
            case RELEASED -> release(change.productionOrderId());
            case CANCELLED -> cancel(change.productionOrderId());
            case COMPLETED -> requireShopFloorDone(change.productionOrderId());
            default -> {
            }
        }
    }

    private void release(long productionOrderId) {
        ProductionOrder order = em.find(ProductionOrder.class, productionOrderId);
        if (order.routing == null || order.routing.operations.isEmpty()) {
            throw DomainException.unprocessable("no-routing", "The order has no routing for the shop floor",
                    "Production order " + order.number + " cannot be released: item '" + order.item.code
                            + "' has no routing with operations effective on " + order.startDate);
        }
        WorkOrder workOrder = new WorkOrder();
        workOrder.productionOrderId = order.id;
        workOrder.number = order.number;
        workOrder.itemId = order.item.id;
        workOrder.quantity = order.quantity.subtract(order.completedQuantity);
        workOrder.state = WorkOrderState.RELEASED;
        workOrder.dueDate = order.dueDate;
        workOrder.releasedAt = Instant.now();
        workOrder.releasedBy = caller.username();
        em.persist(workOrder);

        Map<Integer, LiveSchedule.Placement> placements = schedule.placementsOf(order.id);
        List<RoutingOperation> steps = order.routing.operations.stream()
                .sorted(Comparator.comparingInt(s -> s.operationNo)).toList();
        boolean first = true;
        for (RoutingOperation step : steps) {
            Operation operation = new Operation();
            operation.workOrder = workOrder;
            operation.operationNo = step.operationNo;
            operation.name = step.name;
            operation.workCenterId = step.workCenter.id;
            operation.setupMinutes = step.setupMinutes;
            operation.runMinutesPerUnit = step.runMinutes;
            operation.transferQuantity = step.transferQuantity;
            operation.state = first ? OperationState.READY : OperationState.WAITING;
            LiveSchedule.Placement placement = placements.get(step.operationNo);
            if (placement != null) {
                operation.workUnitId = placement.workUnitId();
                operation.plannedStart = placement.start();
                operation.plannedEnd = placement.end();
            }
            em.persist(operation);
            for (RoutingAlternative alternative : step.alternatives) {
                OperationAlternative copy = new OperationAlternative();
                copy.operation = operation;
                copy.workCenterId = alternative.workCenter.id;
                copy.setupMinutes = alternative.setupMinutes;
                copy.runMinutesPerUnit = alternative.runMinutes;
                em.persist(copy);
            }
            copyInspectionPlan(step.id, operation);
            first = false;
        }
        em.flush();
    }

    private void copyInspectionPlan(long routingOperationId, Operation operation) {
        em.flush();
        em.createNativeQuery("insert into mes_characteristic (tenant_id, operation_id, name, nominal, lower_limit, upper_limit,"
                        + " unit, sample_size) select tenant_id, ?1, characteristic, nominal, lower_limit, upper_limit, unit,"
                        + " sample_size from mes_inspection_plan where routing_operation_id = ?2 and tenant_id = ?3")
                .setParameter(1, operation.id).setParameter(2, routingOperationId)
                .setParameter(3, tenant.requireEnterprise()).executeUpdate();
    }

    private WorkOrder workOrderOf(long productionOrderId) {
        return em.createQuery("select w from WorkOrder w where w.productionOrderId = :po", WorkOrder.class)
                .setParameter("po", productionOrderId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
    }

    private void cancel(long productionOrderId) {
        WorkOrder workOrder = workOrderOf(productionOrderId);
        if (workOrder == null) {
            return;
        }
        // the state table is the rule (WorkOrderState): only a RELEASED work order, on which nothing was started and
        // hence nothing reported, is cancelled
        if (!workOrder.state.mayBecome(WorkOrderState.CANCELLED)) {
            throw DomainException.conflict("work-order-started", "The shop floor has started this order",
                    "Work order " + workOrder.number + " is " + workOrder.state + "; it can no longer be cancelled");
        }
        workOrder.state = WorkOrderState.CANCELLED;
        workOrder.closedAt = Instant.now();
    }

    private void requireShopFloorDone(long productionOrderId) {
        WorkOrder workOrder = workOrderOf(productionOrderId);
        if (workOrder != null && workOrder.state != WorkOrderState.COMPLETED && workOrder.state != WorkOrderState.CLOSED) {
            throw DomainException.conflict("work-order-open", "The shop floor completes this order",
                    "Work order " + workOrder.number + " is " + workOrder.state
                            + "; the order is completed when its last operation finishes");
        }
    }
}
