package org.pilotline.bpm.nonconformance;

import org.pilotline.bpm.common.ProcessRequests;
import static org.pilotline.bpm.common.ProcessValues.number;
import static org.pilotline.bpm.common.ProcessValues.boxed;
import static org.pilotline.bpm.common.ProcessValues.decimal;
import static org.pilotline.bpm.common.ProcessValues.instant;
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
import org.pilotline.bpm.platform.ProcessModels;
import org.pilotline.mes.inspection.InspectionService;
import org.pilotline.mes.inspection.InspectionViews;
import org.pilotline.mes.inspection.NonConformanceRaised;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.pilotline.platform.quantity.Decimals.plain;

/**
 * Non-conformances: starts the disposition process of a record the shop floor raised (observing the MES's
 * {@link NonConformanceRaised} in the raising transaction, so record and process commit together), raises one by hand
 * (once per request id), and reads one back from the engine's history.
 */
@ApplicationScoped
public class NonConformanceService {

    static final String NCR_ID = "nonConformanceId";
    static final String NUMBER = "nonConformanceNumber";
    static final String SOURCE = "source";
    static final String ITEM_ID = "itemId";
    static final String QUANTITY = "quantity";
    static final String WORK_ORDER_ID = "workOrderId";
    static final String OPERATION_ID = "operationId";
    static final String DESCRIPTION = "description";
    static final String RAISED_BY = "raisedBy";
    static final String DISPOSITION = "disposition";
    static final String LOCATION_ID = "locationId";
    static final String LOT_NUMBER = "lotNumber";
    static final String SUPPLIER_ID = "supplierId";
    static final String REWORK_WORK_CENTER_ID = "reworkWorkCenterId";
    static final String DISPOSITION_COMMENT = "dispositionComment";
    static final String CONCESSION_APPROVED = "concessionApproved";
    static final String CONCESSION_COMMENT = "concessionComment";
    static final String STOCK_MOVE_ID = "stockMoveId";
    static final String REWORK_OPERATION_ID = "reworkOperationId";
    static final String ROOT_CAUSE = "rootCause";
    static final String CORRECTIVE_ACTION = "correctiveAction";
    static final String ACTION_DAYS = "actionDays";
    static final String ACTION_OUTCOME = "actionOutcome";
    static final String DISPOSITION_DUE = "dispositionDue";
    static final String ROOT_CAUSE_DUE = "rootCauseDue";
    static final String ACTION_DUE = "actionDue";

    /** Working days quality has for the disposition, and for finding the root cause once it is carried out. */
    static final int DISPOSITION_DAYS = 2;
    static final int ROOT_CAUSE_DAYS = 5;

    private static final Map<String, String> STATUS_BY_TASK = Map.of(
            "disposeNonConformance", "AWAITING_DISPOSITION",
            "approveConcession", "AWAITING_CONCESSION",
            "findRootCause", "ROOT_CAUSE_ANALYSIS",
            "takeCorrectiveAction", "CORRECTIVE_ACTION");

    /** The outcome of raising by hand: the process, and whether the request id was seen before. */
    public record Raised(NonConformanceProcessView view, boolean replayed) {
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
    InspectionService inspections;

    @Inject
    EntityManager em;

    /** Starts the process of a record just raised, in its transaction: a failure takes the record back too. */
    void startProcess(NonConformanceRaised raised) {
        InspectionViews.NonConformanceView ncr = TenantContext.callAs(raised.tenantId(),
                () -> inspections.getNonConformance(raised.id()));
        Map<String, Object> variables = new HashMap<>();
        variables.put(NCR_ID, ncr.id());
        variables.put(NUMBER, ncr.number());
        variables.put(SOURCE, ncr.source().name());
        variables.put(ITEM_ID, ncr.itemId());
        // decimals as exact text: the engine has no decimal variable type
        variables.put(QUANTITY, plain(ncr.quantity()).toPlainString());
        variables.put(WORK_ORDER_ID, ncr.workOrderId());
        variables.put(OPERATION_ID, ncr.operationId());
        variables.put(DESCRIPTION, ncr.description());
        variables.put(RAISED_BY, ncr.raisedBy());
        runtime.createProcessInstanceByKey(ProcessModels.NON_CONFORMANCE).processDefinitionTenantId(raised.tenantId())
                .businessKey(ncr.number()).setVariables(variables).execute();
    }

