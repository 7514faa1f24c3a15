package org.pilotline.bpm.tasks;

import static org.pilotline.bpm.common.ProcessValues.instant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.FormFieldValidationConstraint;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.pilotline.erp.security.UserDirectory;
import org.pilotline.bpm.journal.ProcessJournal;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.security.Role;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The people's side of the processes: the user tasks waiting for the caller (assigned to them, or offered to one of
 * their roles within their enterprise), claiming, delegating and completing them with the values their form asks
 * for, and the history of a process instance. Every action is written to the enterprise journal in its transaction.
 * "Now" is the engine's clock, so that due and overdue agree with the engine's timers.
 */
@ApplicationScoped
public class TaskWork {

    /** Process variable set on completion: who completed the last user task. */
    public static final String COMPLETED_BY = "completedBy";

    /** Which tasks a list shows: assigned to me, offered to my roles and unclaimed, or both. */
    public enum Scope { ALL, MINE, GROUPS }

    /** A field of a task's form; {@code defaultValue} what the process offers (e.g. a proposed date), or null. */
    public record FormFieldView(String id, String label, String type, boolean required, List<String> values,
                                Object defaultValue) {
    }

    public record TaskView(String id, String name, String taskDefinitionKey, String processInstanceId,
                           String processDefinitionKey, String businessKey, String assignee, String owner,
                           String delegationState, List<String> candidateGroups, Instant created, Instant due,
                           boolean overdue, List<FormFieldView> form) {
    }

    public record ActivityView(String activityId, String name, String type, Instant started, Instant ended) {
    }

    public record ProcessView(String id, String processDefinitionKey, int processDefinitionVersion, String businessKey,
                              String state, Instant started, Instant ended, List<ActivityView> activities) {
    }

    @Inject
    TaskService tasks;

    @Inject
    FormService forms;

    @Inject
    HistoryService history;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    ProcessJournal journal;

    @Inject
    UserDirectory users;

    /**
     * The caller's tasks: {@code scope} {@code mine} (assigned to me), {@code groups} (unclaimed, offered to one of my
     * roles) or {@code all} (both, the default); {@code dueBefore} an instant; {@code overdue} {@code true} for tasks
     * whose due date has passed. Parameters come as text so that a bad one is a 400 naming it.
     */
    public List<TaskView> myTasks(String scope, String dueBefore, String overdue) {
        String enterprise = tenant.requireEnterprise();
        Scope which = parseScope(scope);
        Instant before = parseInstant("dueBefore", dueBefore);
        boolean onlyOverdue = parseBoolean("overdue", overdue);
        TaskQuery query = tasks.createTaskQuery().tenantIdIn(enterprise);
        switch (which) {
            case MINE -> query.taskAssignee(caller.username());
            case GROUPS -> query.taskCandidateGroupIn(groups());
            case ALL -> query.or().taskCandidateGroupIn(groups()).taskAssignee(caller.username()).endOr();
        }
        Date now = ClockUtil.getCurrentTime();
        if (before != null) {
            query.dueBefore(Date.from(before));
        }
        if (onlyOverdue) {
            query.dueBefore(before != null && before.isBefore(now.toInstant()) ? Date.from(before) : now);
        }
        return query.orderByTaskCreateTime().asc().list().stream().map(this::view).toList();
    }

    public TaskView task(String taskId) {
        return view(offeredToCaller(taskId));
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
        record(task, "task-claimed", "claimed " + describe(task));
        return view(byId(taskId));
    }

    /**
     * Gives a claimed task back to the groups it is offered to, unassigned: its assignee gives it back, or the
     * enterprise's administrator takes it from a colleague who cannot finish it. A task another user holds is not
     * offered to the caller (404, as for every other action on it), unless the caller administers the enterprise. 409
     * {@code task-not-assigned} for a task nobody holds, {@code task-delegated} while a delegate holds it (it comes back
     * to its owner when resolved).
     */
    @Transactional
    public TaskView unclaim(String taskId) {
        boolean administrator = caller.has(Role.ADMIN);
        Task task = administrator ? inCallersEnterprise(taskId) : offeredToCaller(taskId);
        if (task.getAssignee() == null) {
            throw DomainException.conflict("task-not-assigned", "The task is not claimed",
                    "Task '" + taskId + "' is not claimed by anyone");
        }
        if (task.getDelegationState() == DelegationState.PENDING) {
            throw DomainException.conflict("task-delegated", "The task is delegated",
                    "Task '" + taskId + "' is delegated to " + task.getAssignee() + " by " + task.getOwner()
                            + "; it comes back to " + task.getOwner() + " when resolved");
        }
        String holder = task.getAssignee();
        tasks.setAssignee(task.getId(), null);
        record(task, "task-unclaimed", (holder.equals(caller.username()) ? "gave back " : "took back from " + holder + " ")
                + describe(task));
        return view(byId(taskId));
    }

