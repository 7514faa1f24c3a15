package org.pilotline.bpm.engineeringchange;

import org.pilotline.bpm.common.ProcessRequests;
import static org.pilotline.bpm.common.ProcessValues.boxed;
import static org.pilotline.bpm.common.ProcessValues.date;
import static org.pilotline.bpm.common.ProcessValues.instant;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.pilotline.bpm.platform.ProcessModels;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.erp.item.ItemService;
import org.pilotline.erp.order.DocumentNumbers;
import org.pilotline.erp.revision.RevisionChange;
import org.pilotline.erp.revision.RevisionChangeService;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.tenancy.TenantContext;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Engineering changes (ECR → ECO) of the caller's enterprise on the engine: requesting one starts its process — the
 * impact computed by erp-core, the production manager's and engineering's approvals in parallel, then the new revision
 * applied on the approval that completes them, or the requester notified of a rejection. There is no engineering role
 * yet: engineering's approval is offered to the planners.
 */
@ApplicationScoped
public class EngineeringChangeService {

    static final String NUMBER = "number";
    static final String REQUESTED_BY = "requestedBy";
    static final String KIND = "kind";
    static final String ITEM_ID = "itemId";
    static final String ITEM_CODE = "itemCode";
    static final String REVISION = "revision";
    static final String EFFECTIVE_DATE = "effectiveDate";
    static final String REASON = "reason";
    static final String SWITCH_OPEN_ORDERS = "switchOpenOrders";
    /** The change in erp-core's terms and its impact, as JSON bytes (longer than a string variable may be). */
    static final String CHANGE = "change";
    static final String IMPACT = "impact";
    static final String PRODUCTION_APPROVED = "productionApproved";
    static final String ENGINEERING_APPROVED = "engineeringApproved";
    static final String PRODUCTION_COMMENT = "productionComment";
    static final String ENGINEERING_COMMENT = "engineeringComment";
    static final String REJECTED_BY = "rejectedBy";
    static final String REJECTION_COMMENT = "rejectionComment";
    static final String REVISION_ID = "revisionId";
    static final String CLOSED_REVISION = "closedRevision";
    static final String CLOSED_VALID_TO = "closedValidTo";
    static final String SWITCHED_ORDERS = "switchedOrders";

    private static final Map<String, String> APPROVAL_TASKS = Map.of("approveProduction", "production",
            "approveEngineering", "engineering");

    /** The outcome of a request: the change, and whether the request id was seen before. */
    public record Requested(EngineeringChangeView view, boolean replayed) {
    }

    @Inject
    RuntimeService runtime;

    @Inject
    HistoryService history;

    @Inject
    TaskService tasks;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    ItemService items;

    @Inject
    DocumentNumbers numbers;

    @Inject
    PlantClock clock;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * Requests a change and starts its process, in a transaction of its own: the impact is computed in it, so a
     * proposal erp-core refuses (an unknown component, a cycle) is a 400/422 and nothing starts. A request id seen
     * before answers the change it started then.
     */
    public Requested request(EngineeringChangeRequest r) {
        String enterprise = tenant.requireEnterprise();
        Optional<String> earlier = ProcessRequests.requested(em, enterprise, ProcessModels.ENGINEERING_CHANGE,
                r.requestId());
        if (earlier.isPresent()) {
            return new Requested(change(earlier.get()), true);
        }
        List<FieldError> problems = EngineeringChangeRules.problems(r, clock.today());
        if (!problems.isEmpty()) {
            throw DomainException.invalid("validation", "The request has invalid fields",
                    problems.toArray(FieldError[]::new));
        }
        String itemCode;
        try {
            itemCode = items.getItem(r.itemId()).code();
        } catch (DomainException e) {
            if (e.kind() != ProblemKind.NOT_FOUND) {
                throw e;
            }
            throw DomainException.invalid("unknown-reference", "A referenced record does not exist",
                    new FieldError("itemId", e.detail()));
        }
        RevisionChange change = EngineeringChangeRules.change(r);
        String username = caller.username();
        ProcessRequests.Started started = ProcessRequests.startOnce(em, enterprise, ProcessModels.ENGINEERING_CHANGE,
                r.requestId(), username, () -> {
                    String number = numbers.next("ECR");
                    Map<String, Object> variables = new HashMap<>();
                    variables.put(NUMBER, number);
                    variables.put(REQUESTED_BY, username);
                    variables.put(KIND, r.kind().name());
                    variables.put(ITEM_ID, r.itemId());
                    variables.put(ITEM_CODE, itemCode);
                    variables.put(REVISION, r.revision());
                    variables.put(EFFECTIVE_DATE, r.effectiveDate().toString());
                    variables.put(REASON, r.reason());
                    variables.put(SWITCH_OPEN_ORDERS, change.switchOpenOrders());
                    variables.put(CHANGE, Variables.byteArrayValue(write(change)));
                    return runtime.createProcessInstanceByKey(ProcessModels.ENGINEERING_CHANGE)
                            .processDefinitionTenantId(enterprise).businessKey(number).setVariables(variables).execute()
                            .getId();
                });
        return new Requested(change(started.processInstanceId()), started.replayed());
    }

