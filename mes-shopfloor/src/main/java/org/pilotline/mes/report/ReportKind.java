package org.pilotline.mes.report;

/** What a terminal or an operator reports. */
public enum ReportKind {
    SETUP_START, SETUP_END, START, PAUSE, RESUME,
    /** Good, scrap and rework pieces; a report may carry all three. */
    QUANTITY,
    /** The end of the operation, optionally with its last quantities. */
    FINISH,
    /** A stop of a work unit with its reason, or the reason of a stop the machine reported. */
    DOWNTIME,
    /** A measured value of one of the operation's inspection characteristics. */
    INSPECTION
}
