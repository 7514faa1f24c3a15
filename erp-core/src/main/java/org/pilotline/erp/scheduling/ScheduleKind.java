package org.pilotline.erp.scheduling;

/** The live schedule of an enterprise (what the shop floor follows), or a what-if copy that never touches it. */
public enum ScheduleKind {
    LIVE,
    WHAT_IF
}
