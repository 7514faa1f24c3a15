package org.pilotline.app.benchmark;

import static org.pilotline.app.benchmark.BenchmarkSupport.summary;
import static org.pilotline.app.benchmark.BenchmarkSupport.round;
import static org.pilotline.app.benchmark.BenchmarkSupport.options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Java side of {@code bin/cluster-check}: against application replicas that are already running (prod profile, on
 * a database cluster the script started), builds the terminal benchmark's plant over REST through the first replica,
 * drives the simulated terminals spread over all replicas with failover (a report whose replica died or that was
 * answered 503, 500 or 409 concurrent-update is sent again unchanged to the next one), and then runs the terminal benchmark's checks over JDBC against
 * a surviving database node: every acknowledged report applied exactly once, ledger = balances (also the suite's own
 * {@code GET /api/stock/integrity} through a surviving replica), and each Camunda job executed successfully at most
 * once — the jobs of the process instances {@link ClusterProcessLoad} starts through both replicas meanwhile, each of
 * which must have run all its jobs exactly once. Before the load it starts PLC simulators in this JVM and binds their
 * machines in the plant's enterprise ({@link ClusterMachines}, {@code --machines}, 0 for none); after it, it checks
 * that the machines were acquired by one replica at a time across the kill of the lease holder (the script writes the
 * time of the kill to {@code --killed-file}). The script kills a database node and a replica while the load runs; it learns when the load began from the file
 * {@code --started-file}. Prints one JSON object as its last line; progress goes to standard error.
 */
public final class ClusterCheck {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        List<String> urls = Arrays.asList(o.get("urls").split(","));
        int[] ports = urls.stream().mapToInt(u -> Integer.parseInt(u.substring(u.lastIndexOf(':') + 1))).toArray();
        String adminPassword = o.get("admin-password");
        int terminals = Integer.parseInt(o.getOrDefault("terminals", "40"));
        double seconds = Double.parseDouble(o.getOrDefault("seconds", "60"));
        double warmup = Double.parseDouble(o.getOrDefault("warmup", "10"));
        int quantityReports = 20;
        int good = 2;
        int orders = Integer.parseInt(o.getOrDefault("orders-per-terminal", "20"));
        Path started = Path.of(o.get("started-file"));

