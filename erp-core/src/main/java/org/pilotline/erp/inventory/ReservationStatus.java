package org.pilotline.erp.inventory;

public enum ReservationStatus {
    /** Holds stock for its reference. */
    ACTIVE,
    /** Issued against its reference. */
    CONSUMED,
    /** Given up. */
    RELEASED
}
