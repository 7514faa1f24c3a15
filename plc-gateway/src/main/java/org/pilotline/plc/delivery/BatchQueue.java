package org.pilotline.plc.delivery;

import org.pilotline.plc.contract.DataLossRecorded;
import org.pilotline.plc.contract.MachineEvent;
import org.pilotline.plc.contract.MachineEventBatch;
import org.pilotline.plc.contract.MachineStateChanged;
import org.pilotline.plc.contract.PartCountDelta;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A bounded FIFO of batches waiting for delivery. */
public interface BatchQueue {

    void append(MachineEventBatch batch);

    Optional<MachineEventBatch> head();

    void removeHead();

    int size();

    /** True when an appended batch survives a crash of the process (then appending it made its events safe). */
    default boolean durable() {
        return false;
    }

    /**
     * What replaces a batch dropped because the queue is full: one data-loss event per machine, spanning the dropped
     * events' times and carrying the machine's highest dropped sequence number (unused by any delivered event, so the
     * loss is never silent and sequence numbers stay increasing).
     */
    static MachineEventBatch lossFor(MachineEventBatch dropped) {
        Map<String, long[]> sequences = new LinkedHashMap<>();
        Map<String, Instant[]> spans = new LinkedHashMap<>();
        for (MachineEvent e : dropped.events()) {
            sequences.merge(e.machine(), new long[]{e.sequence()}, (a, b) -> new long[]{Math.max(a[0], b[0])});
            Instant from = e instanceof MachineStateChanged s ? s.sourceTime()
                    : e instanceof PartCountDelta p ? p.sourceTime() : ((DataLossRecorded) e).from();
            Instant to = e instanceof DataLossRecorded l ? l.to() : from;
            if (from == null || to == null) {
                continue;
            }
            spans.merge(e.machine(), new Instant[]{from, to}, (a, b) -> new Instant[]{
                    a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
        }
        List<MachineEvent> losses = new ArrayList<>();
        sequences.forEach((machine, seq) -> {
            Instant[] span = spans.getOrDefault(machine, new Instant[]{Instant.now(), Instant.now()});
            losses.add(new DataLossRecorded(machine, seq[0], span[0], span[1],
                    "the gateway's store-and-forward queue was full; events were dropped"));
        });
        return new MachineEventBatch(UUID.randomUUID().toString(), dropped.tenant(), losses);
    }
}
