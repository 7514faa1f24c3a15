package org.pilotline.bpm.nonconformance;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.pilotline.bpm.tasks.TaskJournal;
import org.pilotline.bpm.tasks.TaskWork;
import org.pilotline.bpm.journal.ProcessJournal;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.Objects;

import static org.pilotline.bpm.nonconformance.NonConformanceService.*;

/**
 * Journals the beginning of a non-conformance's process (what was raised, by whom) and its end (the root cause and
 * the corrective action taken), as listeners of the model's start and end events; tasks are journalled by
 * {@link TaskJournal} and {@link TaskWork}, the disposition by {@link ApplyDisposition}.
 */
@Named("nonConformanceJournal")
@Dependent
public class NonConformanceJournal implements ExecutionListener {

    @Inject
    ProcessJournal journal;

    @Override
    public void notify(DelegateExecution execution) {
        boolean raised = "raised".equals(execution.getCurrentActivityId());
        String actor = raised ? Objects.toString(execution.getVariable(RAISED_BY), "process")
                : Objects.toString(execution.getVariable(TaskWork.COMPLETED_BY), "process");
        String text = raised
                ? execution.getVariable(NUMBER) + " (" + execution.getVariable(SOURCE) + "): "
                        + execution.getVariable(QUANTITY) + " of item " + execution.getVariable(ITEM_ID) + ": "
                        + execution.getVariable(DESCRIPTION)
                : execution.getVariable(NUMBER) + ": root cause " + execution.getVariable(ROOT_CAUSE)
                        + "; corrective action " + execution.getVariable(CORRECTIVE_ACTION) + ": "
                        + execution.getVariable(ACTION_OUTCOME);
        TenantContext.runAs(execution.getTenantId(), () -> journal.record(actor,
                raised ? "nonconformance-raised" : "nonconformance-corrected",
                TaskJournal.subjectOf(execution.getProcessInstanceId()), text));
    }
}
