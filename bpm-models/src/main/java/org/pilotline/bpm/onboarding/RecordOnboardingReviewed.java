package org.pilotline.bpm.onboarding;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.pilotline.bpm.journal.ProcessJournal;
import org.pilotline.platform.tenancy.TenantContext;

/** Records the manager's review decision in the enterprise journal when the process ends. */
@Named("recordOnboardingReviewed")
@Dependent
public class RecordOnboardingReviewed implements ExecutionListener {

    @Inject
    ProcessJournal journal;

    @Override
    public void notify(DelegateExecution execution) {
        Object reviewer = execution.getVariable(OnboardingService.REVIEWER);
        Object approved = execution.getVariable(OnboardingService.APPROVED);
        TenantContext.runAs(execution.getTenantId(), () -> journal.record(
                reviewer == null ? "process" : reviewer.toString(),
                "onboarding-reviewed",
                OnboardingService.subjectOf(execution.getProcessInstanceId()),
                "Onboarding " + (Boolean.TRUE.equals(approved) ? "approved" : "not approved")
                        + (execution.getVariable(OnboardingService.COMMENT) == null ? ""
                        : ": " + execution.getVariable(OnboardingService.COMMENT))));
    }
}
