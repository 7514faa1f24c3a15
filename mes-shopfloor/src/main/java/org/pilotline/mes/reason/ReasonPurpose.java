package org.pilotline.mes.reason;

/** What a reason explains. */
public enum ReasonPurpose {
    /** A stop of a work unit (ISO 22400 down time; planned or not). */
    DOWNTIME,
    /** Why an operation was paused. */
    PAUSE,
    /** Why pieces were scrapped. */
    SCRAP,
    /** A node that groups reasons; never chosen itself. */
    CATEGORY
}
