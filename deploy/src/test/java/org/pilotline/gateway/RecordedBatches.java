package org.pilotline.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.pilotline.plc.contract.MachineEventBatch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes the gateway's CDI event the way mes-shopfloor will, and remembers every batch. */
@ApplicationScoped
public class RecordedBatches {

    private final List<MachineEventBatch> batches = new CopyOnWriteArrayList<>();

    void onBatch(@Observes MachineEventBatch batch) {
        batches.add(batch);
    }

    public List<MachineEventBatch> all() {
        return List.copyOf(batches);
    }
}
