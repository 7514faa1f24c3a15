package org.pilotline.plc.acquisition;

/** The roles a monitored node plays for a machine. */
public enum Signal {
    ITEM_STATE, OPERATION_MODE, RUNNING, FAULT, PACKML_STATE, TOTAL_COUNT, GOOD_COUNT, REJECT_COUNT, SPEED, ALARM;

    boolean isState() {
        return this == ITEM_STATE || this == OPERATION_MODE || this == RUNNING || this == FAULT || this == PACKML_STATE;
    }

    boolean isCounter() {
        return this == TOTAL_COUNT || this == GOOD_COUNT || this == REJECT_COUNT;
    }
}
