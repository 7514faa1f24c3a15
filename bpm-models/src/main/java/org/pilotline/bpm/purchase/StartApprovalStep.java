package org.pilotline.bpm.purchase;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import java.util.List;

/**
 * Starts one step of the approval chain: the role that approves it ({@code approverGroup}, the chain's entry at the
 * step's {@code loopCounter}) and when it escalates ({@code approvalDue}), as variables of the step, which the model's
 * user task and timer read. (The engine cannot call methods of CDI beans from a model's expressions under Quarkus.)
 */
@Named("startApprovalStep")
@Dependent
public class StartApprovalStep implements ExecutionListener {

    @Inject
    ApprovalDeadline deadline;

    @Override
    public void notify(DelegateExecution execution) {
        List<String> chain = ApprovalSteps.parse((String) execution.getVariable(PurchaseRequisitionService.APPROVAL_CHAIN));
        int step = ((Number) execution.getVariable("loopCounter")).intValue();
        execution.setVariableLocal("approverGroup", chain.get(step));
        execution.setVariableLocal("approvalDue", deadline.after(execution.getTenantId()));
    }
}