    /**
     * Raises a non-conformance by hand and starts its process, in a transaction of its own. A request id seen before
     * answers the process it started then, also when two identical requests race (the loser's transaction rolls
     * back, and it reads the winner's).
     */
    public Raised raise(NonConformanceProcessRequest r) {
        String enterprise = tenant.requireEnterprise();
        Optional<String> earlier = ProcessRequests.requested(em, enterprise, ProcessModels.NON_CONFORMANCE,
                r.requestId());
        if (earlier.isPresent()) {
            return new Raised(nonConformance(earlier.get()), true);
        }
        String username = caller.username();
        ProcessRequests.Started started = ProcessRequests.startOnce(em, enterprise, ProcessModels.NON_CONFORMANCE,
                r.requestId(), username, () -> {
                    InspectionViews.NonConformanceView ncr = inspections.raiseByHand(
                            new InspectionViews.NonConformanceRequest(r.itemId(), r.workOrderId(), r.operationId(),
                                    r.quantity(), r.description()));
                    return runtime.createProcessInstanceQuery()
                            .processDefinitionKey(ProcessModels.NON_CONFORMANCE).tenantIdIn(enterprise)
                            .processInstanceBusinessKey(ncr.number()).singleResult().getId();
                });
        return new Raised(nonConformance(started.processInstanceId()), started.replayed());
    }

    /** The caller's enterprise's non-conformance processes, newest first (at most 200); {@code number} filters. */
    public List<NonConformanceProcessView> nonConformances(String number) {
        String enterprise = tenant.requireEnterprise();
        HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessModels.NON_CONFORMANCE).tenantIdIn(enterprise);
        if (number != null && !number.isBlank()) {
            query.processInstanceBusinessKey(number.trim());
        }
        return query.orderByProcessInstanceStartTime().desc().listPage(0, 200).stream().map(this::view).toList();
    }

    public NonConformanceProcessView nonConformance(String id) {
        String enterprise = tenant.requireEnterprise();
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                .tenantIdIn(enterprise).processDefinitionKey(ProcessModels.NON_CONFORMANCE).singleResult();
        if (instance == null) {
            throw DomainException.notFound("Non-conformance process", id);
        }
        return view(instance);
    }

    private NonConformanceProcessView view(HistoricProcessInstance instance) {
        Map<String, Object> v = new HashMap<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instance.getId()).list()) {
            v.put(variable.getName(), variable.getValue());
        }
        Task waiting = tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream().findFirst()
                .orElse(null);
        String status = waiting != null ? STATUS_BY_TASK.getOrDefault(waiting.getTaskDefinitionKey(),
                waiting.getTaskDefinitionKey())
                : HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState()) ? "CLOSED" : instance.getState();
        return new NonConformanceProcessView(instance.getId(), number(v.get(NCR_ID)), (String) v.get(NUMBER),
                (String) v.get(SOURCE), status, number(v.get(ITEM_ID)), decimal(v.get(QUANTITY)),
                boxed(v.get(WORK_ORDER_ID)), boxed(v.get(OPERATION_ID)), (String) v.get(DESCRIPTION),
                (String) v.get(RAISED_BY), (String) v.get(DISPOSITION), (Boolean) v.get(CONCESSION_APPROVED),
                boxed(v.get(STOCK_MOVE_ID)), boxed(v.get(REWORK_OPERATION_ID)), (String) v.get(ROOT_CAUSE),
                (String) v.get(CORRECTIVE_ACTION), instant(v.get(ACTION_DUE)), (String) v.get(ACTION_OUTCOME),
                waiting == null ? null : waiting.getId(), waiting == null ? null : instant(waiting.getDueDate()),
                instance.getProcessDefinitionVersion() == null ? 0 : instance.getProcessDefinitionVersion(),
                instant(instance.getStartTime()), instant(instance.getEndTime()));
    }
}
