package org.pilotline.plc.contract;

import java.util.Locale;
import java.util.Optional;

/** OPC 40001-1 §8.3 MachineryOperationModeStateMachineType: what the machine is being used for. */
public enum MachineryOperationMode {
    NONE(0, "None"),
    MAINTENANCE(1, "Maintenance"),
    SETUP(2, "Setup"),
    PROCESSING(3, "Processing");

    private final int number;
    private final String browseName;

    MachineryOperationMode(int number, String browseName) {
        this.number = number;
        this.browseName = browseName;
    }

    public int number() {
        return number;
    }

    public String browseName() {
        return browseName;
    }

    public static Optional<MachineryOperationMode> ofNumber(long number) {
        for (MachineryOperationMode mode : values()) {
            if (mode.number == number) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    public static Optional<MachineryOperationMode> ofName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.replaceAll("[\\s_]", "").toLowerCase(Locale.ROOT);
        for (MachineryOperationMode mode : values()) {
            if (mode.browseName.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
