package org.pilotline.erp.order;

import java.math.BigDecimal;

/**
 * The shop floor tells the ERP what a production order has yielded: its good quantity so far (absolute, in the item's
 * stock unit) and whether it is finished. erp-core defines and observes this event; the MES fires it in the
 * transaction of the report, so the order's progress commits together with the report or not at all.
 */
public record ProductionReported(long productionOrderId, BigDecimal completedQuantity, boolean finished) {
}
