package org.pilotline.erp.item;

/** How MRP sizes the planned orders of an item. */
public enum LotSizing {
    /** Exactly the net requirement. */
    LOT_FOR_LOT,
    /** Multiples of a fixed quantity. */
    FIXED_QUANTITY,
    /** At least the minimum, at most the maximum per order, rounded up to the multiple. */
    MIN_MAX_MULTIPLE,
    /** The net requirements of the next n periods together. */
    PERIODS_OF_SUPPLY
}
