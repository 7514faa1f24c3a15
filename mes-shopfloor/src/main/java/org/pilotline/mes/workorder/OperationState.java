package org.pilotline.mes.workorder;

/**
 * The life of one operation of a work order on the shop floor. An operation waits until its predecessor has passed
 * the transfer quantity (or finished); it may be set up before it runs; it runs, is paused and resumed, and is finished.
 * Quantities may be reported while it runs and while it is paused (the count after a stop belongs to the run before it).
 */
public enum OperationState {
    /** The predecessor has not yet passed enough quantity to start. */
    WAITING,
    /** May be set up or started. */
    READY,
    /** Being set up (ISO 22400 setup time). */
    SETUP,
    /** Producing. */
    RUNNING,
    /** Stopped with a reason; resumes into the state it was paused from. */
    PAUSED,
    /** Done; no more quantity is accepted. */
    FINISHED;

    /** Whether good, scrap and rework quantities may be reported in this state. */
    public boolean acceptsQuantity() {
        return this == RUNNING || this == PAUSED;
    }

    /** Whether the operation has started (its actual start time is set and the scheduler must not move it). */
    public boolean hasStarted() {
        return this == SETUP || this == RUNNING || this == PAUSED || this == FINISHED;
    }
}
