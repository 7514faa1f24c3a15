package org.pilotline.bpm.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.pilotline.bpm.platform.ProcessModels;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.tenancy.TenantContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a process diagram needs to show where an instance stands: the BPMN 2.0 XML (with its diagram interchange) of
 * the exact process definition version the instance runs — the shared template or the enterprise's own version —
 * and, from the engine's history, the activities active now and those already completed.
 */
@ApplicationScoped
public class ProcessDiagrams {

    /** Camunda's id suffix for the activity that wraps a multi-instance activity; the diagram knows the inner id. */
    private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    /**
     * {@code source}: {@code TEMPLATE} (the shared model) or {@code ENTERPRISE} (the enterprise's own version);
     * {@code state} Camunda's ({@code ACTIVE}, {@code COMPLETED}, {@code EXTERNALLY_TERMINATED}, …);
     * {@code activeActivityIds} the BPMN element ids active now (a user task waiting, a timer, the sub-process around
     * them), {@code completedActivityIds} those that ended normally at least once (cancelled ones are left out), both in
     * the order they were first entered.
     */
    public record ProcessDiagramView(String processInstanceId, String processDefinitionId, String processDefinitionKey,
                                     int processDefinitionVersion, String source, String state, String bpmn,
                                     List<String> activeActivityIds, List<String> completedActivityIds) {
    }

    @Inject
    HistoryService history;

    @Inject
    RepositoryService repository;

    @Inject
    TenantContext tenant;

    /** The diagram of a process instance of the caller's enterprise; 404 for any other, indistinguishable. */
    public ProcessDiagramView diagram(String processInstanceId) {
        String enterprise = tenant.requireEnterprise();
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).tenantIdIn(enterprise).singleResult();
        if (instance == null) {
            throw DomainException.notFound("Process instance", processInstanceId);
        }
        ProcessDefinition definition = repository.createProcessDefinitionQuery()
                .processDefinitionId(instance.getProcessDefinitionId()).singleResult();
        Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId())
                .singleResult();
        boolean own = deployment != null && deployment.getName() != null
                && deployment.getName().startsWith(ProcessModels.ENTERPRISE_DEPLOYMENT_PREFIX);
        Set<String> active = new LinkedHashSet<>();
        Set<String> completed = new LinkedHashSet<>();
        for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).orderPartiallyByOccurrence().asc().list()) {
            String id = elementId(activity.getActivityId());
            if (activity.getEndTime() == null) {
                active.add(id);
            } else if (!activity.isCanceled()) {
                completed.add(id);
            }
        }
        return new ProcessDiagramView(instance.getId(), definition.getId(), definition.getKey(),
                definition.getVersion(), own ? "ENTERPRISE" : "TEMPLATE", instance.getState(), xml(definition),
                List.copyOf(active), List.copyOf(completed));
    }

    private String xml(ProcessDefinition definition) {
        try (InputStream in = repository.getProcessModel(definition.getId())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model of " + definition.getId(), e);
        }
    }

    private static String elementId(String activityId) {
        return activityId.endsWith(MULTI_INSTANCE_BODY)
                ? activityId.substring(0, activityId.length() - MULTI_INSTANCE_BODY.length()) : activityId;
    }
}
