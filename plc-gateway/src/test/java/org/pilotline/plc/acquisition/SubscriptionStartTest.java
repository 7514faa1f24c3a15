package org.pilotline.plc.acquisition;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotline.plc.contract.MachineStateChanged;
import org.pilotline.plc.contract.MachineryItemState;
import org.pilotline.plc.contract.MachineryOperationMode;
import org.pilotline.plc.fixtures.EventRecorder;
import org.pilotline.plc.fixtures.GatewayFixture;
import org.pilotline.plc.fixtures.Ports;
import org.pilotline.plc.simulator.PlcSimulator;
import org.pilotline.plc.simulator.ScenarioSettings;
import org.pilotline.plc.simulator.SimulatedMachine;
import org.pilotline.plc.simulator.SimulatorSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Changes made right after the monitored items were created (on the server, before the gateway even has the
 * CreateMonitoredItems response) must each be reported once, in source-time order, with the right operation mode:
 * the subscription stream is complete from the items' creation on. Regression: a read of the current values after
 * the creation made these changes the silent baseline, and notifications applied per monitored item (all mode values,
 * then all state values) swallowed or mis-attributed mode changes. A long publishing interval puts every change in
 * the first notification message, together with the initial values.
 */
class SubscriptionStartTest {

    @TempDir
    Path pkiDir;

    private PlcSimulator simulator;
    private Gateway gateway;
    private final EventRecorder recorder = new EventRecorder();

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
    void changesRightAfterTheFirstSubscriptionAreReportedOnceInOrder() throws Exception {
        int port = start(List.of("S1"));
        List<Expected> expected = forceChangesWhenMonitored("S1");
        gateway = GatewayFixture.gateway(pkiDir, recorder);
        gateway.bind(binding("S1", port));
        assertReported("S1", expected);
    }

    @Test
    void changesRightAfterAMachineIsAddedToALiveSubscriptionAreReportedOnceInOrder() throws Exception {
        int port = start(List.of("S1", "S2"));
        gateway = GatewayFixture.gateway(pkiDir, recorder);
        gateway.bind(binding("S1", port));
        awaitConnected();
        List<Expected> expected = forceChangesWhenMonitored("S2");
        gateway.bind(binding("S2", port));
        assertReported("S2", expected);
    }

    private record Expected(MachineryItemState from, MachineryItemState to, MachineryOperationMode mode, Instant at) {
    }

    private int start(List<String> machines) {
        int port = Ports.free();
        ScenarioSettings quiet = new ScenarioSettings(3, 3_600_000, 0, 1, 0, 1, 0, 1, 0, 4_294_967_296L);
        simulator = new PlcSimulator(SimulatorSettings.local(port, machines, quiet)).start();
        simulator.machines().forEach(SimulatedMachine::pauseScenario);
        return port;
    }

    private static org.pilotline.plc.binding.MachineBinding binding(String machine, int port) {
        // a long publishing interval: the changes below reach the gateway in the first message, after any read
        return GatewayFixture.binding(machine, port).withIntervals(0, 1_000);
    }

    /**
     * Once the machine's items exist (initial values queued): breakdown, setup (mode Setup, NotExecuting), back to
     * Processing, Executing; returns the list of expected reports, filled then.
     */
    private List<Expected> forceChangesWhenMonitored(String machine) {
        SimulatedMachine m = simulator.machine(machine);
        List<Expected> expected = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        simulator.onMonitoredItemsCreated(machines -> {
            if (machines.contains(machine) && done.compareAndSet(false, true)) {
                Instant base = simulator.clock().instant();
                List<Expected> changes = List.of(
                        new Expected(MachineryItemState.EXECUTING, MachineryItemState.OUT_OF_SERVICE, MachineryOperationMode.PROCESSING, base.plusMillis(1)),
                        new Expected(MachineryItemState.OUT_OF_SERVICE, MachineryItemState.OUT_OF_SERVICE, MachineryOperationMode.SETUP, base.plusMillis(2)),
                        new Expected(MachineryItemState.OUT_OF_SERVICE, MachineryItemState.NOT_EXECUTING, MachineryOperationMode.SETUP, base.plusMillis(3)),
                        new Expected(MachineryItemState.NOT_EXECUTING, MachineryItemState.NOT_EXECUTING, MachineryOperationMode.PROCESSING, base.plusMillis(4)),
                        new Expected(MachineryItemState.NOT_EXECUTING, MachineryItemState.EXECUTING, MachineryOperationMode.PROCESSING, base.plusMillis(5)));
                m.forceState(MachineryItemState.OUT_OF_SERVICE, changes.get(0).at());
                m.forceMode(MachineryOperationMode.SETUP, changes.get(1).at());
                m.forceState(MachineryItemState.NOT_EXECUTING, changes.get(2).at());
                m.forceMode(MachineryOperationMode.PROCESSING, changes.get(3).at());
                m.forceState(MachineryItemState.EXECUTING, changes.get(4).at());
                expected.addAll(changes);
            }
        });
        return expected;
    }

    private void assertReported(String machine, List<Expected> expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (expected.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(5, expected.size(), "the machine's items were not created");
        Instant last = expected.get(expected.size() - 1).at();
        try {
            recorder.await(e -> e instanceof MachineStateChanged c && c.machine().equals(machine)
                    && c.sourceTime().equals(last), Duration.ofSeconds(10));
        } catch (AssertionError e) {
            // fall through: the comparison below says what was reported instead
        }
        Thread.sleep(1_500); // two more publishing intervals: a duplicate would show up
        List<Expected> reported = recorder.stateChanges(machine).stream()
                .map(c -> new Expected(c.from(), c.to(), c.operationMode(), c.sourceTime())).toList();
        assertEquals(expected, reported);
        assertEquals(List.of(), recorder.losses(machine));
    }

    private void awaitConnected() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!gateway.statuses().isEmpty() && gateway.statuses().get(0).state() == ConnectionStatus.State.CONNECTED) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not connected: " + gateway.statuses());
    }
}
