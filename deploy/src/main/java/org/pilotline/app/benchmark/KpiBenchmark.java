package org.pilotline.app.benchmark;

import static org.pilotline.app.benchmark.BenchmarkSupport.summary;
import static org.pilotline.app.benchmark.BenchmarkSupport.round;
import static org.pilotline.app.benchmark.BenchmarkSupport.creditCode;
import static org.pilotline.app.benchmark.BenchmarkSupport.options;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The KPI benchmark (issue 12, "Measure and record"): starts the packaged suite on its embedded MariaDB, registers
 * {@code --enterprises} pilot enterprises over REST with {@code --machines} machines between them, delivers
 * {@code --days} of generated machine-state history per machine through /api/gateway/ingest (a seeded random walk,
 * a state every 20 minutes to 4 hours, data-loss spans now and then) and waits until the roll-ups caught up. The
 * suite runs without the embedded default's demo plants and demo programme ({@code --demo-programme true} generates
 * them and waits for the programme, as a newcomer's suite does), so the bureau compares the benchmark's enterprises
 * (and the empty {@code demo} and {@code demo2}). Then it measures the bureau's month comparison (peers from
 * the month roll-ups; every enterprise side by side for a calendar month, for a period of whole days across a month's
 * start, and — {@code --partial-samples} times, default 3 — for one starting and ending inside hours), a machine-day
 * drill-down (on demand from the raw history, and from the hour roll-ups), the incremental lag on an idle suite and
 * under the terminal benchmark's load ({@code --terminals}, default 100, closed loop for {@code --load-seconds}; 0: no
 * load), every enterprise's full recomputation (one after another, each as {@code bin/kpi-recompute} does it;
 * {@code --recompute one} or {@code none} for fewer) and the database's size. Prints one JSON object as its last line.
 *
 * <p>The idle lag is a state event delivered now to a benchmark enterprise, until its enterprise has no due touch
 * (read through the API). Under load the lag is read from the database instead — the API's answers wait behind the
 * terminals' reports —, from the newest event touch of the enterprise (a benchmark enterprise's, right after the event
 * was delivered; the terminal plant's, which is never without one) until it and every older one are applied. What it does not do yet: work orders and reports in the generated history (APT and the order KPIs of the
 * benchmark's enterprises stay empty; the terminal plant's are not).
 */
public final class KpiBenchmark {

