package org.pilotline.erp.mrp.engine.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A planned order the planner has firmed: MRP keeps its quantity and dates, nets it as supply, explodes it (make
 * items) into dependent demand and only reports exceptions about it.
 *
 * @param formulaCode the BOM version or recipe code to use; null: the one effective on the release date
 */
public record FirmedPlannedOrder(String reference, String itemCode, BigDecimal quantity, LocalDate releaseDate,
                                 LocalDate dueDate, String formulaCode) {

    public FirmedPlannedOrder {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(releaseDate, "releaseDate");
        Objects.requireNonNull(dueDate, "dueDate");
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity of firmed order " + reference + " must be positive");
        }
        if (dueDate.isBefore(releaseDate)) {
            throw new IllegalArgumentException("firmed order " + reference + " is due before it is released");
        }
    }
}
