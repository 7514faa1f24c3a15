package org.pilotline.plc.centre;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs acquisition on exactly one replica. Every {@code renewal} it takes or renews the {@link AcquisitionLease};
 * holding it, it starts the acquisition ({@code start}) once and then calls {@code whileLeading} on every renewal (to
 * pick up binding changes made on other replicas); told the lease is someone else's, it stops. When the database cannot
 * be reached it keeps acquiring only while its last renewal is certainly still valid: it stops half a renewal interval
 * before the lease could expire (measured from before that renewal was sent), so two replicas never acquire at once.
 * Closing it stops the acquisition first, then releases the lease for an immediate takeover.
 *
 * @param <T> the acquisition (a {@code Gateway})
 */
public final class AcquisitionLeader<T extends AutoCloseable> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AcquisitionLeader.class);

    private final AcquisitionLease lease;
    private final Duration renewal;
    private final Duration duration;
    private final Supplier<T> start;
    private final Consumer<T> whileLeading;
    private final ScheduledExecutorService timer;
    private final Object lock = new Object();
    private volatile T current;
    private ScheduledFuture<?> fence;
    private ScheduledFuture<?> ticking;
    private volatile boolean closed;

    public AcquisitionLeader(AcquisitionLease lease, Duration renewal, Duration duration, Supplier<T> start,
                             Consumer<T> whileLeading) {
        if (renewal.multipliedBy(2).compareTo(duration) > 0) {
            throw new IllegalArgumentException("the lease (" + duration + ") must last at least two renewals ("
                    + renewal + ")");
        }
        this.lease = lease;
        this.renewal = renewal;
        this.duration = duration;
        this.start = start;
        this.whileLeading = whileLeading;
        AtomicInteger n = new AtomicInteger();
        // two threads: the fence must fire even while a renewal hangs on an unreachable database
        this.timer = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "plc-gateway-lease-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Tries at once (so a single replica acquires right away), then every renewal interval. */
    public AcquisitionLeader<T> start() {
        tick();
        synchronized (lock) {
            ticking = timer.scheduleWithFixedDelay(this::tick, renewal.toMillis(), renewal.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** The running acquisition while this replica leads. */
    public Optional<T> current() {
        return Optional.ofNullable(current);
    }

    public boolean leading() {
        return current != null;
    }

    public String holder() {
        return lease.holder();
    }

    private void tick() {
        if (closed) {
            return;
        }
        long sentAt = System.nanoTime();
        boolean held;
        try {
            held = lease.acquireOrRenew();
        } catch (Exception e) {
            LOG.warn("Cannot renew the acquisition lease ({}); acquiring until it may expire", e.getMessage());
            return;
        }
        if (!held) {
            stop("the acquisition lease is held by another replica");
            return;
        }
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (fence != null) {
                fence.cancel(false);
            }
            long validForNanos = duration.minus(renewal.dividedBy(2)).toNanos() - (System.nanoTime() - sentAt);
            fence = timer.schedule(() -> stop("the acquisition lease could not be renewed in time"),
                    Math.max(0, validForNanos), TimeUnit.NANOSECONDS);
        }
        T running = current;
        if (running == null) {
            try {
                T started = start.get();
                synchronized (lock) {
                    if (closed || fence == null || fence.isDone()) {
                        closeQuietly(started);
                        return;
                    }
                    current = started;
                }
                LOG.info("This replica ({}) holds the acquisition lease and acquires", lease.holder());
            } catch (RuntimeException e) {
                LOG.error("Acquisition could not start; trying again at the next renewal", e);
            }
        } else {
            try {
                whileLeading.accept(running);
            } catch (RuntimeException e) {
                LOG.warn("Refreshing the acquisition failed: {}", e.getMessage());
            }
        }
    }

    private void stop(String why) {
        T running;
        synchronized (lock) {
            running = current;
            current = null;
            if (fence != null) {
                fence.cancel(false);
                fence = null;
            }
        }
        if (running != null) {
            LOG.warn("This replica ({}) stops acquiring: {}", lease.holder(), why);
            closeQuietly(running);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (ticking != null) {
                ticking.cancel(false);
            }
        }
        stop("the application stops");
        try {
            lease.release();
        } catch (Exception e) {
            LOG.warn("Cannot release the acquisition lease ({}); another replica takes over when it expires",
                    e.getMessage());
        }
        timer.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable acquisition) {
        try {
            acquisition.close();
        } catch (Exception e) {
            LOG.warn("Stopping acquisition failed", e);
        }
    }
}