    private static final ZoneId PLANT = ZoneId.of("Asia/Shanghai");
    private static final String PASSWORD = "bench-password-1";

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int enterprises = Integer.parseInt(o.getOrDefault("enterprises", "30"));
        int machines = Integer.parseInt(o.getOrDefault("machines", "500"));
        int days = Integer.parseInt(o.getOrDefault("days", "365"));
        int samples = Integer.parseInt(o.getOrDefault("samples", "50"));
        Path app = Path.of(o.getOrDefault("app", "deploy/target/quarkus-app"));
        Path home = Path.of(o.getOrDefault("home", "deploy/target/kpi-benchmark"));
        List<String> suiteOptions = Arrays.stream(o.getOrDefault("suite-java-options", "-Xms1g -Xmx1g").split("\\s+"))
                .filter(s -> !s.isBlank()).toList();
        // the bindings name no reachable PLC: the suite's own gateway need not try them
        boolean demoProgramme = Boolean.parseBoolean(o.getOrDefault("demo-programme", "false"));
        int terminals = Integer.parseInt(o.getOrDefault("terminals", "100"));
        double loadSeconds = Double.parseDouble(o.getOrDefault("load-seconds", "60"));
        List<String> properties = List.of("pilotline.security.bcrypt-cost=4", "pilotline.gateway.enabled=false",
                "pilotline.demo-programme.enabled=" + demoProgramme, "pilotline.demo.plants=" + demoProgramme);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("enterprises", enterprises);
        result.put("machines", machines);
        result.put("days", days);
        SuiteProcess.deleteRecursively(home);
        try (SuiteProcess suite = SuiteProcess.start(app, home, suiteOptions, properties)) {
            String base = suite.baseUrl();
            Instant end = Instant.now().minus(Duration.ofHours(1));
            Instant start = LocalDate.now(PLANT).minusDays(days).atStartOfDay(PLANT).toInstant();
            List<Plant> plants = new ArrayList<>();
            long events = 0;
            long t0 = System.nanoTime();
            for (int e = 0; e < enterprises; e++) {
                int count = machines / enterprises + (e < machines % enterprises ? 1 : 0);
                Plant plant = Plant.register(base, e, count);
                plants.add(plant);
                for (int m = 0; m < plant.machines.size(); m++) {
                    events += plant.deliverWalk(m, walk(new Random(e * 1000L + m), plant.machines.get(m), start, end));
                }
                log("enterprise %d/%d: %d machines, %d events so far", e + 1, enterprises, count, events);
            }
            double deliverSeconds = (System.nanoTime() - t0) / 1e9;
            result.put("events", events);
            result.put("deliverSeconds", round(deliverSeconds));
            long caughtUp = System.nanoTime();
            for (Plant plant : plants) {
                plant.awaitRollups(Duration.ofHours(6));
            }
            result.put("initialRollupSeconds", round((System.nanoTime() - caughtUp) / 1e9));
            log("roll-ups caught up");

            YearMonth month = YearMonth.now(PLANT).minusMonths(1);
            BenchmarkRest bureau = BenchmarkRest.as(base, "bureau", "demo");
            // the embedded default generates its demo programme meanwhile: measure with all of it there, not while it
            // is written (the bureau then compares the benchmark's enterprises, the generated ones, demo and demo2)
            long demoWait = System.nanoTime();
            String demo = demoProgramme ? bureau.get("/api/programme/demo-history").get("state").asText() : "OFF";
            while (demo.equals("GENERATING")) {
                if (System.nanoTime() - demoWait > Duration.ofMinutes(30).toNanos()) {
                    throw new IllegalStateException("the demo programme was not generated within 30 minutes");
                }
                Thread.sleep(1000);
                demo = bureau.get("/api/programme/demo-history").get("state").asText();
            }
            result.put("demoProgramme", demo);
            result.put("demoProgrammeWaitSeconds", round((System.nanoTime() - demoWait) / 1e9));
            result.put("bureauEnterprises", bureau.get("/api/enterprises?size=1").get("total").asLong());
            log("demo programme %s, waited %.0f s", demo, (System.nanoTime() - demoWait) / 1e9);
            List<Long> peers = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                long s = System.nanoTime();
                bureau.get("/api/kpi/bureau/peers?month=" + month);
                peers.add(System.nanoTime() - s);
            }
            result.put("bureauMonthPeersMs", summary(peers));

