package org.pilotline.erp.mrp.engine.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A demand element of an item.
 *
 * @param date        when it is required (for dependent demand: the parent order's release date, which may lie
 *                    before the horizon start; it is then netted as of today)
 * @param reference   the sales order line, the production order of a reservation; null otherwise
 * @param parentOrder for dependent demand, the order it comes from
 */
public record Demand(DemandKind kind, String itemCode, LocalDate date, BigDecimal quantity, String reference,
                     OrderRef parentOrder) {

    public boolean isTopLevel() {
        return kind != DemandKind.DEPENDENT;
    }
}
