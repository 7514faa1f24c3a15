package org.pilotline.bpm.onboarding;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotline.bpm.journal.ProcessJournal;
import org.pilotline.platform.tenancy.TenantContext;

/** Writes the onboarding request into the enterprise journal through erp-core's journal service. */
@Named("recordOnboardingRequest")
@Dependent
public class RecordOnboardingRequest implements JavaDelegate {

    @Inject
    ProcessJournal journal;

    @Override
    public void execute(DelegateExecution execution) {
        TenantContext.runAs(execution.getTenantId(), () -> journal.record(
                (String) execution.getVariable(OnboardingService.INITIATOR),
                "onboarding-requested",
                OnboardingService.subjectOf(execution.getProcessInstanceId()),
                "Onboarding requested: " + execution.getVariable(OnboardingService.GOAL)));
    }
}
