package org.pilotline.plc.contract;

import java.util.Locale;
import java.util.Optional;

/**
 * The normalised machine state: the states of OPC 40001-1 (Machinery) §8.2 MachineryItemState_StateMachineType,
 * with their state numbers. Running/fault flags and PackML state numbers are mapped onto it (see the README).
 */
public enum MachineryItemState {
    /** No information is available (no connection, or the machine reports nothing usable). */
    NOT_AVAILABLE(0, "NotAvailable"),
    /** The machine is not functional: a fault, a breakdown, maintenance. */
    OUT_OF_SERVICE(1, "OutOfService"),
    /** The machine is functional but not executing: idle, waiting, being set up. */
    NOT_EXECUTING(2, "NotExecuting"),
    /** The machine is executing its job (producing). */
    EXECUTING(3, "Executing");

    private final int number;
    private final String browseName;

    MachineryItemState(int number, String browseName) {
        this.number = number;
        this.browseName = browseName;
    }

    /** The state number of OPC 40001-1. */
    public int number() {
        return number;
    }

    /** The state's browse name in OPC 40001-1, e.g. "NotExecuting". */
    public String browseName() {
        return browseName;
    }

    public static Optional<MachineryItemState> ofNumber(long number) {
        for (MachineryItemState state : values()) {
            if (state.number == number) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    /** By browse name ("Executing"), also tolerating "EXECUTING", "executing" and "Not Executing". */
    public static Optional<MachineryItemState> ofName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.replaceAll("[\\s_]", "").toLowerCase(Locale.ROOT);
        for (MachineryItemState state : values()) {
            if (state.browseName.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
