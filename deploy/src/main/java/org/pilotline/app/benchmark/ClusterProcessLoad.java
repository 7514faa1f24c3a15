package org.pilotline.app.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process engine's share of {@code bin/cluster-check}: the plant's enterprise deploys its own (to-be) version of the
 * pilot onboarding process in which every step after the request is an asynchronous continuation — three jobs per
 * instance, run by whichever replica's job executor acquires them — and starts instances through both replicas while
 * the terminals report and the kills happen. Afterwards, over JDBC: every instance whose start was acknowledged reached
 * its review task exactly once, each of its three jobs succeeded exactly once, and none is left over or failed.
 *
 * <p>A start refused at connect (the replica is down) went nowhere and is sent to the other replica; a start whose
 * connection broke after it was sent has an unknown outcome (the onboarding start carries no request id) and is counted
 * apart, not checked.
 */
final class ClusterProcessLoad {

    static final String MODEL = "pilot-onboarding";
    static final int JOBS_PER_INSTANCE = 3;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<String> urls;
    private final String authorization;
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private final AtomicInteger unknown = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger rerouted = new AtomicInteger();
    private volatile boolean stopping;
    private Thread thread;

    ClusterProcessLoad(List<String> urls, String username, String password) {
        this.urls = urls;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Deploys the enterprise's version with asynchronous continuations (201, or 200 when it is already current). */
    void deploy() throws IOException {
        String bpmn;
        try (InputStream in = ClusterProcessLoad.class.getClassLoader().getResourceAsStream("bpmn/pilot-onboarding.bpmn")) {
            if (in == null) {
                throw new IllegalStateException("bpmn/pilot-onboarding.bpmn is not on the class path");
            }
            bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String asynchronous = bpmn
                .replace("<bpmn:serviceTask id=\"recordRequest\"", "<bpmn:serviceTask id=\"recordRequest\" camunda:asyncAfter=\"true\"")
                .replace("<bpmn:serviceTask id=\"checkPilotActive\"", "<bpmn:serviceTask id=\"checkPilotActive\" camunda:asyncBefore=\"true\"")
                .replace("<bpmn:userTask id=\"reviewOnboarding\"", "<bpmn:userTask id=\"reviewOnboarding\" camunda:asyncBefore=\"true\"");
        if (asynchronous.equals(bpmn)) {
            throw new IllegalStateException("the onboarding model changed: its steps were not found");
        }
        HttpResponse<String> r = send(urls.get(0), "/api/processes/models/" + MODEL + "/versions",
                BenchmarkRest.JSON.writeValueAsString(Map.of("bpmn", asynchronous)));
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new IllegalStateException("deploying the asynchronous onboarding answered " + r.statusCode() + ": "
                    + r.body());
        }
    }

    /** Starts an instance every {@code periodMillis}, through the replicas in turn, until {@link #stop()}. */
    void start(long periodMillis) {
        thread = new Thread(() -> {
            int next = 0;
            while (!stopping) {
                long t0 = System.nanoTime();
                startOne(next++);
                long sleep = periodMillis - (System.nanoTime() - t0) / 1_000_000;
                if (sleep > 0) {
                    try {
                        Thread.sleep(sleep);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "cluster-process-load");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        stopping = true;
        if (thread != null) {
            thread.join();
        }
    }

    private void startOne(int n) {
        String body = "{\"goal\":\"cluster check " + n + "\"}";
        for (int attempt = 0; attempt < urls.size(); attempt++) {
            String url = urls.get((n + attempt) % urls.size());
            try {
                HttpResponse<String> r = send(url, "/api/processes/onboarding", body);
                if (r.statusCode() == 201) {
                    acknowledged.add(BenchmarkRest.JSON.readTree(r.body()).get("processInstanceId").asText());
                } else if (r.statusCode() == 503) {
                    unknown.incrementAndGet(); // the database connection broke: a start has no id to resend it with
                } else {
                    refused.incrementAndGet();
                }
                return;
            } catch (ConnectException e) {
                rerouted.incrementAndGet(); // nothing arrived: the next replica
            } catch (IOException e) {
                unknown.incrementAndGet(); // sent, and the connection broke (or interrupted): the outcome is unknown
                return;
            }
        }
        refused.incrementAndGet();
    }

    private HttpResponse<String> send(String base, String path, String json) throws IOException {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                    .header("Accept", "application/json").header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Waits until no job of the acknowledged instances is left (a job locked by the killed replica is taken again
     * when its lock expires: Camunda's default lock time is five minutes), then checks each instance.
     */
    Map<String, Object> check(Connection db, long timeoutMillis) throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long left = remainingJobs(db);
        long waited = System.currentTimeMillis();
        while (left > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(2000);
            left = remainingJobs(db);
        }
        waited = System.currentTimeMillis() - waited;
        int reviewOnce = 0;
        int jobsOnce = 0;
        List<String> failures = new ArrayList<>();
        long duplicateSuccesses = 0;
        for (String id : acknowledged) {
            long tasks = count(db, "select count(*) from ACT_HI_TASKINST where PROC_INST_ID_ = ?"
                    + " and TASK_DEF_KEY_ = 'reviewOnboarding'", id);
            long succeeded = count(db, "select count(*) from ACT_HI_JOB_LOG where PROCESS_INSTANCE_ID_ = ?"
                    + " and JOB_STATE_ = 2", id);
            long distinctJobs = count(db, "select count(distinct JOB_ID_) from ACT_HI_JOB_LOG where PROCESS_INSTANCE_ID_ = ?"
                    + " and JOB_STATE_ = 2", id);
            duplicateSuccesses += succeeded - distinctJobs;
            if (tasks == 1) {
                reviewOnce++;
            }
            if (succeeded == JOBS_PER_INSTANCE && distinctJobs == JOBS_PER_INSTANCE) {
                jobsOnce++;
            }
            if ((tasks != 1 || succeeded != JOBS_PER_INSTANCE) && failures.size() < 10) {
                failures.add(id + ": " + tasks + " review tasks, " + succeeded + " successful jobs (" + distinctJobs
                        + " distinct)");
            }
        }
        long incidents = 0;
        long failedAttempts = 0;
        for (String id : acknowledged) {
            incidents += count(db, "select count(*) from ACT_HI_INCIDENT where PROC_INST_ID_ = ?", id);
            failedAttempts += count(db, "select count(*) from ACT_HI_JOB_LOG where PROCESS_INSTANCE_ID_ = ?"
                    + " and JOB_STATE_ = 1", id);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", MODEL + " (the enterprise's version: three asynchronous continuations per instance)");
        out.put("instancesAcknowledged", acknowledged.size());
        out.put("startsWithUnknownOutcome", unknown.get());
        out.put("startsRefused", refused.get());
        out.put("startsSentToTheOtherReplica", rerouted.get());
        out.put("reachedReviewExactlyOnce", reviewOnce);
        out.put("allJobsSucceededExactlyOnce", jobsOnce);
        out.put("jobSuccessesTwice", duplicateSuccesses);
        out.put("jobsLeft", left);
        out.put("failedJobAttempts", failedAttempts);
        out.put("incidents", incidents);
        out.put("waitedForJobsMillis", waited);
        out.put("failures", failures);
        out.put("passed", !acknowledged.isEmpty() && reviewOnce == acknowledged.size() && jobsOnce == acknowledged.size()
                && duplicateSuccesses == 0 && left == 0);
        return out;
    }

    private long remainingJobs(Connection db) throws SQLException {
        long left = 0;
        for (String id : acknowledged) {
            left += count(db, "select count(*) from ACT_RU_JOB where PROCESS_INSTANCE_ID_ = ?", id);
        }
        return left;
    }

    private static long count(Connection db, String sql, String id) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
