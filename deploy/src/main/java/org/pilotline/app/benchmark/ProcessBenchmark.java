package org.pilotline.app.benchmark;

import static org.pilotline.app.benchmark.BenchmarkSupport.summary;
import static org.pilotline.app.benchmark.BenchmarkSupport.round;
import static org.pilotline.app.benchmark.BenchmarkSupport.creditCode;
import static org.pilotline.app.benchmark.BenchmarkSupport.options;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process benchmark (issue 13, "Measure and record"): starts the packaged suite on its embedded MariaDB, registers
 * one pilot enterprise over REST, then measures (1) process start → first user task: the latency of
 * {@code POST /api/processes/onboarding}, which answers once the instance waits in its first user task (its service
 * steps run in the starting transaction), over {@code --starts} starts; (2) the analytics query
 * {@code GET /api/processes/analytics} over {@code --instances} completed instances, each started and its review
 * completed through REST by {@code --threads} clients; (3) the job executor's throughput: {@code --jobs} instances of an
 * enterprise version whose check runs as an asynchronous step, and as many of one that waits on a timer first, each
 * counted from the moment the jobs are due until none is left. Prints one JSON object as its last line.
 */
public final class ProcessBenchmark {

    private static final String PASSWORD = "bench-password-1";
    private static final String VERSIONS = "/api/processes/models/pilot-onboarding/versions";

