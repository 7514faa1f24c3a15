package org.pilotline.erp.mrp.engine.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A supply element of an item.
 *
 * @param date      due date (today for stock on hand)
 * @param reference the purchase order, production order or firmed planned order; null otherwise
 * @param order     the planned or firmed order itself, or for a co-product the producing order; null otherwise
 */
public record Supply(SupplyKind kind, String itemCode, LocalDate date, BigDecimal quantity, String reference,
                     OrderRef order) {
}
