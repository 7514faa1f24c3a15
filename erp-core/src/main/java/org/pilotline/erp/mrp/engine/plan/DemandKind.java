package org.pilotline.erp.mrp.engine.plan;

/** What a demand element is. On the same date they are served in the order STOCK_DEFICIT, SALES_ORDER, RESERVATION,
 * DEPENDENT, FORECAST, SAFETY_STOCK. */
public enum DemandKind {
    /** An open sales order line. */
    SALES_ORDER,
    /** A component still to be issued to an open production order. */
    RESERVATION,
    /** A component requirement of a parent's planned or firmed order (through phantoms). */
    DEPENDENT,
    /** Forecast left after consumption by sales orders. */
    FORECAST,
    /** The safety stock, due on the earliest day a replenishment released today can arrive. */
    SAFETY_STOCK,
    /** Negative stock on hand, to be made good today. */
    STOCK_DEFICIT
}
