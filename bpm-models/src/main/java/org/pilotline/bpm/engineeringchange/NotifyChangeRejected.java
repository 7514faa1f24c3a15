package org.pilotline.bpm.engineeringchange;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.pilotline.bpm.tasks.TaskJournal;
import org.pilotline.bpm.tasks.TaskWork;
import org.pilotline.bpm.journal.ProcessJournal;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.Objects;

import static org.pilotline.bpm.engineeringchange.EngineeringChangeService.*;

/**
 * One approver rejected the change: the requester gets a task of their own saying so and why (listed by the task
 * API as theirs; completing it acknowledges the notice), the rejection is journalled, and the process ends — the
 * other approval, if still open, is cancelled.
 */
@Named("notifyChangeRejected")
@Dependent
public class NotifyChangeRejected implements JavaDelegate {

    @Inject
    TaskService tasks;

    @Inject
    ProcessJournal journal;

    @Override
    public void execute(DelegateExecution execution) {
        boolean byProduction = Boolean.FALSE.equals(execution.getVariable(PRODUCTION_APPROVED));
        String comment = (String) execution.getVariable(byProduction ? PRODUCTION_COMMENT : ENGINEERING_COMMENT);
        String by = Objects.toString(execution.getVariable(TaskWork.COMPLETED_BY), "process");
        execution.setVariable(REJECTED_BY, by);
        execution.setVariable(REJECTION_COMMENT, comment);
        String number = (String) execution.getVariable(NUMBER);
        String text = number + " (" + execution.getVariable(KIND) + " revision " + execution.getVariable(REVISION)
                + " of " + execution.getVariable(ITEM_CODE) + ") rejected by " + by
                + (byProduction ? " (production)" : " (engineering)") + (comment == null ? "" : ": " + comment);
        Task notice = tasks.newTask();
        notice.setName("Engineering change rejected / 工程变更被驳回: " + number);
        notice.setDescription(text);
        notice.setAssignee((String) execution.getVariable(REQUESTED_BY));
        notice.setTenantId(execution.getTenantId());
        tasks.saveTask(notice);
        TenantContext.runAs(execution.getTenantId(), () -> journal.record(by, "engineering-change-rejected",
                TaskJournal.subjectOf(execution.getProcessInstanceId()),
                text + "; requester " + execution.getVariable(REQUESTED_BY) + " notified (task " + notice.getId() + ")"));
    }
}
