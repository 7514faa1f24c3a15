package org.pilotline.erp.scheduling.solver.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Sequence-dependent setup of one machine: the minutes the machine is idle for changing over between two consecutive
 * operations of different setup families (colour, tool, material). A change into the same family costs nothing unless
 * listed; a change between families not listed costs {@link #betweenOtherFamilies()}. Operations without a family
 * never cause a changeover.
 *
 * <p>The changeover is elapsed time between the end of one operation and the start of the next on the machine; it is
 * not bound to the calendar (a changeover may be done in a break), which keeps it a simple minimum gap.
 */
public record ChangeoverTimes(Map<FamilyChange, Long> minutes, long betweenOtherFamilies) {

    /** A change from one setup family to another. */
    public record FamilyChange(String from, String to) {
        public FamilyChange {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    private static final ChangeoverTimes NONE = new ChangeoverTimes(Map.of(), 0);

    public ChangeoverTimes {
        minutes = Map.copyOf(minutes);
        if (betweenOtherFamilies < 0 || minutes.values().stream().anyMatch(value -> value < 0)) {
            throw new IllegalArgumentException("changeover times cannot be negative");
        }
    }

    public static ChangeoverTimes none() {
        return NONE;
    }

    /** Every change between two different families costs the same {@code minutes}. */
    public static ChangeoverTimes uniform(long minutes) {
        return new ChangeoverTimes(Map.of(), minutes);
    }

    /** A copy in which changing from {@code from} to {@code to} costs {@code minutes}. */
    public ChangeoverTimes with(String from, String to, long minutes) {
        Map<FamilyChange, Long> copy = new HashMap<>(this.minutes);
        copy.put(new FamilyChange(from, to), minutes);
        return new ChangeoverTimes(copy, betweenOtherFamilies);
    }

    /** Minutes to change over from an operation of family {@code from} to one of family {@code to}; null = no family. */
    public long between(String from, String to) {
        if (from == null || to == null) {
            return 0;
        }
        Long listed = minutes.get(new FamilyChange(from, to));
        if (listed != null) {
            return listed;
        }
        return from.equals(to) ? 0 : betweenOtherFamilies;
    }

    public boolean isNone() {
        return betweenOtherFamilies == 0 && minutes.values().stream().allMatch(value -> value == 0);
    }
}
