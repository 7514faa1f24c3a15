package org.pilotline.erp.mrp.engine.plan;

/** Exception messages: what a planner should look at. */
public enum ExceptionKind {
    /** A planned or firmed order should have been released before today. */
    RELEASE_IN_PAST,
    /** A scheduled receipt is due after it is needed: bring it in to the suggested date. */
    EXPEDITE,
    /** A scheduled receipt is due well before it is needed: push it out to the suggested date. */
    DEFER,
    /** A scheduled receipt is not needed inside the horizon. */
    CANCEL,
    /** The projected on hand falls below safety stock where no order can arrive in time to prevent it. */
    BELOW_SAFETY_STOCK,
    /** A make item has no BOM version or recipe effective on the order's release date: nothing was exploded. */
    NO_VALID_FORMULA,
    /**
     * A planned production order's routing, at its quantity, needs more working time than its lead time leaves between
     * the start of its release date and the end of its due date. Found after planning, from the routings and the work
     * centers' calendars (the engine knows neither), so the engine itself never reports it.
     */
    LEAD_TIME_SHORT
}
