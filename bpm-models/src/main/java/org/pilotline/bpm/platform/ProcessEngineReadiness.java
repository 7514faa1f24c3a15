package org.pilotline.bpm.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the Camunda engine answers a query on its own tables and its job executor runs. */
@Readiness
@ApplicationScoped
public class ProcessEngineReadiness implements HealthCheck {

    @Inject
    ProcessEngine engine;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Camunda process engine");
        try {
            long definitions = engine.getRepositoryService().createProcessDefinitionQuery().count();
            var jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
            boolean executing = jobExecutor != null && jobExecutor.isActive();
            return response.status(executing).withData("engine", engine.getName())
                    .withData("processDefinitions", definitions).withData("jobExecutorActive", executing).build();
        } catch (RuntimeException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
