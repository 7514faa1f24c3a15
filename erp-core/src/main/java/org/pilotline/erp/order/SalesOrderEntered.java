package org.pilotline.erp.order;

/**
 * A sales order was entered (fired in the entering transaction). Modules above erp-core observe it — the order review
 * of bpm-models, after the order has committed; erp-core knows nothing of what they do.
 */
public record SalesOrderEntered(String tenantId, long orderId, String number, String enteredBy) {
}
