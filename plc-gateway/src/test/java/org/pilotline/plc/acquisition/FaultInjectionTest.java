package org.pilotline.plc.acquisition;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotline.plc.contract.MachineEvent;
import org.pilotline.plc.fixtures.EventRecorder;
import org.pilotline.plc.fixtures.GatewayFixture;
import org.pilotline.plc.fixtures.Ports;
import org.pilotline.plc.fixtures.TcpProxy;
import org.pilotline.plc.fixtures.TransitionAudit;
import org.pilotline.plc.simulator.PlcSimulator;
import org.pilotline.plc.simulator.ScenarioSettings;
import org.pilotline.plc.simulator.SimulatedMachine;
import org.pilotline.plc.simulator.SimulatorSettings;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault injection against the simulator, which records every transition it makes: the TCP channel is closed again
 * and again, the server kills the session, the server restarts. Each transition must arrive exactly once or lie
 * inside an explicit data-loss event; none may be duplicated or invented.
 */
class FaultInjectionTest {

    private static final List<String> MACHINES = List.of("M1", "M2", "M3");

    @TempDir
    Path pkiDir;

    private PlcSimulator simulator;
    private TcpProxy proxy;
    private Gateway gateway;
    private final EventRecorder recorder = new EventRecorder();
    private final Map<String, Instant> baselines = new HashMap<>();
    private Instant lastFault = Instant.now();

    @BeforeEach
    void start() throws Exception {
        int port = Ports.free();
        simulator = new PlcSimulator(SimulatorSettings.local(port, MACHINES, ScenarioSettings.busy(42)).withTick(10)).start();
        proxy = new TcpProxy(port);
        gateway = GatewayFixture.gateway(pkiDir, recorder);
        for (String machine : MACHINES) {
            gateway.bind(GatewayFixture.binding(machine, proxy.port()));
        }
        for (String machine : MACHINES) {
            baselines.put(machine, GatewayFixture.baseline(recorder, machine));
        }
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        proxy.close();
        simulator.close();
    }

    @Test
    void closingTheTcpChannelRepeatedlyLosesAndDuplicatesNoTransition() throws Exception {
        for (int i = 0; i < 6; i++) {
            Thread.sleep(700);
            proxy.severAll();
        }
        assertFaithful(false);
    }

    @Test
    void aSessionKilledByTheServerIsRecoveredWithAnExplicitDataLossEvent() throws Exception {
        for (int i = 0; i < 3; i++) {
            Thread.sleep(1_200);
            simulator.killSessions(true);
            lastFault = Instant.now();
        }
        assertFaithful(true);
    }

    @Test
    void aServerRestartIsRecoveredWithAnExplicitDataLossEvent() throws Exception {
        Thread.sleep(800);
        simulator.stop();
        lastFault = Instant.now();
        Thread.sleep(1_500);
        simulator.start();
        assertFaithful(true);
    }

    private void assertFaithful(boolean lossExpected) throws Exception {
        if (lossExpected) {
            // the gateway reconnects with back-off; when it has re-subscribed, each machine has a data-loss event
            for (String machine : MACHINES) {
                recorder.await(e -> e instanceof org.pilotline.plc.contract.DataLossRecorded l && l.machine().equals(machine)
                        && l.to().isAfter(lastFault), java.time.Duration.ofSeconds(40));
            }
        }
        // let the gateway catch up after the last fault, then audit everything up to shortly before now: the audit
        // window ends where every machine has delivered a later state change (on a loaded machine delivery may lag
        // by seconds; events of one machine arrive in order, so nothing before that point is still on its way)
        Thread.sleep(3_000);
        Instant until = Instant.now().minusMillis(1_500);
        for (String machine : MACHINES) {
            recorder.await(e -> e instanceof org.pilotline.plc.contract.MachineStateChanged c && c.machine().equals(machine)
                    && c.sourceTime().isAfter(until), java.time.Duration.ofSeconds(30));
        }
        int transitions = 0;
        int losses = 0;
        for (String machine : MACHINES) {
            SimulatedMachine simulated = simulator.machine(machine);
            TransitionAudit.Result result = TransitionAudit.audit(simulated.transitions(), recorder.stateChanges(machine),
                    recorder.losses(machine), baselines.get(machine), until,
                    GatewayFixture.modeAt(simulated.transitions(), baselines.get(machine)));
            assertEquals(List.of(), result.problems().stream().limit(8).toList(), machine + ": " + result.transitions()
                    + " transitions, " + result.problems().size() + " problems");
            transitions += result.transitions();
            losses += recorder.losses(machine).size();
        }
        assertTrue(transitions > 50, "the scenario should have made many transitions, made " + transitions);
        if (lossExpected) {
            assertTrue(losses > 0, "a lost subscription must be reported as data loss");
        }
        assertSequencesStrictlyIncreasePerMachine();
    }

    private void assertSequencesStrictlyIncreasePerMachine() {
        Map<String, Long> last = new HashMap<>();
        Set<String> keys = new HashSet<>();
        for (MachineEvent e : recorder.all()) {
            Long previous = last.put(e.machine(), e.sequence());
            assertFalse(previous != null && e.sequence() <= previous, "sequence went backwards at " + e);
            assertTrue(keys.add(e.machine() + "#" + e.sequence()));
        }
    }
}
