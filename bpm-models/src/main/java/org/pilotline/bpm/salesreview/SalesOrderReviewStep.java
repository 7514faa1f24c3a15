package org.pilotline.bpm.salesreview;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.pilotline.erp.order.SalesOrderReviewService;

import java.util.Objects;

import static org.pilotline.bpm.salesreview.SalesOrderReviews.*;

/**
 * Writes on the order where its review stands when a person's step begins (credit hold, date proposal, customer
 * confirmation), so that the order API shows it.
 */
@Named("salesOrderReviewStep")
@Dependent
public class SalesOrderReviewStep implements ExecutionListener {

    @Inject
    SalesOrderReviewService reviews;

    @Override
    public void notify(DelegateExecution execution) {
        String status = STATUS_BY_TASK.get(execution.getCurrentActivityId());
        if (status == null) {
            throw new IllegalStateException("no review status for step " + execution.getCurrentActivityId());
        }
        String note = switch (status) {
            case "CREDIT_HOLD" -> "open order value " + execution.getVariable(OPEN_VALUE) + " over the credit limit "
                    + execution.getVariable(CREDIT_LIMIT) + ": a manager releases or rejects it";
            case "DATE_PROPOSAL" -> "material or capacity not in time for the requested date: the planner proposes a"
                    + " date (earliest feasible " + execution.getVariable(FEASIBLE_DATE) + ")";
            default -> "proposed date " + execution.getVariable(PROPOSED_DATE) + " to be confirmed with the customer"
                    + (execution.getVariable(PROPOSAL_COMMENT) == null ? ""
                    : ": " + Objects.toString(execution.getVariable(PROPOSAL_COMMENT)));
        };
        reviews.recordReview(((Number) execution.getVariable(ORDER_ID)).longValue(), status, null, note);
    }
}
