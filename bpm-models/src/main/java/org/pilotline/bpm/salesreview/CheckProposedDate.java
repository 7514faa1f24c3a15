package org.pilotline.bpm.salesreview;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.pilotline.bpm.purchase.WorkingDays;

import java.time.LocalDate;
import java.util.Date;
import java.time.format.DateTimeParseException;

import static org.pilotline.bpm.salesreview.SalesOrderReviews.CONFIRMATION_DAYS;
import static org.pilotline.bpm.salesreview.SalesOrderReviews.CONFIRMATION_DUE;
import static org.pilotline.bpm.salesreview.SalesOrderReviews.PROPOSED_DATE;

/**
 * The planner's proposed date must be a date (yyyy-mm-dd) and not before the plant's today: checked in the
 * completing transaction, so a bad one is a 400 naming {@code variables.proposedDate} and the task stays open. Sets
 * when the customer's answer is due ({@code confirmationDue}), which the confirmation task and its reminder read.
 */
@Named("checkProposedDate")
@Dependent
public class CheckProposedDate implements JavaDelegate {

    @Inject
    PlantClock clock;

    @Override
    public void execute(DelegateExecution execution) {
        String text = (String) execution.getVariable(PROPOSED_DATE);
        LocalDate date;
        try {
            date = LocalDate.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("validation", "The request has invalid fields",
                    new FieldError("variables.proposedDate", "must be a date such as 2027-03-10"));
        }
        LocalDate today = clock.today();
        if (date.isBefore(today)) {
            throw DomainException.invalid("validation", "The request has invalid fields",
                    new FieldError("variables.proposedDate", "must not be before today (" + today + ")"));
        }
        execution.setVariable(PROPOSED_DATE, date.toString());
        // the customer's answer is due within three working days, on the engine's clock
        execution.setVariable(CONFIRMATION_DUE, Date.from(WorkingDays.after(ClockUtil.getCurrentTime().toInstant(),
                clock.zone(), CONFIRMATION_DAYS)));
    }
}