    /** The machine's 1, 5 and 15 minute load averages (Linux), or null: the others' load is in every figure. */
    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int starts = Integer.parseInt(o.getOrDefault("starts", "200"));
        int instances = Integer.parseInt(o.getOrDefault("instances", "10000"));
        int jobs = Integer.parseInt(o.getOrDefault("jobs", "500"));
        int threads = Integer.parseInt(o.getOrDefault("threads", "4"));
        int samples = Integer.parseInt(o.getOrDefault("samples", "20"));
        Path app = Path.of(o.getOrDefault("app", "deploy/target/quarkus-app"));
        Path home = Path.of(o.getOrDefault("home", "deploy/target/process-benchmark"));
        List<String> suiteOptions = Arrays.stream(o.getOrDefault("suite-java-options", "-Xms1g -Xmx1g").split("\\s+"))
                .filter(s -> !s.isBlank()).toList();
        List<String> properties = List.of("pilotline.security.bcrypt-cost=4", "pilotline.gateway.enabled=false");

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("starts", starts);
        result.put("instances", instances);
        result.put("jobs", jobs);
        result.put("threads", threads);
        result.put("loadAverageAtStart", loadAverage());
        SuiteProcess.deleteRecursively(home);
        try (SuiteProcess suite = SuiteProcess.start(app, home, suiteOptions, properties);
             Connection db = suite.database()) {
            String base = suite.baseUrl();
            String code = "pb-" + UUID.randomUUID().toString().substring(0, 6);
            BenchmarkRest platform = BenchmarkRest.as(base, "admin", "demo");
            platform.post("/api/enterprises", Map.of("code", code, "name", "Process benchmark " + code, "creditCode",
                    creditCode(), "industry", "machining", "manufacturingType", "DISCRETE", "pilotSince",
                    "2026-01-01"), 201);
            for (String role : List.of("admin", "manager")) {
                platform.post("/api/admin/users", Map.of("username", code + "-" + role, "displayName", role,
                        "password", PASSWORD, "enterprise", code, "roles", List.of(role)), 201);
            }
            BenchmarkRest admin = BenchmarkRest.as(base, code + "-admin", PASSWORD);
            BenchmarkRest manager = BenchmarkRest.as(base, code + "-manager", PASSWORD);

            // (1) start → first user task
            for (int i = 0; i < 20; i++) {
                start(admin);
            }
            List<Long> startNanos = new ArrayList<>();
            List<String> started = new ArrayList<>();
            Map<String, Long> before = statementCounts(db);
            for (int i = 0; i < starts; i++) {
                long s = System.nanoTime();
                String id = start(admin);
                startNanos.add(System.nanoTime() - s);
                started.add(id);
            }
            Map<String, Long> after = statementCounts(db);
            for (String id : started) {
                if (taskOf(db, id) == null) {
                    throw new IllegalStateException("instance " + id + " is not waiting in its first user task");
                }
            }
            result.put("startToFirstUserTaskMs", summary(startNanos));
            Map<String, Object> perStart = new LinkedHashMap<>();
            for (Map.Entry<String, Long> e : after.entrySet()) {
                perStart.put(e.getKey(), round((e.getValue() - before.getOrDefault(e.getKey(), 0L)) / (double) starts));
            }
            result.put("statementsPerStart", perStart);
            log("start → first user task measured over %d starts", starts);

            // (2) completed instances, then the analytics query
            long t0 = System.nanoTime();
            java.time.Instant generateFrom = java.time.Instant.now();
            AtomicInteger done = new AtomicInteger();
            for (String id : started) {
                complete(manager, db, id);
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                int remaining = Math.max(0, instances - starts - 20);
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int share = remaining / threads + (t < remaining % threads ? 1 : 0);
                    futures.add(pool.submit(() -> {
                        try (Connection own = suite.database()) {
                            for (int i = 0; i < share; i++) {
                                complete(manager, own, start(admin));
                                int n = done.incrementAndGet();
                                if (n % 1000 == 0) {
                                    log("%d instances completed", n);
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            // the 20 warm-up starts are completed too
            for (String id : openInstances(db, code)) {
                complete(manager, db, id);
            }
            result.put("generateSeconds", round((System.nanoTime() - t0) / 1e9));
            JsonNode report = manager.get("/api/processes/analytics?processKey=pilot-onboarding");
            long completed = report.get("processes").get(0).get("completed").asLong();
            result.put("completedInstances", completed);
            List<Long> analytics = new ArrayList<>();
            List<Long> windowNanos = new ArrayList<>();
            List<Long> bureauNanos = new ArrayList<>();
            BenchmarkRest bureau = BenchmarkRest.as(base, "bureau", "demo");
            // a window on the instances' start: those started while the instances were generated, all but the first
            // starts' 220 (a window holding nearly every instance reads the most)
            String window = "/api/processes/analytics?processKey=pilot-onboarding&from=" + generateFrom + "&to="
                    + java.time.Instant.now().plusSeconds(60);
            long inWindow = manager.get(window).get("processes").get(0).get("started").asLong();
            result.put("windowInstances", inWindow);
            for (int i = 0; i < samples; i++) {
                long s = System.nanoTime();
                manager.get("/api/processes/analytics?processKey=pilot-onboarding");
                analytics.add(System.nanoTime() - s);
                s = System.nanoTime();
                manager.get(window);
                windowNanos.add(System.nanoTime() - s);
                s = System.nanoTime();
                bureau.get("/api/processes/analytics/bureau?processKey=pilot-onboarding");
                bureauNanos.add(System.nanoTime() - s);
            }
            result.put("analyticsQueryMs", summary(analytics));
            result.put("analyticsWindowQueryMs", summary(windowNanos));
            result.put("bureauQueryMs", summary(bureauNanos));
            log("analytics over %d completed instances measured", completed);

            // (3) the job executor: asynchronous steps, then timers
            String template = template();
            String async = template.replace("camunda:delegateExpression=\"${checkPilotActive}\"",
                    "camunda:asyncBefore=\"true\" camunda:delegateExpression=\"${checkPilotActive}\"");
            admin.post(VERSIONS, Map.of("bpmn", async), 201);
            long s = System.nanoTime();
            for (int i = 0; i < jobs; i++) {
                start(admin);
            }
            double startSeconds = (System.nanoTime() - s) / 1e9;
            awaitNoJobs(db, code);
            double seconds = (System.nanoTime() - s) / 1e9;
            result.put("asyncSteps", Map.of("jobs", jobs, "seconds", round(seconds), "startSeconds",
                    round(startSeconds), "perSecond", round(jobs / seconds)));
            log("asynchronous steps: %d in %.1f s", jobs, seconds);

            int delay = Integer.parseInt(o.getOrDefault("timer-delay-seconds", "120"));
            admin.post(VERSIONS, Map.of("bpmn", withTimer(template, delay)), 201);
            long first = System.nanoTime();
            for (int i = 0; i < jobs; i++) {
                start(admin);
            }
            double timerStarts = (System.nanoTime() - first) / 1e9;
            if (timerStarts >= delay) {
                throw new IllegalStateException("starting the timer instances took longer than their delay; raise"
                        + " --timer-delay-seconds");
            }
            long due = first + delay * 1_000_000_000L;
            while (System.nanoTime() < due) {
                Thread.sleep(50);
            }
            awaitNoJobs(db, code);
            // the last timer was due (its start − first start) later than the first; counted from the first's due time
            double timerSeconds = (System.nanoTime() - due) / 1e9;
            result.put("timers", Map.of("jobs", jobs, "seconds", round(timerSeconds), "startSeconds",
                    round(timerStarts), "perSecond", round(jobs / timerSeconds)));
            log("timers: %d in %.1f s after the first was due", jobs, timerSeconds);
        }
        result.put("loadAverageAtEnd", loadAverage());
        System.out.println(BenchmarkRest.JSON.writeValueAsString(result));
    }

    /**
     * The server's statement counters (all sessions: the suite's, this benchmark's two reads of them, and whatever
     * else runs meanwhile, such as the job executor's idle look every 5 s): {@code Questions} (statements the clients
     * sent; a batched insert that the driver rewrites into one multi-row statement is one), per kind of statement, and
     * {@code Com_set_option} (the pool's {@code SET autocommit}).
     */
    private static Map<String, Long> statementCounts(Connection db) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement q = db.prepareStatement("show global status where Variable_name in ('Questions',"
                + " 'Com_select', 'Com_insert', 'Com_update', 'Com_delete', 'Com_set_option', 'Com_commit',"
                + " 'Com_rollback')"); ResultSet r = q.executeQuery()) {
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
            }
        }
        return counts;
    }

    private static String start(BenchmarkRest admin) {
        return admin.post("/api/processes/onboarding", Map.of("goal", "benchmark"), 201).get("processInstanceId")
                .asText();
    }

    private static void complete(BenchmarkRest manager, Connection db, String processInstanceId) throws Exception {
        String task = taskOf(db, processInstanceId);
        manager.post("/api/tasks/" + task + "/complete", Map.of("variables", Map.of("approved", true)), 204);
    }

    private static String taskOf(Connection db, String processInstanceId) throws Exception {
        try (PreparedStatement q = db.prepareStatement("select ID_ from ACT_RU_TASK where PROC_INST_ID_ = ?")) {
            q.setString(1, processInstanceId);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static List<String> openInstances(Connection db, String tenant) throws Exception {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("select PROC_INST_ID_ from ACT_RU_TASK where TENANT_ID_ = ?")) {
            q.setString(1, tenant);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        return ids;
    }

    private static void awaitNoJobs(Connection db, String tenant) throws Exception {
        long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
        try (PreparedStatement q = db.prepareStatement("select count(*) from ACT_RU_JOB where TENANT_ID_ = ?")) {
            q.setString(1, tenant);
            while (System.nanoTime() < deadline) {
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    if (r.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("jobs still pending after 30 minutes");
    }

    /** The onboarding template with a timer of {@code seconds} before the review. */
    private static String withTimer(String template, int seconds) {
        return template
                .replace("<bpmn:sequenceFlow id=\"toReview\" sourceRef=\"checkPilotActive\" targetRef=\"reviewOnboarding\"/>",
                        "<bpmn:sequenceFlow id=\"toReview\" sourceRef=\"checkPilotActive\" targetRef=\"waitBeforeReview\"/>"
                                + "<bpmn:intermediateCatchEvent id=\"waitBeforeReview\" name=\"Wait\">"
                                + "<bpmn:incoming>toReview</bpmn:incoming><bpmn:outgoing>toReviewAfterWait</bpmn:outgoing>"
                                + "<bpmn:timerEventDefinition><bpmn:timeDuration>PT" + seconds + "S</bpmn:timeDuration>"
                                + "</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"
                                + "<bpmn:sequenceFlow id=\"toReviewAfterWait\" sourceRef=\"waitBeforeReview\""
                                + " targetRef=\"reviewOnboarding\"/>")
                .replace("<bpmn:incoming>toReview</bpmn:incoming>\n      <bpmn:outgoing>toDone</bpmn:outgoing>",
                        "<bpmn:incoming>toReviewAfterWait</bpmn:incoming>\n      <bpmn:outgoing>toDone</bpmn:outgoing>");
    }

    private static String template() throws IOException {
        try (InputStream in = ProcessBenchmark.class.getClassLoader().getResourceAsStream("bpmn/pilot-onboarding.bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[process-benchmark] " + format + "%n", args);
    }
}
