package org.pilotline.plc.acquisition;

import org.pilotline.plc.binding.BindingRules;
import org.pilotline.plc.binding.MachineBinding;
import org.pilotline.plc.security.GatewayPki;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The acquisition side of the gateway: the machines it is bound to, grouped into one {@link PlcConnection} per
 * endpoint, security and identity. Plain Java: the Quarkus layer and the tests drive it the same way.
 */
public final class Gateway implements AutoCloseable {

    private final ConnectionSettings settings;
    private final GatewayPki pki;
    private final SequenceBlocks sequences;
    private final MachineEventSink sink;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final Map<MachineBinding.ConnectionKey, PlcConnection> connections = new ConcurrentHashMap<>();
    private final Map<String, MachineBinding> bindings = new ConcurrentHashMap<>();

    public Gateway(ConnectionSettings settings, GatewayPki pki, SequenceBlocks sequences, MachineEventSink sink,
                   Clock clock) {
        this.settings = settings;
        this.pki = pki;
        this.sequences = sequences;
        this.sink = sink;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(named("plc-gateway-timer"));
        this.workers = Executors.newCachedThreadPool(named("plc-gateway-worker"));
    }

    /** Starts acquiring a machine, or re-binds it when its binding changed. */
    public synchronized void bind(MachineBinding binding) {
        List<BindingRules.Problem> problems = BindingRules.problems(binding);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid binding " + binding.machineCode() + ": " + problems);
        }
        String id = id(binding.tenant(), binding.machineCode());
        MachineBinding previous = bindings.get(id);
        if (binding.equals(previous)) {
            return;
        }
        if (previous != null) {
            unbind(binding.tenant(), binding.machineCode());
        }
        bindings.put(id, binding);
        MachineTracker tracker = new MachineTracker(binding, sink, sequences);
        PlcConnection connection = connections.get(binding.connectionKey());
        if (connection == null) {
            connection = new PlcConnection(binding.connectionKey(), settings, pki, scheduler, workers, clock);
            connections.put(binding.connectionKey(), connection);
            connection.addMachine(tracker);
            connection.start();
        } else {
            connection.addMachine(tracker);
        }
    }

    public synchronized void unbind(String tenant, String machineCode) {
        MachineBinding binding = bindings.remove(id(tenant, machineCode));
        if (binding == null) {
            return;
        }
        PlcConnection connection = connections.get(binding.connectionKey());
        if (connection != null && connection.removeMachine(tenant, machineCode)) {
            connections.remove(binding.connectionKey());
            workers.execute(connection::close);
        }
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
        MachineBinding binding = bindings.get(id(tenant, machineCode));
        return binding == null ? null : connections.get(binding.connectionKey());
    }

    public GatewayPki pki() {
        return pki;
    }

    @Override
    public synchronized void close() {
        connections.values().parallelStream().forEach(PlcConnection::close);
        connections.clear();
        bindings.clear();
        scheduler.shutdownNow();
        workers.shutdownNow();
    }

    private static String id(String tenant, String machineCode) {
        return tenant + "/" + machineCode;
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
