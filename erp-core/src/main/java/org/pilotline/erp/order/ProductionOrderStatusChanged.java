package org.pilotline.erp.order;

/**
 * Fired synchronously, inside the transaction that changes a production order's status (release, cancellation,
 * completion by hand). erp-core knows nothing of its observers; the MES creates the work order on release and refuses
 * (by throwing, which rolls the change back) what the shop floor's state does not allow.
 */
public record ProductionOrderStatusChanged(long productionOrderId, ProductionOrderStatus from, ProductionOrderStatus to) {
}
