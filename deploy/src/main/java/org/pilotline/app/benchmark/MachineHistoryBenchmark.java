package org.pilotline.app.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.pilotline.plc.simulator.PlcSimulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Machine events into the MES history, end to end: PLC simulators (a second JVM, as in the gateway benchmark) serve
 * {@code connections × machinesPerConnection} machines; the packaged suite's own gateway acquires them over OPC UA
 * (one session per connection, five monitored items per machine) and delivers in-process to its ingest, where the MES
 * stores every event in {@code mes_machine_interval} / {@code mes_part_count} in the ingest's durable transaction.
 * Measures rows stored per second and the time from the tag change at the PLC (its source timestamp) to the commit of
 * its row — the suite's own histogram {@code pilotline_mes_machine_history_lag}, read from {@code /q/metrics} at the
 * start and end of the window. Prints one JSON object as its last line.
 */
public final class MachineHistoryBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int servers = Integer.parseInt(o.getOrDefault("servers", "4"));
        int connections = Integer.parseInt(o.getOrDefault("connections", "200"));
        int machinesPerConnection = Integer.parseInt(o.getOrDefault("machines-per-connection", "50"));
        long cycleMs = Long.parseLong(o.getOrDefault("cycle-ms", "400"));
        int samplingMs = Integer.parseInt(o.getOrDefault("sampling-ms", "250"));
        int publishingMs = Integer.parseInt(o.getOrDefault("publishing-ms", "1000"));
        double warmup = Double.parseDouble(o.getOrDefault("warmup", "30"));
        double seconds = Double.parseDouble(o.getOrDefault("seconds", "60"));
        int basePort = Integer.parseInt(o.getOrDefault("base-port", "48500"));
        String farmClasspath = o.get("farm-classpath");
        Path app = Path.of(o.getOrDefault("app", "deploy/target/quarkus-app"));
        Path home = Path.of(o.getOrDefault("home", "deploy/target/machine-history-benchmark"));
        List<String> suiteOptions = Arrays.stream(o.getOrDefault("suite-java-options", "-Xms1g -Xmx1g").split("\\s+"))
                .filter(s -> !s.isBlank()).toList();
        // The embedded default generates the demo programme (28 enterprises, 90 days of history, their roll-ups
        // recomputed: ≈ 740 MB written over 5 minutes or more) in the background after start-up, i.e. during the
        // binding and the window; it is not what this benchmark measures and not what a plant's suite does.
        boolean demoProgramme = Boolean.parseBoolean(o.getOrDefault("demo-programme", "false"));
        int connectionsPerServer = connections / servers;
        int machinesPerServer = connectionsPerServer * machinesPerConnection;

        SuiteProcess.deleteRecursively(home);
        Files.createDirectories(home);
        Path certificates = home.resolve("farm-certificates");
        log("starting %d PLC simulator servers with %d machines each (mean cycle %d ms)", servers, machinesPerServer, cycleMs);
        Process farm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + o.getOrDefault("farm-heap", "1g"), "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", farmClasspath, "org.pilotline.plc.benchmark.SimulatorFarm", Integer.toString(servers),
                Integer.toString(basePort), Integer.toString(machinesPerServer), Integer.toString(connectionsPerServer),
                Long.toString(cycleMs), certificates.toString())
                .redirectError(home.resolve("farm.log").toFile()).start();
        try {
            awaitReady(farm);
            Path trusted = home.resolve("gateway/pki/trusted/certs");
            Files.createDirectories(trusted);
            try (DirectoryStream<Path> ders = Files.newDirectoryStream(certificates)) {
                for (Path der : ders) {
                    Files.copy(der, trusted.resolve(der.getFileName()));
                }
            }
            try (SuiteProcess suite = SuiteProcess.start(app, home, suiteOptions,
                    List.of("pilotline.demo-programme.enabled=" + demoProgramme))) {
                run(suite, farm, servers, connectionsPerServer, machinesPerConnection, cycleMs, samplingMs, publishingMs,
                        warmup, seconds, basePort, demoProgramme);
            }
        } finally {
            farm.getOutputStream().close();
            if (!farm.waitFor(10, TimeUnit.SECONDS)) {
                farm.destroyForcibly();
            }
        }
        System.exit(0);
    }

    private static void run(SuiteProcess suite, Process farm, int servers, int connectionsPerServer,
                            int machinesPerConnection, long cycleMs, int samplingMs, int publishingMs, double warmup,
                            double seconds, int basePort, boolean demoProgramme) throws Exception {
        String base = suite.baseUrl();
        String code = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        BenchmarkRest platform = BenchmarkRest.as(base, "admin", "demo");
        platform.post("/api/enterprises", Map.of("code", code, "name", "Machine benchmark " + code,
                "creditCode", creditCode(), "industry", "benchmark", "manufacturingType", "DISCRETE",
                "pilotSince", "2026-01-01"), 201);
        platform.post("/api/admin/users", Map.of("username", code + "-admin", "displayName", "admin",
                "password", TerminalPlant.PASSWORD, "enterprise", code, "roles", List.of("admin")), 201);
        BenchmarkRest admin = BenchmarkRest.as(base, code + "-admin", TerminalPlant.PASSWORD);
        int connections = servers * connectionsPerServer;
        int machines = connections * machinesPerConnection;
        log("binding %d machines on %d connections (sampling %d ms, publishing %d ms)", machines, connections,
                samplingMs, publishingMs);
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 0; s < servers; s++) {
                for (int c = 0; c < connectionsPerServer; c++) {
                    int server = s;
                    int connection = c;
                    done.add(pool.submit(() -> {
                        for (int m = 0; m < machinesPerConnection; m++) {
                            String machine = "B" + (connection * machinesPerConnection + m);
                            admin.post("/api/gateway/bindings", binding("S" + server + "-" + machine,
                                    "opc.tcp://localhost:" + (basePort + server) + "/pilotline", machine, "u" + connection,
                                    samplingMs, publishingMs), 201);
                        }
                    }));
                }
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        log("bound in %.1f s; waiting for %d sessions and their initial values", (System.nanoTime() - t0) / 1e9, connections);
        while (true) {
            GatewaySessions sessions = GatewaySessions.of(admin.get("/api/gateway/connections"));
            long connected = sessions.connected();
            long notifications = sessions.notifications();
            if (connected >= connections && notifications >= (long) machines * 5) {
                break;
            }
            if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(10)) {
                throw new IllegalStateException("only " + connected + " of " + connections + " sessions after 10 min");
            }
            log("%.0f s: %d of %d sessions connected, %d values", (System.nanoTime() - t0) / 1e9, connected,
                    connections, notifications);
            Thread.sleep(5_000);
        }
        double connectSeconds = (System.nanoTime() - t0) / 1e9;
        log("connected in %.1f s; warming up %.0f s, measuring %.0f s", connectSeconds, warmup, seconds);
        Thread.sleep((long) (warmup * 1000));

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double loadBefore = os.getSystemLoadAverage();
        long[] rowsBefore = rows(suite, code);
        ServerProfile server = ServerProfile.start(suite);
        Map<Double, Long> lagBefore = lagBuckets(base);
        long notificationsBefore = notifications(admin);
        long suiteCpu = SuiteProcess.cpuNanos(Optional.of(suite.jvm()));
        long dbCpu = SuiteProcess.cpuNanos(suite.databaseServer());
        long farmCpu = SuiteProcess.cpuNanos(Optional.of(farm.toHandle()));
        long started = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        long wall = System.nanoTime() - started;
        long[] rowsAfter = rows(suite, code);
        ServerProfile.Window db = server.end(suite, wall / 1e9);
        Map<Double, Long> lagAfter = lagBuckets(base);
        long notificationsAfter = notifications(admin);
        double cpuWall = wall * (double) os.getAvailableProcessors();
        suiteCpu = SuiteProcess.cpuNanos(Optional.of(suite.jvm())) - suiteCpu;
        dbCpu = SuiteProcess.cpuNanos(suite.databaseServer()) - dbCpu;
        farmCpu = SuiteProcess.cpuNanos(Optional.of(farm.toHandle())) - farmCpu;
        double loadAfter = os.getSystemLoadAverage();

        Map<Double, Long> window = new TreeMap<>();
        lagAfter.forEach((le, count) -> window.put(le, count - lagBefore.getOrDefault(le, 0L)));
        long measured = window.getOrDefault(Double.POSITIVE_INFINITY, 0L);
        double secondsMeasured = wall / 1e9;
        long intervals = rowsAfter[0] - rowsBefore[0];
        long parts = rowsAfter[1] - rowsBefore[1];
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("connections", connections);
        out.put("machines", machines);
        out.put("monitoredItems", machines * 5);
        out.put("cycleMs", cycleMs);
        out.put("samplingMs", samplingMs);
        out.put("publishingMs", publishingMs);
        out.put("demoProgramme", demoProgramme);
        out.put("connectSeconds", Math.round(connectSeconds * 10) / 10.0);
        out.put("measuredSeconds", Math.round(secondsMeasured * 10) / 10.0);
        out.put("valuesPerSecond", Math.round((notificationsAfter - notificationsBefore) / secondsMeasured));
        out.put("eventsStoredPerSecond", Math.round((intervals + parts) / secondsMeasured));
        out.put("stateIntervalsPerSecond", Math.round(intervals / secondsMeasured));
        out.put("partCountsPerSecond", Math.round(parts / secondsMeasured));
        out.put("dataLossRows", rowsAfter[2] - rowsBefore[2]);
        out.put("eventsMeasuredForLatency", measured);
        Map<String, Object> lag = new LinkedHashMap<>();
        lag.put("p50Bucket", percentile(window, 0.50));
        lag.put("p99Bucket", percentile(window, 0.99));
        lag.put("p999Bucket", percentile(window, 0.999));
        lag.put("shareWithinTarget", measured == 0 ? 0 : Math.round(10_000.0 * countAtMost(window, publishingMs + 200) / measured) / 10_000.0);
        out.put("lagMs", lag);
        out.put("targetLagMs", publishingMs + 200);
        long stored = Math.max(1, intervals + parts);
        out.put("databasePerStoredEvent", db.per(stored));
        out.put("databaseCommitsPerSecond", Math.round(db.commits() / secondsMeasured));
        out.put("serverCountersPerStoredEvent", db.storagePer(stored));
        out.put("cpus", os.getAvailableProcessors());
        out.put("cpuShare", Map.of("suiteJvm", round3(suiteCpu / cpuWall), "mariadbd", round3(dbCpu / cpuWall),
                "simulators", round3(farmCpu / cpuWall)));
        out.put("loadAverageBefore", round3(loadBefore));
        out.put("loadAverageAfter", round3(loadAfter));
        out.putAll(ServerProfile.settings(suite));
        // the profile of the server (when collected): printed before the result line, which stays the last one
        db.printTopStatements();
        System.out.println(BenchmarkRest.JSON.writeValueAsString(out));
    }

    private static Map<String, Object> binding(String code, String endpoint, String simulatorMachine, String user,
                                               int samplingMs, int publishingMs) {
        String node = "nsu=" + PlcSimulator.NAMESPACE_URI + ";s=" + simulatorMachine + "/";
        Map<String, Object> b = new HashMap<>();
        b.put("machineCode", code);
        b.put("endpointUrl", endpoint);
        b.put("securityPolicy", "None");
        b.put("securityMode", "None");
        b.put("identityKind", "USERNAME");
        b.put("username", user);
        b.put("password", "p");
        b.put("stateMapping", "MACHINERY");
        b.put("itemStateNode", node + "MachineryItemState/CurrentState");
        b.put("operationModeNode", node + "MachineryOperationMode/CurrentState");
        b.put("totalCountNode", node + "Production/TotalCount");
        b.put("goodCountNode", node + "Production/GoodCount");
        b.put("rejectCountNode", node + "Production/RejectCount");
        b.put("samplingIntervalMs", samplingMs);
        b.put("publishingIntervalMs", publishingMs);
        return b;
    }

    /** Rows of the enterprise's machine history: intervals, part counts, data-loss spans. */
    private static long[] rows(SuiteProcess suite, String tenant) throws Exception {
        long[] counts = new long[3];
        String[] tables = {"mes_machine_interval", "mes_part_count", "mes_data_loss"};
        try (Connection db = suite.database()) {
            for (int i = 0; i < tables.length; i++) {
                try (var s = db.prepareStatement("select count(*) from " + tables[i] + " where tenant_id = ?")) {
                    s.setString(1, tenant);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        counts[i] = r.getLong(1);
                    }
                }
            }
        }
        return counts;
    }

    private static long notifications(BenchmarkRest admin) {
        long n = 0;
        for (JsonNode st : admin.get("/api/gateway/connections")) {
            n += st.get("notifications").asLong();
        }
        return n;
    }

    /** The lag histogram's cumulative buckets: upper bound in ms → events at most that late. */
    private static Map<Double, Long> lagBuckets(String base) throws IOException, InterruptedException {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/q/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Map<Double, Long> buckets = new TreeMap<>();
        for (String line : metrics.body().split("\n")) {
            if (!line.startsWith("pilotline_mes_machine_history_lag_seconds_bucket{")) {
                continue;
            }
            int le = line.indexOf("le=\"") + 4;
            String bound = line.substring(le, line.indexOf('"', le));
            double ms = "+Inf".equals(bound) ? Double.POSITIVE_INFINITY : Double.parseDouble(bound) * 1000;
            buckets.put(ms, (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
        }
        return buckets;
    }

    /**
     * The histogram bucket holding the p-quantile, as [lower bound exclusive, upper bound inclusive] in ms: the true
     * value lies between them (the upper bound {@code null} beyond the last finite bucket, 300 s).
     */
    private static List<Long> percentile(Map<Double, Long> cumulative, double p) {
        long total = cumulative.getOrDefault(Double.POSITIVE_INFINITY, 0L);
        if (total == 0) {
            return null;
        }
        double lower = 0;
        for (Map.Entry<Double, Long> e : cumulative.entrySet()) {
            if (e.getValue() >= Math.ceil(total * p)) {
                return Arrays.asList(Math.round(lower), e.getKey().isInfinite() ? null : Math.round(e.getKey()));
            }
            lower = e.getKey();
        }
        return null;
    }

    private static long countAtMost(Map<Double, Long> cumulative, double ms) {
        long best = 0;
        for (Map.Entry<Double, Long> e : cumulative.entrySet()) {
            if (e.getKey() <= ms) {
                best = e.getValue();
            }
        }
        return best;
    }

    private static void awaitReady(Process farm) throws IOException, InterruptedException {
        BufferedReader out = new BufferedReader(new InputStreamReader(farm.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("ready")) {
            log("farm: %s", line);
        }
        if (line == null) {
            throw new IllegalStateException("the simulator farm did not start (exit " + farm.waitFor() + ")");
        }
    }

    private static String creditCode() {
        StringBuilder first17 = new StringBuilder("91330100MA");
        while (first17.length() < 17) {
            first17.append(ThreadLocalRandom.current().nextInt(10));
        }
        return org.pilotline.erp.enterprise.UnifiedSocialCreditCode.withCheckCharacter(first17.toString());
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static void log(String format, Object... args) {
        TerminalBenchmark.log(format, args);
    }
}
