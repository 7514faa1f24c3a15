package org.pilotline.erp.mrp.engine.input;

/** How an item is replenished: made in house (planned production order) or bought (planned purchase order). */
public enum Procurement {
    MAKE,
    BUY
}
