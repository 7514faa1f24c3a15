package org.pilotline.plc.runtime;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.pilotline.platform.tenancy.TenantContext;
import org.pilotline.plc.acquisition.ConnectionSettings;
import org.pilotline.plc.acquisition.ConnectionStatus;
import org.pilotline.plc.acquisition.ContactLog;
import org.pilotline.plc.acquisition.Gateway;
import org.pilotline.plc.acquisition.SequenceBlocks;
import org.pilotline.plc.binding.BindingFile;
import org.pilotline.plc.binding.MachineBinding;
import org.pilotline.plc.binding.MachineBindingChanged;
import org.pilotline.plc.binding.MachineBindingRemoved;
import org.pilotline.plc.binding.StoredBindings;
import org.pilotline.plc.centre.AcquisitionLease;
import org.pilotline.plc.centre.AcquisitionLeader;
import org.pilotline.plc.centre.DatabaseContactLog;
import org.pilotline.plc.centre.DatabaseSequenceBlocks;
import org.pilotline.plc.config.GatewayConfig;
import org.pilotline.plc.contract.MachineEventBatch;
import org.pilotline.plc.delivery.BatchQueue;
import org.pilotline.plc.delivery.BatchReceiver;
import org.pilotline.plc.delivery.DeliveryLanes;
import org.pilotline.plc.delivery.DiskBatchQueue;
import org.pilotline.plc.delivery.EventBatcher;
import org.pilotline.plc.delivery.HttpBatchSender;
import org.pilotline.plc.delivery.IngestService;
import org.pilotline.plc.delivery.MemoryBatchQueue;
import org.pilotline.plc.security.GatewayPki;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Runs the gateway inside the application: opens the PKI and delivers batches in-process (CDI event) or to the
 * centre (HTTP). With the bindings in the database (the centre), only the replica holding the acquisition lease
 * acquires ({@link AcquisitionLeader}); it reloads the bindings when they changed. With a bindings file (a gateway
 * alone at a plant's edge) it acquires without a lease. Binding changes committed through this replica arrive as
 * {@link MachineBindingChanged} / {@link MachineBindingRemoved} events and are applied at once when it acquires.
 * Start-up never fails because a PLC or the centre is unreachable; it runs after the simulator and the demo bindings.
 */
@ApplicationScoped
public class GatewayRuntime {

    private static final Logger LOG = Logger.getLogger(GatewayRuntime.class);

    @Inject
    GatewayConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IngestService ingest;

    @Inject
    StoredBindings stored;

    @Inject
    TenantContext tenants;

    private volatile GatewayPki pki;
    private volatile DeliveryLanes batcher;
    private volatile AcquisitionLeader<Gateway> leader;
    private volatile Gateway standalone;
    private volatile String knownBindings;

    /** Starts acquisition if the gateway is enabled; called by {@link PlcStartup} after the simulator. */
    void startAcquisition() {
        if (!config.enabled()) {
            return;
        }
        try {
            start();
        } catch (RuntimeException e) {
            LOG.error("The PLC gateway could not start; the application runs without machine acquisition", e);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        AcquisitionLeader<Gateway> currentLeader = leader;
        leader = null;
        if (currentLeader != null) {
            currentLeader.close();
        }
        Gateway current = standalone;
        standalone = null;
        if (current != null) {
            current.close();
        }
        if (batcher != null) {
            batcher.close();
        }
    }

    private void start() {
        pki = GatewayPki.open(Path.of(config.pkiDirectory()), "urn:pilotline:plc-gateway:" + hostName(),
                "PilotLine PLC gateway");
        boolean edge = config.mode() == GatewayConfig.Mode.EDGE;
        BatchReceiver receiver = edge
                ? new HttpBatchSender(URI.create(config.centreUrl().orElseThrow(() ->
                new IllegalStateException("pilotline.gateway.centre-url is required in EDGE mode"))),
                config.centreUsername().orElse(""), config.centrePassword().orElse(""))
                : this::ingestInProcess;
        // the edge's durable outbox is one folder, delivered in order: one lane there
        int lanes = edge ? 1 : Math.max(1, config.deliveryLanes());
        batcher = new DeliveryLanes(lanes, lane -> {
            BatchQueue queue = edge ? new DiskBatchQueue(Path.of(config.dataDirectory(), "outbox"), config.queueCapacity())
                    : new MemoryBatchQueue(Math.max(2, config.queueCapacity() / lanes));
            return new EventBatcher(queue, receiver, config.flushInterval().toMillis(), config.maxBatchEvents(),
                    config.maxRetryDelay().toMillis(), lanes == 1 ? "plc-gateway-delivery" : "plc-gateway-delivery-" + lane);
        });
        if (config.bindingsFile().isPresent()) {
            Path data = Path.of(config.dataDirectory());
            Gateway gateway = new Gateway(connectionSettings(), pki, SequenceBlocks.inDirectory(data.resolve("sequences")),
                    batcher, Clock.systemUTC(), ContactLog.inDirectory(data), config.contactInterval());
            List<MachineBinding> bindings = BindingFile.read(Path.of(config.bindingsFile().get()),
                    config.edgeTenant().orElse("-"));
            gateway.bindExactly(bindings);
            standalone = gateway;
            LOG.infof("PLC gateway started (%s) with %d machine binding(s) from %s; PKI in %s", config.mode(),
                    bindings.size(), config.bindingsFile().get(), pki.directory());
        } else {
            AcquisitionLease lease = new AcquisitionLease(dataSource, AcquisitionLease.DEFAULT_NAME, holderName(),
                    config.leaseDuration());
            leader = new AcquisitionLeader<>(lease, config.leaseRenewal(), config.leaseDuration(),
                    this::startFromDatabase, this::refreshBindings).start();
            LOG.infof("PLC gateway (%s) started as replica %s; it acquires while it holds the lease; PKI in %s",
                    config.mode(), lease.holder(), pki.directory());
        }
    }

    /**
     * In-process delivery runs on the batcher's thread, outside any request: the ingest transaction (and the
     * observers' writes) must be opened as the batch's enterprise.
     */
    private void ingestInProcess(MachineEventBatch batch) {
        TenantContext.callAs(batch.tenant(), () -> ingest.accept(batch));
    }

    /** Called by the leader when this replica has taken the lease. */
    private Gateway startFromDatabase() {
        String fingerprint = stored.fingerprint();
        Gateway gateway = new Gateway(connectionSettings(), pki, new DatabaseSequenceBlocks(dataSource), batcher,
                Clock.systemUTC(), new DatabaseContactLog(dataSource), config.contactInterval());
        List<MachineBinding> bindings = stored.all();
        gateway.bindExactly(bindings);
        knownBindings = fingerprint;
        LOG.infof("PLC gateway acquires %d machine binding(s)", bindings.size());
        return gateway;
    }

    /** Called by the leader at every renewal: applies binding changes made through another replica. */
    private void refreshBindings(Gateway gateway) {
        String fingerprint = stored.fingerprint();
        if (!fingerprint.equals(knownBindings)) {
            List<MachineBinding> bindings = stored.all();
            LOG.infof("Machine bindings changed: acquiring %d", bindings.size());
            gateway.bindExactly(bindings);
            knownBindings = fingerprint;
        }
    }

    public ConnectionSettings connectionSettings() {
        return new ConnectionSettings(config.keepAliveInterval().toMillis(), config.requestTimeout().toMillis(),
                config.sessionTimeout().toMillis(), config.queueSize(), config.maxReconnectDelay().toMillis(),
                config.connectConcurrency());
    }

    /** The running acquisition: this replica's while it holds the lease, otherwise none. */
    private Gateway current() {
        AcquisitionLeader<Gateway> currentLeader = leader;
        return currentLeader != null ? currentLeader.current().orElse(null) : standalone;
    }

    /** True when this process acquires now (it holds the lease, or runs alone from a bindings file). */
    public boolean acquiring() {
        return current() != null;
    }

    /**
     * A binding change committed through this replica: applied now when it acquires; a replica that does not acquire
     * leaves it to the lease holder, which finds it at its next renewal.
     */
    void onBindingChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) MachineBindingChanged changed) {
        Gateway current = current();
        if (current != null) {
            MachineBinding binding = changed.binding();
            try {
                current.bind(binding);
            } catch (RuntimeException e) {
                LOG.warnf("Machine %s/%s is not acquired: %s", binding.tenant(), binding.machineCode(), e.getMessage());
            }
        }
    }

    void onBindingRemoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) MachineBindingRemoved removed) {
        Gateway current = current();
        if (current != null) {
            current.unbind(removed.tenant(), removed.machineCode());
        }
    }

    /**
     * This replica's connections serving the caller's enterprise, listing only its machines; empty on a replica that
     * does not acquire. 403 without an enterprise.
     */
    public List<ConnectionStatus> connectionsOfTheCallersEnterprise() {
        String tenant = tenants.requireEnterprise();
        Gateway current = current();
        return current == null ? List.of() : current.statuses(tenant);
    }

    /** The gateway's PKI (also on replicas that do not acquire: browsing uses it), or null when the gateway is off. */
    public GatewayPki pki() {
        return pki;
    }

    /** This replica in the lease row: host, process and a random part (two processes never share a name). */
    private static String holderName() {
        return hostName() + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
