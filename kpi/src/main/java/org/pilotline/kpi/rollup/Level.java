package org.pilotline.kpi.rollup;

/**
 * The ISA-95 equipment level a roll-up row is for. A work unit's rows are computed from the raw history; every higher
 * level's row is the sum of the rows of the work units under it (never an average of their KPIs).
 */
public enum Level {
    WORK_UNIT, WORK_CENTER, AREA, SITE, ENTERPRISE
}
