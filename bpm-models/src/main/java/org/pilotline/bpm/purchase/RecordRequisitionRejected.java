package org.pilotline.bpm.purchase;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotline.bpm.tasks.TaskJournal;
import org.pilotline.bpm.tasks.TaskWork;
import org.pilotline.bpm.journal.ProcessJournal;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.Objects;

/** A rejected requisition: journalled with who rejected it and why; no order is made. */
@Named("recordRequisitionRejected")
@Dependent
public class RecordRequisitionRejected implements JavaDelegate {

    @Inject
    ProcessJournal journal;

    @Override
    public void execute(DelegateExecution execution) {
        Object comment = execution.getVariable(PurchaseRequisitionService.COMMENT);
        TenantContext.runAs(execution.getTenantId(), () -> journal.record(
                Objects.toString(execution.getVariable(TaskWork.COMPLETED_BY), "process"), "purchase-requisition-rejected",
                TaskJournal.subjectOf(execution.getProcessInstanceId()),
                "Purchase requisition " + execution.getVariable(PurchaseRequisitionService.NUMBER) + " rejected"
                        + (comment == null ? "" : ": " + comment)));
    }
}
