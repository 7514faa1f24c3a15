package org.pilotline.bpm.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.security.Role;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The people's side of the processes: the user tasks waiting for the caller (assigned to them, or offered to one of
 * their roles within their enterprise), claiming and completing them, and the history of a process instance.
 */
@ApplicationScoped
public class TaskWork {

    /** Process variable set on completion: who completed the last user task. */
    public static final String COMPLETED_BY = "completedBy";

    public record TaskView(String id, String name, String taskDefinitionKey, String processInstanceId,
                           String processDefinitionKey, String assignee, List<String> candidateGroups, Instant created) {
    }

    public record ActivityView(String activityId, String name, String type, Instant started, Instant ended) {
    }

    public record ProcessView(String id, String processDefinitionKey, String businessKey, String state,
                              Instant started, Instant ended, List<ActivityView> activities) {
    }

    @Inject
    TaskService tasks;

    @Inject
    HistoryService history;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    public List<TaskView> myTasks() {
        String enterprise = tenant.requireEnterprise();
        List<String> groups = caller.roles().stream().map(Role::id).toList();
        return tasks.createTaskQuery().tenantIdIn(enterprise)
                .or().taskCandidateGroupIn(groups).taskAssignee(caller.username()).endOr()
                .orderByTaskCreateTime().asc().list().stream().map(this::view).toList();
    }

    @Transactional
    public TaskView claim(String taskId) {
        Task task = offeredToCaller(taskId);
        try {
            tasks.claim(task.getId(), caller.username());
        } catch (TaskAlreadyClaimedException e) {
            throw DomainException.conflict("task-claimed", "The task is claimed by someone else",
                    "Task '" + taskId + "' is already claimed by " + e.getTaskAssignee());
        }
        return view(tasks.createTaskQuery().taskId(taskId).singleResult());
    }

    @Transactional
    public void complete(String taskId, Map<String, Object> variables) {
        Task task = offeredToCaller(taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(caller.username())) {
            throw DomainException.conflict("task-claimed", "The task is claimed by someone else",
                    "Task '" + taskId + "' is claimed by " + task.getAssignee());
        }
        Map<String, Object> values = new HashMap<>();
        if (variables != null) {
            variables.forEach((name, value) -> {
                if (!(value == null || value instanceof String || value instanceof Number || value instanceof Boolean)) {
                    throw DomainException.invalid("invalid-variable", "Task variables are plain values",
                            new FieldError("variables." + name, "must be a string, number, boolean or null"));
                }
                values.put(name, value);
            });
        }
        values.put(COMPLETED_BY, caller.username());
        tasks.complete(task.getId(), values);
    }

    public ProcessView process(String processInstanceId) {
        String enterprise = tenant.requireEnterprise();
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).tenantIdIn(enterprise).singleResult();
        if (instance == null) {
            throw DomainException.notFound("Process instance", processInstanceId);
        }
        List<ActivityView> activities = history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).orderPartiallyByOccurrence().asc().list().stream()
                .map(TaskWork::view).toList();
        return new ProcessView(instance.getId(), instance.getProcessDefinitionKey(), instance.getBusinessKey(),
                instance.getState(), instant(instance.getStartTime()), instant(instance.getEndTime()), activities);
    }

    /** The task, if it is in the caller's enterprise and assigned or offered to them; otherwise not found. */
    private Task offeredToCaller(String taskId) {
        String enterprise = tenant.requireEnterprise();
        List<String> groups = caller.roles().stream().map(Role::id).toList();
        Task task = tasks.createTaskQuery().taskId(taskId).tenantIdIn(enterprise)
                .or().taskCandidateGroupIn(groups).taskAssignee(caller.username()).endOr().singleResult();
        if (task == null) {
            throw DomainException.notFound("Task", taskId);
        }
        return task;
    }

    private TaskView view(Task task) {
        List<String> candidates = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted().toList();
        String definitionKey = task.getProcessDefinitionId() == null ? null : task.getProcessDefinitionId().split(":")[0];
        return new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
                definitionKey, task.getAssignee(), candidates, instant(task.getCreateTime()));
    }

    private static ActivityView view(HistoricActivityInstance activity) {
        return new ActivityView(activity.getActivityId(), activity.getActivityName(), activity.getActivityType(),
                instant(activity.getStartTime()), instant(activity.getEndTime()));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
