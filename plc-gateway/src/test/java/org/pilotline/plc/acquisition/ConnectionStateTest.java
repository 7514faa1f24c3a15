package org.pilotline.plc.acquisition;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import static org.pilotline.plc.acquisition.ConnectionState.CLOSED;
import static org.pilotline.plc.acquisition.ConnectionState.CONNECTED;
import static org.pilotline.plc.acquisition.ConnectionState.CONNECTING;
import static org.pilotline.plc.acquisition.ConnectionState.CONNECT_WAIT;
import static org.pilotline.plc.acquisition.ConnectionState.NEW;
import static org.pilotline.plc.acquisition.ConnectionState.RECONNECTING;
import static org.pilotline.plc.acquisition.ConnectionState.RECOVERING;
import static org.pilotline.plc.acquisition.ConnectionState.RECOVERING_AGAIN;
import static org.pilotline.plc.acquisition.ConnectionState.RECOVERY_WAIT;

/** The connection-state machine's table, written out once more as the specification it must match. */
class ConnectionStateTest {

    private record Step(ConnectionState from, ConnectionEvent event, ConnectionState to) {
    }

    /** Every allowed transition; any other (state, event) pair must be refused. */
    private static final List<Step> ALLOWED = allowed();

    private static List<Step> allowed() {
        Set<Step> steps = new LinkedHashSet<>(List.of(
                new Step(NEW, START, CONNECTING),
                new Step(CONNECTING, CONNECT_SUCCEEDED, CONNECTED),
                new Step(CONNECTING, CONNECT_FAILED, CONNECT_WAIT),
                new Step(CONNECT_WAIT, RETRY, CONNECTING),
                new Step(CONNECTED, SESSION_INACTIVE, RECONNECTING),
                new Step(RECONNECTING, SESSION_ACTIVE, CONNECTED),
                new Step(CONNECTED, SUBSCRIPTION_LOST, RECOVERING),
                new Step(RECONNECTING, SUBSCRIPTION_LOST, RECOVERING),
                new Step(RECOVERING, RECOVERED, CONNECTED),
                new Step(RECOVERING, SUBSCRIPTION_LOST, RECOVERING_AGAIN),
                new Step(RECOVERING_AGAIN, SUBSCRIPTION_LOST, RECOVERING_AGAIN),
                new Step(RECOVERING_AGAIN, RECOVERED, RECOVERING),
                new Step(RECOVERING, RECOVERY_FAILED, RECOVERY_WAIT),
                new Step(RECOVERING_AGAIN, RECOVERY_FAILED, RECOVERY_WAIT),
                new Step(RECOVERY_WAIT, SUBSCRIPTION_LOST, RECOVERY_WAIT),
                new Step(RECOVERY_WAIT, RETRY, RECOVERING),
                new Step(CONNECTED, SESSION_ACTIVE, CONNECTED),
                new Step(RECONNECTING, SESSION_INACTIVE, RECONNECTING)));
        for (ConnectionState s : List.of(CONNECTING, RECOVERING, RECOVERING_AGAIN, RECOVERY_WAIT)) {
            steps.add(new Step(s, SESSION_ACTIVE, s));
            steps.add(new Step(s, SESSION_INACTIVE, s));
        }
        for (ConnectionState s : EnumSet.complementOf(EnumSet.of(CLOSED))) {
            steps.add(new Step(s, CLOSE, CLOSED));
        }
        for (ConnectionEvent e : ConnectionEvent.values()) {
            steps.add(new Step(CLOSED, e, CLOSED));
        }
        return List.copyOf(steps);
    }

    @Test
    void everyAllowedTransitionLeadsWhereTheSpecificationSays() {
        for (Step step : ALLOWED) {
            assertEquals(step.to(), step.from().on(step.event()), step.from() + " + " + step.event());
        }
    }