    /**
     * Hands a task I hold to another user of my enterprise; they see it as theirs, and when they complete it the task
     * comes back to me (resolved, with the values they gave) for my own completion.
     */
    @Transactional
    public TaskView delegate(String taskId, String to) {
        Task task = offeredToCaller(taskId);
        if (!caller.username().equals(task.getAssignee())) {
            throw DomainException.conflict("task-not-assigned", "Claim the task before delegating it",
                    "Task '" + taskId + "' is " + (task.getAssignee() == null ? "not claimed"
                            : "claimed by " + task.getAssignee()) + "; only its assignee may delegate it");
        }
        if (to == null || to.isBlank()) {
            throw DomainException.invalid("validation", "The request has invalid fields", new FieldError("to", "is required"));
        }
        if (to.equals(caller.username())) {
            throw DomainException.invalid("validation", "The request has invalid fields",
                    new FieldError("to", "must be another user"));
        }
        if (!sameEnterprise(to, task.getTenantId())) {
            throw DomainException.invalid("unknown-reference", "No such user in your enterprise",
                    new FieldError("to", "no enabled user '" + to + "' in your enterprise"));
        }
        tasks.delegateTask(task.getId(), to);
        record(task, "task-delegated", "delegated " + describe(task) + " to " + to);
        return view(byId(taskId));
    }

    /**
     * Completes a task with the values its form asks for (400 naming each wrong field, nothing changed). A delegate
     * resolves the task instead: it goes back to its owner with the values given.
     */
    @Transactional
    public void complete(String taskId, Map<String, Object> variables) {
        Task task = offeredToCaller(taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(caller.username())) {
            throw DomainException.conflict("task-claimed", "The task is claimed by someone else",
                    "Task '" + taskId + "' is claimed by " + task.getAssignee());
        }
        boolean resolving = task.getDelegationState() == DelegationState.PENDING;
        TaskFormRules.Checked checked = TaskFormRules.check(formOf(task), variables, !resolving);
        if (!checked.problems().isEmpty()) {
            throw DomainException.invalid("validation", "The request has invalid fields",
                    checked.problems().toArray(FieldError[]::new));
        }
        Map<String, Object> values = new TreeMap<>(checked.values());
        if (resolving) {
            tasks.resolveTask(task.getId(), values);
            record(task, "task-resolved", "resolved " + describe(task) + " for " + task.getOwner() + outcome(values));
            return;
        }
        if (task.getAssignee() == null) {
            tasks.claim(task.getId(), caller.username());
        }
        values.put(COMPLETED_BY, caller.username());
        // journalled before completing: completing may end the process and start the next tasks
        record(task, "task-completed", "completed " + describe(task) + outcome(checked.values()));
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
        return new ProcessView(instance.getId(), instance.getProcessDefinitionKey(),
                instance.getProcessDefinitionVersion() == null ? 0 : instance.getProcessDefinitionVersion(),
                instance.getBusinessKey(), instance.getState(), instant(instance.getStartTime()),
                instant(instance.getEndTime()), activities);
    }

    /** The task, if it is in the caller's enterprise and assigned or offered to them; otherwise not found. */
    private Task offeredToCaller(String taskId) {
        String enterprise = tenant.requireEnterprise();
        Task task = tasks.createTaskQuery().taskId(taskId).tenantIdIn(enterprise)
                .or().taskCandidateGroupIn(groups()).taskAssignee(caller.username()).endOr().singleResult();
        if (task == null) {
            throw DomainException.notFound("Task", taskId);
        }
        return task;
    }

