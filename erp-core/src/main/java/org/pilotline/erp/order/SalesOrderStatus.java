package org.pilotline.erp.order;

public enum SalesOrderStatus {
    DRAFT, CONFIRMED, PARTIALLY_SHIPPED, SHIPPED, CLOSED, CANCELLED
}
