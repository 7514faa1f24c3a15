package org.pilotline.plc.acquisition;

import org.pilotline.plc.contract.MachineEvent;

import java.time.Instant;

/** Receives the events of one machine, in sequence order. Must be fast and must not throw. */
@FunctionalInterface
public interface MachineEventSink {

    void accept(String tenant, MachineEvent event);

    /**
     * Every event accepted before this moment has been delivered or durably queued, so a crash can no longer lose it.
     * The gateway persists a machine's last contact only up to here. A sink that delivers synchronously: now.
     */
    default Instant safeUntil() {
        return Instant.now();
    }
}
