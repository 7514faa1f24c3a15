package org.pilotline.bpm.engineeringchange;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotline.bpm.tasks.TaskJournal;
import org.pilotline.bpm.tasks.TaskWork;
import org.pilotline.erp.revision.RevisionChange;
import org.pilotline.erp.revision.RevisionChangeService;
import org.pilotline.bpm.journal.ProcessJournal;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.Objects;

import static org.pilotline.bpm.engineeringchange.EngineeringChangeService.*;

/**
 * The change approved by both: erp-core puts the new revision in place from the effective date and closes the one in
 * force the day before, in the transaction of the approval that completed the pair. A refusal (a revision label taken
 * meanwhile, a revision starting on or after the date) takes everything back — the revisions, the process step and
 * the approval — and the approver sees why.
 */
@Named("applyEngineeringChange")
@Dependent
public class ApplyEngineeringChange implements JavaDelegate {

    @Inject
    RevisionChangeService revisions;

    @Inject
    EngineeringChangeService changes;

    @Inject
    ProcessJournal journal;

    @Override
    public void execute(DelegateExecution execution) {
        RevisionChange change = changes.read(execution.getVariable(CHANGE), RevisionChange.class);
        RevisionChangeService.Applied applied = revisions.apply(change);
        execution.setVariable(REVISION_ID, applied.revisionId());
        execution.setVariable(CLOSED_REVISION, applied.closedRevision());
        execution.setVariable(CLOSED_VALID_TO, applied.closedValidTo() == null ? null : applied.closedValidTo().toString());
        execution.setVariable(SWITCHED_ORDERS, String.join(",", applied.switchedOrders()));
        String actor = Objects.toString(execution.getVariable(TaskWork.COMPLETED_BY), "process");
        TenantContext.runAs(execution.getTenantId(), () -> journal.record(actor, "engineering-change-applied",
                TaskJournal.subjectOf(execution.getProcessInstanceId()),
                execution.getVariable(NUMBER) + ": " + change.kind() + " revision " + applied.revision() + " of "
                        + execution.getVariable(ITEM_CODE) + " effective " + change.effectiveDate()
                        + (applied.closedRevision() == null ? "" : "; revision " + applied.closedRevision()
                        + " effective until the day before")
                        + (applied.switchedOrders().isEmpty() ? "; open orders keep their revision"
                        : "; switched: " + String.join(", ", applied.switchedOrders()))));
    }
}
