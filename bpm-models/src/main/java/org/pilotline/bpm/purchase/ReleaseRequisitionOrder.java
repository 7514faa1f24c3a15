package org.pilotline.bpm.purchase;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotline.bpm.tasks.TaskJournal;
import org.pilotline.bpm.tasks.TaskWork;
import org.pilotline.erp.mrp.PlannerActionService;
import org.pilotline.erp.order.OrderDtos;
import org.pilotline.erp.order.PurchaseOrderService;
import org.pilotline.erp.order.PurchaseOrderStatus;
import org.pilotline.bpm.journal.ProcessJournal;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import static org.pilotline.bpm.purchase.PurchaseRequisitionService.*;

/**
 * The approved requisition becomes a released purchase order through erp-core's order services: a planned order of
 * MRP is converted (so the plan knows it became an order) and priced, a requisition by hand is entered; then the
 * order is released. It runs in the transaction of the last approval: if erp-core refuses, the approval is refused too
 * and nothing is kept.
 */
@Named("releaseRequisitionOrder")
@Dependent
public class ReleaseRequisitionOrder implements JavaDelegate {

    @Inject
    PurchaseOrderService purchaseOrders;

    @Inject
    PlannerActionService plannerActions;

    @Inject
    ProcessJournal journal;

    @Override
    public void execute(DelegateExecution execution) {
        OrderDtos.PurchaseOrderView released = TenantContext.callAs(execution.getTenantId(), () -> {
            long supplierId = ((Number) execution.getVariable(SUPPLIER_ID)).longValue();
            long itemId = ((Number) execution.getVariable(ITEM_ID)).longValue();
            BigDecimal quantity = new BigDecimal((String) execution.getVariable(QUANTITY));
            BigDecimal unitPrice = new BigDecimal((String) execution.getVariable(UNIT_PRICE));
            LocalDate due = LocalDate.parse((String) execution.getVariable(DUE_DATE));
            String note = "Purchase requisition " + execution.getVariable(NUMBER)
                    + (execution.getVariable(NOTE) == null ? "" : ": " + execution.getVariable(NOTE));
            long orderId;
            if (MRP.equals(execution.getVariable(SOURCE))) {
                var converted = plannerActions.convert(((Number) execution.getVariable(RUN_ID)).longValue(), itemId,
                        ((Number) execution.getVariable(PLANNED_ORDER_NUMBER)).intValue(), supplierId);
                OrderDtos.PurchaseOrderView draft = purchaseOrders.getOrder(converted.orderId());
                purchaseOrders.saveOrder(draft.id(), new OrderDtos.PurchaseOrderRequest(draft.number(), supplierId,
                        draft.orderDate(), draft.currency(), note, List.of(new OrderDtos.LineRequest(1, itemId, quantity,
                        null, due, unitPrice)), draft.version()));
                orderId = draft.id();
            } else {
                orderId = purchaseOrders.saveOrder(null, new OrderDtos.PurchaseOrderRequest(null, supplierId, null, null,
                        note, List.of(new OrderDtos.LineRequest(1, itemId, quantity, null, due, unitPrice)), null)).id();
            }
            return purchaseOrders.changeStatus(orderId, PurchaseOrderStatus.RELEASED);
        });
        execution.setVariable(PURCHASE_ORDER_ID, released.id());
        execution.setVariable(PURCHASE_ORDER_NUMBER, released.number());
        TenantContext.runAs(execution.getTenantId(), () -> journal.record(
                Objects.toString(execution.getVariable(TaskWork.COMPLETED_BY), "process"), "purchase-requisition-ordered",
                TaskJournal.subjectOf(execution.getProcessInstanceId()),
                "Purchase requisition " + execution.getVariable(NUMBER) + " approved by "
                        + execution.getVariable(APPROVAL_CHAIN) + "; purchase order " + released.number() + " released"));
    }
}
