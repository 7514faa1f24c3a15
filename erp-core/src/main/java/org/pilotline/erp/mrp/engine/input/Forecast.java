package org.pilotline.erp.mrp.engine.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Forecast demand of an item for the weekly bucket that contains {@code week}. Sales orders consume it within the
 * window of the planning parameters; what remains is demand on the bucket's first day (today for the current week).
 */
public record Forecast(String itemCode, LocalDate week, BigDecimal quantity) {

    public Forecast {
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(week, "week");
        if (quantity == null || quantity.signum() < 0) {
            throw new IllegalArgumentException("forecast quantity of " + itemCode + " must not be negative");
        }
    }
}