        int machineCount = Integer.parseInt(o.getOrDefault("machines", "20"));
        List<Path> trustDirs = o.containsKey("trust-dirs")
                ? Arrays.stream(o.get("trust-dirs").split(",")).map(Path::of).toList() : List.of();
        ClusterMachines machines = machineCount == 0 ? null : ClusterMachines.start(
                Integer.parseInt(o.getOrDefault("plc-servers", "4")), machineCount, 42, 250, 500, trustDirs);
        int exit = 0;
        try {
            run(o, urls, ports, adminPassword, terminals, seconds, warmup, quantityReports, good, orders, started,
                    machines);
        } catch (Exception | Error e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            if (machines != null) {
                machines.close();
            }
        }
        System.exit(exit); // the OPC UA servers' shared threads would keep the JVM alive
    }

    private static void run(Map<String, String> o, List<String> urls, int[] ports, String adminPassword, int terminals,
                            double seconds, double warmup, int quantityReports, int good, int orders, Path started,
                            ClusterMachines machines) throws Exception {
        long seedStart = System.nanoTime();
        TerminalPlant plant = TerminalPlant.seed(urls.get(0), adminPassword, terminals, orders,
                (quantityReports + 1) * good, 4);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        TerminalBenchmark.log("plant %s seeded in %.1f s; driving %d terminals over %s for %.0f s + %.0f s warm-up",
                plant.enterprise, seedSeconds, terminals, urls, seconds, warmup);

        if (machines != null) {
            TerminalBenchmark.log("binding %d machines of %s", machines.count(), plant.enterprise);
            machines.bind(urls.get(1 % urls.size()), plant);
            machines.awaitAcquisition(urls, plant.enterprise);
        }
        ClusterProcessLoad processes = new ClusterProcessLoad(urls, plant.enterprise + "-manager",
                TerminalPlant.PASSWORD);
        processes.deploy();
        TerminalLoad load = new TerminalLoad("127.0.0.1", ports, true, plant, quantityReports, good, 0);
        Files.writeString(started, Long.toString(System.currentTimeMillis() + 200));
        processes.start(Long.parseLong(o.getOrDefault("process-start-period-ms", "500")));
        TerminalLoad.Result result;
        try {
            result = load.run(warmup, seconds);
        } finally {
            processes.stop();
        }
        TerminalBenchmark.log("%d reports acknowledged in the measured window (%.0f/s); checking", result.acknowledged(),
                result.reportsPerSecond());

        Map<String, Object> check = null;
        Map<String, Object> jobs;
        Map<String, Object> processRun;
        Map<String, Object> machineRun = null;
        try (Connection db = DriverManager.getConnection(o.get("db-url"), o.get("db-user"), o.get("db-password"))) {
            Exception last = null;
            for (String url : urls) { // the integrity check through whichever replica still answers
                try {
                    check = new ExactlyOnceCheck(db, plant, result.sent()).run(
                            BenchmarkRest.as(url, plant.enterprise + "-manager", TerminalPlant.PASSWORD));
                    break;
                } catch (IllegalStateException e) {
                    last = e;
                }
            }
            if (check == null) {
                throw last;
            }
            TerminalBenchmark.log("waiting for the process instances' jobs (a job locked by the killed replica is taken"
                    + " again when its lock expires)");
            processRun = processes.check(db, Long.parseLong(o.getOrDefault("job-wait-ms", "420000")));
            jobs = jobs(db);
            if (machines != null) {
                Instant killed = killedAt(o.get("killed-file"));
                machineRun = machines.check(db, plant.enterprise, killed);
                TerminalBenchmark.log("machines: %s", machineRun);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("terminals", terminals);
        out.put("replicas", urls.size());
        out.put("measuredSeconds", result.measuredSeconds());
        out.put("warmupSeconds", warmup);
        out.put("reportsAcknowledged", result.acknowledged());
        out.put("reportsPerSecond", Math.round(result.reportsPerSecond()));
        out.put("latencyMs", result.service().summary());
        out.put("acknowledgedByReplica", Arrays.stream(result.acknowledgedByReplica()).boxed().toList());
        out.put("resent", result.retries());
        out.put("resentByStatus", result.resentByStatus());
        out.put("failovers", result.failovers());
        out.put("unanswered", result.unanswered());
        out.put("refusedByStatus", result.refusedByStatus());
        out.put("firstRefusals", result.firstRefusals());
        out.put("mix", result.mix().entrySet().stream().collect(Collectors.toMap(e -> e.getKey().name(),
                Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
        out.put("check", check);
        out.put("jobs", jobs);
        out.put("processes", processRun);
        out.put("machines", machineRun);
        out.put("seedSeconds", Math.round(seedSeconds));
        out.put("workOrders", (long) orders * terminals);
        System.out.println(BenchmarkRest.JSON.writeValueAsString(out));
    }

    /** When the script killed replica 1: the milliseconds it writes to {@code file} right after the kill. */
    private static Instant killedAt(String file) throws Exception {
        if (file == null) {
            throw new IllegalArgumentException("--killed-file is required to check the machines");
        }
        Path path = Path.of(file);
        for (int i = 0; i < 1200 && !Files.exists(path); i++) {
            Thread.sleep(500);
        }
        return Instant.ofEpochMilli(Long.parseLong(Files.readString(path).trim()));
    }

    /**
     * Camunda's job log: how many jobs ran to success, and how many of them ran to success more than once (a job the
     * job executors of two replicas both executed).
     */
    private static Map<String, Object> jobs(Connection db) throws SQLException {
        Map<String, Object> jobs = new LinkedHashMap<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select count(*), coalesce(sum(n > 1), 0)"
                + " from (select JOB_ID_, count(*) n from ACT_HI_JOB_LOG where JOB_STATE_ = 2 group by JOB_ID_) j")) {
            r.next();
            jobs.put("succeeded", r.getLong(1));
            jobs.put("succeededMoreThanOnce", r.getLong(2));
        }
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(
                "select count(*), coalesce(sum(JOB_STATE_ = 1), 0) from ACT_HI_JOB_LOG")) {
            r.next();
            jobs.put("logEntries", r.getLong(1));
            jobs.put("failedAttempts", r.getLong(2));
        }
        return jobs;
    }

}
