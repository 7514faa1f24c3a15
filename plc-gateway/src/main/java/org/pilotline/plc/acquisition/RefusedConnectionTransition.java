package org.pilotline.plc.acquisition;

/**
 * An event that {@link ConnectionState}'s table does not allow in the connection's current state: the connection and
 * what it was told disagree about what is going on. Never ignored silently: the connection logs it as an error and
 * shows it as its last error, and its state stays as it was.
 */
public final class RefusedConnectionTransition extends IllegalStateException {

    private final ConnectionState state;
    private final ConnectionEvent event;

    public RefusedConnectionTransition(ConnectionState state, ConnectionEvent event) {
        super("a connection in state " + state + " cannot take " + event + " (allowed: " + state.allowedEvents() + ")");
        this.state = state;
        this.event = event;
    }

    public ConnectionState state() {
        return state;
    }

    public ConnectionEvent event() {
        return event;
    }
}
