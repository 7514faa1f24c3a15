package org.pilotline.plc.simulator;

import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigLimits;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.X509IdentityValidator;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.pilotline.plc.security.ApplicationCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * The PLC simulator: a Milo OPC UA server exposing N machines with OPC 40001-1-style nodes, driven by a seeded
 * scenario. It offers every security policy the gateway supports (None for discovery, the others with Sign and
 * SignAndEncrypt), anonymous, user-name and certificate identities, and trusts every client certificate (it is a
 * simulator). Tests inject faults with {@link #killSessions}, {@link #stop} and {@link #start}; the machines keep
 * running while the server is down.
 */
public final class PlcSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlcSimulator.class);

    public static final String NAMESPACE_URI = SimulatorNamespace.URI;

    private final SimulatorSettings settings;
    private final Clock clock;
    private final ApplicationCertificate certificate;
    private final Map<String, SimulatedMachine> machines = new LinkedHashMap<>();
    private final ScheduledExecutorService ticker;
    private volatile OpcUaServer server;
    private volatile SimulatorNamespace namespace;
    private ScheduledFuture<?> ticking;
    private volatile java.util.function.Consumer<Set<String>> itemsCreatedHook;

    public PlcSimulator(SimulatorSettings settings) {
        // OPC UA DateTime has 100 ns resolution: keep simulated times on whole microseconds so they survive the wire
        this(settings, Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1_000)));
    }

    public PlcSimulator(SimulatorSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        try {
            this.certificate = settings.certificate() != null ? settings.certificate()
                    : ApplicationCertificate.selfSigned("urn:pilotline:plc-simulator:" + settings.port(),
                    "PilotLine PLC simulator", ApplicationCertificate.hostNames(), Period.ofYears(3), null);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the simulator's certificate", e);
        }
        Instant start = clock.instant();
        int index = 0;
        for (String name : settings.machines()) {
            long seed = settings.scenario().seed() * 1_000_003L + index++;
            machines.put(name, new SimulatedMachine(name, settings.scenario(), seed, this::write, start));
        }
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "plc-simulator-" + settings.port());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts (or restarts) the OPC UA server and the scenario clock. */
    public synchronized PlcSimulator start() {
        if (server != null) {
            return this;
        }
        try {
            OpcUaServer created = new OpcUaServer(config(), profile -> new OpcTcpServerTransport(
                    OpcTcpServerTransportConfig.newBuilder().build()));
            SimulatorNamespace ns = new SimulatorNamespace(created, this::itemsCreated);
            ns.startup();
            ns.build(settings.machines(), m -> machines.get(m).counter(0));
            created.startup().get(10, TimeUnit.SECONDS);
            namespace = ns;
            server = created;
            Instant now = clock.instant();
            machines.values().forEach(m -> m.publishAll(now));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the PLC simulator on port " + settings.port(), e);
        }
        if (ticking == null) {
            ticking = ticker.scheduleAtFixedRate(this::tick, settings.tickMs(), settings.tickMs(), TimeUnit.MILLISECONDS);
        }
        LOG.info("PLC simulator with {} machine(s) at {}", machines.size(), settings.endpointUrl());
        return this;
    }

    /** Stops the OPC UA server (all channels and sessions end); the machines keep running. */
    public synchronized void stop() {
        OpcUaServer current = server;
        server = null;
        namespace = null;
        if (current != null) {
            try {
                current.shutdown().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Stopping the simulator failed", e);
            }
        }
    }

    /** Ends every session as the server would on its own; with {@code deleteSubscriptions} they cannot be transferred. */
    public void killSessions(boolean deleteSubscriptions) {
        OpcUaServer current = server;
        if (current != null) {
            for (Session session : current.getSessionManager().getAllSessions()) {
                current.getSessionManager().killSession(session.getSessionId(), deleteSubscriptions);
            }
        }
    }

    /**
     * For tests: called on the server's thread right after monitored items of these machines were created (their
     * initial values already queued), before the CreateMonitoredItems response goes out; null removes it.
     */
    public void onMonitoredItemsCreated(java.util.function.Consumer<Set<String>> hook) {
        itemsCreatedHook = hook;
    }

    private void itemsCreated(Set<String> machines) {
        java.util.function.Consumer<Set<String>> hook = itemsCreatedHook;
        if (hook != null) {
            hook.accept(machines);
        }
    }

    public int sessionCount() {
        OpcUaServer current = server;
        return current == null ? 0 : current.getSessionManager().getAllSessions().size();
    }

    public SimulatedMachine machine(String name) {
        return machines.get(name);
    }

    public List<SimulatedMachine> machines() {
        return List.copyOf(machines.values());
    }

    public String endpointUrl() {
        return settings.endpointUrl();
    }

    public X509Certificate certificate() {
        return certificate.certificate();
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public synchronized void close() {
        if (ticking != null) {
            ticking.cancel(false);
        }
        ticker.shutdownNow();
        stop();
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            for (SimulatedMachine machine : machines.values()) {
                machine.advanceTo(now);
            }
        } catch (RuntimeException e) {
            LOG.warn("Simulator tick failed", e);
        }
    }

    private void write(String machine, String relativeNode, Object value, Instant sourceTime) {
        SimulatorNamespace ns = namespace;
        if (ns != null) {
            ns.write(machine + "/" + relativeNode, value, sourceTime);
        }
    }

    private OpcUaServerConfig config() throws Exception {
        KeyPair keyPair = certificate.keyPair();
        X509Certificate cert = certificate.certificate();
        MemoryCertificateStore store = new MemoryCertificateStore();
        store.set(NodeIds.RsaSha256ApplicationCertificateType,
                new org.eclipse.milo.opcua.stack.core.security.CertificateStore.Entry(keyPair.getPrivate(),
                        new X509Certificate[]{cert}));
        CertificateValidator trustEveryClient = (chain, applicationUri, hostNames) -> {
        };
        DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(new MemoryTrustListManager(), store,
                new RsaSha256CertificateFactory() {
                    @Override
                    protected X509Certificate[] createRsaSha256CertificateChain(KeyPair ignored) {
                        return new X509Certificate[]{cert};
                    }
                }, trustEveryClient);
        Map<String, String> users = settings.users();
        return OpcUaServerConfig.builder()
                .setApplicationUri(certificate.applicationUri())
                .setApplicationName(LocalizedText.english("PilotLine PLC simulator"))
                .setProductUri("urn:pilotline:plc-simulator")
                .setBuildInfo(new BuildInfo("urn:pilotline:plc-simulator", "PilotLine", "PLC simulator", "1.0", "1",
                        DateTime.now()))
                .setEndpoints(endpoints(cert))
                .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine(), group))
                .setIdentityValidator(new CompositeValidator(AnonymousIdentityValidator.INSTANCE,
                        new UsernameIdentityValidator(c -> c.getPassword().equals(users.get(c.getUsername()))),
                        new X509IdentityValidator(c -> true)))
                .setLimits(new OpcUaServerConfigLimits() {
                    @Override
                    public UInteger getMaxSessions() {
                        return uint(2_000);
                    }
                })
                .build();
    }

    private Set<EndpointConfig> endpoints(X509Certificate cert) {
        Set<EndpointConfig> endpoints = new LinkedHashSet<>();
        EndpointConfig.Builder base = EndpointConfig.newBuilder()
                .setBindAddress(settings.bindAddress())
                .setHostname(settings.hostname())
                .setBindPort(settings.port())
                .setPath(settings.path())
                .setCertificate(cert)
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS,
                        OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME, OpcUaServerConfig.USER_TOKEN_POLICY_X509);
        endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None).build());
        for (SecurityPolicy policy : List.of(SecurityPolicy.Basic256Sha256, SecurityPolicy.Aes128_Sha256_RsaOaep,
                SecurityPolicy.Aes256_Sha256_RsaPss)) {
            for (MessageSecurityMode mode : List.of(MessageSecurityMode.Sign, MessageSecurityMode.SignAndEncrypt)) {
                endpoints.add(base.copy().setSecurityPolicy(policy).setSecurityMode(mode).build());
            }
        }
        return endpoints;
    }
}
