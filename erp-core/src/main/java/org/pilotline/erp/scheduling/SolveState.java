package org.pilotline.erp.scheduling;

/** Where a solve run is; kept in the database so that every replica answers the same. */
public enum SolveState {
    /** Accepted, waiting for a solver thread of the replica that accepted it. */
    QUEUED,
    /** Searching; the best schedule so far is written to its schedule as it improves. */
    RUNNING,
    /** Ended on its own (time limit or proven optimal); see the solver status. */
    FINISHED,
    /** Stopped on request; the best schedule found until then stands. */
    CANCELLED,
    /** Ended by an error; the schedule keeps what it had. */
    FAILED,
    /** Its replica stopped sending heartbeats (it was stopped or crashed). */
    ABANDONED;

    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
