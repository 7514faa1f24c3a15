package org.pilotline.plc.acquisition;

import java.time.Clock;
import java.time.Instant;

/**
 * Where one connection is in its {@link ConnectionState} machine, and since when. Every change goes through
 * {@link #fire}; {@link PlcConnection} also delivers notifications under this object's monitor, so a state that
 * holds notifications back and the delivery of what it held back cannot interleave with other deliveries.
 */
final class ConnectionLifecycle {

    /** One step: the state before, the event, the state after (the same when the event changes nothing). */
    record Transition(ConnectionState from, ConnectionEvent event, ConnectionState to) {

        boolean changed() {
            return from != to;
        }
    }

    /** The state and when it was entered, read together without waiting for the monitor. */
    record Entered(ConnectionState state, Instant at) {
    }

    private final Clock clock;
    private volatile Entered current;

    ConnectionLifecycle(Clock clock) {
        this.clock = clock;
        this.current = new Entered(ConnectionState.NEW, clock.instant());
    }

    /** Takes the event; a {@link RefusedConnectionTransition} leaves the state as it was. */
    synchronized Transition fire(ConnectionEvent event) {
        ConnectionState from = current.state();
        ConnectionState to = from.on(event);
        if (to != from) {
            current = new Entered(to, clock.instant());
        }
        return new Transition(from, event, to);
    }

    ConnectionState state() {
        return current.state();
    }

    Entered current() {
        return current;
    }
}