            // the side-by-side comparison of every enterprise: a calendar month (its month roll-ups), a period of
            // whole days across the month's start (day roll-ups, failures across midnights recounted), and one of the
            // same length that starts and ends inside hours (days, hours and the raw history at the sub-hour edges),
            // which is slow: --partial-samples of it (default 3)
            int partialSamples = Integer.parseInt(o.getOrDefault("partial-samples", String.valueOf(Math.min(3,
                    samples))));
            Instant monthStart = month.atDay(1).atStartOfDay(PLANT).toInstant();
            Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(PLANT).toInstant();
            Instant daysStart = month.atDay(1).minusDays(3).atStartOfDay(PLANT).toInstant();
            Instant daysEnd = month.atDay(1).plusDays(27).atStartOfDay(PLANT).toInstant();
            Instant partialStart = month.atDay(1).minusDays(3).atTime(7, 25).atZone(PLANT).toInstant();
            Instant partialEnd = month.atDay(1).plusDays(27).atTime(15, 40).atZone(PLANT).toInstant();
            List<Long> comparison = new ArrayList<>();
            List<Long> wholeDays = new ArrayList<>();
            List<Long> partial = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                long s = System.nanoTime();
                bureau.get("/api/kpi/bureau/enterprises?from=" + monthStart + "&to=" + monthEnd);
                comparison.add(System.nanoTime() - s);
                s = System.nanoTime();
                bureau.get("/api/kpi/bureau/enterprises?from=" + daysStart + "&to=" + daysEnd);
                wholeDays.add(System.nanoTime() - s);
            }
            result.put("bureauMonthComparisonMs", summary(comparison));
            result.put("bureauWholeDaysComparisonMs", summary(wholeDays));
            log("month comparison p95 %s, whole days %s", summary(comparison), summary(wholeDays));
            for (int i = 0; i < partialSamples; i++) {
                long s = System.nanoTime();
                bureau.get("/api/kpi/bureau/enterprises?from=" + partialStart + "&to=" + partialEnd);
                partial.add(System.nanoTime() - s);
                log("partial period sample %d: %.1f s", i + 1, (System.nanoTime() - s) / 1e9);
            }
            result.put("bureauPartialMonthComparisonMs", summary(partial));
            // what the bureau's screen asks for the current month: from its start to the last whole hour
            Instant currentStart = YearMonth.now(PLANT).atDay(1).atStartOfDay(PLANT).toInstant();
            Instant currentEnd = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            if (currentEnd.isAfter(currentStart)) {
                List<Long> current = new ArrayList<>();
                for (int i = 0; i < Math.min(samples, 10); i++) {
                    long s = System.nanoTime();
                    bureau.get("/api/kpi/bureau/enterprises?from=" + currentStart + "&to=" + currentEnd);
                    current.add(System.nanoTime() - s);
                }
                result.put("bureauCurrentMonthToLastHourMs", summary(current));
                log("current month to the last whole hour: %s", summary(current));
            }

            List<Long> drill = new ArrayList<>();
            List<Long> drillRollup = new ArrayList<>();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < samples; i++) {
                Plant plant = plants.get(random.nextInt(plants.size()));
                long unit = plant.units.get(random.nextInt(plant.units.size()));
                Instant day = LocalDate.now(PLANT).minusDays(1 + random.nextInt(Math.max(1, days - 1)))
                        .atStartOfDay(PLANT).toInstant();
                String period = "from=" + day + "&to=" + day.plus(Duration.ofDays(1));
                long s = System.nanoTime();
                plant.planner.get("/api/kpi/work-units/" + unit + "/provenance?" + period);
                drill.add(System.nanoTime() - s);
                s = System.nanoTime();
                plant.planner.get("/api/kpi/rollups?level=WORK_UNIT&id=" + unit + "&grain=HOUR&" + period);
                drillRollup.add(System.nanoTime() - s);
            }
            result.put("machineDayProvenanceMs", summary(drill));
            result.put("machineDayHourRollupsMs", summary(drillRollup));

            List<Long> lag = new ArrayList<>();
            for (int i = 0; i < Math.min(samples, 20); i++) {
                lag.add(probe(plants.get(i % plants.size()), i, random));
            }
            result.put("incrementalLagMs", summary(lag));
            if (terminals > 0) {
                result.put("underTerminalLoad", underLoad(suite, plants, terminals, loadSeconds, random));
            }

            // every enterprise's full recomputation, one after another, each as bin/kpi-recompute does it
            long all = System.nanoTime();
            long buckets = 0;
            List<Long> each = new ArrayList<>();
            int recompute = switch (o.getOrDefault("recompute", "all")) {
                case "all" -> plants.size();
                case "one" -> 1;
                case "none" -> 0;
                default -> throw new IllegalArgumentException("--recompute all, one or none");
            };
            for (Plant plant : plants.subList(0, recompute)) {
                long s = System.nanoTime();
                buckets += plant.admin.post("/api/kpi/rollups/recompute", null, 200).get("buckets").asLong();
                each.add(System.nanoTime() - s);
            }
            result.put("recomputedEnterprises", recompute);
            result.put("recomputeSeconds", round((System.nanoTime() - all) / 1e9));
            result.put("recomputeBuckets", buckets);
            result.put("recomputeEnterpriseMs", summary(each));
            log("recomputed %d enterprises in %.1f s", recompute, (System.nanoTime() - all) / 1e9);
            try (Connection db = suite.database()) {
                result.put("databaseMb", sizes(db));
            }
        }
        System.out.println(BenchmarkRest.JSON.writeValueAsString(result));
    }

    /** A state event delivered now to one of the plant's machines, until the plant has no due touch: its lag. */
    private static long probe(Plant plant, int i, ThreadLocalRandom random) throws InterruptedException {
        int m = random.nextInt(plant.machines.size());
        String[] state = i % 2 == 0 ? new String[]{"NOT_EXECUTING", "EXECUTING"} : new String[]{"EXECUTING",
                "NOT_EXECUTING"};
        long s = System.nanoTime();
        plant.deliver(List.of(plant.state(m, state[0], state[1], Instant.now())));
        plant.awaitDue(Duration.ofMinutes(2));
        return System.nanoTime() - s;
    }

    /**
     * The lag under the terminal benchmark's load: a terminal plant seeded as {@code bin/terminal-benchmark} seeds it,
     * its terminals driven closed loop for a 15 s warm-up and {@code seconds}; meanwhile, one after another, a state
     * event delivered to a benchmark enterprise (the delivery's answer, then its lag: until the touch it committed and
     * every older one of the enterprise are applied, read from the database) and a probe of the terminal plant's
     * enterprise (the same lag, from its newest touch at the probe's start).
     */
    private static Map<String, Object> underLoad(SuiteProcess suite, List<Plant> plants, int terminals, double seconds,
                                                 ThreadLocalRandom random) throws Exception {
        double warmup = 15;
        int quantityReports = 20;
        int good = 2;
        int orders = (int) Math.ceil(400 * (warmup + seconds) / terminals / (2 * (quantityReports + 4)));
        long seeding = System.nanoTime();
        TerminalPlant plant = TerminalPlant.seed(suite.baseUrl(), terminals, orders, (quantityReports + 1) * good, 4);
        log("terminal plant %s seeded in %.0f s; driving %d terminals for %.0f s + %.0f s warm-up", plant.enterprise,
                (System.nanoTime() - seeding) / 1e9, terminals, seconds, warmup);
        TerminalLoad load = new TerminalLoad("127.0.0.1", suite.httpPort(), plant, quantityReports, good, 0);
        TerminalLoad.Result[] loadResult = new TerminalLoad.Result[1];
        Exception[] failed = new Exception[1];
        Thread driver = new Thread(() -> {
            try {
                loadResult[0] = load.run(warmup, seconds);
            } catch (Exception e) {
                failed[0] = e;
            }
        }, "terminal-load");
        driver.start();
        Thread.sleep((long) ((warmup + 0.2) * 1000));
        double[] loadAverage = {java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage(), 0};
        List<Long> delivery = new ArrayList<>();
        List<Long> benchmarkLag = new ArrayList<>();
        List<Long> eventToRollup = new ArrayList<>();
        List<Long> terminalLag = new ArrayList<>();
        long until = System.nanoTime() + (long) (seconds * 1e9);
        try (Connection db = suite.database()) {
            for (int i = 0; System.nanoTime() < until; i++) {
                // a state event now to a benchmark enterprise: its delivery's answer (the event stored, its touch
                // committed), then until that touch is applied, read from the database (not through the suite's
                // HTTP queue, where every request waits behind the terminals' reports)
                Plant p = plants.get(i % plants.size());
                int m = random.nextInt(p.machines.size());
                String[] state = i % 2 == 0 ? new String[]{"NOT_EXECUTING", "EXECUTING"}
                        : new String[]{"EXECUTING", "NOT_EXECUTING"};
                long s = System.nanoTime();
                p.deliver(List.of(p.state(m, state[0], state[1], Instant.now())));
                long stored = System.nanoTime();
                long lag = touchLag(db, p.code, Duration.ofMinutes(5));
                delivery.add(stored - s);
                benchmarkLag.add(lag);
                eventToRollup.add(stored - s + lag);
                terminalLag.add(touchLag(db, plant.enterprise, Duration.ofMinutes(5)));
            }
        }
        loadAverage[1] = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        driver.join();
        if (failed[0] != null) {
            throw failed[0];
        }
        TerminalLoad.Result r = loadResult[0];
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("terminals", terminals);
        out.put("workOrders", (long) orders * terminals);
        out.put("reportsPerSecond", Math.round(r.reportsPerSecond()));
        out.put("reportLatencyMs", r.service().summary());
        out.put("refusedByStatus", r.refusedByStatus());
        out.put("benchmarkEnterpriseDeliveryMs", summary(delivery));
        out.put("benchmarkEnterpriseLagMs", summary(benchmarkLag));
        out.put("benchmarkEnterpriseEventToRollupMs", summary(eventToRollup));
        out.put("terminalEnterpriseLagMs", summary(terminalLag));
        out.put("loadAverageDuring", round(loadAverage[0]));
        out.put("loadAverageAfter", round(loadAverage[1]));
        log("under terminal load (%d reports/s): delivery %s, lag %s, terminal enterprise %s",
                Math.round(r.reportsPerSecond()), summary(delivery), summary(benchmarkLag), summary(terminalLag));
        return out;
    }

    /** From now until the enterprise's newest event touch of now, and every older one, has been applied. */
    private static long touchLag(Connection db, String enterprise, Duration limit) throws Exception {
        long s = System.nanoTime();
        long newest;
        try (var q = db.prepareStatement("select coalesce(max(id), 0) from kpi_rollup_dirty where tenant_id = ?"
                + " and scope = 'EVENT'")) {
            q.setString(1, enterprise);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                newest = r.getLong(1);
            }
        }
        try (var q = db.prepareStatement("select count(*) from kpi_rollup_dirty where tenant_id = ? and scope = 'EVENT'"
                + " and id <= ?")) {
            q.setString(1, enterprise);
            q.setLong(2, newest);
            while (true) {
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    if (r.getLong(1) == 0) {
                        return System.nanoTime() - s;
                    }
                }
                if (System.nanoTime() - s > limit.toNanos()) {
                    throw new IllegalStateException(enterprise + ": touches not applied within " + limit);
                }
                Thread.sleep(20);
            }
        }
    }

    /** One benchmark enterprise: a site, an area, a work center, its machines bound to work units. */
    private static final class Plant {
        final String code;
        final BenchmarkRest admin;
        final BenchmarkRest planner;
        final BenchmarkRest operator;
        final List<String> machines = new ArrayList<>();
        final List<Long> units = new ArrayList<>();
        final List<Long> sequences = new ArrayList<>();

        private Plant(String code, String base) {
            this.code = code;
            admin = BenchmarkRest.as(base, code + "-admin", PASSWORD);
            planner = BenchmarkRest.as(base, code + "-planner", PASSWORD);
            operator = BenchmarkRest.as(base, code + "-operator", PASSWORD);
        }

        static Plant register(String base, int index, int machines) {
            String code = "kb" + index + "-" + UUID.randomUUID().toString().substring(0, 6);
            BenchmarkRest platform = BenchmarkRest.as(base, "admin", "demo");
            platform.post("/api/enterprises", Map.of("code", code, "name", "KPI benchmark " + code, "creditCode",
                    creditCode(), "industry", List.of("machining", "electronics", "food").get(index % 3),
                    "manufacturingType", index % 4 == 3 ? "PROCESS" : "DISCRETE", "pilotSince", "2026-01-01"), 201);
            for (String role : List.of("admin", "planner", "operator")) {
                platform.post("/api/admin/users", Map.of("username", code + "-" + role, "displayName", role,
                        "password", PASSWORD, "enterprise", code, "roles", List.of(role)), 201);
            }
            Plant plant = new Plant(code, base);
            long site = plant.admin.post("/api/sites", Map.of("code", "S1", "name", "site"), 201).get("id").asLong();
            long area = plant.planner.post("/api/areas", Map.of("siteId", site, "code", "A1", "name", "hall"), 201)
                    .get("id").asLong();
            long center = plant.planner.post("/api/work-centers", Map.of("areaId", area, "code", "WC1", "name",
                    "cell", "parallelUnits", Math.max(1, machines), "hourlyRate", "60"), 201).get("id").asLong();
            for (int m = 0; m < machines; m++) {
                long unit = plant.planner.post("/api/work-units", Map.of("workCenterId", center, "code", "M" + m,
                        "name", "machine " + m), 201).get("id").asLong();
                String machine = code + "-M" + m;
                plant.admin.post("/api/gateway/bindings", Map.of("machineCode", machine, "workUnitId", unit,
                        "endpointUrl", "opc.tcp://localhost:1/bench", "securityPolicy", "None", "securityMode", "None",
                        "identityKind", "ANONYMOUS", "stateMapping", "MACHINERY", "itemStateNode",
                        "ns=2;s=X/MachineryItemState/CurrentState"), 201);
                plant.machines.add(machine);
                plant.units.add(unit);
                plant.sequences.add(0L);
            }
            return plant;
        }

        Map<String, Object> state(int machine, String from, String to, Instant at) {
            long sequence = sequences.get(machine) + 1;
            sequences.set(machine, sequence);
            return Map.of("kind", "state-changed", "machine", machines.get(machine), "sequence", sequence, "from", from,
                    "to", to, "operationMode", "PROCESSING", "sourceTime", at.toString(), "serverTime", at.toString());
        }

        long deliverWalk(int machine, List<Object[]> walk) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (Object[] step : walk) {
                events.add(state(machine, (String) step[0], (String) step[1], (Instant) step[2]));
            }
            return deliver(events);
        }

        long deliver(List<Map<String, Object>> events) {
            for (int i = 0; i < events.size(); i += 1000) {
                operator.post("/api/gateway/ingest", Map.of("batchId", UUID.randomUUID().toString(), "tenant", code,
                        "events", events.subList(i, Math.min(events.size(), i + 1000))), 200);
            }
            return events.size();
        }

        /** Until the hours and shifts are current (days, weeks and months follow after the coarse delay). */
        void awaitDue(Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (planner.get("/api/kpi/rollups/status").get("dueTouches").asLong() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(code + ": roll-ups did not catch up within " + limit);
                }
                Thread.sleep(50);
            }
        }

        void awaitRollups(Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (planner.get("/api/kpi/rollups/status").get("pendingTouches").asLong() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(code + ": roll-ups did not catch up within " + limit);
                }
                Thread.sleep(100);
            }
        }
    }

    /** A seeded random walk of machine states: [from, to, at] every 20 minutes to 4 hours. */
    private static List<Object[]> walk(Random random, String machine, Instant start, Instant end) {
        String[] states = {"EXECUTING", "EXECUTING", "EXECUTING", "NOT_EXECUTING", "OUT_OF_SERVICE"};
        List<Object[]> steps = new ArrayList<>();
        String previous = "NOT_AVAILABLE";
        for (Instant at = start.plus(Duration.ofMinutes(random.nextInt(240))); at.isBefore(end);
             at = at.plus(Duration.ofMinutes(20 + random.nextInt(220)))) {
            String next = states[random.nextInt(states.length)];
            steps.add(new Object[]{previous, next, at});
            previous = next;
        }
        return steps;
    }

    private static Map<String, Object> sizes(Connection db) throws Exception {
        Map<String, Object> sizes = new LinkedHashMap<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select table_name,"
                + " (data_length + index_length) / 1048576 from information_schema.tables where table_schema = database()"
                + " and (table_name like 'kpi%' or table_name like 'mes_machine%' or table_name like 'mes_data%')"
                + " order by 1")) {
            while (r.next()) {
                sizes.put(r.getString(1), round(r.getDouble(2)));
            }
        }
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select sum(data_length + index_length)"
                + " / 1048576 from information_schema.tables where table_schema = database()")) {
            r.next();
            sizes.put("total", round(r.getDouble(1)));
        }
        return sizes;
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[kpi-benchmark] " + format + "%n", args);
    }
}
