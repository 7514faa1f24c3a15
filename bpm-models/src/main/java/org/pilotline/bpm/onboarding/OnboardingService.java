package org.pilotline.bpm.onboarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.pilotline.bpm.platform.ProcessModels;
import org.pilotline.bpm.tasks.TaskWork;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.tenancy.TenantContext;

/** Starts the pilot-onboarding process of the caller's enterprise. */
@ApplicationScoped
public class OnboardingService {

    static final String INITIATOR = "initiator";
    static final String GOAL = "goal";
    static final String REVIEWER = TaskWork.COMPLETED_BY;
    static final String APPROVED = "approved";
    static final String COMMENT = "comment";

    public record Started(String processInstanceId, String businessKey) {
    }

    @Inject
    RuntimeService runtime;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    /** One transaction: the journal entry and the process instance commit together, or neither does. */
    @Transactional
    public Started requestOnboarding(String goal) {
        String enterprise = tenant.requireEnterprise();
        ProcessInstance instance = runtime.createProcessInstanceByKey(ProcessModels.ONBOARDING)
                .processDefinitionTenantId(enterprise)
                .businessKey(enterprise + ":onboarding:" + System.currentTimeMillis())
                .setVariable(INITIATOR, caller.username())
                .setVariable(GOAL, goal)
                .execute();
        return new Started(instance.getId(), instance.getBusinessKey());
    }

    static String subjectOf(String processInstanceId) {
        return "process:" + processInstanceId;
    }
}
