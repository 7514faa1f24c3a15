package org.pilotline.kpi.rollup;

/** How long a roll-up bucket is, in the plant's zone: a clock hour, a shift of the work center's calendar, a day, an
 * ISO week (Monday to Sunday) or a calendar month. */
public enum Grain {
    HOUR, SHIFT, DAY, WEEK, MONTH
}
