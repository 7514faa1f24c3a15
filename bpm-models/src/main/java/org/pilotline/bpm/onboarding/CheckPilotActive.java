package org.pilotline.bpm.onboarding;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.erp.enterprise.EnterpriseService;
import org.pilotline.erp.enterprise.EnterpriseStatus;

/**
 * Refuses onboarding for an enterprise whose pilot is not active. It runs after the request was recorded, so a refusal
 * must take the journal entry and the process instance back with it: they share one transaction.
 */
@Named("checkPilotActive")
@Dependent
public class CheckPilotActive implements JavaDelegate {

    @Inject
    EnterpriseService enterprises;

    @Override
    public void execute(DelegateExecution execution) {
        EnterpriseStatus status = enterprises.statusOf(execution.getTenantId());
        if (status != EnterpriseStatus.ACTIVE) {
            throw DomainException.unprocessable("pilot-not-active", "The pilot is not active",
                    "Enterprise '" + execution.getTenantId() + "' is " + status + "; onboarding needs an active pilot");
        }
    }
}
