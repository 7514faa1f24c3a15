package org.pilotline.erp.scheduling.solver.schedule;

/** A rule a schedule breaks, naming the operation (and where useful the other operation or machine) concerned. */
public record Violation(Kind kind, String operationId, String message) {

    public enum Kind {
        MISSING_OPERATION,
        UNKNOWN_OPERATION,
        DUPLICATE_OPERATION,
        INELIGIBLE_MACHINE,
        WRONG_DURATION,
        OUTSIDE_WORKING_TIME,
        BEFORE_RELEASE,
        PRECEDENCE,
        MACHINE_OVERLAP,
        CHANGEOVER_TOO_SHORT,
        PIN_MOVED
    }
}
