package org.pilotline.plc.delivery;

import org.pilotline.plc.acquisition.MachineEventSink;
import org.pilotline.plc.contract.MachineEvent;
import org.pilotline.plc.contract.MachineEventBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Collects events into per-enterprise batches (flushed every interval or when full), queues them, and delivers them
 * one at a time in order, at least once: a batch stays at the head of the queue until the receiver accepts it, and a
 * failing receiver is retried with exponential back-off.
 */
public final class EventBatcher implements MachineEventSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventBatcher.class);

    private final BatchQueue queue;
    private final BatchReceiver receiver;
    private final long flushIntervalMs;
    private final int maxBatchEvents;
    private final long maxRetryDelayMs;
    private final Map<String, List<MachineEvent>> pending = new LinkedHashMap<>();
    private final Thread worker;
    private final AtomicLong delivered = new AtomicLong();
    private volatile boolean running = true;
    private volatile String lastError;
    private volatile Instant safeUntil = Instant.now();

    public EventBatcher(BatchQueue queue, BatchReceiver receiver, long flushIntervalMs, int maxBatchEvents,
                        long maxRetryDelayMs) {
        this(queue, receiver, flushIntervalMs, maxBatchEvents, maxRetryDelayMs, "plc-gateway-delivery");
    }

    /** {@code threadName}: the delivery thread's name (a lane's, see {@link DeliveryLanes}). */
    public EventBatcher(BatchQueue queue, BatchReceiver receiver, long flushIntervalMs, int maxBatchEvents,
                        long maxRetryDelayMs, String threadName) {
        this.queue = queue;
        this.receiver = receiver;
        this.flushIntervalMs = flushIntervalMs;
        this.maxBatchEvents = maxBatchEvents;
        this.maxRetryDelayMs = maxRetryDelayMs;
        this.worker = new Thread(this::run, threadName);
        this.worker.setDaemon(true);
        this.worker.start();
    }

    @Override
    public void accept(String tenant, MachineEvent event) {
        synchronized (pending) {
            List<MachineEvent> events = pending.computeIfAbsent(tenant, t -> new ArrayList<>());
            events.add(event);
            if (events.size() >= maxBatchEvents) {
                queue.append(new MachineEventBatch(UUID.randomUUID().toString(), tenant, events));
                pending.remove(tenant);
            }
            pending.notifyAll();
        }
    }

    /**
     * Every event accepted before this moment is delivered (or, with a durable queue, on disk): the time of the last
     * flush after which the queue was seen empty (durable queue: the last flush).
     */
    @Override
    public Instant safeUntil() {
        return safeUntil;
    }

    public int queued() {
        return queue.size();
    }

    public long deliveredEvents() {
        return delivered.get();
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    private void run() {
        long retryDelay = 100;
        long lastFlush = System.currentTimeMillis();
        Instant flushedUpTo = safeUntil;
        while (running) {
            try {
                if (System.currentTimeMillis() - lastFlush >= flushIntervalMs) {
                    Instant flushing = Instant.now();
                    flush();
                    lastFlush = System.currentTimeMillis();
                    flushedUpTo = flushing;
                    if (queue.durable()) {
                        safeUntil = flushing;
                    }
                }
                Optional<MachineEventBatch> head = queue.head();
                if (head.isEmpty()) {
                    safeUntil = flushedUpTo;
                    synchronized (pending) {
                        pending.wait(Math.max(1, flushIntervalMs - (System.currentTimeMillis() - lastFlush)));
                    }
                    continue;
                }
                try {
                    receiver.deliver(head.get());
                    queue.removeHead();
                    delivered.addAndGet(head.get().events().size());
                    lastError = null;
                    retryDelay = 100;
                } catch (Exception e) {
                    lastError = String.valueOf(e.getMessage());
                    LOG.warn("Delivering a batch of {} event(s) failed ({}); retrying in {} ms",
                            head.get().events().size(), lastError, retryDelay);
                    Thread.sleep(retryDelay);
                    retryDelay = Math.min(maxRetryDelayMs, retryDelay * 2);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("Event delivery loop failed", e);
            }
        }
    }

    /** Moves the events collected so far into the queue. */
    public void flush() {
        synchronized (pending) {
            pending.forEach((tenant, events) -> {
                if (!events.isEmpty()) {
                    queue.append(new MachineEventBatch(UUID.randomUUID().toString(), tenant, events));
                }
            });
            pending.clear();
        }
    }

    @Override
    public void close() {
        flush();
        running = false;
        worker.interrupt();
    }
}
