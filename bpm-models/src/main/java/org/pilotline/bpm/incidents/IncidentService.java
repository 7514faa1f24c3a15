package org.pilotline.bpm.incidents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.pilotline.bpm.tasks.TaskJournal;
import org.pilotline.bpm.journal.ProcessJournal;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.List;
import java.util.Optional;

/**
 * Failures made visible: the incidents of the caller's enterprise (a service step or timer that failed and used up
 * its retries — three, a minute apart, on the engine's clock), and retrying one. Scoped by the Camunda tenant id:
 * another enterprise's incident is not found.
 */
@ApplicationScoped
public class IncidentService {

    private static final String DOMAIN_FAILURE = "org.pilotline.platform.problem.DomainException: ";

    @Inject
    RuntimeService runtime;

    @Inject
    ManagementService management;

    @Inject
    RepositoryService repository;

    @Inject
    HistoryService history;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    ProcessJournal journal;

    public List<IncidentView> incidents() {
        String enterprise = tenant.requireEnterprise();
        return runtime.createIncidentQuery().tenantIdIn(enterprise).orderByIncidentTimestamp().desc().list().stream()
                .map(this::view).toList();
    }

    public IncidentView incident(String id) {
        return view(require(id));
    }

    /**
     * Gives the failed job one more attempt, due now: the job executor runs it, and the incident is resolved. If it
     * fails again, a new incident is raised. An incident retried already no longer exists (404), so a retry sent
     * twice runs the step once more, not twice.
     */
    @Transactional
    public IncidentView retry(String id) {
        Incident incident = require(id);
        if (!Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())) {
            throw DomainException.conflict("incident-not-retryable", "The incident is not a failed job",
                    "Incident " + id + " is of type " + incident.getIncidentType() + "; only failed jobs are retried");
        }
        IncidentView view = view(incident);
        management.setJobRetries(1).jobId(incident.getConfiguration()).dueDate(ClockUtil.getCurrentTime()).execute();
        journal.record(caller.username(), "incident-retried", TaskJournal.subjectOf(incident.getProcessInstanceId()),
                "Step " + incident.getActivityId() + " retried after: " + view.cause());
        return view;
    }

    private Incident require(String id) {
        String enterprise = tenant.requireEnterprise();
        Incident incident = runtime.createIncidentQuery().incidentId(id).tenantIdIn(enterprise).singleResult();
        if (incident == null) {
            throw DomainException.notFound("Incident", id);
        }
        return incident;
    }

    private IncidentView view(Incident incident) {
        ProcessDefinition definition = incident.getProcessDefinitionId() == null ? null
                : repository.getProcessDefinition(incident.getProcessDefinitionId());
        String businessKey = incident.getProcessInstanceId() == null ? null : Optional.ofNullable(history
                        .createHistoricProcessInstanceQuery().processInstanceId(incident.getProcessInstanceId()).singleResult())
                .map(HistoricProcessInstance::getBusinessKey).orElse(null);
        boolean job = Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType());
        return new IncidentView(incident.getId(), incident.getIncidentType(), incident.getProcessInstanceId(),
                definition == null ? null : definition.getKey(), definition == null ? 0 : definition.getVersion(),
                businessKey, incident.getActivityId(), cause(incident, job),
                incident.getIncidentTimestamp() == null ? null : incident.getIncidentTimestamp().toInstant(), job);
    }

    /** A business refusal's detail; anything else unnamed, since its message may carry class names or SQL. */
    private String cause(Incident incident, boolean job) {
        if (job && incident.getConfiguration() != null) {
            String trace;
            try {
                trace = management.getJobExceptionStacktrace(incident.getConfiguration());
            } catch (RuntimeException noTrace) {
                trace = null;
            }
            if (trace != null) {
                // the refusal itself, or the cause the engine wrapped it in
                var refusal = trace.lines().map(l -> l.startsWith("Caused by: ") ? l.substring(11) : l)
                        .filter(l -> l.startsWith(DOMAIN_FAILURE)).findFirst();
                if (refusal.isPresent()) {
                    return refusal.get().substring(DOMAIN_FAILURE.length());
                }
            }
        }
        return "An unexpected failure in step " + incident.getActivityId()
                + "; the server log has its details";
    }
}
