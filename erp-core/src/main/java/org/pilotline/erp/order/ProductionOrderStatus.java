package org.pilotline.erp.order;

public enum ProductionOrderStatus {
    /** Firm but not yet released to the shop floor; MRP keeps it as supply. */
    PLANNED,
    RELEASED,
    COMPLETED,
    CANCELLED
}
