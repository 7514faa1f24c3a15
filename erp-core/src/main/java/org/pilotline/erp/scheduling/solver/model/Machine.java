package org.pilotline.erp.scheduling.solver.model;

import java.util.Objects;

/**
 * A machine (ISA-95 work unit) that processes one operation at a time.
 *
 * @param id                 unique within the problem
 * @param calendar           when it works
 * @param breakRule          whether its operations may be interrupted by a gap in its calendar (set per work center)
 * @param changeovers        sequence-dependent setup between setup families, {@link ChangeoverTimes#none()} if none
 * @param initialSetupFamily the family the machine is set up for at the horizon start, or null when unknown/neutral
 */
public record Machine(String id, WorkingCalendar calendar, BreakRule breakRule, ChangeoverTimes changeovers,
                      String initialSetupFamily) {

    public Machine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(breakRule, "breakRule");
        Objects.requireNonNull(changeovers, "changeovers");
    }

    /** A machine that is always available and has no changeovers, as in the academic job-shop benchmarks. */
    public static Machine alwaysAvailable(String id) {
        return new Machine(id, WorkingCalendar.alwaysAvailable(), BreakRule.MAY_SPAN_BREAKS, ChangeoverTimes.none(),
                null);
    }

    public static Machine withCalendar(String id, WorkingCalendar calendar, BreakRule breakRule) {
        return new Machine(id, calendar, breakRule, ChangeoverTimes.none(), null);
    }

    public Machine withChangeovers(ChangeoverTimes changeovers, String initialSetupFamily) {
        return new Machine(id, calendar, breakRule, changeovers, initialSetupFamily);
    }
}
