package org.pilotline.plc.delivery;

import org.pilotline.plc.contract.MachineEventBatch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** The single-server queue: in memory, bounded (a full queue turns its oldest batch into data-loss events). */
public final class MemoryBatchQueue implements BatchQueue {

    private final Deque<MachineEventBatch> batches = new ArrayDeque<>();
    private final int capacity;

    public MemoryBatchQueue(int capacity) {
        this.capacity = Math.max(2, capacity);
    }

    @Override
    public synchronized void append(MachineEventBatch batch) {
        if (batches.size() >= capacity) {
            MachineEventBatch oldest = batches.pollFirst();
            // the head may be in delivery: drop the next one instead, and keep order by putting it back
            batches.offerFirst(oldest);
            MachineEventBatch dropped = batches.size() > 1 ? removeSecond() : null;
            if (dropped != null) {
                batches.add(BatchQueue.lossFor(dropped));
            }
        }
        batches.addLast(batch);
    }

    private MachineEventBatch removeSecond() {
        MachineEventBatch head = batches.pollFirst();
        MachineEventBatch second = batches.pollFirst();
        batches.offerFirst(head);
        return second;
    }

    @Override
    public synchronized Optional<MachineEventBatch> head() {
        return Optional.ofNullable(batches.peekFirst());
    }

    @Override
    public synchronized void removeHead() {
        batches.pollFirst();
    }

    @Override
    public synchronized int size() {
        return batches.size();
    }
}
