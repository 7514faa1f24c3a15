package org.pilotline.plc.acquisition;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotline.plc.binding.MachineBinding;
import org.pilotline.plc.binding.SecurityModeChoice;
import org.pilotline.plc.binding.SecurityPolicyChoice;
import org.pilotline.plc.contract.MachineEvent;
import org.pilotline.plc.contract.MachineStateChanged;
import org.pilotline.plc.contract.MachineryItemState;
import org.pilotline.plc.contract.MachineryOperationMode;
import org.pilotline.plc.contract.PartCountDelta;
import org.pilotline.plc.fixtures.EventRecorder;
import org.pilotline.plc.fixtures.GatewayFixture;
import org.pilotline.plc.fixtures.NodeOpcuaServer;
import org.pilotline.plc.fixtures.Ports;
import org.pilotline.plc.security.ApplicationCertificate;
import org.pilotline.plc.security.GatewayPki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interoperability with an independent OPC UA server implementation: node-opcua (from the npm registry, installed
 * by the test under target/node-opcua), driven by the test. The real acquisition core connects to it anonymously
 * without security, and with Basic256Sha256 SignAndEncrypt where each side trusts the other's certificate (and the
 * server refuses a gateway it does not trust). State changes and counter deltas must arrive as machine events.
 */
class NodeOpcuaInteroperabilityTest {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path work;

    private static ApplicationCertificate serverCertificate;
    private static GatewayPki trustedGatewayPki;
    private static NodeOpcuaServer server;

    private final EventRecorder recorder = new EventRecorder();
    private Gateway gateway;

    @BeforeAll
    static void startTheNodeOpcuaServer() throws Exception {
        serverCertificate = ApplicationCertificate.selfSigned("urn:pilotline:node-opcua-machines:test",
                "PilotLine interop machines", ApplicationCertificate.hostNames(), Period.ofYears(1), null);
        trustedGatewayPki = GatewayFixture.pki(work.resolve("gateway-pki"));
        trustedGatewayPki.trust(serverCertificate.certificate());
        server = NodeOpcuaServer.start(Ports.free(), serverCertificate, List.of(trustedGatewayPki.certificate()),
                List.of("N1", "N2", "N3"), work);
    }

    @AfterAll
    static void stopTheNodeOpcuaServer() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void closeTheGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void stateChangesAndCounterDeltasArriveFromNodeOpcuaOverAnAnonymousUnsecuredSession() throws Exception {
        gateway = gatewayWith(trustedGatewayPki);
        gateway.bind(binding("N1"));
        awaitBaseline("N1");

        assertMachineEventsArrive("N1");
    }

    @Test
    void stateChangesAndCounterDeltasArriveOverBasic256Sha256SignAndEncryptWithCertificatesTrustedBothWays()
            throws Exception {
        gateway = gatewayWith(trustedGatewayPki);
        gateway.bind(binding("N2").withEndpoint(server.endpointUrl(), SecurityPolicyChoice.Basic256Sha256,
                SecurityModeChoice.SignAndEncrypt));
        awaitBaseline("N2");

        assertMachineEventsArrive("N2");
    }

