package org.pilotline.plc.acquisition;

/** A bound machine: its enterprise and its code (unique within the enterprise). */
public record MachineId(String tenant, String machine) {

    @Override
    public String toString() {
        return tenant + "/" + machine;
    }
}
