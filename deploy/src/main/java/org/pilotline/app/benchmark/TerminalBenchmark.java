package org.pilotline.app.benchmark;

import static org.pilotline.app.benchmark.BenchmarkSupport.summary;
import static org.pilotline.app.benchmark.BenchmarkSupport.round;
import static org.pilotline.app.benchmark.BenchmarkSupport.options;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The terminal benchmark: starts the packaged suite on its embedded MariaDB (durable commits, as it ships), builds a
 * plant of {@code --terminals} work centers over REST, drives as many simulated terminals over HTTP on loopback for a
 * warm-up and a measured window, then checks that every acknowledged report was applied exactly once and that the
 * ledger equals the balances. Prints one JSON object as its last line; progress goes to standard error.
 */
public final class TerminalBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int terminals = Integer.parseInt(o.getOrDefault("terminals", "100"));
        double seconds = Double.parseDouble(o.getOrDefault("seconds", "60"));
        double warmup = Double.parseDouble(o.getOrDefault("warmup", "15"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "0"));
        int quantityReports = Integer.parseInt(o.getOrDefault("quantity-reports", "20"));
        int good = Integer.parseInt(o.getOrDefault("good", "2"));
        int reportsPerOrder = 2 * (quantityReports + 4);
        double planFor = Double.parseDouble(o.getOrDefault("plan-rate", Double.toString(Math.max(rate, 3_500))));
        int orders = Integer.parseInt(o.getOrDefault("orders-per-terminal", Integer.toString(
                (int) Math.ceil(planFor * (warmup + seconds) / terminals / reportsPerOrder))));
        int seedThreads = Integer.parseInt(o.getOrDefault("seed-threads", "4"));
        Path app = Path.of(o.getOrDefault("app", "deploy/target/quarkus-app"));
        Path home = Path.of(o.getOrDefault("home", "deploy/target/terminal-benchmark"));
        List<String> suiteOptions = Arrays.stream(o.getOrDefault("suite-java-options", "-Xms1g -Xmx1g").split("\\s+"))
                .filter(s -> !s.isBlank()).toList();
        // The embedded default generates the demo programme (28 enterprises, 90 days of history, their roll-ups
        // recomputed) in the background after start-up, i.e. during the seeding and the window: not what this
        // benchmark measures, nor what a plant's suite does (every run from 2026-12-05 00:55 UTC to mesperf5 ran
        // beside it). --demo-programme true restores it for a comparison.
        boolean demoProgramme = Boolean.parseBoolean(o.getOrDefault("demo-programme", "false"));
        List<String> properties = new ArrayList<>(List.of(
                // accounts and badge PINs are set up by the hundred: cheap hashes keep seeding short; the measured path
                // (terminal tokens, SHA-256) does not hash passwords
                "pilotline.security.bcrypt-cost=4",
                "pilotline.demo-programme.enabled=" + demoProgramme));
        if (o.containsKey("suite-properties")) {
            properties.addAll(Arrays.asList(o.get("suite-properties").split("\\s+")));
        }

        long t0 = System.nanoTime();
        log("starting the suite (home %s)", home);
        SuiteProcess.deleteRecursively(home);
        try (SuiteProcess suite = SuiteProcess.start(app, home, suiteOptions, properties)) {
            log("suite ready after %.1f s; seeding %d terminals with %d work orders each (quantity %d)",
                    (System.nanoTime() - t0) / 1e9, terminals, orders, (quantityReports + 1) * good);
            Map<String, Object> durability;
            try (Connection db = suite.database()) {
                durability = durability(db);
            }
            long seedStart = System.nanoTime();
            TerminalPlant plant = TerminalPlant.seed(suite.baseUrl(), terminals, orders, (quantityReports + 1) * good,
                    seedThreads);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            log("plant %s seeded in %.1f s; driving %d terminals (%s) for %.0f s + %.0f s warm-up", plant.enterprise,
                    seedSeconds, terminals, rate > 0 ? rate + " reports/s" : "closed loop", seconds, warmup);

            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            TerminalLoad load = new TerminalLoad("127.0.0.1", suite.httpPort(), plant, quantityReports, good, rate);
            double[] loadAverage = new double[2];
            long[] cpu = new long[6];
            ServerProfile[] server = new ServerProfile[1];
            ServerProfile.Window[] window = new ServerProfile.Window[1];
            Thread sampler = new Thread(() -> {
                try {
                    Thread.sleep((long) (warmup * 1000) + 200);
                    loadAverage[0] = os.getSystemLoadAverage();
                    cpu[0] = SuiteProcess.cpuNanos(Optional.of(suite.jvm()));
                    cpu[1] = SuiteProcess.cpuNanos(suite.databaseServer());
                    cpu[2] = os.getProcessCpuTime();
                    server[0] = profileStart(suite);
                    long started = System.nanoTime();
                    Thread.sleep((long) (seconds * 1000));
                    window[0] = profileEnd(suite, server[0], (System.nanoTime() - started) / 1e9);
                    loadAverage[1] = os.getSystemLoadAverage();
                    cpu[3] = SuiteProcess.cpuNanos(Optional.of(suite.jvm()));
                    cpu[4] = SuiteProcess.cpuNanos(suite.databaseServer());
                    cpu[5] = os.getProcessCpuTime();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "cpu-sampler");
            sampler.setDaemon(true);
            sampler.start();
            TerminalLoad.Result result = load.run(warmup, seconds);
            sampler.join();
            log("%d reports acknowledged in the measured window (%.0f/s); checking", result.acknowledged(),
                    result.reportsPerSecond());

            Map<String, Object> check;
            try (Connection db = suite.database()) {
                check = new ExactlyOnceCheck(db, plant, result.sent()).run(
                        BenchmarkRest.as(suite.baseUrl(), plant.enterprise + "-manager", TerminalPlant.PASSWORD));
            }
            double wall = seconds * 1e9 * os.getAvailableProcessors();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("terminals", terminals);
            out.put("demoProgramme", demoProgramme);
            out.put("mode", rate > 0 ? "paced" : "closed-loop");
            out.put("targetRate", rate);
            out.put("measuredSeconds", result.measuredSeconds());
            out.put("warmupSeconds", warmup);
            out.put("reportsAcknowledged", result.acknowledged());
            out.put("reportsPerSecond", Math.round(result.reportsPerSecond()));
            out.put("latencyMs", result.service().summary());
            if (rate > 0) {
                out.put("latencyFromScheduleMs", result.fromSchedule().summary());
            }
            out.put("mix", result.mix().entrySet().stream().collect(Collectors.toMap(e -> e.getKey().name(),
                    Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
            out.put("refusedByStatus", result.refusedByStatus());
            out.put("firstRefusals", result.firstRefusals());
            out.put("retries", result.retries());
            out.put("terminalsOutOfWork", result.terminalsOutOfWork());
            out.put("check", check);
            // since start-up (the seeding's few reports included): how the reports were grouped
            out.put("reportGroups", BenchmarkSupport.metrics(suite.baseUrl(), "pilotline_mes_reports_"));
            out.put("durability", durability);
            out.put("cpus", os.getAvailableProcessors());
            out.put("cpuShare", Map.of("suiteJvm", round3((cpu[3] - cpu[0]) / wall),
                    "mariadbd", round3((cpu[4] - cpu[1]) / wall), "loadGenerator", round3((cpu[5] - cpu[2]) / wall)));
            long reports = Math.max(1, result.acknowledged());
            out.put("cpuMsPerReport", Map.of("suiteJvm", round3((cpu[3] - cpu[0]) / 1e6 / reports),
                    "mariadbd", round3((cpu[4] - cpu[1]) / 1e6 / reports)));
            if (window[0] != null) {
                out.put("databasePerReport", window[0].per(reports));
                out.put("serverCountersPerReport", window[0].storagePer(reports));
            }
            out.putAll(ServerProfile.settings(suite));
            out.put("loadAverageBefore", round3(loadAverage[0]));
            out.put("loadAverageAfter", round3(loadAverage[1]));
            out.put("seedSeconds", Math.round(seedSeconds));
            out.put("workOrders", (long) orders * terminals);
            if (window[0] != null) {
                // the profile of the server (when collected): printed before the result line, which stays the last one
                window[0].printTopStatements();
            }
            System.out.println(BenchmarkRest.JSON.writeValueAsString(out));
        }
    }

    private static ServerProfile profileStart(SuiteProcess suite) {
        try {
            return ServerProfile.start(suite);
        } catch (Exception e) {
            log("cannot read the database's counters: %s", e.getMessage());
            return null;
        }
    }

    private static ServerProfile.Window profileEnd(SuiteProcess suite, ServerProfile start, double seconds) {
        if (start == null) {
            return null;
        }
        try {
            return start.end(suite, seconds);
        } catch (Exception e) {
            log("cannot read the database's counters: %s", e.getMessage());
            return null;
        }
    }

    /** What the embedded server does with a commit: a benchmark of durable reports must run on durable settings. */
    private static Map<String, Object> durability(Connection db) throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select @@innodb_flush_log_at_trx_commit,"
                + " @@log_bin, @@sync_binlog, @@innodb_doublewrite, @@innodb_flush_method, @@innodb_log_file_size,"
                + " @@innodb_buffer_pool_size, @@version")) {
            r.next();
            settings.put("innodb_flush_log_at_trx_commit", r.getInt(1));
            settings.put("log_bin", r.getInt(2));
            settings.put("sync_binlog", r.getInt(3));
            settings.put("innodb_doublewrite", r.getString(4));
            settings.put("innodb_flush_method", r.getString(5));
            settings.put("innodb_log_file_size_mb", r.getLong(6) / (1024 * 1024));
            settings.put("innodb_buffer_pool_size_mb", r.getLong(7) / (1024 * 1024));
            settings.put("version", r.getString(8));
        }
        if (!Integer.valueOf(1).equals(settings.get("innodb_flush_log_at_trx_commit"))) {
            throw new IllegalStateException("the embedded database does not flush every commit: " + settings);
        }
        return settings;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, format + "%n", args);
    }
}
