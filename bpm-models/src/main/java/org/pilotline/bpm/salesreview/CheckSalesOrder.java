package org.pilotline.bpm.salesreview;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.pilotline.bpm.tasks.TaskJournal;
import org.pilotline.erp.order.SalesOrderReviewService;
import org.pilotline.platform.journal.JournalService;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import static org.pilotline.bpm.salesreview.SalesOrderReviews.*;

/**
 * The credit and availability check of an entered order, through erp-core: the customer's open order value against
 * its credit limit, and each item's availability to promise on its requested date (stock, open production and
 * purchase orders due by then, less other orders' demand). The outcome is kept for the gateways and the people's
 * steps, written on the order (PENDING) and journalled.
 */
@Named("checkSalesOrder")
@Dependent
public class CheckSalesOrder implements JavaDelegate {

    @Inject
    SalesOrderReviewService reviews;

    @Inject
    SalesOrderReviews process;

    @Inject
    JournalService journal;

    @Override
    public void execute(DelegateExecution execution) {
        long orderId = ((Number) execution.getVariable(ORDER_ID)).longValue();
        SalesOrderReviewService.Facts facts = reviews.facts(orderId);
        execution.setVariable(CREDIT_OK, facts.credit().withinLimit());
        execution.setVariable(CREDIT_LIMIT, facts.credit().limit() == null ? null
                : facts.credit().limit().toPlainString());
        execution.setVariable(OPEN_VALUE, facts.credit().openValue().toPlainString());
        execution.setVariable(MATERIAL_OK, facts.materialAvailable());
        execution.setVariable(REQUESTED_DATE, facts.requestedDate().toString());
        execution.setVariable(AVAILABILITY, Variables.byteArrayValue(
                process.write(facts.availability()).getBytes(StandardCharsets.UTF_8)));
        String shortages = facts.availability().stream().filter(a -> !a.covered())
                .map(a -> a.itemCode() + " needs " + a.required() + " by " + a.requestedDate() + ", "
                        + a.available() + " available" + (a.earliestDate() == null ? "" : " (from " + a.earliestDate() + ")"))
                .collect(Collectors.joining("; "));
        String text = facts.number() + ": credit " + (facts.credit().withinLimit() ? "within" : "over") + " limit ("
                + facts.credit().openValue().toPlainString() + " open"
                + (facts.credit().limit() == null ? ", no limit kept" : " of " + facts.credit().limit().toPlainString())
                + "); material " + (facts.materialAvailable() ? "available on the requested dates" : "short: " + shortages);
        reviews.recordReview(orderId, "PENDING", null, text);
        journal.record("process", "sales-order-review-checked", TaskJournal.subjectOf(execution.getProcessInstanceId()),
                text);
    }
}
