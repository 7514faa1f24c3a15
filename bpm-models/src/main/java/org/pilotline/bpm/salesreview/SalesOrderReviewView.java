package org.pilotline.bpm.salesreview;

import org.pilotline.erp.order.SalesOrderReviewService;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The review of a sales order as its process holds it. {@code status}: {@code CREDIT_HOLD} (a manager releases or
 * rejects), {@code DATE_PROPOSAL} (the planner proposes a date), {@code CUSTOMER_CONFIRMATION} (sales confirms it with
 * the customer), {@code APPROVED}, {@code REJECTED}; {@code availability} per item on the requested date, with the
 * earliest date it would be available; {@code materialAvailable} every item there by its requested date (available
 * to promise, or made or bought within its lead time), {@code capacityAvailable} what must be made fits the what-if
 * schedule in time, {@code delivery} both per item, {@code earliestFeasibleDate} the first date both allow (the
 * planner's proposal; the requested date when both pass); {@code taskId} the step waiting now.
 */
public record SalesOrderReviewView(String id, long orderId, String number, String status, String enteredBy,
                                   Boolean withinCreditLimit, BigDecimal creditLimit, BigDecimal openOrderValue,
                                   Boolean materialAvailable, LocalDate requestedDate,
                                   List<SalesOrderReviewService.Availability> availability, Boolean creditReleased,
                                   LocalDate proposedDate, Boolean customerAccepted, LocalDate promisedDate,
                                   String taskId, int processDefinitionVersion, Instant startedAt, Instant endedAt,
                                   Boolean capacityAvailable, LocalDate earliestFeasibleDate,
                                   List<DeliveryCheck.ItemDelivery> delivery) {
}
