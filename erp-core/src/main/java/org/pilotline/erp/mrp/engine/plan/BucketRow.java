package org.pilotline.erp.mrp.engine.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One weekly bucket of an item's time-phased record, as MRP textbooks print it.
 *
 * @param grossRequirements  demand of all kinds netted in the week (safety stock excluded)
 * @param scheduledReceipts  purchase, production, firmed and co-product receipts due in the week
 * @param plannedReceipts    planned orders due in the week
 * @param projectedOnHand    at the end of the week
 * @param plannedReleases    planned orders to release in the week
 */
public record BucketRow(LocalDate weekStart, BigDecimal grossRequirements, BigDecimal scheduledReceipts,
                        BigDecimal plannedReceipts, BigDecimal projectedOnHand, BigDecimal plannedReleases) {
}
