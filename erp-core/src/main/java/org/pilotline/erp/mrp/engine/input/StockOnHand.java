package org.pilotline.erp.mrp.engine.input;

import java.math.BigDecimal;
import java.util.Objects;

/** Available (unrestricted) stock of an item now; several records of one item add up. */
public record StockOnHand(String itemCode, BigDecimal quantity) {

    public StockOnHand {
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(quantity, "quantity");
    }
}
