package org.pilotline.bpm.purchase;

import static org.pilotline.bpm.common.ProcessValues.decimal;
import static org.pilotline.bpm.common.ProcessValues.instant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.pilotline.bpm.platform.ProcessModels;
import org.pilotline.erp.item.ItemService;
import org.pilotline.erp.item.ItemView;
import org.pilotline.erp.item.Sourcing;
import org.pilotline.erp.mrp.PlanResultService;
import org.pilotline.erp.mrp.engine.plan.OrderType;
import org.pilotline.erp.mrp.store.PlannedOrderRow;
import org.pilotline.erp.mrp.store.PlannedOrderStatus;
import org.pilotline.erp.order.DocumentNumbers;
import org.pilotline.erp.partner.PartnerService;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.pilotline.platform.quantity.Decimals.plain;

/**
 * Purchase requisitions: starts the approval process of the caller's enterprise for a planned purchase order of MRP or
 * a requisition entered by hand, and reads one back from the engine's history. The process decides its approval chain
 * from the enterprise's decision table, waits for each approver in turn, escalates an approval unanswered after two
 * working days, and on approval releases a purchase order through erp-core's order services.
 */
@ApplicationScoped
public class PurchaseRequisitionService {

    static final String NUMBER = "requisitionNumber";
    static final String REQUESTER = "requester";
    static final String SOURCE = "source";
    static final String RUN_ID = "runId";
    static final String PLANNED_ORDER_NUMBER = "plannedOrderNumber";
    static final String PLANNED_ORDER = "plannedOrder";
    static final String ITEM_ID = "itemId";
    static final String ITEM_CODE = "itemCode";
    static final String CATEGORY = "category";
    static final String QUANTITY = "quantity";
    static final String UNIT_PRICE = "unitPrice";
    static final String AMOUNT = "amount";
    static final String DUE_DATE = "dueDate";
    static final String SUPPLIER_ID = "supplierId";
    static final String NOTE = "note";
    static final String APPROVAL_CHAIN = "approvalChain";
    static final String APPROVAL_COUNT = "approvalCount";
    static final String APPROVED = "approved";
    static final String COMMENT = "comment";
    static final String PURCHASE_ORDER_ID = "purchaseOrderId";
    static final String PURCHASE_ORDER_NUMBER = "purchaseOrderNumber";

    static final String MANUAL = "MANUAL";
    static final String MRP = "MRP";

    @Inject
    RuntimeService runtime;

    @Inject
    HistoryService history;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    ItemService items;

    @Inject
    PartnerService partners;

    @Inject
    PlanResultService plans;

    @Inject
    DocumentNumbers numbers;

    /** Starts the approval of a requisition; it and its number commit with the process instance, or nothing does. */
    @Transactional
    public PurchaseRequisitionView request(PurchaseRequisitionRequest r) {
        String enterprise = tenant.requireEnterprise();
        List<FieldError> shape = PurchaseRequisitionRules.shapeProblems(r);
        if (!shape.isEmpty()) {
            throw DomainException.invalid("validation", "The request has invalid fields", shape.toArray(FieldError[]::new));
        }
        Map<String, Object> variables = new HashMap<>();
        long itemId;
        BigDecimal quantity;
        LocalDate dueDate;
        if (r.plannedOrder() != null) {
            PlannedOrderRow planned = plannedOrder(r.plannedOrder());
            itemId = planned.itemId();
            quantity = planned.quantity();
            dueDate = planned.dueDate();
            variables.put(SOURCE, MRP);
            variables.put(RUN_ID, planned.runId());
            variables.put(PLANNED_ORDER_NUMBER, planned.number());
            variables.put(PLANNED_ORDER, planned.name());
        } else {
            itemId = r.itemId();
            quantity = r.quantity();
            dueDate = r.dueDate();
            variables.put(SOURCE, MANUAL);
        }
        ItemView item = reference("itemId", () -> items.getItem(itemId));
        if (item.sourcing() != Sourcing.BUY) {
            throw DomainException.invalid("invalid-requisition", "The item is made, not bought",
                    new FieldError(r.plannedOrder() != null ? "plannedOrder" : "itemId",
                            "item '" + item.code() + "' is made here"));
        }
        var supplier = reference("supplierId", () -> partners.getPartner(r.supplierId()));
        if (!supplier.supplier()) {
            throw DomainException.invalid("invalid-requisition", "The partner is not a supplier",
                    new FieldError("supplierId", "partner '" + supplier.code() + "' is not a supplier"));
        }
        BigDecimal unitPrice = r.unitPrice() != null ? r.unitPrice() : item.standardCost();
        BigDecimal amount = quantity.multiply(unitPrice);
        String number = numbers.next("PR");
        variables.put(NUMBER, number);
        variables.put(REQUESTER, caller.username());
        variables.put(ITEM_ID, itemId);
        variables.put(ITEM_CODE, item.code());
        variables.put(CATEGORY, item.type().name());
        // decimals as exact text: the engine has no decimal variable type
        variables.put(QUANTITY, plain(quantity).toPlainString());
        variables.put(UNIT_PRICE, plain(unitPrice).toPlainString());
        variables.put(AMOUNT, plain(amount).toPlainString());
        variables.put(DUE_DATE, dueDate.toString());
        variables.put(SUPPLIER_ID, r.supplierId());
        variables.put(NOTE, r.note());
        ProcessInstance instance = runtime.createProcessInstanceByKey(ProcessModels.PURCHASE_REQUISITION)
                .processDefinitionTenantId(enterprise).businessKey(number).setVariables(variables).execute();
        return requisition(instance.getId());
    }

