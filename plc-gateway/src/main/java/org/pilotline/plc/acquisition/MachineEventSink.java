package org.pilotline.plc.acquisition;

import org.pilotline.plc.contract.MachineEvent;

/** Receives the events of one machine, in sequence order. Must be fast and must not throw. */
@FunctionalInterface
public interface MachineEventSink {

    void accept(String tenant, MachineEvent event);
}
