package org.pilotline.bpm.engineeringchange;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.pilotline.bpm.tasks.TaskJournal;
import org.pilotline.bpm.journal.ProcessJournal;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.Objects;

import static org.pilotline.bpm.engineeringchange.EngineeringChangeService.*;

/** Journals a change request when its process starts: what is to change, from when, why and by whom. */
@Named("engineeringChangeJournal")
@Dependent
public class EngineeringChangeJournal implements ExecutionListener {

    @Inject
    ProcessJournal journal;

    @Override
    public void notify(DelegateExecution execution) {
        String text = execution.getVariable(NUMBER) + ": " + execution.getVariable(KIND) + " revision "
                + execution.getVariable(REVISION) + " of " + execution.getVariable(ITEM_CODE) + " effective "
                + execution.getVariable(EFFECTIVE_DATE)
                + (Boolean.TRUE.equals(execution.getVariable(SWITCH_OPEN_ORDERS)) ? " (open orders switch)" : "")
                + ": " + execution.getVariable(REASON);
        TenantContext.runAs(execution.getTenantId(), () -> journal.record(
                Objects.toString(execution.getVariable(REQUESTED_BY), "process"), "engineering-change-requested",
                TaskJournal.subjectOf(execution.getProcessInstanceId()), text));
    }
}