    /** The caller's enterprise's engineering changes, newest first (at most 200); {@code itemId} filters. */
    public List<EngineeringChangeView> changes(String itemIdText) {
        String enterprise = tenant.requireEnterprise();
        Long itemId;
        try {
            itemId = itemIdText == null || itemIdText.isBlank() ? null : Long.valueOf(itemIdText.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("invalid-parameter", "A query parameter is invalid",
                    new FieldError("itemId", "must be a whole number"));
        }
        HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessModels.ENGINEERING_CHANGE).tenantIdIn(enterprise);
        if (itemId != null) {
            query.variableValueEquals(ITEM_ID, itemId);
        }
        return query.orderByProcessInstanceStartTime().desc().listPage(0, 200).stream().map(this::view).toList();
    }

    public EngineeringChangeView change(String id) {
        String enterprise = tenant.requireEnterprise();
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                .tenantIdIn(enterprise).processDefinitionKey(ProcessModels.ENGINEERING_CHANGE).singleResult();
        if (instance == null) {
            throw DomainException.notFound("Engineering change", id);
        }
        return view(instance);
    }

    byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    <T> T read(Object bytes, Class<T> type) {
        if (bytes == null) {
            return null;
        }
        try {
            return json.readValue((byte[]) bytes, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + type.getSimpleName() + " from "
                    + new String((byte[]) bytes, StandardCharsets.UTF_8), e);
        }
    }

    private EngineeringChangeView view(HistoricProcessInstance instance) {
        Map<String, Object> v = new HashMap<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instance.getId()).list()) {
            v.put(variable.getName(), variable.getValue());
        }
        List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).list();
        List<String> waitingFor = open.stream().map(t -> APPROVAL_TASKS.get(t.getTaskDefinitionKey()))
                .filter(s -> s != null).sorted().toList();
        Long revisionId = boxed(v.get(REVISION_ID));
        String status = !open.isEmpty() || HistoricProcessInstance.STATE_ACTIVE.equals(instance.getState())
                ? "PENDING_APPROVAL" : revisionId != null ? "APPLIED" : v.get(REJECTED_BY) != null ? "REJECTED"
                : instance.getState();
        String switched = (String) v.get(SWITCHED_ORDERS);
        return new EngineeringChangeView(instance.getId(), (String) v.get(NUMBER), status, (String) v.get(KIND),
                boxed(v.get(ITEM_ID)), (String) v.get(ITEM_CODE), (String) v.get(REVISION),
                date(v.get(EFFECTIVE_DATE)), (String) v.get(REASON), Boolean.TRUE.equals(v.get(SWITCH_OPEN_ORDERS)),
                (String) v.get(REQUESTED_BY), read(v.get(IMPACT), RevisionChangeService.Impact.class),
                (Boolean) v.get(PRODUCTION_APPROVED), (Boolean) v.get(ENGINEERING_APPROVED), waitingFor,
                (String) v.get(REJECTED_BY), (String) v.get(REJECTION_COMMENT), revisionId,
                (String) v.get(CLOSED_REVISION), date(v.get(CLOSED_VALID_TO)),
                switched == null || switched.isEmpty() ? List.of() : Arrays.asList(switched.split(",")),
                instance.getProcessDefinitionVersion() == null ? 0 : instance.getProcessDefinitionVersion(),
                instant(instance.getStartTime()), instant(instance.getEndTime()));
    }
}
