package org.pilotline.bpm.purchase;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.pilotline.bpm.tasks.TaskJournal;
import org.pilotline.bpm.journal.ProcessJournal;
import org.pilotline.platform.security.Role;
import org.pilotline.platform.tenancy.TenantContext;

/**
 * An approval unanswered for two working days: the task stays with its approvers and is offered to the enterprise's
 * administrators as well, and the escalation is journalled.
 */
@Named("escalateApproval")
@Dependent
public class EscalateApproval implements JavaDelegate {

    /** The task whose timer fired. */
    static final String APPROVAL_TASK = "approveRequisition";

    @Inject
    TaskService tasks;

    @Inject
    ProcessJournal journal;

    @Override
    public void execute(DelegateExecution execution) {
        String escalateTo = Role.ADMIN.id();
        Object group = execution.getVariable("approverGroup");
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(APPROVAL_TASK).list()) {
            tasks.addCandidateGroup(task.getId(), escalateTo);
            TenantContext.runAs(execution.getTenantId(), () -> journal.record("process", "purchase-approval-escalated",
                    TaskJournal.subjectOf(execution.getProcessInstanceId()),
                    "Approval of " + execution.getVariable(PurchaseRequisitionService.NUMBER) + " by " + group
                            + " unanswered since " + task.getCreateTime().toInstant() + "; task " + task.getId()
                            + " offered to " + escalateTo + " as well"));
        }
    }
}
