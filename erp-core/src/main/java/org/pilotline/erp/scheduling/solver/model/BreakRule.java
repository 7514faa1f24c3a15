package org.pilotline.erp.scheduling.solver.model;

/** Whether an operation on a work center may be interrupted by a gap in its calendar (a break, a night, a holiday). */
public enum BreakRule {
    /** The operation pauses over the gap and resumes in the next working window; its elapsed span covers the gap. */
    MAY_SPAN_BREAKS,
    /** The operation must run in one piece inside a single working window (curing, heat treatment, a manned step). */
    MUST_FIT_BETWEEN_BREAKS
}