    public PurchaseRequisitionView requisition(String id) {
        String enterprise = tenant.requireEnterprise();
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                .tenantIdIn(enterprise).processDefinitionKey(ProcessModels.PURCHASE_REQUISITION).singleResult();
        if (instance == null) {
            throw DomainException.notFound("Purchase requisition", id);
        }
        Map<String, Object> v = new HashMap<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processInstanceIdIn(id)
                .variableNameIn(NUMBER, REQUESTER, SOURCE, PLANNED_ORDER, ITEM_ID, ITEM_CODE, CATEGORY, QUANTITY,
                        UNIT_PRICE, AMOUNT, DUE_DATE, SUPPLIER_ID, APPROVAL_CHAIN, APPROVED, PURCHASE_ORDER_ID,
                        PURCHASE_ORDER_NUMBER).list()) {
            v.put(variable.getName(), variable.getValue());
        }
        Boolean approved = (Boolean) v.get(APPROVED);
        Long orderId = v.get(PURCHASE_ORDER_ID) == null ? null : ((Number) v.get(PURCHASE_ORDER_ID)).longValue();
        String status = switch (instance.getState()) {
            case HistoricProcessInstance.STATE_ACTIVE, HistoricProcessInstance.STATE_SUSPENDED -> "PENDING_APPROVAL";
            case HistoricProcessInstance.STATE_COMPLETED -> orderId != null ? "ORDERED"
                    : Boolean.FALSE.equals(approved) ? "REJECTED" : instance.getState();
            default -> instance.getState();
        };
        return new PurchaseRequisitionView(id, (String) v.get(NUMBER), status, (String) v.get(SOURCE),
                (String) v.get(PLANNED_ORDER), ((Number) v.get(ITEM_ID)).longValue(), (String) v.get(ITEM_CODE),
                (String) v.get(CATEGORY), decimal(v.get(QUANTITY)), decimal(v.get(UNIT_PRICE)), decimal(v.get(AMOUNT)),
                v.get(DUE_DATE) == null ? null : LocalDate.parse((String) v.get(DUE_DATE)),
                ((Number) v.get(SUPPLIER_ID)).longValue(), (String) v.get(REQUESTER),
                ApprovalSteps.parse((String) v.get(APPROVAL_CHAIN)), approved, orderId,
                (String) v.get(PURCHASE_ORDER_NUMBER),
                instance.getProcessDefinitionVersion() == null ? 0 : instance.getProcessDefinitionVersion(),
                instant(instance.getStartTime()), instant(instance.getEndTime()));
    }

    private PlannedOrderRow plannedOrder(PurchaseRequisitionRequest.PlannedOrderRef ref) {
        PlannedOrderRow planned = reference("plannedOrder",
                () -> plans.plannedOrder(ref.runId(), ref.itemId(), ref.number()));
        if (planned.type() != OrderType.PURCHASE) {
            throw DomainException.invalid("invalid-requisition", "Not a planned purchase order",
                    new FieldError("plannedOrder", "planned order " + planned.name() + " is a production order"));
        }
        if (planned.status() == PlannedOrderStatus.CONVERTED) {
            throw DomainException.conflict("already-converted", "The planned order was converted already",
                    "Planned order " + planned.name() + " became " + planned.convertedTo());
        }
        return planned;
    }

    /** A record named in the body: one that does not exist (or is another enterprise's) is a 400 naming the field. */
    private static <T> T reference(String field, Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (DomainException e) {
            if (e.kind() != ProblemKind.NOT_FOUND) {
                throw e;
            }
            throw DomainException.invalid("unknown-reference", "A referenced record does not exist",
                    new FieldError(field, e.detail()));
        }
    }
}
