package org.pilotline.bpm.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import org.jboss.logging.Logger;
import org.pilotline.erp.enterprise.Enterprise;
import org.pilotline.erp.enterprise.EnterpriseRegistered;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deploys the process models once per enterprise, with the enterprise code as Camunda tenant id, so that each
 * enterprise's definitions, instances and tasks carry its tenant. Duplicate filtering makes a restart (or a second
 * replica) deploy nothing that is already there.
 */
@ApplicationScoped
public class ProcessModelDeployer {

    private static final Logger LOG = Logger.getLogger(ProcessModelDeployer.class);
    static final String DEPLOYMENT_NAME = "pilotline-models";

    @Inject
    RepositoryService repository;

    /**
     * At application start-up rather than on Camunda's own start event: that one can fire before Flyway has migrated
     * (Quarkus does not order the two), and reading enterprises then would validate an unmigrated schema.
     */
    @ActivateRequestContext
    void onApplicationStarted(@Observes @Priority(5) StartupEvent event) {
        for (Enterprise enterprise : Enterprise.<Enterprise>listAll()) {
            deployFor(enterprise.code);
        }
    }

    void onEnterpriseRegistered(@Observes(during = TransactionPhase.AFTER_SUCCESS) EnterpriseRegistered event) {
        deployFor(event.code());
    }

    /**
     * Deploys the shared templates for one enterprise, except those of which it has deployed its own version: a new
     * release of a template must not take precedence over an enterprise's reengineered process.
     */
    public void deployFor(String tenantId) {
        Set<String> own = repository.createDeploymentQuery().tenantIdIn(tenantId).list().stream()
                .map(Deployment::getName).filter(n -> n != null && n.startsWith(ProcessModels.ENTERPRISE_DEPLOYMENT_PREFIX))
                .map(n -> n.substring(ProcessModels.ENTERPRISE_DEPLOYMENT_PREFIX.length())).collect(Collectors.toSet());
        List<String> templates = ProcessModels.RESOURCES.stream()
                .filter(resource -> !own.contains(ProcessModels.keyOf(resource))).toList();
        if (templates.isEmpty()) {
            return;
        }
        DeploymentBuilder deployment = repository.createDeployment()
                .name(DEPLOYMENT_NAME)
                .tenantId(tenantId)
                .enableDuplicateFiltering(true);
        templates.forEach(deployment::addClasspathResource);
        var definitions = deployment.deployWithResult().getDeployedProcessDefinitions();
        // null when duplicate filtering found every model deployed already
        if (definitions != null && !definitions.isEmpty()) {
            LOG.infof("Deployed %d process model(s) for enterprise '%s'", definitions.size(), tenantId);
        }
    }
}