    @Test
    void nodeOpcuaRefusesAGatewayWhoseCertificateItDoesNotTrust() throws Exception {
        GatewayPki stranger = GatewayFixture.pki(work.resolve("stranger-pki"));
        stranger.trust(serverCertificate.certificate());
        gateway = gatewayWith(stranger);
        gateway.bind(binding("N3").withEndpoint(server.endpointUrl(), SecurityPolicyChoice.Basic256Sha256,
                SecurityModeChoice.SignAndEncrypt));

        long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
        while (gateway.statuses().get(0).lastError() == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        ConnectionStatus status = gateway.statuses().get(0);
        assertNotNull(status.lastError(), "the connection should have been refused: " + status);
        Thread.sleep(1_500);
        assertTrue(gateway.statuses().get(0).state() != ConnectionStatus.State.CONNECTED, "stays refused");
        try (Stream<Path> rejected = Files.list(work.resolve("server-pki/rejected"))) {
            assertTrue(rejected.findAny().isPresent(), "node-opcua keeps the refused client certificate in rejected/");
        }
    }

    private Gateway gatewayWith(GatewayPki pki) {
        return new Gateway(GatewayFixture.fastSettings(), pki, SequenceBlocks.inMemory(), recorder, Clock.systemUTC());
    }

    private MachineBinding binding(String machine) {
        return MachineBinding.machinery(GatewayFixture.TENANT, machine, server.endpointUrl(),
                NodeOpcuaServer.NAMESPACE_URI, machine).withOptionalNodes(null, null).withIntervals(0, 100);
    }

    /** Connected, and the initial value of each of the five monitored items received: the baseline is set. */
    private void awaitBaseline(String machine) throws InterruptedException {
        long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
        ConnectionStatus status = gateway.connectionOf(GatewayFixture.TENANT, machine).status();
        while (!(status.state() == ConnectionStatus.State.CONNECTED && status.notifications() >= 5)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no baseline from node-opcua within " + EVENT_TIMEOUT + ": " + status);
            }
            Thread.sleep(50);
            status = gateway.connectionOf(GatewayFixture.TENANT, machine).status();
        }
    }

    private void assertMachineEventsArrive(String machine) throws Exception {
        server.setState(machine, "NotExecuting");
        awaitStateChanges(machine, 1);
        server.setMode(machine, "Setup");
        awaitStateChanges(machine, 2);
        server.setState(machine, "OutOfService");
        awaitStateChanges(machine, 3);
        server.setMode(machine, "Processing");
        awaitStateChanges(machine, 4);
        server.setState(machine, "Executing");
        awaitStateChanges(machine, 5);

        List<MachineStateChanged> changes = recorder.stateChanges(machine);
        assertEquals(List.of(
                        "EXECUTING>NOT_EXECUTING PROCESSING",
                        "NOT_EXECUTING>NOT_EXECUTING SETUP",
                        "NOT_EXECUTING>OUT_OF_SERVICE SETUP",
                        "OUT_OF_SERVICE>OUT_OF_SERVICE PROCESSING",
                        "OUT_OF_SERVICE>EXECUTING PROCESSING"),
                changes.stream().map(c -> c.from() + ">" + c.to() + " " + c.operationMode()).toList());
        assertTrue(changes.stream().allMatch(c -> c.sourceTime() != null), "node-opcua's source timestamps are kept");

        server.setCounts(machine, 10, 9, 1);
        awaitTotal(machine, 10);
        server.setCounts(machine, 25, 22, 3);
        awaitTotal(machine, 25);
        List<PartCountDelta> counts = recorder.counts(machine);
        assertEquals(List.of(25L, 22L, 3L), List.of(counts.stream().mapToLong(PartCountDelta::total).sum(),
                counts.stream().mapToLong(PartCountDelta::good).sum(),
                counts.stream().mapToLong(PartCountDelta::reject).sum()));
        assertEquals(List.of(), recorder.losses(machine), "nothing was lost");

        long previous = -1;
        for (MachineEvent e : recorder.all().stream().filter(e -> e.machine().equals(machine)).toList()) {
            assertTrue(e.sequence() > previous, "sequence numbers grow: " + e);
            previous = e.sequence();
        }
        assertEquals(MachineryItemState.EXECUTING, changes.get(changes.size() - 1).to());
        assertEquals(MachineryOperationMode.PROCESSING, changes.get(changes.size() - 1).operationMode());
    }

    private void awaitStateChanges(String machine, int count) throws InterruptedException {
        recorder.await(e -> recorder.stateChanges(machine).size() >= count, EVENT_TIMEOUT);
    }

    private void awaitTotal(String machine, long total) throws InterruptedException {
        recorder.await(e -> recorder.counts(machine).stream().mapToLong(PartCountDelta::total).sum() >= total,
                EVENT_TIMEOUT);
    }
}
