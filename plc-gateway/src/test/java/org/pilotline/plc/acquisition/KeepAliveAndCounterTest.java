package org.pilotline.plc.acquisition;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotline.plc.contract.PartCountDelta;
import org.pilotline.plc.fixtures.EventRecorder;
import org.pilotline.plc.fixtures.GatewayFixture;
import org.pilotline.plc.fixtures.Ports;
import org.pilotline.plc.fixtures.TcpProxy;
import org.pilotline.plc.simulator.PlcSimulator;
import org.pilotline.plc.simulator.ScenarioSettings;
import org.pilotline.plc.simulator.SimulatedMachine;
import org.pilotline.plc.simulator.SimulatorSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keep-alive loss detection and part counters over a real session to the simulator. */
class KeepAliveAndCounterTest {

    @TempDir
    Path pkiDir;

    private PlcSimulator simulator;
    private Gateway gateway;
    private TcpProxy proxy;
    private final EventRecorder recorder = new EventRecorder();

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        simulator.close();
    }

    @Test
    void lossOfKeepAlivesIsDetectedWithinThreeKeepAliveIntervals() throws Exception {
        int port = Ports.free();
        simulator = new PlcSimulator(SimulatorSettings.local(port, List.of("K1"), ScenarioSettings.demo(1))).start();
        proxy = new TcpProxy(port);
        gateway = GatewayFixture.gateway(pkiDir, recorder);
        gateway.bind(GatewayFixture.binding("K1", proxy.port()));
        awaitState(ConnectionStatus.State.CONNECTED, Duration.ofSeconds(20));
        Thread.sleep(1_500);

        long keepAlive = GatewayFixture.fastSettings().keepAliveIntervalMs();
        proxy.blackhole(true);
        long started = System.nanoTime();
        awaitState(ConnectionStatus.State.DISCONNECTED, Duration.ofMillis(6 * keepAlive));
        long detectedMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(detectedMs <= 3 * keepAlive, "detected after " + detectedMs + " ms, keep-alive " + keepAlive + " ms");
        proxy.blackhole(false);
    }

    @Test
    void counterResetAndRolloverProduceCorrectDeltas() throws Exception {
        int port = Ports.free();
        ScenarioSettings quiet = new ScenarioSettings(7, 3_600_000, 0, 1, 0, 1, 0, 1, 0, 65_536);
        simulator = new PlcSimulator(SimulatorSettings.local(port, List.of("C1"), quiet)).start();
        SimulatedMachine machine = simulator.machine("C1");
        machine.setCounters(100, 90, 10, simulator.clock().instant());
        gateway = GatewayFixture.gateway(pkiDir, recorder);
        gateway.bind(GatewayFixture.binding("C1", port));
        awaitState(ConnectionStatus.State.CONNECTED, Duration.ofSeconds(20));
        Thread.sleep(500);

        machine.makePart(false, simulator.clock().instant());
        machine.makePart(true, simulator.clock().instant());
        awaitTotals(2, 1, 1);

        // the PLC's counters are reset to zero and it makes three parts: +3, not -99
        machine.setCounters(0, 0, 0, simulator.clock().instant());
        Thread.sleep(300);
        machine.setCounters(3, 3, 0, simulator.clock().instant());
        awaitTotals(5, 4, 1);

        // UInt16 counters roll over: 65534 → 65535 → 0 → 2 is +4
        machine.setCounters(65_534, 65_534, 0, simulator.clock().instant());
        Thread.sleep(300);
        long before = sum(recorder.counts("C1"))[0];
        machine.makePart(false, simulator.clock().instant());
        machine.makePart(false, simulator.clock().instant());
        machine.makePart(false, simulator.clock().instant());
        machine.makePart(false, simulator.clock().instant());
        long deadline = System.currentTimeMillis() + 10_000;
        while (sum(recorder.counts("C1"))[0] < before + 4 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        long[] after = sum(recorder.counts("C1"));
        assertEquals(before + 4, after[0], "total after rollover");
        assertTrue(recorder.counts("C1").stream().allMatch(d -> d.total() >= 0 && d.good() >= 0 && d.reject() >= 0));
    }

    private void awaitTotals(long total, long good, long reject) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        long[] sum = sum(recorder.counts("C1"));
        while ((sum[0] != total || sum[1] != good || sum[2] != reject) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            sum = sum(recorder.counts("C1"));
        }
        assertEquals(List.of(total, good, reject), List.of(sum[0], sum[1], sum[2]));
    }

    private static long[] sum(List<PartCountDelta> deltas) {
        long[] sum = new long[3];
        for (PartCountDelta d : deltas) {
            sum[0] += d.total();
            sum[1] += d.good();
            sum[2] += d.reject();
        }
        return sum;
    }

    private void awaitState(ConnectionStatus.State state, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!gateway.statuses().isEmpty() && gateway.statuses().get(0).state() == state) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not " + state + " within " + timeout + ": " + gateway.statuses());
    }
}
