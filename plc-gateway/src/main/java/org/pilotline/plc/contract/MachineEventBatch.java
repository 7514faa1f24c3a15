package org.pilotline.plc.contract;

import java.util.List;

/**
 * Events of one enterprise's machines, in the order they were observed (per machine, by sequence). This is the CDI
 * event type the suite observes (synchronously) in both the single-server default and at the centre of an edge
 * gateway; an observer that throws makes the gateway keep the batch and deliver it again later.
 */
public record MachineEventBatch(String batchId, String tenant, List<MachineEvent> events) {

    public MachineEventBatch {
        events = List.copyOf(events);
    }
}
