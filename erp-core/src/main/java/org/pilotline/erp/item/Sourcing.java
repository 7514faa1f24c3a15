package org.pilotline.erp.item;

/** Whether MRP plans an item as a production order (made here) or a purchase order (bought). */
public enum Sourcing {
    MAKE, BUY
}
