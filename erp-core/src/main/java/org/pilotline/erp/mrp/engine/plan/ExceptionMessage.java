package org.pilotline.erp.mrp.engine.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An exception message about an item.
 *
 * @param date          the date concerned: a receipt's due date, an order's release date, the first day below
 *                      safety stock
 * @param suggestedDate the date to move to (EXPEDITE, DEFER), release by (RELEASE_IN_PAST) or when safety stock is
 *                      restored at the earliest (BELOW_SAFETY_STOCK); null when there is none
 * @param quantity      the order's quantity, or the shortfall below safety stock
 * @param reference     the order concerned (a purchase, production or firmed order's reference, or a planned
 *                      order's name), null for BELOW_SAFETY_STOCK
 */
public record ExceptionMessage(ExceptionKind kind, String itemCode, LocalDate date, LocalDate suggestedDate,
                               BigDecimal quantity, String reference) {

    /** One line for a planner. */
    public String text() {
        return switch (kind) {
            case RELEASE_IN_PAST -> reference + " of " + itemCode + " should have been released on " + date;
            case EXPEDITE -> "Expedite " + reference + " of " + itemCode + " from " + date + " to " + suggestedDate;
            case DEFER -> "Defer " + reference + " of " + itemCode + " from " + date + " to " + suggestedDate;
            case CANCEL -> "Cancel " + reference + " of " + itemCode + " due " + date + ": not needed";
            case BELOW_SAFETY_STOCK -> itemCode + " is " + quantity.stripTrailingZeros().toPlainString()
                    + " below safety stock from " + date
                    + (suggestedDate == null ? ", not restored inside the horizon" : " until " + suggestedDate);
            case NO_VALID_FORMULA -> itemCode + " has no BOM version or recipe effective on " + date + " for "
                    + reference;
            case LEAD_TIME_SHORT -> reference + " of " + itemCode + " needs more working time than its lead time allows"
                    + " (due " + date + (suggestedDate == null ? ")" : ", done " + suggestedDate + " at the earliest)");
        };
    }
}
