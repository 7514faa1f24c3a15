package org.pilotline.erp.scheduling.solver;

/** How a solve ended. */
public enum SolveStatus {
    /** The schedule is proven optimal for the objective. */
    OPTIMAL,
    /** A valid schedule, not proven optimal (the time ran out or the solve was cancelled). */
    FEASIBLE,
    /** Proven: no schedule satisfies the constraints (typically pins, calendars and routings that contradict). */
    INFEASIBLE,
    /** The time ran out (or the solve was cancelled) before any schedule was found. */
    NO_SCHEDULE_FOUND,
    /** The input has defects, listed in {@link SolveResult#inputProblems()}; nothing was solved. */
    INVALID_INPUT
}
