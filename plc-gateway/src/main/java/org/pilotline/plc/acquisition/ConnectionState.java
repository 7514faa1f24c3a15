package org.pilotline.plc.acquisition;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import static org.pilotline.plc.acquisition.ConnectionEvent.CLOSE;
import static org.pilotline.plc.acquisition.ConnectionEvent.CONNECT_FAILED;
import static org.pilotline.plc.acquisition.ConnectionEvent.CONNECT_SUCCEEDED;
import static org.pilotline.plc.acquisition.ConnectionEvent.RECOVERED;
import static org.pilotline.plc.acquisition.ConnectionEvent.RECOVERY_FAILED;
import static org.pilotline.plc.acquisition.ConnectionEvent.RETRY;
import static org.pilotline.plc.acquisition.ConnectionEvent.SESSION_ACTIVE;
import static org.pilotline.plc.acquisition.ConnectionEvent.SESSION_INACTIVE;
import static org.pilotline.plc.acquisition.ConnectionEvent.START;
import static org.pilotline.plc.acquisition.ConnectionEvent.SUBSCRIPTION_LOST;

/**
 * The life of one {@link PlcConnection}: the states it can be in and, in {@link #TRANSITIONS}, the one table of which
 * event leads where, as Milo's client has for its session. Below these states Milo keeps its own session state
 * machine (reconnecting, re-activating, transferring the subscription); this one adds what the gateway must do on
 * top: the first connection with back-off, and re-creating a subscription Milo could not keep. An event the table
 * does not list for a state is refused with a {@link RefusedConnectionTransition}. Plain Java.
 */
public enum ConnectionState {

    /** Created, not started yet. */
    NEW(ConnectionStatus.State.CONNECTING),
    /** The first connection is under way: session, namespace table, subscription, monitored items. */
    CONNECTING(ConnectionStatus.State.CONNECTING),
    /** The last attempt at the first connection failed; the next one is scheduled with exponential back-off. */
    CONNECT_WAIT(ConnectionStatus.State.DISCONNECTED),
    /** Acquiring: the session is active and the subscription delivers. */
    CONNECTED(ConnectionStatus.State.CONNECTED),
    /** The session was lost; Milo reconnects with back-off and transfers the subscription (missed values republished). */
    RECONNECTING(ConnectionStatus.State.DISCONNECTED),
    /**
     * The subscription could not be kept: a new one is being created. Notifications are held back until the time
     * without a subscription has been recorded as data loss, so that they come after it.
     */
    RECOVERING(ConnectionStatus.State.CONNECTING),
    /** Recovering, and the subscription being created was lost as well: one more round follows this one. */
    RECOVERING_AGAIN(ConnectionStatus.State.CONNECTING),
    /** Re-creating the subscription failed; the next round is scheduled. */
    RECOVERY_WAIT(ConnectionStatus.State.DISCONNECTED),
    /** Stopped for good: nothing more is reported, and late events of the shut-down client change nothing. */
    CLOSED(ConnectionStatus.State.CLOSED);

    private static final Map<ConnectionState, Map<ConnectionEvent, ConnectionState>> TRANSITIONS =
            new EnumMap<>(ConnectionState.class);

    static {
        allow(NEW, START, CONNECTING);

        allow(CONNECTING, CONNECT_SUCCEEDED, CONNECTED);
        allow(CONNECTING, CONNECT_FAILED, CONNECT_WAIT);
        allow(CONNECT_WAIT, RETRY, CONNECTING);

        allow(CONNECTED, SESSION_INACTIVE, RECONNECTING);
        allow(RECONNECTING, SESSION_ACTIVE, CONNECTED);

        allow(CONNECTED, SUBSCRIPTION_LOST, RECOVERING);
        // Milo reports a failed transfer while it re-activates the session, before the session is active again
        allow(RECONNECTING, SUBSCRIPTION_LOST, RECOVERING);
        allow(RECOVERING, RECOVERED, CONNECTED);
        allow(RECOVERING, SUBSCRIPTION_LOST, RECOVERING_AGAIN);
        allow(RECOVERING_AGAIN, SUBSCRIPTION_LOST, RECOVERING_AGAIN);
        allow(RECOVERING_AGAIN, RECOVERED, RECOVERING);
        allow(RECOVERING, RECOVERY_FAILED, RECOVERY_WAIT);
        // the scheduled round also makes up for the loss that came in meanwhile
        allow(RECOVERING_AGAIN, RECOVERY_FAILED, RECOVERY_WAIT);
        allow(RECOVERY_WAIT, SUBSCRIPTION_LOST, RECOVERY_WAIT);
        allow(RECOVERY_WAIT, RETRY, RECOVERING);

        // Milo's session comes and goes below these states: the attempt or the round under way fails, or goes on
        // once Milo has re-activated the session
        for (ConnectionState state : Set.of(CONNECTING, RECOVERING, RECOVERING_AGAIN, RECOVERY_WAIT)) {
            allow(state, SESSION_ACTIVE, state);
            allow(state, SESSION_INACTIVE, state);
        }
        // the same activity reported twice changes nothing
        allow(CONNECTED, SESSION_ACTIVE, CONNECTED);
        allow(RECONNECTING, SESSION_INACTIVE, RECONNECTING);

        for (ConnectionState state : values()) {
            if (state != CLOSED) {
                allow(state, CLOSE, CLOSED);
            }
        }
        // a closed connection still hears from its attempt, its round, its timers and its client
        for (ConnectionEvent event : ConnectionEvent.values()) {
            allow(CLOSED, event, CLOSED);
        }
    }

    private final ConnectionStatus.State shownAs;

    ConnectionState(ConnectionStatus.State shownAs) {
        this.shownAs = shownAs;
    }

    private static void allow(ConnectionState from, ConnectionEvent event, ConnectionState to) {
        ConnectionState listed = TRANSITIONS.computeIfAbsent(from, s -> new EnumMap<>(ConnectionEvent.class))
                .putIfAbsent(event, to);
        if (listed != null) {
            throw new IllegalStateException(from + " + " + event + " is listed twice (" + listed + ", " + to + ")");
        }
    }

    /** The state {@code event} leads to from this one (possibly this one); refused when the table does not list it. */
    public ConnectionState on(ConnectionEvent event) {
        ConnectionState next = TRANSITIONS.getOrDefault(this, Map.of()).get(event);
        if (next == null) {
            throw new RefusedConnectionTransition(this, event);
        }
        return next;
    }

    /** The events this state takes. */
    public Set<ConnectionEvent> allowedEvents() {
        return Collections.unmodifiableSet(TRANSITIONS.getOrDefault(this, Map.of()).keySet());
    }

    /** How operators see it ({@code GET /api/gateway/connections}): connecting, connected, disconnected or closed. */
    public ConnectionStatus.State shownAs() {
        return shownAs;
    }

    /** True while notifications must wait for the data-loss events of a subscription being re-created. */
    public boolean holdsNotifications() {
        return this == RECOVERING || this == RECOVERING_AGAIN;
    }
}
