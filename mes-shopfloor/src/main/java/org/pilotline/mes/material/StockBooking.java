package org.pilotline.mes.material;

import java.math.BigDecimal;

/** A stock move a report made: item, lot (if tracked), quantity in the item's stock unit, location, the ledger's move. */
public record StockBooking(long itemId, String itemCode, String lotNumber, BigDecimal quantity, long locationId,
                           long stockMoveId) {

    public StockBooking {
        quantity = org.pilotline.platform.quantity.Decimals.plain(quantity);
    }
}
