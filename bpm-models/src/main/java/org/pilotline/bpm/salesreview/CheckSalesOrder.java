package org.pilotline.bpm.salesreview;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.pilotline.bpm.tasks.TaskJournal;
import org.pilotline.erp.order.SalesOrderReviewService;
import org.pilotline.bpm.journal.ProcessJournal;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import static org.pilotline.bpm.salesreview.SalesOrderReviews.*;

/**
 * The credit, material and capacity check of an entered order, through erp-core: the customer's open order value
 * against its credit limit; each item's availability to promise on its requested date (stock, open production and
 * purchase orders due by then, less other orders' demand) and, for what is short, its lead time and — when it must be
 * made — its components' availability and lead times and a what-if schedule, in working days of the enterprise's
 * calendar ({@link DeliveryCheck}); the earliest date the checks found feasible. The outcome is kept for the gateways and the people's
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
    DeliveryCheck delivery;

    @Inject
    ProcessJournal journal;

    @Override
    public void execute(DelegateExecution execution) {
        long orderId = ((Number) execution.getVariable(ORDER_ID)).longValue();
        SalesOrderReviewService.Facts facts = reviews.facts(orderId);
        execution.setVariable(CREDIT_OK, facts.credit().withinLimit());
        execution.setVariable(CREDIT_LIMIT, facts.credit().limit() == null ? null
                : facts.credit().limit().toPlainString());
        execution.setVariable(OPEN_VALUE, facts.credit().openValue().toPlainString());
        DeliveryCheck.Outcome outcome = delivery.check(facts);
        execution.setVariable(MATERIAL_OK, outcome.materialOk());
        execution.setVariable(CAPACITY_OK, outcome.capacityOk());
        execution.setVariable(FEASIBLE_DATE, outcome.earliestFeasibleDate().toString());
        execution.setVariable(DELIVERY, Variables.byteArrayValue(
                process.write(outcome.items()).getBytes(StandardCharsets.UTF_8)));
        execution.setVariable(REQUESTED_DATE, facts.requestedDate().toString());
        execution.setVariable(AVAILABILITY, Variables.byteArrayValue(
                process.write(facts.availability()).getBytes(StandardCharsets.UTF_8)));
        String shortages = outcome.items().stream().filter(d -> !d.materialOk())
                .map(d -> d.itemCode() + " needs " + d.required() + " by " + d.requestedDate() + ", "
                        + d.available() + " available, the rest from " + d.materialDate()
                        + " (lead time " + d.leadTimeDays() + " working days"
                        + d.components().stream().filter(c -> !c.inTime())
                        .map(c -> ", component " + c.itemCode() + " there " + c.readyDate() + " for a start by "
                                + c.neededBy())
                        .collect(Collectors.joining()) + ")")
                .collect(Collectors.joining("; "));
        String overloaded = outcome.items().stream().filter(d -> !d.capacityOk())
                .map(d -> d.itemCode() + ": making " + d.productionQuantity() + " by " + d.requestedDate() + " does not fit, "
                        + d.capacityNote())
                .collect(Collectors.joining("; "));
        String text = facts.number() + ": credit " + (facts.credit().withinLimit() ? "within" : "over") + " limit ("
                + facts.credit().openValue().toPlainString() + " open"
                + (facts.credit().limit() == null ? ", no limit kept" : " of " + facts.credit().limit().toPlainString())
                + "); material " + (outcome.materialOk() ? "in time for the requested dates" : "late: " + shortages)
                + "; capacity " + (outcome.capacityOk() ? "fits" : "short: " + overloaded)
                + (outcome.materialOk() && outcome.capacityOk() ? ""
                : "; earliest feasible date " + outcome.earliestFeasibleDate())
                + " (working days of " + (outcome.calendar() == null ? "Monday to Friday" : "calendar "
                + outcome.calendar()) + ")";
        reviews.recordReview(orderId, "PENDING", null, text);
        journal.record("process", "sales-order-review-checked", TaskJournal.subjectOf(execution.getProcessInstanceId()),
                text);
    }
}
