package org.pilotline.kpi.time;

/**
 * The higher-level system's condition of a work unit (OPC 40001-1 Annex C's "HLS condition state"): whether an order
 * is registered on it and in which phase, as the MES's reports say (setup start/end, start, pause, resume, finish).
 */
public enum OrderState {
    /** No operation of a work order is set up, running or paused on the work unit. */
    NONE,
    /** An operation is being set up (SETUP_START until SETUP_END). */
    SETUP,
    /** An operation is running (START, SETUP_END or RESUME until PAUSE, SETUP_START or FINISH). */
    PROCESSING,
    /** An operation is paused: still registered on the work unit. */
    PAUSED;

    /** When two operations overlap on one work unit, the one that says most about the unit wins. */
    public int precedence() {
        return switch (this) {
            case PROCESSING -> 3;
            case SETUP -> 2;
            case PAUSED -> 1;
            case NONE -> 0;
        };
    }
}
