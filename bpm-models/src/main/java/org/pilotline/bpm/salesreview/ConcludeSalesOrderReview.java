package org.pilotline.bpm.salesreview;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotline.bpm.tasks.TaskJournal;
import org.pilotline.bpm.tasks.TaskWork;
import org.pilotline.erp.order.SalesOrderReviewService;
import org.pilotline.bpm.journal.ProcessJournal;

import java.time.LocalDate;
import java.util.Objects;

import static org.pilotline.bpm.salesreview.SalesOrderReviews.*;

/**
 * Ends a review on the order. {@code approveOrder}: APPROVED, promised for the date the planner proposed and the
 * customer accepted, or else the requested date the check found available. {@code rejectOrder}: REJECTED, the order
 * cancelled where its status allows (credit not released, or the customer declined the proposed date).
 */
@Named("concludeSalesOrderReview")
@Dependent
public class ConcludeSalesOrderReview implements JavaDelegate {

    @Inject
    SalesOrderReviewService reviews;

    @Inject
    ProcessJournal journal;

    @Override
    public void execute(DelegateExecution execution) {
        long orderId = ((Number) execution.getVariable(ORDER_ID)).longValue();
        String number = (String) execution.getVariable(NUMBER);
        String actor = Objects.toString(execution.getVariable(TaskWork.COMPLETED_BY), "process");
        String text;
        String kind;
        if ("approveOrder".equals(execution.getCurrentActivityId())) {
            String proposed = (String) execution.getVariable(PROPOSED_DATE);
            LocalDate promised = LocalDate.parse(proposed != null ? proposed
                    : (String) execution.getVariable(REQUESTED_DATE));
            text = proposed != null ? "customer accepted the proposed date " + promised
                    : "credit and material check passed: approved for the requested date " + promised;
            reviews.recordReview(orderId, "APPROVED", promised, text);
            execution.setVariable(OUTCOME, "APPROVED");
            execution.setVariable(PROMISED_DATE, promised.toString());
            kind = "sales-order-approved";
        } else {
            Object comment = Boolean.FALSE.equals(execution.getVariable(CREDIT_RELEASED))
                    ? execution.getVariable(CREDIT_COMMENT) : execution.getVariable(CUSTOMER_COMMENT);
            text = (Boolean.FALSE.equals(execution.getVariable(CREDIT_RELEASED)) ? "credit not released"
                    : "customer declined the proposed date " + execution.getVariable(PROPOSED_DATE))
                    + (comment == null ? "" : ": " + comment);
            reviews.rejectOrder(orderId, text);
            execution.setVariable(OUTCOME, "REJECTED");
            kind = "sales-order-rejected";
        }
        journal.record(actor, kind, TaskJournal.subjectOf(execution.getProcessInstanceId()), number + ": " + text);
    }
}
