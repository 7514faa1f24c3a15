package org.pilotline.erp.mrp.engine.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Independent demand from an open (released) production order: the component quantity it still has to draw
 * from stock. MRP does not explode open production orders; their remaining component needs come in as reservations.
 */
public record ComponentReservation(String productionOrder, String itemCode, LocalDate requiredDate,
                                   BigDecimal quantity) {

    public ComponentReservation {
        Objects.requireNonNull(productionOrder, "productionOrder");
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(requiredDate, "requiredDate");
        if (quantity == null || quantity.signum() < 0) {
            throw new IllegalArgumentException("reserved quantity of " + itemCode + " must not be negative");
        }
    }
}
