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

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * 200 OPC UA connections × 250 monitored items (50 machines × 5 nodes) at 1 s sampling and publishing, against
 * simulator servers in a second JVM ({@link SimulatorFarm}, whose certificates the gateway trusts). Measures
 * notifications per second, the gateway process's CPU share (and the farm's, separately), and the time from a tag
 * change on the server (its source timestamp; same machine, same clock) to the event's delivery to the in-process
 * receiver. Prints one JSON line.
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

        Path work = Files.createTempDirectory("plc-gateway-benchmark");
        Process farm = startFarm(servers, basePort, connectionsPerServer * machinesPerConnection, connectionsPerServer,
                cycleMs, work.resolve("certificates"));
        try {
            run(servers, connections, machinesPerConnection, cycleMs, warmupS, measureS, basePort, connectionsPerServer,
                    work, farm);
        } finally {
            farm.getOutputStream().close();
            if (!farm.waitFor(10, TimeUnit.SECONDS)) {
                farm.destroyForcibly();
            }
        }
        System.exit(0);
    }

    private static void run(int servers, int connections, int machinesPerConnection, long cycleMs, int warmupS,
                            int measureS, int basePort, int connectionsPerServer, Path work, Process farm)
            throws Exception {
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
        GatewayPki pki = GatewayPki.open(work.resolve("pki"), "urn:pilotline:bench", "bench");
        try (DirectoryStream<Path> certificates = Files.newDirectoryStream(work.resolve("certificates"))) {
            for (Path der : certificates) {
                try (InputStream in = Files.newInputStream(der)) {
                    pki.trust((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
                }
            }
        }
        Gateway gateway = new Gateway(ConnectionSettings.defaults(), pki, SequenceBlocks.inMemory(), batcher,
                Clock.systemUTC());
        long started = System.nanoTime();
        List<MachineBinding> bindings = new ArrayList<>();
        for (int s = 0; s < servers; s++) {
            for (int c = 0; c < connectionsPerServer; c++) {
                for (int m = 0; m < machinesPerConnection; m++) {
                    String machine = "B" + (c * machinesPerConnection + m);
                    bindings.add(MachineBinding.machinery("bench", "S" + s + "-" + machine,
                                    "opc.tcp://localhost:" + (basePort + s) + "/pilotline", PlcSimulator.NAMESPACE_URI,
                                    machine)
                            .withOptionalNodes(null, null)
                            .withIdentity(IdentityKind.USERNAME, "u" + c, "p", null)
                            .withIntervals(1000, 1000));
                }
            }
        }
        gateway.bindExactly(bindings);
        long lastReport = 0;
        while (true) {
            List<ConnectionStatus> statuses = gateway.statuses();
            long connected = statuses.stream().filter(st -> st.state() == ConnectionStatus.State.CONNECTED).count();
            long items = statuses.stream().mapToLong(ConnectionStatus::notifications).sum();
            if (connected == connections && items >= (long) connections * machinesPerConnection * 5) {
                break;
            }
            long elapsed = System.nanoTime() - started;
            if (elapsed - lastReport > 5_000_000_000L) {
                lastReport = elapsed;
                System.err.printf("%.0f s: %d of %d sessions connected, %d initial values; last error: %s%n",
                        elapsed / 1e9, connected, connections, items, statuses.stream().map(ConnectionStatus::lastError)
                                .filter(java.util.Objects::nonNull).findFirst().orElse("none"));
            }
            if (elapsed > 300_000_000_000L) {
                throw new IllegalStateException("not all connected after 300 s: " + connected + " of " + connections);
            }
            Thread.sleep(200);
        }
        double connectSeconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("all %d sessions connected with their initial values in %.1f s; warming up %d s%n",
                connections, connectSeconds, warmupS);
        Thread.sleep(warmupS * 1000L);

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long notificationsBefore = gateway.statuses().stream().mapToLong(ConnectionStatus::notifications).sum();
        long cpuBefore = os.getProcessCpuTime();
        long farmCpuBefore = farm.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
        long wallBefore = System.nanoTime();
        double loadBefore = os.getSystemLoadAverage();
        measuring[0] = true;
        Thread.sleep(measureS * 1000L);
        measuring[0] = false;
        long wall = System.nanoTime() - wallBefore;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long farmCpu = farm.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L) - farmCpuBefore;
        double loadAfter = os.getSystemLoadAverage();
        long notifications = gateway.statuses().stream().mapToLong(ConnectionStatus::notifications).sum()
                - notificationsBefore;
        long items = (long) connections * machinesPerConnection * 5;
        long losses = gateway.statuses().stream().mapToLong(ConnectionStatus::dataLossEvents).sum();

        gateway.close();
        batcher.close();
        int cpus = os.getAvailableProcessors();
        synchronized (latency) {
            System.out.printf(java.util.Locale.ROOT, "{\"connections\": %d, \"monitoredItems\": %d, \"samplingMs\": 1000,"
                            + " \"publishingMs\": 1000, \"cycleMs\": %d, \"connectSeconds\": %.1f,"
                            + " \"measuredSeconds\": %.1f, \"valuesPerSecond\": %.0f, \"eventsDelivered\": %d,"
                            + " \"gatewayCpuShare\": %.3f, \"simulatorCpuShare\": %.3f, \"cpus\": %d,"
                            + " \"loadAverageBefore\": %.2f, \"loadAverageAfter\": %.2f,"
                            + " \"latencyP50Ms\": %d, \"latencyP99Ms\": %d, \"latencyMaxMs\": %d,"
                            + " \"dataLossEvents\": %d}%n",
                    connections, items, cycleMs, connectSeconds, wall / 1e9, notifications / (wall / 1e9),
                    delivered[0], cpu / (double) wall / cpus, farmCpu / (double) wall / cpus, cpus, loadBefore,
                    loadAfter, latency.percentile(50), latency.percentile(99), latency.max(), losses);
        }
    }

    /** Starts {@link SimulatorFarm} in its own JVM and waits for its "ready" line. */
    private static Process startFarm(int servers, int basePort, int machinesPerServer, int connectionsPerServer,
                                     long cycleMs, Path certificates) throws Exception {
        Process farm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("farmHeap", "1g"),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", System.getProperty("java.class.path"), SimulatorFarm.class.getName(),
                Integer.toString(servers), Integer.toString(basePort), Integer.toString(machinesPerServer),
                Integer.toString(connectionsPerServer), Long.toString(cycleMs), certificates.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(farm.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("ready")) {
            System.err.println("farm: " + line);
        }
        if (line == null) {
            throw new IllegalStateException("the simulator farm did not start (exit " + farm.waitFor() + ")");
        }
        return farm;
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
