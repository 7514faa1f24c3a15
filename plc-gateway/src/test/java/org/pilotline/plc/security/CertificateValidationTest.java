package org.pilotline.plc.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotline.plc.acquisition.ConnectionStatus;
import org.pilotline.plc.acquisition.Gateway;
import org.pilotline.plc.binding.SecurityModeChoice;
import org.pilotline.plc.binding.SecurityPolicyChoice;
import org.pilotline.plc.fixtures.EventRecorder;
import org.pilotline.plc.fixtures.GatewayFixture;
import org.pilotline.plc.fixtures.Ports;
import org.pilotline.plc.simulator.PlcSimulator;
import org.pilotline.plc.simulator.ScenarioSettings;
import org.pilotline.plc.simulator.SimulatorSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway refuses server certificates that are untrusted, expired or issued for another host. */
class CertificateValidationTest {

    @TempDir
    Path pkiDir;

    private PlcSimulator simulator;
    private Gateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aTrustedServerCertificateIsAcceptedWithBasic256Sha256SignAndEncrypt() throws Exception {
        ConnectionStatus status = connectTo(serverCertificate(ApplicationCertificate.hostNames(), null), true);
        assertEquals(ConnectionStatus.State.CONNECTED, status.state(), String.valueOf(status.lastError()));
    }

    @Test
    void anUntrustedServerCertificateIsRefusedAndPutInTheRejectedFolder() throws Exception {
        ConnectionStatus status = connectTo(serverCertificate(ApplicationCertificate.hostNames(), null), false);
        assertRefused(status);
        try (Stream<Path> rejected = Files.list(gateway.pki().rejectedCertificates())) {
            assertTrue(rejected.findAny().isPresent(), "the refused certificate is kept for a person to review");
        }
    }

    @Test
    void anExpiredServerCertificateIsRefusedEvenWhenTrusted() throws Exception {
        assertRefused(connectTo(serverCertificate(ApplicationCertificate.hostNames(), Period.ofDays(2)), true));
    }

    @Test
    void aServerCertificateForAnotherHostIsRefusedEvenWhenTrusted() throws Exception {
        assertRefused(connectTo(serverCertificate(List.of("plc.elsewhere.example"), null), true));
    }

    private static ApplicationCertificate serverCertificate(List<String> hosts, Period expiredAgo) throws Exception {
        return ApplicationCertificate.selfSigned("urn:pilotline:plc-simulator:test", "Test PLC", hosts,
                Period.ofYears(1), expiredAgo);
    }

    private ConnectionStatus connectTo(ApplicationCertificate serverCertificate, boolean trusted) throws Exception {
        int port = Ports.free();
        simulator = new PlcSimulator(SimulatorSettings.local(port, List.of("S1"), ScenarioSettings.demo(3))
                .withCertificate(serverCertificate)).start();
        gateway = GatewayFixture.gateway(pkiDir, new EventRecorder());
        if (trusted) {
            gateway.pki().trust(serverCertificate.certificate());
        }
        gateway.bind(GatewayFixture.binding("S1", port).withEndpoint("opc.tcp://localhost:" + port + "/pilotline",
                SecurityPolicyChoice.Basic256Sha256, SecurityModeChoice.SignAndEncrypt));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        ConnectionStatus status = gateway.statuses().get(0);
        while (System.nanoTime() < deadline) {
            status = gateway.statuses().get(0);
            if (status.state() == ConnectionStatus.State.CONNECTED || status.lastError() != null) {
                return status;
            }
            Thread.sleep(50);
        }
        return status;
    }

    private void assertRefused(ConnectionStatus status) throws InterruptedException {
        assertTrue(status.state() != ConnectionStatus.State.CONNECTED && status.lastError() != null,
                "refused: " + status);
        // and it stays refused through the retries
        Thread.sleep(1_500);
        assertTrue(gateway.statuses().get(0).state() != ConnectionStatus.State.CONNECTED);
    }
}
