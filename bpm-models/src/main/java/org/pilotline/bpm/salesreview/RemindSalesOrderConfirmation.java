package org.pilotline.bpm.salesreview;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.pilotline.bpm.tasks.TaskJournal;
import org.pilotline.bpm.journal.ProcessJournal;
import org.pilotline.platform.security.Role;

import static org.pilotline.bpm.salesreview.SalesOrderReviews.NUMBER;
import static org.pilotline.bpm.salesreview.SalesOrderReviews.PROPOSED_DATE;

/**
 * The customer's answer to a proposed date is overdue (three working days): the confirmation task is offered to the
 * enterprise's administrators as well, and the reminder is journalled. The task stays where it is.
 */
@Named("remindSalesOrderConfirmation")
@Dependent
public class RemindSalesOrderConfirmation implements JavaDelegate {

    static final String CONFIRMATION_TASK = "confirmWithCustomer";

    @Inject
    TaskService tasks;

    @Inject
    ProcessJournal journal;

    @Override
    public void execute(DelegateExecution execution) {
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(CONFIRMATION_TASK).list()) {
            tasks.addCandidateGroup(task.getId(), Role.ADMIN.id());
            journal.record("process", "sales-order-confirmation-overdue",
                    TaskJournal.subjectOf(execution.getProcessInstanceId()),
                    execution.getVariable(NUMBER) + ": the customer's answer to " + execution.getVariable(PROPOSED_DATE)
                            + " is overdue since " + task.getDueDate().toInstant() + "; task " + task.getId()
                            + " offered to " + Role.ADMIN.id() + " as well");
        }
    }
}
