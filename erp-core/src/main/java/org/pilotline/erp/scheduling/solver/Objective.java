package org.pilotline.erp.scheduling.solver;

/** What the solver minimises. */
public enum Objective {
    /** The end of the last operation. */
    MAKESPAN,
    /** The sum over jobs of weight × minutes late against the due date. */
    WEIGHTED_TARDINESS,
    /** Weighted tardiness first; among schedules with the least of it, the shortest makespan. */
    TARDINESS_THEN_MAKESPAN
}
