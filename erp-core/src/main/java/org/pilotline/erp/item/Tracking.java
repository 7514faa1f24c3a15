package org.pilotline.erp.item;

/** Whether stock of an item is kept per lot, per serial number, or not at all. */
public enum Tracking {
    NONE, LOT, SERIAL
}
