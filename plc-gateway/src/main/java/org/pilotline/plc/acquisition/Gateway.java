package org.pilotline.plc.acquisition;

import org.pilotline.platform.problem.FieldError;
import org.pilotline.plc.binding.BindingRules;
import org.pilotline.plc.binding.MachineBinding;
import org.pilotline.plc.security.GatewayPki;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The acquisition side of the gateway: the machines it is bound to, grouped into one {@link PlcConnection} per
 * endpoint, security and identity. Plain Java: the Quarkus layer and the tests drive it the same way.
 * <p>
 * Every {@code contactInterval} it records each observed machine's last contact in the {@link ContactLog}, but only up
 * to what the sink has made safe ({@link MachineEventSink#safeUntil()}), and once more when it is closed. A machine
 * bound with a recorded contact starts with a data-loss event from there to its first value.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final Duration CLOSE_WAIT_FOR_DELIVERY = Duration.ofSeconds(3);
    /** Stands for "started now, no earlier contact": bound without a gap. */
    private static final Instant FIRST_ACQUISITION = Instant.MIN;

    private final ConnectionSettings settings;
    private final GatewayPki pki;
    private final SequenceBlocks sequences;
    private final MachineEventSink sink;
    private final Clock clock;
    private final ContactLog contactLog;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final Semaphore establishing;
    private final Map<MachineBinding.ConnectionKey, PlcConnection> connections = new ConcurrentHashMap<>();
    private final Map<MachineId, MachineBinding> bindings = new ConcurrentHashMap<>();
    private final Map<MachineId, Instant> recordedContacts;
    private final Map<MachineId, Instant> flushedContacts = new HashMap<>();
    private final Object contactLock = new Object();
    private Capture pendingContacts;
    private volatile boolean closed;

    /** Contacts captured at one moment, written once the sink has made every earlier event safe. */
    private record Capture(Instant at, Map<MachineId, Instant> contacts) {
    }

    /** A gateway that keeps no last contacts (tests, benchmarks). */
    public Gateway(ConnectionSettings settings, GatewayPki pki, SequenceBlocks sequences, MachineEventSink sink,
                   Clock clock) {
        this(settings, pki, sequences, sink, clock, ContactLog.inMemory(), Duration.ofSeconds(5));
    }

    public Gateway(ConnectionSettings settings, GatewayPki pki, SequenceBlocks sequences, MachineEventSink sink,
                   Clock clock, ContactLog contactLog, Duration contactInterval) {
        this.settings = settings;
        this.pki = pki;
        this.sequences = sequences;
        this.sink = sink;
        this.clock = clock;
        this.contactLog = contactLog;
        this.recordedContacts = new ConcurrentHashMap<>(contactLog.lastContacts());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(named("plc-gateway-timer"));
        this.workers = Executors.newCachedThreadPool(named("plc-gateway-worker"));
        this.establishing = new Semaphore(Math.max(1, settings.connectConcurrency()));
        long interval = Math.max(50, contactInterval.toMillis());
        scheduler.scheduleWithFixedDelay(() -> workers.execute(this::recordContacts), interval, interval,
                TimeUnit.MILLISECONDS);
    }

    /** Starts acquiring a machine, or re-binds it when its binding changed. */
    public synchronized void bind(MachineBinding binding) {
        List<FieldError> problems = BindingRules.problems(binding);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid binding " + binding.machineCode() + ": " + problems);
        }
        MachineId id = new MachineId(binding.tenant(), binding.machineCode());
        MachineBinding previous = bindings.get(id);
        if (binding.equals(previous)) {
            return;
        }
        Instant resumeFrom;
        if (previous != null) {
            resumeFrom = unbindKeepingContact(id);
        } else {
            resumeFrom = recordedContacts.remove(id);
            if (resumeFrom == null) {
                recordStart(List.of(id));
                recordedContacts.remove(id);
            } else if (resumeFrom == FIRST_ACQUISITION) {
                resumeFrom = null;
            }
        }
        bindings.put(id, binding);
        MachineTracker tracker = new MachineTracker(binding, sink, sequences, clock, resumeFrom);
        PlcConnection connection = connections.get(binding.connectionKey());
        if (connection == null) {
            connection = new PlcConnection(binding.connectionKey(), settings, pki, scheduler, workers, clock,
                    establishing);
            connections.put(binding.connectionKey(), connection);
            connection.addMachine(tracker);
            connection.start();
        } else {
            connection.addMachine(tracker);
        }
    }

    public synchronized void unbind(String tenant, String machineCode) {
        unbindKeepingContact(new MachineId(tenant, machineCode));
    }

    /** Binds exactly these machines: new and changed ones are (re-)bound, the others unbound. */
    public synchronized void bindExactly(Collection<MachineBinding> wanted) {
        Set<MachineId> keep = new HashSet<>();
        for (MachineBinding binding : wanted) {
            keep.add(new MachineId(binding.tenant(), binding.machineCode()));
        }
        recordStart(keep.stream().filter(id -> !bindings.containsKey(id) && !recordedContacts.containsKey(id)).toList());
        for (MachineId id : List.copyOf(bindings.keySet())) {
            if (!keep.contains(id)) {
                unbind(id.tenant(), id.machine());
            }
        }
        for (MachineBinding binding : wanted) {
            try {
                bind(binding);
            } catch (RuntimeException e) {
                LOG.warn("Machine {}/{} is not acquired: {}", binding.tenant(), binding.machineCode(), e.getMessage());
            }
        }
    }

    /**
     * A machine without a recorded contact is acquired for the first time: record "now" before any of its events can
     * be delivered, so that if this gateway dies before its first periodic record, the next one still reports the gap
     * from here instead of nothing. Machines recorded here are then bound without a gap of their own.
     */
    private void recordStart(List<MachineId> firstTime) {
        if (firstTime.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<MachineId, Instant> starts = new HashMap<>();
        firstTime.forEach(id -> starts.put(id, now));
        try {
            contactLog.record(starts);
        } catch (RuntimeException e) {
            LOG.warn("Cannot record the start of acquisition of {} machine(s): {}", starts.size(), rootCause(e));
        }
        // marks them as seen so that bind() does not record them again; removed there, as any recorded contact
        firstTime.forEach(id -> recordedContacts.putIfAbsent(id, FIRST_ACQUISITION));
    }

    /** Unbinds; returns the machine's last contact (what a re-bind must report as a gap from), or null. */
    private Instant unbindKeepingContact(MachineId id) {
        MachineBinding binding = bindings.remove(id);
        if (binding == null) {
            return null;
        }
        PlcConnection connection = connections.get(binding.connectionKey());
        if (connection == null) {
            return null;
        }
        Instant contact = connection.trackers().stream()
                .filter(t -> t.binding().machineCode().equals(id.machine()) && t.binding().tenant().equals(id.tenant()))
                .findFirst().map(t -> t.hasBaseline() ? connection.lastContact() : t.pendingResume()).orElse(null);
        if (connection.removeMachine(id.tenant(), id.machine())) {
            connections.remove(binding.connectionKey());
            workers.execute(connection::close);
        }
        return contact;
    }

    public List<ConnectionStatus> statuses() {
        return connections.values().stream().map(PlcConnection::status)
                .sorted(Comparator.comparing(ConnectionStatus::endpoint)).toList();
    }

    /** The connections serving machines of {@code tenant}, listing only those machines. */
    public List<ConnectionStatus> statuses(String tenant) {
        return connections.values().stream().map(c -> c.status(tenant)).filter(s -> !s.machines().isEmpty())
                .sorted(Comparator.comparing(ConnectionStatus::endpoint)).toList();
    }

    /** The connection serving a machine, for tests. */
    public PlcConnection connectionOf(String tenant, String machineCode) {
        MachineBinding binding = bindings.get(new MachineId(tenant, machineCode));
        return binding == null ? null : connections.get(binding.connectionKey());
    }

    public GatewayPki pki() {
        return pki;
    }

    /** Stops acquiring, then records the final last contacts once the sink has made the last events safe. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            scheduler.shutdownNow();
            connections.values().parallelStream().forEach(PlcConnection::close);
        }
        synchronized (contactLock) {
            Capture last = capture();
            long deadline = System.nanoTime() + CLOSE_WAIT_FOR_DELIVERY.toNanos();
            while (sink.safeUntil().isBefore(last.at()) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (!sink.safeUntil().isBefore(last.at())) {
                write(last);
            } else if (pendingContacts != null && !sink.safeUntil().isBefore(pendingContacts.at())) {
                write(pendingContacts);
            }
        }
        synchronized (this) {
            connections.clear();
            bindings.clear();
            workers.shutdownNow();
        }
    }

    /**
     * Writes the contacts captured last time if every event before them is safe now, then captures the current ones
     * (written at once when already safe, as with a synchronous sink).
     */
    void recordContacts() {
        synchronized (contactLock) {
            if (closed) {
                return;
            }
            if (pendingContacts != null && !sink.safeUntil().isBefore(pendingContacts.at())) {
                write(pendingContacts);
                pendingContacts = null;
            }
            if (pendingContacts == null) {
                Capture now = capture();
                if (!sink.safeUntil().isBefore(now.at())) {
                    write(now);
                } else {
                    pendingContacts = now;
                }
            }
        }
    }

    private Capture capture() {
        Instant at = clock.instant();
        Map<MachineId, Instant> contacts = new HashMap<>();
        for (PlcConnection connection : connections.values()) {
            Instant contact = connection.lastContact();
            if (contact == null) {
                continue;
            }
            for (MachineTracker tracker : connection.trackers()) {
                if (tracker.hasBaseline()) {
                    contacts.put(new MachineId(tracker.binding().tenant(), tracker.binding().machineCode()), contact);
                }
            }
        }
        return new Capture(at, contacts);
    }

    private void write(Capture capture) {
        Map<MachineId, Instant> changed = new HashMap<>();
        capture.contacts().forEach((id, at) -> {
            if (!at.equals(flushedContacts.get(id))) {
                changed.put(id, at);
            }
        });
        if (changed.isEmpty()) {
            return;
        }
        try {
            contactLog.record(changed);
            flushedContacts.putAll(changed);
        } catch (RuntimeException e) {
            LOG.warn("Cannot record the last contact of {} machine(s): {}", changed.size(), rootCause(e));
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + root.getMessage();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
