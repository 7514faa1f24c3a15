package org.pilotline.erp.order;

public enum PurchaseOrderStatus {
    DRAFT, RELEASED, PARTIALLY_RECEIVED, RECEIVED, CLOSED, CANCELLED
}
