package org.pilotline.plc.delivery;

import org.pilotline.plc.acquisition.MachineEventSink;
import org.pilotline.plc.contract.MachineEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Delivers on several threads at once: each machine belongs to one lane (by a hash of enterprise and machine code),
 * and each lane is an {@link EventBatcher} of its own with its own queue and thread. A machine's events therefore stay
 * in one lane and arrive in sequence order, as with a single batcher; batches of different lanes name disjoint
 * machines, so their ingest transactions lock disjoint watermark rows and run side by side. One delivery thread spends
 * most of its time waiting for the database (round trips, the durable commit); lanes overlap those waits.
 */
public final class DeliveryLanes implements MachineEventSink, AutoCloseable {

    private final List<EventBatcher> lanes;

    /**
     * {@code lanes} batchers, each made by {@code batcher} from its lane number (0 … lanes − 1) — a queue and a
     * receiver of their own, the capacity shared out.
     */
    public DeliveryLanes(int lanes, IntFunction<EventBatcher> batcher) {
        if (lanes < 1) {
            throw new IllegalArgumentException("at least one delivery lane, not " + lanes);
        }
        List<EventBatcher> made = new ArrayList<>(lanes);
        for (int lane = 0; lane < lanes; lane++) {
            made.add(batcher.apply(lane));
        }
        this.lanes = List.copyOf(made);
    }

    /** The lane of a machine: the same for all its events, whichever connection they came through. */
    static int laneOf(String tenant, String machine, int lanes) {
        int hash = 31 * tenant.hashCode() + machine.hashCode();
        return Math.floorMod(hash ^ (hash >>> 16), lanes);
    }

    @Override
    public void accept(String tenant, MachineEvent event) {
        lanes.get(laneOf(tenant, event.machine(), lanes.size())).accept(tenant, event);
    }

    /** Every lane has made safe what was accepted before this moment: the earliest of the lanes' moments. */
    @Override
    public Instant safeUntil() {
        Instant safe = null;
        for (EventBatcher lane : lanes) {
            Instant laneSafe = lane.safeUntil();
            safe = safe == null || laneSafe.isBefore(safe) ? laneSafe : safe;
        }
        return safe;
    }

    public int lanes() {
        return lanes.size();
    }

    public int queued() {
        return lanes.stream().mapToInt(EventBatcher::queued).sum();
    }

    public long deliveredEvents() {
        return lanes.stream().mapToLong(EventBatcher::deliveredEvents).sum();
    }

    public Optional<String> lastError() {
        return lanes.stream().map(EventBatcher::lastError).flatMap(Optional::stream).findFirst();
    }

    /** Moves every lane's collected events into its queue. */
    public void flush() {
        lanes.forEach(EventBatcher::flush);
    }

    @Override
    public void close() {
        lanes.forEach(EventBatcher::close);
    }
}
