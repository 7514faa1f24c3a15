package org.pilotline.plc.acquisition;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one connection has seen of its server: the last contact (delivered data or a keep-alive), since when it has
 * been blind (its session lost), and the data-loss spans that follow from them, with the counts operators see.
 */
final class ServerContact {

    private final AtomicLong notifications = new AtomicLong();
    private final AtomicLong dataLossEvents = new AtomicLong();
    private volatile Instant last;
    private volatile Instant blindSince;

    /** The server was observed at {@code at}; recorded only once the events it covers have reached the sink. */
    void observed(Instant at) {
        last = at;
    }

    void notified(int values) {
        notifications.addAndGet(values);
    }

    void sessionLost(Instant at) {
        blindSince = at;
    }

    void sessionActive() {
        blindSince = null;
    }

    /** When the server was last observed, or null. */
    Instant last() {
        return last;
    }

    /**
     * Records that the machines saw nothing from the last contact (or, without one, from {@code orSince}) until
     * {@code to}, widened by one publishing interval: a change just before the last contact may not have been
     * published yet.
     */
    void recordLoss(Collection<MachineTracker> machines, Instant orSince, Instant to, double publishingMs,
                    String reason) {
        Instant contact = last != null ? last : orSince;
        Instant from = (contact != null ? contact : to).minus(Duration.ofMillis((long) publishingMs));
        for (MachineTracker tracker : machines) {
            tracker.recordLoss(from, to, reason);
            dataLossEvents.incrementAndGet();
        }
    }

    /** Blind from the last contact, or from the moment the session was lost when there was none. */
    void recordBlindSpan(Collection<MachineTracker> machines, Instant to, double publishingMs, String reason) {
        recordLoss(machines, blindSince, to, publishingMs, reason);
    }

    long notifications() {
        return notifications.get();
    }

    long dataLossEvents() {
        return dataLossEvents.get();
    }
}
