package org.pilotline.erp.mrp.engine.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Supply already committed: the open quantity of a purchase order line or a production order (including the
 * co-product outputs of an open process order, as separate receipts of the co-product item).
 */
public record ScheduledReceipt(ReceiptKind kind, String reference, String itemCode, LocalDate dueDate,
                               BigDecimal quantity) {

    public ScheduledReceipt {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(dueDate, "dueDate");
        if (quantity == null || quantity.signum() < 0) {
            throw new IllegalArgumentException("quantity of receipt " + reference + " must not be negative");
        }
    }
}
