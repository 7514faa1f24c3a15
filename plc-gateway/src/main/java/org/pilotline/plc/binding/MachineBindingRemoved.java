package org.pilotline.plc.binding;

/**
 * A machine is no longer bound under this code (deleted, or its code changed): CDI event, fired in the changing
 * transaction and observed after a successful commit by whoever acquires.
 */
public record MachineBindingRemoved(String tenant, String machineCode) {
}
