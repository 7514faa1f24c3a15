package org.pilotline.plc.benchmark;

import org.pilotline.plc.acquisition.ConnectionSettings;
import org.pilotline.plc.acquisition.ConnectionStatus;
import org.pilotline.plc.acquisition.Gateway;
import org.pilotline.plc.acquisition.SequenceBlocks;
import org.pilotline.plc.binding.IdentityKind;
import org.pilotline.plc.binding.MachineBinding;
import org.pilotline.plc.contract.MachineEvent;
import org.pilotline.plc.contract.MachineStateChanged;
import org.pilotline.plc.contract.PartCountDelta;
import org.pilotline.plc.delivery.EventBatcher;
import org.pilotline.plc.delivery.MemoryBatchQueue;
import org.pilotline.plc.security.GatewayPki;
import org.pilotline.plc.simulator.PlcSimulator;
import org.pilotline.plc.simulator.ScenarioSettings;
import org.pilotline.plc.simulator.SimulatorSettings;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * 200 OPC UA connections × 250 monitored items (50 machines × 5 nodes) at 1 s sampling and publishing, against
 * simulator servers in the same process. Measures notifications per second, process CPU share, and the time from a
 * tag change on the server (its source timestamp) to the event's delivery to the in-process receiver. Prints JSON.
 */
public final class GatewayBenchmark {

    public static void main(String[] args) throws Exception {
        int servers = Integer.getInteger("servers", 4);
        int connections = Integer.getInteger("connections", 200);
        int machinesPerConnection = Integer.getInteger("machinesPerConnection", 50);
        long cycleMs = Long.getLong("cycleMs", 10_000);
        int warmupS = Integer.getInteger("warmupSeconds", 20);
        int measureS = Integer.getInteger("measureSeconds", 40);
        int basePort = Integer.getInteger("basePort", 48500);

        int connectionsPerServer = connections / servers;
        List<PlcSimulator> simulators = new ArrayList<>();
        for (int s = 0; s < servers; s++) {
            List<String> names = IntStream.range(0, connectionsPerServer * machinesPerConnection)
                    .mapToObj(i -> "B" + i).toList();
            Map<String, String> users = new HashMap<>();
            for (int c = 0; c < connectionsPerServer; c++) {
                users.put("u" + c, "p");
            }
            ScenarioSettings scenario = new ScenarioSettings(s + 1, cycleMs, 0.05, 3_000, 0.005, 30_000, 200, 60_000,
                    0.02, 4_294_967_296L);
            simulators.add(new PlcSimulator(new SimulatorSettings("127.0.0.1", "localhost", basePort + s, "/pilotline",
                    names, scenario, 100, users, null)).start());
        }

        Histogram latency = new Histogram();
        long[] delivered = new long[1];
        boolean[] measuring = new boolean[1];
        EventBatcher batcher = new EventBatcher(new MemoryBatchQueue(100_000), batch -> {
            Instant now = Instant.now();
            synchronized (latency) {
                for (MachineEvent e : batch.events()) {
                    Instant source = e instanceof MachineStateChanged c ? c.sourceTime()
                            : e instanceof PartCountDelta p ? p.sourceTime() : null;
                    if (measuring[0] && source != null) {
                        latency.add(now.toEpochMilli() - source.toEpochMilli());
                        delivered[0]++;
                    }
                }
            }
        }, 20, 1_000, 1_000);
        GatewayPki pki = GatewayPki.open(Files.createTempDirectory("bench-pki"), "urn:pilotline:bench", "bench");
        Gateway gateway = new Gateway(ConnectionSettings.defaults(), pki, SequenceBlocks.inMemory(), batcher,
                Clock.systemUTC());
        long started = System.nanoTime();
        for (int s = 0; s < servers; s++) {
            for (int c = 0; c < connectionsPerServer; c++) {
                for (int m = 0; m < machinesPerConnection; m++) {
                    String machine = "B" + (c * machinesPerConnection + m);
                    gateway.bind(MachineBinding.machinery("bench", "S" + s + "-" + machine,
                                    "opc.tcp://localhost:" + (basePort + s) + "/pilotline", PlcSimulator.NAMESPACE_URI,
                                    machine)
                            .withOptionalNodes(null, null)
                            .withIdentity(IdentityKind.USERNAME, "u" + c, "p", null)
                            .withIntervals(1000, 1000));
                }
            }
        }
        while (gateway.statuses().stream().anyMatch(st -> st.state() != ConnectionStatus.State.CONNECTED)) {
            Thread.sleep(200);
            if (System.nanoTime() - started > 300_000_000_000L) {
                throw new IllegalStateException("not all connected: " + gateway.statuses().stream()
                        .filter(st -> st.state() != ConnectionStatus.State.CONNECTED).count());
            }
        }
        double connectSeconds = (System.nanoTime() - started) / 1e9;
        Thread.sleep(warmupS * 1000L);

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long notificationsBefore = gateway.statuses().stream().mapToLong(ConnectionStatus::notifications).sum();
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        measuring[0] = true;
        Thread.sleep(measureS * 1000L);
        measuring[0] = false;
        long wall = System.nanoTime() - wallBefore;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long notifications = gateway.statuses().stream().mapToLong(ConnectionStatus::notifications).sum() - notificationsBefore;
        long items = (long) connections * machinesPerConnection * 5;
        long losses = gateway.statuses().stream().mapToLong(ConnectionStatus::dataLossEvents).sum();

        gateway.close();
        batcher.close();
        simulators.forEach(PlcSimulator::close);
        synchronized (latency) {
            System.out.printf("{\"connections\": %d, \"monitoredItems\": %d, \"samplingMs\": 1000, \"publishingMs\": 1000,"
                            + " \"connectSeconds\": %.1f, \"valuesPerSecond\": %.0f, \"eventsDelivered\": %d,"
                            + " \"cpuShareOfMachine\": %.3f, \"cpus\": %d, \"latencyP50Ms\": %d, \"latencyP99Ms\": %d,"
                            + " \"latencyMaxMs\": %d, \"dataLossEvents\": %d}%n",
                    connections, items, connectSeconds, notifications / (wall / 1e9), delivered[0],
                    cpu / (double) wall / os.getAvailableProcessors(), os.getAvailableProcessors(),
                    latency.percentile(50), latency.percentile(99), latency.max(), losses);
        }
        System.exit(0);
    }

    /** Milliseconds, bucketed by 1 ms up to 60 s. */
    static final class Histogram {
        private final long[] counts = new long[60_001];
        private long total;
        private long max;

        void add(long ms) {
            int bucket = (int) Math.max(0, Math.min(60_000, ms));
            counts[bucket]++;
            total++;
            max = Math.max(max, ms);
        }

        long percentile(double p) {
            long rank = (long) Math.ceil(total * p / 100.0);
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen >= rank && rank > 0) {
                    return i;
                }
            }
            return -1;
        }

        long max() {
            return max;
        }
    }
}
