package org.pilotline.plc.acquisition;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemServiceOperationResult;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * One OPC UA session to one endpoint, carrying the monitored items of every machine bound to it, in one subscription.
 * <p>
 * Robustness, in Milo 1.x terms: the first connection is retried here with exponential back-off; once connected,
 * Milo's session state machine detects keep-alive failures ({@code keepAliveFailuresAllowed = 1}, timeout half an
 * interval: detected within three intervals), reconnects with back-off and transfers the subscription to the new
 * session, republishing notifications missed on the old channel. What it cannot recover is made explicit here:
 * a failed transfer or a timed-out subscription → a new subscription, its initial values as the current values, and
 * a {@code DataLossRecorded} per machine for the time it was blind; a republish the server could not serve → a
 * {@code DataLossRecorded}; a monitored item's queue overflow → a {@code DataLossRecorded} for that gap.
 * <p>
 * The current values are not read separately: a data monitored item's first notification is the node's current
 * value at the item's creation (OPC UA Part 4, 5.12.1), so the subscription alone gives a complete stream from the
 * moment each item exists: the initial value, then every later change. A Read after the creation (as this class did
 * once) returns a value newer than changes still queued on the server; applied first, it turned those changes into
 * "repeats" (not newer than the last applied value) and they were dropped silently. Without the read there is no
 * second source to reconcile. Within one notification message the server groups values per monitored item (all
 * mode values, then all state values, ...); each machine's values are applied in source-time order (stable, so the
 * server's order stays for equal times), so events come out in the order they happened and carry the mode that
 * was current at that time. A node that cannot be monitored is applied once as a bad value (NotAvailable for a state
 * node), as a read of it would have been.
 */
