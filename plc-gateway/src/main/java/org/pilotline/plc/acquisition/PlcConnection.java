package org.pilotline.plc.acquisition;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.pilotline.plc.binding.MachineBinding;
import org.pilotline.plc.security.GatewayPki;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

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
 * One OPC UA session to one endpoint, carrying the monitored items of every machine bound to it, in one subscription.
 * Its life is the {@link ConnectionState} machine: every change is an event taken through the one table there, and
 * entering a state starts what that state waits for ({@link #enter}).
 * <p>
 * Robustness, in Milo 1.x terms: the first connection is retried here with exponential back-off; once connected,
 * Milo's session state machine detects keep-alive failures ({@code keepAliveFailuresAllowed = 1}, timeout half an
 * interval: detected within three intervals), reconnects with back-off and transfers the subscription to the new
 * session, republishing notifications missed on the old channel. What it cannot recover is made explicit here:
 * a failed transfer or a timed-out subscription → a new subscription, its initial values as the current values, and
 * a {@code DataLossRecorded} per machine for the time it was blind; a republish the server could not serve → a
 * {@code DataLossRecorded}; a monitored item's queue overflow → a {@code DataLossRecorded} for that gap.
 * <p>
 * The current values are not read separately ({@link MonitoredItems}): the subscription alone is one complete stream
 * per node from the moment each item exists. A Read after the items' creation (as this class did once) returned
 * values newer than changes still queued on the server; applied first, it turned those changes into "repeats" that
 * were dropped silently. Each machine's values are applied in source-time order ({@link MachineValue#applyAll}).
 */
public final class PlcConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlcConnection.class);
    private static final long FIRST_CONNECT_RETRY_MS = 500;
    private static final long RECOVERY_RETRY_MS = 2_000;

    private final MachineBinding.ConnectionKey key;
    private final ConnectionSettings settings;
    private final GatewayPki pki;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final Clock clock;
    private final Semaphore establishing;
    private final ConnectionLifecycle lifecycle;
    private final MonitoredItems items;

    private final Map<String, MachineTracker> machines = new ConcurrentHashMap<>();
    /** Notifications that arrived while the subscription was being re-created; guarded by {@link #lifecycle}. */
    private final List<List<MachineValue>> heldBack = new ArrayList<>();
    private final ServerContact contact = new ServerContact();

    private volatile OpcUaClient client;
    /** Why the subscription was last lost: the round that re-creates it reports its data loss with this reason. */
    private volatile String lossReason;
    private volatile String lastError;
    private volatile long nextConnectDelayMs = FIRST_CONNECT_RETRY_MS;

    public PlcConnection(MachineBinding.ConnectionKey key, ConnectionSettings settings, GatewayPki pki,
                         ScheduledExecutorService scheduler, ExecutorService workers, Clock clock,
                         Semaphore establishing) {
        this.key = key;
        this.settings = settings;
        this.pki = pki;
        this.scheduler = scheduler;
        this.workers = workers;
        this.clock = clock;
        this.establishing = establishing;
        this.lifecycle = new ConnectionLifecycle(clock);
        this.items = new MonitoredItems(settings.queueSize(), this::problem, this::receive);
    }

    public MachineBinding.ConnectionKey key() {
        return key;
    }

    /** Starts connecting in the background; never fails because the PLC is unreachable. */
    public void start() {
        on(START);
    }

    public void addMachine(MachineTracker tracker) {
        machines.put(tracker.binding().tenant() + "/" + tracker.binding().machineCode(), tracker);
        OpcUaSubscription current = items.subscription();
        if (current != null) {
            workers.execute(() -> {
                try {
                    // the new items' initial notifications carry the machine's current values
                    items.monitorMissing(current, machines.values());
                } catch (Exception e) {
                    fail("cannot monitor " + tracker.binding().machineCode(), e);
                }
            });
        }
    }

    /** Stops monitoring a machine; true when the connection has no machine left. */
    public boolean removeMachine(String tenant, String machineCode) {
        MachineTracker removed = machines.remove(tenant + "/" + machineCode);
        if (removed != null) {
            items.stopMonitoring(removed, workers);
        }
        return machines.isEmpty();
    }

    public ConnectionStatus status() {
        return status(null);
    }

    /** The status with only the machines of {@code tenant} (all when null). */
    public ConnectionStatus status(String tenant) {
        ConnectionLifecycle.Entered entered = lifecycle.current();
        return new ConnectionStatus(key.endpointUrl(), entered.state().shownAs(), entered.at(), lastError,
                machines.values().stream().filter(t -> tenant == null || tenant.equals(t.binding().tenant()))
                        .map(t -> t.binding().machineCode()).sorted().toList(),
                contact.notifications(), contact.dataLossEvents());
    }

    /** When the subscription last delivered data or a keep-alive (the server was observed), or null. */
    public Instant lastContact() {
        return contact.last();
    }

    /** The trackers of the machines served by this connection. */
    public List<MachineTracker> trackers() {
        return List.copyOf(machines.values());
    }

    @Override
    public void close() {
        on(CLOSE);
    }

    // ---- the state machine ----

    private ConnectionState on(ConnectionEvent event) {
        return on(event, () -> {
        });
    }

    /**
     * Takes {@code event} through the table; {@code alongside} runs under the lifecycle's monitor right after it,
     * so no notification is delivered in between. A refused event is logged and shown as the last error.
     */
    private ConnectionState on(ConnectionEvent event, Runnable alongside) {
        ConnectionLifecycle.Transition step = null;
        synchronized (lifecycle) {
            try {
                step = lifecycle.fire(event);
            } catch (RefusedConnectionTransition refused) {
                lastError = refused.getMessage();
                LOG.error("{}: {}", key, refused.getMessage());
            }
            alongside.run();
        }
        if (step == null) {
            return lifecycle.state();
        }
        if (step.changed()) {
            enter(step.to());
        }
        return step.to();
    }

    private void enter(ConnectionState state) {
        switch (state) {
            case CONNECTING -> workers.execute(this::connect);
            case CONNECT_WAIT -> {
                long delay = nextConnectDelayMs;
                nextConnectDelayMs = Math.min(settings.maxReconnectDelayMs(), delay * 2);
                LOG.warn("Cannot connect to {}: {}; retrying in {} ms", key, lastError, delay);
                retryIn(delay);
            }
            case RECOVERING -> workers.execute(this::recover);
            case RECOVERY_WAIT -> retryIn(RECOVERY_RETRY_MS);
            case CLOSED -> disconnect();
            case NEW, CONNECTED, RECONNECTING, RECOVERING_AGAIN -> {
                // nothing to start: Milo, or the round under way, moves on from here
            }
        }
    }

    private void retryIn(long delayMs) {
        try {
            scheduler.schedule(() -> on(RETRY), delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: no retry, the gateway is stopping", key);
        }
    }

    // ---- the first connection ----

    /** One attempt, at most {@code connectConcurrency} of them at once in the gateway. */
    private void connect() {
        try {
            establishing.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            connectOnce();
        } finally {
            establishing.release();
        }
    }

    private void connectOnce() {
        if (lifecycle.state() == ConnectionState.CLOSED) {
            return;
        }
        OpcUaClient candidate = null;
        try {
            candidate = MiloClients.newClient(key, settings, pki);
            candidate.addSessionActivityListener(new SessionActivity(candidate));
            candidate.connect();
            client = candidate;
            candidate.readNamespaceTable();
            subscribe(candidate, null);
        } catch (Exception e) {
            client = null;
            lastError = describe(e);
            disconnectQuietly(candidate, 2);
            on(CONNECT_FAILED);
            return;
        }
        nextConnectDelayMs = FIRST_CONNECT_RETRY_MS;
        lastError = null;
        if (on(CONNECT_SUCCEEDED) == ConnectionState.CLOSED) {
            // closed while connecting, after the close disconnected whatever client there was
            client = null;
            disconnectQuietly(candidate, 5);
            return;
        }
        LOG.info("Connected to {} for {} machine(s)", key, machines.size());
    }

    private void disconnect() {
        OpcUaClient current = client;
        client = null;
        disconnectQuietly(current, 5);
    }

    private void disconnectQuietly(OpcUaClient toClose, int waitSeconds) {
        if (toClose == null) {
            return;
        }
        try {
            toClose.disconnectAsync().get(waitSeconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("disconnect from {} failed", key, e);
        }
    }

    // ---- the subscription ----

    /** A new subscription with every machine's items; with a reason, the time without one is recorded as lost. */
    private void subscribe(OpcUaClient on, String lossReason) throws Exception {
        List<MachineTracker> trackers = List.copyOf(machines.values());
        double publishing = trackers.stream().mapToDouble(t -> t.binding().publishingIntervalMs()).min().orElse(1000);
        OpcUaSubscription created = new OpcUaSubscription(on, publishing);
        created.setSubscriptionListener(new SubscriptionEvents());
        created.create();
        items.useSubscription(created);
        // before any notification of the new subscription is applied (while recovering they are held back): the
        // initial values may carry changes made while the gateway was blind, and they belong after the gap
        items.monitorMissing(created, machines.values());
        if (lossReason != null) {
            contact.recordBlindSpan(trackers, clock.instant(), publishing, lossReason);
        }
    }

    private void subscriptionLost(String reason) {
        on(SUBSCRIPTION_LOST, () -> lossReason = reason);
    }

    /** One round of re-creating the subscription; it ends in RECOVERED or RECOVERY_FAILED. */
    private void recover() {
        ConnectionEvent outcome = RECOVERY_FAILED;
        try {
            OpcUaClient on = client;
            if (on != null) {
                String reason = lossReason;
                LOG.warn("{}: {}; re-creating the subscription (its initial values are the current values)", key,
                        reason);
                establishing.acquire();
                try {
                    subscribe(on, reason);
                } finally {
                    establishing.release();
                }
                outcome = RECOVERED;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            fail("re-creating the subscription failed", e);
        } finally {
            // what was held back goes out after the round's data-loss events and before any later notification
            on(outcome, this::releaseHeldBack);
        }
    }

    private void releaseHeldBack() {
        if (lifecycle.state() != ConnectionState.CLOSED) {
            heldBack.forEach(MachineValue::applyAll);
        }
        heldBack.clear();
    }

    /** Applies the values now, or holds them back while the subscription is re-created; true when applied now. */
    private boolean receive(List<MachineValue> values) {
        synchronized (lifecycle) {
            ConnectionState state = lifecycle.state();
            if (state == ConnectionState.CLOSED) {
                // stopped (for instance: the lease moved to another replica); nothing more may be reported
                return false;
            }
            if (state.holdsNotifications()) {
                heldBack.add(values);
                return false;
            }
            MachineValue.applyAll(values);
            return true;
        }
    }

    private void problem(String what) {
        lastError = what;
        LOG.warn("{}: {}", key, what);
    }

    private void fail(String what, Exception e) {
        problem(what + ": " + describe(e));
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private final class SubscriptionEvents implements OpcUaSubscription.SubscriptionListener {

        @Override
        public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> monitoredItems, List<DataValue> values) {
            Instant arrived = clock.instant();
            contact.notified(values.size());
            List<MachineValue> batch = new ArrayList<>(values.size());
            for (int i = 0; i < monitoredItems.size(); i++) {
                MonitoredItems.valueOf(monitoredItems.get(i), values.get(i)).ifPresent(batch::add);
            }
            if (receive(batch)) {
                // only now: a last contact is recorded once the events it covers have reached the sink
                contact.observed(arrived);
            }
        }

        @Override
        public void onKeepAliveReceived(OpcUaSubscription s) {
            contact.observed(clock.instant());
        }

        @Override
        public void onNotificationDataLost(OpcUaSubscription s) {
            contact.recordLoss(machines.values(), null, clock.instant(), s.getPublishingInterval(),
                    "the server could not republish missed notifications");
        }

        @Override
        public void onTransferFailed(OpcUaSubscription s, StatusCode status) {
            subscriptionLost("the subscription could not be transferred to the new session (" + status + ")");
        }

        @Override
        public void onStatusChanged(OpcUaSubscription s, StatusCode status) {
            if (status.getValue() == StatusCodes.Bad_Timeout) {
                subscriptionLost("the subscription timed out on the server");
            }
        }

        @Override
        public void onWatchdogTimerElapsed(OpcUaSubscription s) {
            LOG.warn("{}: no publish response within the subscription's keep-alive time", key);
        }
    }

    /** Session activity of one client; a client this connection has let go of (a failed attempt) is not heard. */
    private final class SessionActivity implements SessionActivityListener {

        private final OpcUaClient owner;

        SessionActivity(OpcUaClient owner) {
            this.owner = owner;
        }

        @Override
        public void onSessionActive(UaSession session) {
            if (owner == client) {
                contact.sessionActive();
                on(SESSION_ACTIVE);
            }
        }

        @Override
        public void onSessionInactive(UaSession session) {
            if (owner == client) {
                contact.sessionLost(clock.instant());
                if (on(SESSION_INACTIVE) != ConnectionState.CLOSED) {
                    LOG.warn("Session to {} lost; Milo reconnects with back-off", key);
                }
            }
        }
    }
}
