package org.pilotline.plc.runtime;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.jboss.logging.Logger;
import org.pilotline.plc.acquisition.ConnectionSettings;
import org.pilotline.plc.acquisition.ConnectionStatus;
import org.pilotline.plc.acquisition.Gateway;
import org.pilotline.plc.acquisition.SequenceBlocks;
import org.pilotline.plc.binding.BindingFile;
import org.pilotline.plc.binding.MachineBinding;
import org.pilotline.plc.binding.MachineBindingEntity;
import org.pilotline.plc.config.GatewayConfig;
import org.pilotline.plc.delivery.BatchQueue;
import org.pilotline.plc.delivery.BatchReceiver;
import org.pilotline.plc.delivery.DiskBatchQueue;
import org.pilotline.plc.delivery.EventBatcher;
import org.pilotline.plc.delivery.HttpBatchSender;
import org.pilotline.plc.delivery.IngestService;
import org.pilotline.plc.delivery.MemoryBatchQueue;
import org.pilotline.plc.security.GatewayPki;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;

/**
 * Runs the gateway inside the application: opens the PKI, loads every binding (all enterprises, as the root tenant)
 * or the bindings file at the edge, and delivers batches in-process (CDI event) or to the centre (HTTP). Start-up
 * never fails because a PLC or the centre is unreachable; it runs after the simulator and the demo bindings.
 */
@ApplicationScoped
public class GatewayRuntime {

    private static final Logger LOG = Logger.getLogger(GatewayRuntime.class);

    @Inject
    GatewayConfig config;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IngestService ingest;

    private volatile Gateway gateway;
    private volatile EventBatcher batcher;

    void onStart(@Observes @Priority(60) StartupEvent event) {
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
        Gateway current = gateway;
        gateway = null;
        if (current != null) {
            current.close();
        }
        if (batcher != null) {
            batcher.close();
        }
    }

    private void start() {
        GatewayPki pki = GatewayPki.open(Path.of(config.pkiDirectory()), "urn:pilotline:plc-gateway:"
                + hostName(), "PilotLine PLC gateway");
        boolean edge = config.mode() == GatewayConfig.Mode.EDGE;
        BatchReceiver receiver = edge
                ? new HttpBatchSender(URI.create(config.centreUrl().orElseThrow(() ->
                new IllegalStateException("pilotline.gateway.centre-url is required in EDGE mode"))),
                config.centreUsername().orElse(""), config.centrePassword().orElse(""))
                : ingest::accept;
        BatchQueue queue = edge ? new DiskBatchQueue(Path.of(config.dataDirectory(), "outbox"), config.queueCapacity())
                : new MemoryBatchQueue(config.queueCapacity());
        batcher = new EventBatcher(queue, receiver, config.flushInterval().toMillis(), config.maxBatchEvents(),
                config.maxRetryDelay().toMillis());
        boolean fromFile = config.bindingsFile().isPresent();
        SequenceBlocks sequences = fromFile ? SequenceBlocks.inDirectory(Path.of(config.dataDirectory(), "sequences"))
                : this::reserveBlock;
        ConnectionSettings settings = connectionSettings();
        gateway = new Gateway(settings, pki, sequences, batcher, Clock.systemUTC());
        List<MachineBinding> bindings = fromFile
                ? BindingFile.read(Path.of(config.bindingsFile().get()), config.edgeTenant().orElse("-"))
                : storedBindings();
        for (MachineBinding binding : bindings) {
            try {
                gateway.bind(binding);
            } catch (RuntimeException e) {
                LOG.warnf("Machine %s/%s is not acquired: %s", binding.tenant(), binding.machineCode(), e.getMessage());
            }
        }
        LOG.infof("PLC gateway started (%s) with %d machine binding(s); PKI in %s", config.mode(), bindings.size(),
                pki.directory());
    }

    public ConnectionSettings connectionSettings() {
        return new ConnectionSettings(config.keepAliveInterval().toMillis(), config.requestTimeout().toMillis(),
                config.sessionTimeout().toMillis(), config.queueSize(), config.maxReconnectDelay().toMillis());
    }

    public void bind(MachineBinding binding) {
        Gateway current = gateway;
        if (current != null) {
            try {
                current.bind(binding);
            } catch (RuntimeException e) {
                LOG.warnf("Machine %s/%s is not acquired: %s", binding.tenant(), binding.machineCode(), e.getMessage());
            }
        }
    }

    public void unbind(String tenant, String machineCode) {
        Gateway current = gateway;
        if (current != null) {
            current.unbind(tenant, machineCode);
        }
    }

    public List<ConnectionStatus> statuses(String tenant) {
        Gateway current = gateway;
        return current == null ? List.of() : current.statuses(tenant);
    }

    public GatewayPki pki() {
        Gateway current = gateway;
        return current == null ? null : current.pki();
    }

    /** Every enterprise's bindings: system work at start-up, so as the platform's root tenant. */
    private List<MachineBinding> storedBindings() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (StatelessSession session = sessionFactory.withStatelessOptions().tenantIdentifier((Object) "*")
                    .openStatelessSession()) {
                return session.createQuery("from MachineBindingEntity", MachineBindingEntity.class).list().stream()
                        .map(MachineBindingEntity::toBinding).toList();
            }
        });
    }

    /** Hi/lo blocks in the binding's row: atomic on MySQL and MariaDB through LAST_INSERT_ID(expr). */
    private long reserveBlock(String tenant, String machine) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement update = connection.prepareStatement("update plc_machine_binding"
                    + " set sequence_block = last_insert_id(sequence_block + 1) where tenant_id = ? and machine_code = ?")) {
                update.setString(1, tenant);
                update.setString(2, machine);
                if (update.executeUpdate() == 0) {
                    throw new IllegalStateException("no binding " + tenant + "/" + machine);
                }
            }
            try (PreparedStatement select = connection.prepareStatement("select last_insert_id()");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot reserve sequence numbers for " + tenant + "/" + machine, e);
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
