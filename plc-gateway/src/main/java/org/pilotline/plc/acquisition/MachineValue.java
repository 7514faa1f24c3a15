package org.pilotline.plc.acquisition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One signal value of one machine, as a notification (or a node that could not be monitored) brought it. */
record MachineValue(MachineTracker tracker, SignalValue value) {

    /**
     * Applies a notification message's values machine by machine. The server groups a message's values per monitored
     * item (all mode values, then all state values, ...); applied in that order, a machine's events would not be in
     * the order things happened, nor carry the mode of their moment. See {@link #inSourceTimeOrder}.
     */
    static void applyAll(List<MachineValue> values) {
        Map<MachineTracker, List<SignalValue>> byMachine = new LinkedHashMap<>();
        for (MachineValue v : values) {
            byMachine.computeIfAbsent(v.tracker(), t -> new ArrayList<>()).add(v.value());
        }
        byMachine.forEach((tracker, signals) -> tracker.apply(inSourceTimeOrder(signals)));
    }

    /**
     * A machine's values in the order they happened (stable: equal times keep the server's order). A value without
     * any timestamp leaves the server's order as it is: there is nothing to place it by.
     */
    static List<SignalValue> inSourceTimeOrder(List<SignalValue> values) {
        if (values.size() < 2 || values.stream().anyMatch(v -> timeOf(v) == null)) {
            return values;
        }
        List<SignalValue> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparing(MachineValue::timeOf));
        return sorted;
    }

    private static Instant timeOf(SignalValue v) {
        return v.sourceTime() != null ? v.sourceTime() : v.serverTime();
    }
}
