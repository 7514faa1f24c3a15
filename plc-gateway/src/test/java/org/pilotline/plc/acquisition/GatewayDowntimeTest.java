package org.pilotline.plc.acquisition;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotline.plc.contract.DataLossRecorded;
import org.pilotline.plc.contract.MachineEvent;
import org.pilotline.plc.fixtures.EventRecorder;
import org.pilotline.plc.fixtures.GatewayFixture;
import org.pilotline.plc.fixtures.GatewayProcess;
import org.pilotline.plc.fixtures.Ports;
import org.pilotline.plc.fixtures.TransitionAudit;
import org.pilotline.plc.simulator.PlcSimulator;
import org.pilotline.plc.simulator.ScenarioSettings;
import org.pilotline.plc.simulator.SimulatedMachine;
import org.pilotline.plc.simulator.SimulatorSettings;
import org.pilotline.plc.simulator.Transition;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's own downtime is never silent: when it was stopped, or killed without warning, while the machines
 * kept running, its first events after the restart are a {@code DataLossRecorded} per machine spanning from its last
 * recorded contact to its first value. Every transition made meanwhile lies inside that span, and nothing is invented.
 */
class GatewayDowntimeTest {

    private static final List<String> MACHINES = List.of("D1", "D2");

    @TempDir
    Path work;

    private PlcSimulator simulator;
    private int port;
    private final EventRecorder recorder = new EventRecorder();
    private final Map<String, Instant> baselines = new HashMap<>();
    private Gateway restarted;

    @BeforeEach
    void startTheMachines() {
        port = Ports.free();
        simulator = new PlcSimulator(SimulatorSettings.local(port, MACHINES, ScenarioSettings.busy(11)).withTick(10)).start();
    }

    @AfterEach
    void stop() {
        if (restarted != null) {
            restarted.close();
        }
        simulator.close();
    }

    @Test
    void aGatewayStoppedWhileTheMachinesRanReportsItsDowntimeAsDataLossBeforeItsFirstValues() throws Exception {
        Gateway first = gateway();
        bindAndAwaitBaselines(first);
        Thread.sleep(1_500);
        first.close();
        Instant stopped = Instant.now();
        int eventsBefore = recorder.all().size();

        Thread.sleep(2_500);
        Instant restart = Instant.now();
        restarted = gateway();
        bindAll(restarted);

        assertDowntimeReported(eventsBefore, stopped, restart, Duration.ofMillis(500));
    }

    @Test
    void aGatewayKilledWithoutWarningReportsTheSpanSinceItsLastRecordedContact() throws Exception {
        Instant killed;
        int eventsBefore;
        try (GatewayProcess process = GatewayProcess.start(port, work.resolve("data"), work.resolve("pki"), MACHINES,
                recorder, work.resolve("gateway-process.log"))) {
            for (String machine : MACHINES) {
                baselines.put(machine, GatewayFixture.baseline(recorder, machine));
            }
            Thread.sleep(2_000);
            process.kill();
            killed = Instant.now();
            eventsBefore = recorder.all().size();
        }

        Thread.sleep(2_500);
        Instant restart = Instant.now();
        restarted = gateway();
        bindAll(restarted);

        // recorded at most two contact intervals late (the second waits for delivery), plus delivery and publishing
        assertDowntimeReported(eventsBefore, killed, restart, GatewayProcess.CONTACT_INTERVAL.multipliedBy(2)
                .plusSeconds(1));
    }

    private void assertDowntimeReported(int eventsBefore, Instant down, Instant restart, Duration contactSlack)
            throws Exception {
        for (String machine : MACHINES) {
            recorder.await(e -> e instanceof DataLossRecorded l && l.machine().equals(machine)
                    && l.to().isAfter(restart), Duration.ofSeconds(20));
        }
        Thread.sleep(2_500);
        Instant until = Instant.now().minusMillis(1_500);
        List<MachineEvent> all = recorder.all();
        int whileDown = 0;
        for (String machine : MACHINES) {
            MachineEvent firstAfterRestart = all.subList(eventsBefore, all.size()).stream()
                    .filter(e -> e.machine().equals(machine)).findFirst().orElseThrow();
            DataLossRecorded gap = assertInstanceOf(DataLossRecorded.class, firstAfterRestart,
                    machine + ": the first event after the restart is the data loss");
            assertTrue(!gap.from().isAfter(down) && gap.from().isAfter(down.minus(contactSlack)),
                    machine + ": the gap starts at the last contact, shortly before the gateway went down: " + gap
                            + ", down at " + down);
            assertTrue(!gap.to().isBefore(restart), machine + ": the gap ends at the first value after the restart");

            SimulatedMachine simulated = simulator.machine(machine);
            List<Transition> transitions = simulated.transitions();
            whileDown += (int) transitions.stream().filter(t -> t.at().isAfter(down) && t.at().isBefore(restart)).count();
            TransitionAudit.Result result = TransitionAudit.audit(transitions, recorder.stateChanges(machine),
                    recorder.losses(machine), baselines.get(machine), until,
                    GatewayFixture.modeAt(transitions, baselines.get(machine)));
            assertEquals(List.of(), result.problems().stream().limit(8).toList(), machine + ": "
                    + result.transitions() + " transitions, " + result.problems().size() + " problems");

            long previous = -1;
            for (MachineEvent e : all.stream().filter(e -> e.machine().equals(machine)).toList()) {
                assertTrue(e.sequence() > previous, "sequence numbers grow across the restart: " + e);
                previous = e.sequence();
            }
        }
        assertTrue(whileDown > 10, "the machines should have made transitions while the gateway was down: " + whileDown);
    }

    private Gateway gateway() {
        Path data = work.resolve("data");
        return new Gateway(GatewayFixture.fastSettings(), GatewayFixture.pki(work.resolve("pki")),
                SequenceBlocks.inDirectory(data.resolve("sequences")), recorder, Clock.systemUTC(),
                ContactLog.inDirectory(data), GatewayProcess.CONTACT_INTERVAL);
    }

    private void bindAndAwaitBaselines(Gateway gateway) throws InterruptedException {
        bindAll(gateway);
        for (String machine : MACHINES) {
            baselines.put(machine, GatewayFixture.baseline(recorder, machine));
        }
    }

    private void bindAll(Gateway gateway) {
        for (String machine : MACHINES) {
            gateway.bind(GatewayFixture.binding(machine, port));
        }
    }
}
