package org.pilotline.platform.problem;

/** The HTTP status class of a domain failure; the problem mapper turns it into the response status. */
public enum ProblemKind {
    /** The request is malformed or a value is out of range. */
    BAD_REQUEST(400),
    /** The caller may not do this here (for example: no enterprise to act in). */
    FORBIDDEN(403),
    /** The target does not exist for this caller; another enterprise's ids are reported the same way. */
    NOT_FOUND(404),
    /** The request conflicts with the current state (duplicate code, stale version, insufficient stock). */
    CONFLICT(409),
    /** The request is well-formed but breaks a business rule (a BOM cycle, an operation with no machine). */
    UNPROCESSABLE(422);

    private final int status;

    ProblemKind(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
