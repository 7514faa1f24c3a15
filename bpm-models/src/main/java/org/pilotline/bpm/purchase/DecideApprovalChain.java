package org.pilotline.bpm.purchase;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.pilotline.bpm.platform.ProcessModels;
import org.pilotline.bpm.tasks.TaskJournal;
import org.pilotline.bpm.journal.ProcessJournal;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import static org.pilotline.bpm.purchase.PurchaseRequisitionService.AMOUNT;
import static org.pilotline.bpm.purchase.PurchaseRequisitionService.APPROVAL_CHAIN;
import static org.pilotline.bpm.purchase.PurchaseRequisitionService.CATEGORY;
import static org.pilotline.bpm.purchase.PurchaseRequisitionService.ITEM_CODE;
import static org.pilotline.bpm.purchase.PurchaseRequisitionService.NUMBER;
import static org.pilotline.bpm.purchase.PurchaseRequisitionService.QUANTITY;
import static org.pilotline.bpm.purchase.PurchaseRequisitionService.REQUESTER;

/**
 * Asks the enterprise's decision table {@code purchase-approval} (deployed with its tenant id, so an enterprise's own
 * version is the one used) which roles approve this requisition, in order, and journals the request. The decision
 * sees the amount as a double (the engine's DMN types have no decimal); the requisition keeps it exact.
 */
@Named("decideApprovalChain")
@Dependent
public class DecideApprovalChain implements JavaDelegate {

    @Inject
    DecisionService decisions;

    @Inject
    ProcessJournal journal;

    @Override
    public void execute(DelegateExecution execution) {
        BigDecimal amount = new BigDecimal((String) execution.getVariable(AMOUNT));
        String category = (String) execution.getVariable(CATEGORY);
        DmnDecisionResult result = decisions.evaluateDecisionByKey(ProcessModels.PURCHASE_APPROVAL_DECISION)
                .decisionDefinitionTenantId(execution.getTenantId())
                .variables(Variables.createVariables().putValue("amount", amount.doubleValue())
                        .putValue("category", category))
                .evaluate();
        List<String> chain = result.collectEntries("approverGroup").stream().map(Object::toString)
                .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (chain.isEmpty()) {
            throw DomainException.unprocessable("no-approval-rule", "No approval rule applies",
                    "The enterprise's decision table purchase-approval names no approver for an amount of " + amount
                            + " in category " + category);
        }
        execution.setVariable(APPROVAL_CHAIN, String.join(",", chain));
        execution.setVariable(PurchaseRequisitionService.APPROVAL_COUNT, chain.size());
        TenantContext.runAs(execution.getTenantId(), () -> journal.record(
                Objects.toString(execution.getVariable(REQUESTER), "process"), "purchase-requisition-requested",
                TaskJournal.subjectOf(execution.getProcessInstanceId()),
                "Purchase requisition " + execution.getVariable(NUMBER) + ": " + execution.getVariable(QUANTITY) + " of "
                        + execution.getVariable(ITEM_CODE) + " (" + category + "), amount " + amount
                        + "; approval by " + String.join(" then ", chain)));
    }
}
