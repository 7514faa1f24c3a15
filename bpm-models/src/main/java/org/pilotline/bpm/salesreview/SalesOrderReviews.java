package org.pilotline.bpm.salesreview;

import static org.pilotline.bpm.common.ProcessValues.number;
import static org.pilotline.bpm.common.ProcessValues.decimal;
import static org.pilotline.bpm.common.ProcessValues.date;
import static org.pilotline.bpm.common.ProcessValues.instant;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.jboss.logging.Logger;
import org.pilotline.bpm.platform.ProcessModels;
import org.pilotline.erp.order.SalesOrderEntered;
import org.pilotline.erp.order.SalesOrderReviewService;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.tenancy.TenantContext;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The review of every sales order entered: erp-core announces the order, and once it has committed its review process
 * starts in a transaction of its own — so that an order is never refused for its review, and a failing review is
 * logged and left to a person. The credit, material and capacity check runs at the start; an order that passes all
 * is approved at once, else the planner proposes a date that sales confirms with the customer (there is no sales role
 * yet: the managers), and an order over its customer's credit limit waits for a manager's release.
 */
@ApplicationScoped
public class SalesOrderReviews {

    private static final Logger LOG = Logger.getLogger(SalesOrderReviews.class);

    static final String ORDER_ID = "orderId";
    static final String NUMBER = "number";
    static final String ENTERED_BY = "enteredBy";
    static final String CREDIT_OK = "creditOk";
    static final String CREDIT_LIMIT = "creditLimit";
    static final String OPEN_VALUE = "openOrderValue";
    static final String MATERIAL_OK = "materialOk";
    static final String CAPACITY_OK = "capacityOk";
    /** The earliest date the material and capacity check found feasible; the planner's proposal. */
    static final String FEASIBLE_DATE = "earliestFeasibleDate";
    static final String DELIVERY = "deliveryCheck";
    static final String REQUESTED_DATE = "requestedDate";
    static final String AVAILABILITY = "availability";
    static final String CREDIT_RELEASED = "creditReleased";
    static final String CREDIT_COMMENT = "creditComment";
    static final String PROPOSED_DATE = "proposedDate";
    static final String PROPOSAL_COMMENT = "proposalComment";
    static final String CUSTOMER_ACCEPTED = "customerAccepted";
    static final String CUSTOMER_COMMENT = "customerComment";
    static final String CONFIRMATION_DUE = "confirmationDue";
    /** Working days sales has to get the customer's answer before the administrators are asked as well. */
    static final int CONFIRMATION_DAYS = 3;
    static final String OUTCOME = "outcome";
    static final String PROMISED_DATE = "promisedDate";

    /** The review's standing while a person's step waits, by the step. */
    static final Map<String, String> STATUS_BY_TASK = Map.of(
            "releaseCredit", "CREDIT_HOLD",
            "proposeDate", "DATE_PROPOSAL",
            "confirmWithCustomer", "CUSTOMER_CONFIRMATION");

    @Inject
    RuntimeService runtime;

    @Inject
    RepositoryService repository;

    @Inject
    HistoryService history;

    @Inject
    TaskService tasks;

    @Inject
    TenantContext tenant;

    @Inject
    ObjectMapper json;

    void onEntered(@Observes(during = TransactionPhase.AFTER_SUCCESS) SalesOrderEntered entered) {
        try {
            QuarkusTransaction.requiringNew().run(() -> TenantContext.runAs(entered.tenantId(), () -> start(entered)));
        } catch (RuntimeException e) {
            LOG.errorf(e, "The review of sales order %s of '%s' did not start", entered.number(), entered.tenantId());
        }
    }

    private void start(SalesOrderEntered entered) {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(ProcessModels.SALES_ORDER_REVIEW)
                .tenantIdIn(entered.tenantId()).count() == 0) {
            LOG.warnf("No sales order review deployed for '%s'; order %s is not reviewed", entered.tenantId(),
                    entered.number());
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(ORDER_ID, entered.orderId());
        variables.put(NUMBER, entered.number());
        variables.put(ENTERED_BY, entered.enteredBy());
        runtime.createProcessInstanceByKey(ProcessModels.SALES_ORDER_REVIEW)
                .processDefinitionTenantId(entered.tenantId()).businessKey(entered.number()).setVariables(variables)
                .execute();
    }

    /** The reviews of the caller's enterprise, newest first (at most 200); {@code orderId} finds one order's. */
    public List<SalesOrderReviewView> reviews(String orderIdText) {
        String enterprise = tenant.requireEnterprise();
        HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessModels.SALES_ORDER_REVIEW).tenantIdIn(enterprise);
        if (orderIdText != null && !orderIdText.isBlank()) {
            try {
                query.variableValueEquals(ORDER_ID, Long.valueOf(orderIdText.trim()));
            } catch (NumberFormatException e) {
                throw DomainException.invalid("invalid-parameter", "A query parameter is invalid",
                        new FieldError("orderId", "must be a whole number"));
            }
        }
        return query.orderByProcessInstanceStartTime().desc().listPage(0, 200).stream().map(this::view).toList();
    }

    public SalesOrderReviewView review(String id) {
        String enterprise = tenant.requireEnterprise();
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                .tenantIdIn(enterprise).processDefinitionKey(ProcessModels.SALES_ORDER_REVIEW).singleResult();
        if (instance == null) {
            throw DomainException.notFound("Sales order review", id);
        }
        return view(instance);
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the availability as JSON", e);
        }
    }

    private SalesOrderReviewView view(HistoricProcessInstance instance) {
        Map<String, Object> v = new HashMap<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instance.getId()).list()) {
            v.put(variable.getName(), variable.getValue());
        }
        Task waiting = tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream().findFirst()
                .orElse(null);
        String status = waiting != null ? STATUS_BY_TASK.getOrDefault(waiting.getTaskDefinitionKey(),
                waiting.getTaskDefinitionKey())
                : v.get(OUTCOME) != null ? (String) v.get(OUTCOME) : instance.getState();
        List<SalesOrderReviewService.Availability> availability = read(v.get(AVAILABILITY), instance.getId(),
                new TypeReference<>() {
                });
        List<DeliveryCheck.ItemDelivery> delivery = read(v.get(DELIVERY), instance.getId(), new TypeReference<>() {
        });
        return new SalesOrderReviewView(instance.getId(), number(v.get(ORDER_ID)), (String) v.get(NUMBER), status,
                (String) v.get(ENTERED_BY), (Boolean) v.get(CREDIT_OK), decimal(v.get(CREDIT_LIMIT)),
                decimal(v.get(OPEN_VALUE)), (Boolean) v.get(MATERIAL_OK), date(v.get(REQUESTED_DATE)), availability,
                (Boolean) v.get(CREDIT_RELEASED), date(v.get(PROPOSED_DATE)), (Boolean) v.get(CUSTOMER_ACCEPTED),
                date(v.get(PROMISED_DATE)), waiting == null ? null : waiting.getId(),
                instance.getProcessDefinitionVersion() == null ? 0 : instance.getProcessDefinitionVersion(),
                instant(instance.getStartTime()), instant(instance.getEndTime()), (Boolean) v.get(CAPACITY_OK),
                date(v.get(FEASIBLE_DATE)), delivery);
    }

    private <T> List<T> read(Object value, String instanceId, TypeReference<List<T>> type) {
        if (!(value instanceof byte[] bytes)) {
            return List.of();
        }
        try {
            return json.readValue(bytes, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the check of review " + instanceId, e);
        }
    }
}