    /** A task of the caller's enterprise, whoever it is offered to (for its administrator); 404 otherwise. */
    private Task inCallersEnterprise(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).tenantIdIn(tenant.requireEnterprise()).singleResult();
        if (task == null) {
            throw DomainException.notFound("Task", taskId);
        }
        return task;
    }

    private Task byId(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).singleResult();
    }

    private List<String> groups() {
        return caller.roles().stream().filter(Role::isEnterpriseRole).map(Role::id).toList();
    }

    private boolean sameEnterprise(String username, String enterprise) {
        try {
            UserDirectory.Login login = users.trusted(username);
            return login.enabled() && login.enterprise().filter(enterprise::equals).isPresent();
        } catch (RuntimeException unknownOrDisabled) {
            return false;
        }
    }

    private void record(Task task, String kind, String text) {
        journal.record(caller.username(), kind, TaskJournal.subjectOf(task.getProcessInstanceId()), text);
    }

    private static String describe(Task task) {
        return "task '" + task.getName() + "' (" + task.getTaskDefinitionKey() + ", " + task.getId() + ")";
    }

    private static String outcome(Map<String, Object> values) {
        return values.isEmpty() ? "" : ": " + new TreeMap<>(values).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private List<TaskFormRules.Field> formOf(Task task) {
        return formFieldsOf(task).stream().map(TaskWork::field).toList();
    }

    private List<FormField> formFieldsOf(Task task) {
        if (task.getProcessDefinitionId() == null) {
            return List.of();
        }
        return forms.getTaskFormData(task.getId()).getFormFields();
    }

    @SuppressWarnings("unchecked")
    private static TaskFormRules.Field field(FormField f) {
        boolean required = false;
        Integer minLength = null;
        Integer maxLength = null;
        Long min = null;
        Long max = null;
        for (FormFieldValidationConstraint c : f.getValidationConstraints()) {
            String config = c.getConfiguration() == null ? null : c.getConfiguration().toString();
            switch (c.getName()) {
                case "required" -> required = true;
                case "minlength" -> minLength = Integer.valueOf(config);
                case "maxlength" -> maxLength = Integer.valueOf(config);
                case "min" -> min = Long.valueOf(config);
                case "max" -> max = Long.valueOf(config);
                default -> { }
            }
        }
        Set<String> values = new LinkedHashSet<>();
        if ("enum".equals(f.getTypeName()) && f.getType().getInformation("values") instanceof Map<?, ?> map) {
            values.addAll(((Map<String, String>) map).keySet());
        }
        return new TaskFormRules.Field(f.getId(), f.getLabel(), f.getTypeName(), required, minLength, maxLength, min,
                max, values);
    }

    private TaskView view(Task task) {
        List<String> candidates = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).distinct().sorted().toList();
        String definitionKey = task.getProcessDefinitionId() == null ? null : task.getProcessDefinitionId().split(":")[0];
        String businessKey = task.getProcessInstanceId() == null ? null : Optional.ofNullable(history
                .createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult())
                .map(HistoricProcessInstance::getBusinessKey).orElse(null);
        List<FormFieldView> form = formFieldsOf(task).stream().map(camunda -> {
            TaskFormRules.Field f = field(camunda);
            return new FormFieldView(f.id(), f.label(), f.type(), f.required(), List.copyOf(f.values()),
                    camunda.getDefaultValue());
        }).toList();
        Date due = task.getDueDate();
        return new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
                definitionKey, businessKey, task.getAssignee(), task.getOwner(),
                task.getDelegationState() == null ? null : task.getDelegationState().name(), candidates,
                instant(task.getCreateTime()), instant(due), due != null && due.before(ClockUtil.getCurrentTime()), form);
    }

    private static Scope parseScope(String scope) {
        if (scope == null || scope.isBlank()) {
            return Scope.ALL;
        }
        try {
            return Scope.valueOf(scope.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid-parameter", "A query parameter is invalid",
                    new FieldError("scope", "must be mine, groups or all"));
        }
    }

    private static Instant parseInstant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("invalid-parameter", "A query parameter is invalid",
                    new FieldError(name, "must be an ISO-8601 instant such as 2026-12-04T08:00:00Z"));
        }
    }

    private static boolean parseBoolean(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw DomainException.invalid("invalid-parameter", "A query parameter is invalid",
                    new FieldError(name, "must be true or false"));
        };
    }

    private static ActivityView view(HistoricActivityInstance activity) {
        return new ActivityView(activity.getActivityId(), activity.getActivityName(), activity.getActivityType(),
                instant(activity.getStartTime()), instant(activity.getEndTime()));
    }
}
