package org.pilotline.erp.inventory;

/** The kinds of stock move; which locations each needs is checked by {@link StockRules}. */
public enum MoveType {
    /** Into a location from outside (a supplier, production, an opening balance). */
    RECEIPT,
    /** Out of a location (to a customer, into production, to scrap). */
    ISSUE,
    /** From one location to another. */
    TRANSFER,
    /** A correction up (to a location) or down (from one) after a count. */
    ADJUSTMENT
}
