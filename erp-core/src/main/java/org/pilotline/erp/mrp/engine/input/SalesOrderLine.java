package org.pilotline.erp.mrp.engine.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** Independent demand: an open sales order line, its open quantity due on {@code dueDate}. */
public record SalesOrderLine(String reference, String itemCode, LocalDate dueDate, BigDecimal quantity) {

    public SalesOrderLine {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(dueDate, "dueDate");
        if (quantity == null || quantity.signum() < 0) {
            throw new IllegalArgumentException("quantity of sales order line " + reference + " must not be negative");
        }
    }

    public SalesOrderLine withQuantity(BigDecimal newQuantity) {
        return new SalesOrderLine(reference, itemCode, dueDate, newQuantity);
    }

    public SalesOrderLine withDueDate(LocalDate newDueDate) {
        return new SalesOrderLine(reference, itemCode, newDueDate, quantity);
    }
}