public final class PlcConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlcConnection.class);

    private final MachineBinding.ConnectionKey key;
    private final ConnectionSettings settings;
    private final GatewayPki pki;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final Clock clock;
    private final Semaphore establishing;

    private final Map<String, MachineTracker> machines = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final Object itemsLock = new Object();
    private final java.util.Set<MachineTracker> monitored = ConcurrentHashMap.newKeySet();
    private final List<List<Pending>> bufferedWhileRecovering = new ArrayList<>();
    private final AtomicLong notifications = new AtomicLong();
    private final AtomicLong dataLossEvents = new AtomicLong();

    private volatile OpcUaClient client;
    private volatile OpcUaSubscription subscription;
    private volatile boolean recovering;
    private String recoverAgain;
    private volatile boolean closed;
    private volatile Instant lastContact;
    private volatile Instant blindSince;
    private volatile ConnectionStatus.State state = ConnectionStatus.State.CONNECTING;
    private volatile Instant stateSince;
    private volatile String lastError;
    private volatile long nextDelayMs = 500;

    private record Pending(MachineTracker tracker, SignalValue value) {
    }

    private record ItemRef(MachineTracker tracker, Signal signal) {
    }

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
        this.stateSince = clock.instant();
    }

    public MachineBinding.ConnectionKey key() {
        return key;
    }

    /** Starts connecting in the background; never fails because the PLC is unreachable. */
    public void start() {
        workers.execute(this::attemptConnect);
    }

    public void addMachine(MachineTracker tracker) {
        machines.put(tracker.binding().tenant() + "/" + tracker.binding().machineCode(), tracker);
        OpcUaSubscription current = subscription;
        if (current != null) {
            workers.execute(() -> {
                try {
                    // the new items' initial notifications carry the machine's current values
                    monitorMissing(current);
                } catch (Exception e) {
                    fail("cannot monitor " + tracker.binding().machineCode(), e);
                }
            });
        }
    }

    /**
     * Creates the monitored items of every machine not yet monitored in {@code into}, if it is still the current
     * subscription; returns those machines. Serialised, so a machine added while a subscription is being (re-)created
     * is monitored exactly once, whichever comes first, and machines added in a burst share one service call.
     */
    private List<MachineTracker> monitorMissing(OpcUaSubscription into) throws Exception {
        synchronized (itemsLock) {
            if (into != subscription) {
                return List.of();
            }
            List<MachineTracker> missing = machines.values().stream().filter(t -> !monitored.contains(t)).toList();
            if (!missing.isEmpty()) {
                addItems(into, missing);
                monitored.addAll(missing);
            }
            return missing;
        }
    }

    /** Stops monitoring a machine; true when the connection has no machine left. */
    public boolean removeMachine(String tenant, String machineCode) {
        MachineTracker removed = machines.remove(tenant + "/" + machineCode);
        if (removed != null) {
            monitored.remove(removed);
        }
        OpcUaSubscription current = subscription;
        if (removed != null && current != null) {
            List<OpcUaMonitoredItem> items = current.getMonitoredItems().stream()
                    .filter(i -> i.getUserObject().map(o -> ((ItemRef) o).tracker() == removed).orElse(false)).toList();
            current.removeMonitoredItems(items);
            workers.execute(() -> {
                try {
                    current.deleteMonitoredItems();
                } catch (Exception e) {
                    LOG.debug("deleting monitored items of {} failed", machineCode, e);
                }
            });
        }
        return machines.isEmpty();
    }

    public ConnectionStatus status() {
        return status(null);
    }

    /** The status with only the machines of {@code tenant} (all when null). */
    public ConnectionStatus status(String tenant) {
        return new ConnectionStatus(key.endpointUrl(), state, stateSince, lastError,
                machines.values().stream().filter(t -> tenant == null || tenant.equals(t.binding().tenant()))
                        .map(t -> t.binding().machineCode()).sorted().toList(),
                notifications.get(), dataLossEvents.get());
    }

    /** When the subscription last delivered data or a keep-alive (the server was observed), or null. */
    public Instant lastContact() {
        return lastContact;
    }

    /** The trackers of the machines served by this connection. */
    public List<MachineTracker> trackers() {
        return List.copyOf(machines.values());
    }

    /** For tests and operators: the Milo client while connected. */
    public Optional<OpcUaClient> client() {
        return Optional.ofNullable(client);
    }

    @Override
    public void close() {
        closed = true;
        setState(ConnectionStatus.State.CLOSED);
        OpcUaClient current = client;
        client = null;
        if (current != null) {
            try {
                current.disconnectAsync().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("disconnect from {} failed", key, e);
            }
        }
    }

    // ---- connecting ----

    private void attemptConnect() {
        if (closed) {
            return;
        }
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
        if (closed) {
            return;
        }
        OpcUaClient candidate = null;
        try {
            candidate = MiloClients.newClient(key, settings, pki);
            candidate.addSessionActivityListener(new Activity());
            candidate.connect();
            if (closed) {
                candidate.disconnect();
                return;
            }
            client = candidate;
            candidate.readNamespaceTable();
            subscribe(candidate, null);
            nextDelayMs = 500;
            lastError = null;
            setState(ConnectionStatus.State.CONNECTED);
            LOG.info("Connected to {} for {} machine(s)", key, machines.size());
        } catch (Exception e) {
            lastError = describe(e);
            if (candidate != null) {
                try {
                    candidate.disconnectAsync().get(2, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // the connection never worked
                }
            }
            client = null;
            long delay = nextDelayMs;
            nextDelayMs = Math.min(settings.maxReconnectDelayMs(), nextDelayMs * 2);
            setState(ConnectionStatus.State.DISCONNECTED);
            LOG.warn("Cannot connect to {}: {}; retrying in {} ms", key, lastError, delay);
            if (!closed) {
                scheduler.schedule(() -> workers.execute(this::attemptConnect), delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    // ---- subscribing ----

    private void subscribe(OpcUaClient on, String lossReason) throws Exception {
        List<MachineTracker> trackers = List.copyOf(machines.values());
        double publishing = trackers.stream().mapToDouble(t -> t.binding().publishingIntervalMs()).min().orElse(1000);
        OpcUaSubscription created = new OpcUaSubscription(on, publishing);
        created.setSubscriptionListener(new Listener());
        created.create();
        synchronized (itemsLock) {
            subscription = created;
            monitored.clear();
        }
        // before any notification of the new subscription is applied (while recovering they are buffered): the
        // initial values may carry changes made while the gateway was blind, and they belong after the gap
        monitorMissing(created);
        if (lossReason != null) {
            Instant to = clock.instant();
            Instant contact = lastContact != null ? lastContact : blindSince;
            Instant from = (contact != null ? contact : to).minus(Duration.ofMillis((long) publishing));
            for (MachineTracker tracker : trackers) {
                tracker.recordLoss(from, to, lossReason);
                dataLossEvents.incrementAndGet();
            }
        }
    }

    private void addItems(OpcUaSubscription into, List<MachineTracker> trackers) throws Exception {
        OpcUaClient on = into.getClient();
        List<OpcUaMonitoredItem> items = new ArrayList<>();
        for (MachineTracker tracker : trackers) {
            for (Map.Entry<Signal, String> node : SignalNodes.nodes(tracker.binding()).entrySet()) {
                OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(SignalNodes.resolve(on, node.getValue()));
                item.setSamplingInterval(tracker.binding().samplingIntervalMs());
                item.setQueueSize(uint(settings.queueSize()));
                item.setDiscardOldest(true);
                item.setUserObject(new ItemRef(tracker, node.getKey()));
                items.add(item);
            }
        }
        into.addMonitoredItems(items);
        List<MonitoredItemServiceOperationResult> results = into.createMonitoredItems();
        List<Pending> unmonitored = new ArrayList<>();
        for (MonitoredItemServiceOperationResult result : results) {
            if (result.operationResult().map(r -> !r.isGood()).orElse(false) || result.serviceResult().isBad()) {
                StatusCode status = result.operationResult().orElse(result.serviceResult());
                lastError = "a node could not be monitored: "
                        + result.monitoredItem().getReadValueId().getNodeId().toParseableString() + " " + status;
                LOG.warn("{}: {}", key, lastError);
                // no notification will ever come for it: report it as a read would have, with a bad status
                if (result.monitoredItem().getUserObject().orElse(null) instanceof ItemRef r) {
                    unmonitored.add(new Pending(r.tracker(), SignalNodes.signalValue(r.signal(), new DataValue(status))));
                }
            }
        }
        if (!unmonitored.isEmpty()) {
            receive(unmonitored);
        }
    }

    // ---- notifications ----

    /** Delivers now, or after the subscription being re-created (and its data-loss events) when recovering. */
    private boolean receive(List<Pending> batch) {
        synchronized (lock) {
            if (recovering) {
                bufferedWhileRecovering.add(batch);
                return false;
            }
            deliver(batch);
            return true;
        }
    }

    private void deliver(List<Pending> batch) {
        Map<MachineTracker, List<SignalValue>> byMachine = new LinkedHashMap<>();
        for (Pending p : batch) {
            byMachine.computeIfAbsent(p.tracker(), t -> new ArrayList<>()).add(p.value());
        }
        byMachine.forEach((tracker, values) -> tracker.apply(inSourceTimeOrder(values)));
    }

    /**
     * A notification message holds the values grouped per monitored item; a machine's values are applied in the
     * order they happened (stable: equal times keep the server's order). A value without any timestamp leaves the
     * server's order as it is: there is nothing to place it by.
     */
    static List<SignalValue> inSourceTimeOrder(List<SignalValue> values) {
        if (values.size() < 2 || values.stream().anyMatch(v -> timeOf(v) == null)) {
            return values;
        }
        List<SignalValue> sorted = new ArrayList<>(values);
        sorted.sort(java.util.Comparator.comparing(PlcConnection::timeOf));
        return sorted;
    }

    private static Instant timeOf(SignalValue v) {
        return v.sourceTime() != null ? v.sourceTime() : v.serverTime();
    }

    private void recover(String reason) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (recovering) {
                // the subscription being re-created was lost too: recover again once this round ends
                recoverAgain = reason;
                return;
            }
            recovering = true;
        }
        workers.execute(() -> {
            try {
                OpcUaClient on = client;
                if (on == null) {
                    return;
                }
                LOG.warn("{}: {}; re-creating the subscription (its initial values are the current values)", key, reason);
                establishing.acquire();
                try {
                    subscribe(on, reason);
                } finally {
                    establishing.release();
                }
            } catch (Exception e) {
                fail("re-creating the subscription failed", e);
                scheduler.schedule(() -> recover(reason), 2, TimeUnit.SECONDS);
            } finally {
                String again;
                synchronized (lock) {
                    recovering = false;
                    bufferedWhileRecovering.forEach(this::deliver);
                    bufferedWhileRecovering.clear();
                    again = recoverAgain;
                    recoverAgain = null;
                }
                if (again != null) {
                    recover(again);
                }
            }
        });
    }

    private void fail(String what, Exception e) {
        lastError = what + ": " + describe(e);
        LOG.warn("{}: {}", key, lastError);
    }

    private void setState(ConnectionStatus.State newState) {
        if (state != newState) {
            state = newState;
            stateSince = clock.instant();
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private final class Listener implements OpcUaSubscription.SubscriptionListener {

        @Override
        public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<DataValue> values) {
            if (closed) {
                // stopped (for instance: the lease moved to another replica); nothing more may be reported
                return;
            }
            Instant arrived = clock.instant();
            notifications.addAndGet(values.size());
            List<Pending> batch = new ArrayList<>(values.size());
            for (int i = 0; i < items.size(); i++) {
                Object ref = items.get(i).getUserObject().orElse(null);
                if (ref instanceof ItemRef r) {
                    batch.add(new Pending(r.tracker(), SignalNodes.signalValue(r.signal(), values.get(i))));
                }
            }
            if (!receive(batch)) {
                return;
            }
            // only now: a last contact is recorded once the events it covers have reached the sink
            lastContact = arrived;
        }

        @Override
        public void onKeepAliveReceived(OpcUaSubscription s) {
            lastContact = clock.instant();
        }

        @Override
        public void onNotificationDataLost(OpcUaSubscription s) {
            Instant to = clock.instant();
            Instant from = (lastContact != null ? lastContact : to)
                    .minus(Duration.ofMillis(s.getPublishingInterval().longValue()));
            for (MachineTracker tracker : machines.values()) {
                tracker.recordLoss(from, to, "the server could not republish missed notifications");
                dataLossEvents.incrementAndGet();
            }
        }

        @Override
        public void onTransferFailed(OpcUaSubscription s, StatusCode status) {
            recover("the subscription could not be transferred to the new session (" + status + ")");
        }

        @Override
        public void onStatusChanged(OpcUaSubscription s, StatusCode status) {
            if (status.getValue() == StatusCodes.Bad_Timeout) {
                recover("the subscription timed out on the server");
            }
        }

        @Override
        public void onWatchdogTimerElapsed(OpcUaSubscription s) {
            LOG.warn("{}: no publish response within the subscription's keep-alive time", key);
        }
    }

    private final class Activity implements SessionActivityListener {

        @Override
        public void onSessionActive(UaSession session) {
            if (!closed) {
                setState(ConnectionStatus.State.CONNECTED);
                blindSince = null;
            }
        }

        @Override
        public void onSessionInactive(UaSession session) {
            if (!closed) {
                blindSince = clock.instant();
                setState(ConnectionStatus.State.DISCONNECTED);
                LOG.warn("Session to {} lost; Milo reconnects with back-off", key);
            }
        }
    }
}