    @Test
    void everyOtherEventIsRefusedNamingTheStateAndTheEvent() {
        int refused = 0;
        for (ConnectionState state : ConnectionState.values()) {
            for (ConnectionEvent event : ConnectionEvent.values()) {
                if (ALLOWED.stream().anyMatch(s -> s.from() == state && s.event() == event)) {
                    continue;
                }
                RefusedConnectionTransition e = assertThrows(RefusedConnectionTransition.class, () -> state.on(event),
                        state + " + " + event + " must be refused");
                assertEquals(state, e.state());
                assertEquals(event, e.event());
                assertTrue(e.getMessage().contains(state.name()) && e.getMessage().contains(event.name()),
                        e.getMessage());
                refused++;
            }
        }
        assertTrue(refused > 0);
    }

    @Test
    void aConnectedConnectionRefusesToConnectAgain() {
        RefusedConnectionTransition e = assertThrows(RefusedConnectionTransition.class,
                () -> CONNECTED.on(CONNECT_SUCCEEDED));
        assertEquals(CONNECTED, e.state());
        assertEquals(CONNECT_SUCCEEDED, e.event());
    }

    @Test
    void aRefusedEventLeavesTheLifecycleWhereItWas() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);
        ConnectionLifecycle lifecycle = new ConnectionLifecycle(clock);
        lifecycle.fire(START);
        ConnectionLifecycle.Entered before = lifecycle.current();

        assertThrows(RefusedConnectionTransition.class, () -> lifecycle.fire(RECOVERED));

        assertEquals(before, lifecycle.current());
        assertEquals(CONNECTING, lifecycle.state());
    }

    @Test
    void aLossWhileRecoveringIsRememberedAndRecoveredByOneMoreRound() {
        ConnectionLifecycle lifecycle = new ConnectionLifecycle(Clock.systemUTC());
        for (ConnectionEvent e : List.of(START, CONNECT_SUCCEEDED, SUBSCRIPTION_LOST, SUBSCRIPTION_LOST)) {
            lifecycle.fire(e);
        }
        assertEquals(RECOVERING_AGAIN, lifecycle.state());

        ConnectionLifecycle.Transition firstRoundEnds = lifecycle.fire(RECOVERED);
        assertEquals(RECOVERING, firstRoundEnds.to());
        assertTrue(firstRoundEnds.changed(), "entering RECOVERING again starts the second round");
        assertEquals(CONNECTED, lifecycle.fire(RECOVERED).to());
    }

    @Test
    void sessionActivityRepeatedInAStateChangesNothing() {
        ConnectionLifecycle lifecycle = new ConnectionLifecycle(Clock.systemUTC());
        lifecycle.fire(START);
        lifecycle.fire(CONNECT_SUCCEEDED);
        assertFalse(lifecycle.fire(SESSION_ACTIVE).changed());
        assertEquals(RECONNECTING, lifecycle.fire(SESSION_INACTIVE).to());
        assertFalse(lifecycle.fire(SESSION_INACTIVE).changed());
        assertEquals(CONNECTED, lifecycle.fire(SESSION_ACTIVE).to());
    }

    @Test
    void operatorsSeeConnectingConnectedDisconnectedOrClosed() {
        assertEquals(ConnectionStatus.State.CONNECTING, NEW.shownAs());
        assertEquals(ConnectionStatus.State.CONNECTING, CONNECTING.shownAs());
        assertEquals(ConnectionStatus.State.DISCONNECTED, CONNECT_WAIT.shownAs());
        assertEquals(ConnectionStatus.State.CONNECTED, CONNECTED.shownAs());
        assertEquals(ConnectionStatus.State.DISCONNECTED, RECONNECTING.shownAs());
        assertEquals(ConnectionStatus.State.CONNECTING, RECOVERING.shownAs());
        assertEquals(ConnectionStatus.State.CONNECTING, RECOVERING_AGAIN.shownAs());
        assertEquals(ConnectionStatus.State.DISCONNECTED, RECOVERY_WAIT.shownAs());
        assertEquals(ConnectionStatus.State.CLOSED, CLOSED.shownAs());
    }

    @Test
    void onlyARoundThatReCreatesTheSubscriptionHoldsNotificationsBack() {
        Set<ConnectionState> holding = EnumSet.noneOf(ConnectionState.class);
        for (ConnectionState state : ConnectionState.values()) {
            if (state.holdsNotifications()) {
                holding.add(state);
            }
        }
        assertEquals(EnumSet.of(RECOVERING, RECOVERING_AGAIN), holding);
    }
}
