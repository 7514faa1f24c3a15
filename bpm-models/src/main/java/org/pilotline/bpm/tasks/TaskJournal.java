package org.pilotline.bpm.tasks;

import io.quarkus.arc.Arc;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.pilotline.bpm.journal.ProcessJournal;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.stream.Collectors;

/**
 * Writes every user task the engine creates, and every one it cancels (a process that moves on without it), into the
 * enterprise journal, in the engine's transaction. People's actions on tasks (claim, delegate, complete) are
 * journalled by {@link TaskWork} with the person as actor. Registered as a parse listener, so that every model —
 * also an enterprise's own version — is covered without a listener in its XML.
 */
public final class TaskJournal implements TaskListener {

    private static final TaskJournal INSTANCE = new TaskJournal();

    public static String subjectOf(String processInstanceId) {
        return "process:" + processInstanceId;
    }

    /** Adds the journal to every user task of every model the engine parses. */
    public static final class ParseListener extends AbstractBpmnParseListener {
        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, INSTANCE);
                behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, INSTANCE);
            }
        }
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getTenantId() == null || "completed".equals(task.getDeleteReason())) {
            return;
        }
        String text;
        String kind;
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            kind = "task-created";
            String groups = task.getCandidates().stream().filter(l -> l.getGroupId() != null)
                    .map(l -> l.getGroupId()).sorted().collect(Collectors.joining(", "));
            text = "task '" + task.getName() + "' (" + task.getTaskDefinitionKey() + ", " + task.getId() + ") for "
                    + (task.getAssignee() != null ? task.getAssignee() : "role(s) " + groups)
                    + (task.getDueDate() == null ? "" : ", due " + task.getDueDate().toInstant());
        } else {
            kind = "task-cancelled";
            text = "task '" + task.getName() + "' (" + task.getTaskDefinitionKey() + ", " + task.getId()
                    + ") cancelled" + (task.getDeleteReason() == null ? "" : ": " + task.getDeleteReason());
        }
        ProcessJournal journal = Arc.container().instance(ProcessJournal.class).get();
        TenantContext.runAs(task.getTenantId(),
                () -> journal.record("process", kind, subjectOf(task.getProcessInstanceId()), text));
    }
}
