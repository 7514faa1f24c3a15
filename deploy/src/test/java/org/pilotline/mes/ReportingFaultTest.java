package org.pilotline.mes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.LoadClient;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;
import static org.pilotline.mes.ShopFloorFixture.report;

/**
 * Reports whose delivery fails half-way: the terminal's TCP connection is reset right after (or while) it sends the
 * request, or the application's own database session is killed while the report's transaction waits for a lock. A
 * report is then either applied completely or not at all, and sending it again with its clientId applies it exactly
 * once — also when the clientId is as long as allowed.
 */
@QuarkusTest
class ReportingFaultTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ShopFloorFixture plant;
    private static long workCenter;
    private static long component;
    private static ShopFloorFixture.Terminal terminal;
    private static LoadClient client;

    @BeforeEach
    void plant() {
        if (plant != null) {
            return;
        }
        plant = new ShopFloorFixture();
        workCenter = plant.workCenter("CUT");
        component = plant.data.bought("BLANK", "1");
        plant.receive(component, "10000", plant.staging, null, null);
        terminal = plant.terminal("T-CUT", workCenter);
        client = LoadClient.bearer(terminal.token);
    }

    @Test
    void reportsWhoseConnectionIsResetWhileSendingAreAppliedExactlyOnceWhenSentAgain() throws Exception {
        Order order = startedOrder("RESET", 100);
        int reports = 36;
        List<String> bodies = new ArrayList<>();
        Map<String, Integer> firstReportIds = new HashMap<>();
        int appliedByTheResetRequest = 0;
        for (int i = 0; i < reports; i++) {
            String body = quantityReport(order.operation, 2_000 + i);
            bodies.add(body);
            boolean complete = i % 3 != 2;
            sendAndReset(body, complete, i % 3 == 1 ? i % 16 : 0);
            // sent again at once, while the server may still be working on the reset one
            LoadClient.Reply again = client.post("/api/mes/reports", body);
            assertEquals(200, again.status(), again.body());
            JsonNode answer = JSON.readTree(again.body());
            if (answer.path("replayed").asBoolean()) {
                assertTrue(complete, "a request the server never received in full was applied: " + body);
                appliedByTheResetRequest++;
            }
            assertEquals(1, answer.path("consumed").size(), "the answer names the component issued: " + again.body());
            assertEquals(1, answer.path("received").size(), "and the product received: " + again.body());
            firstReportIds.put(body, answer.path("reportId").asInt());
        }
        for (String body : bodies) {
            LoadClient.Reply third = client.post("/api/mes/reports", body);
            assertEquals(200, third.status(), third.body());
            JsonNode answer = JSON.readTree(third.body());
            assertTrue(answer.path("replayed").asBoolean());
            assertEquals(firstReportIds.get(body).intValue(), answer.path("reportId").asInt());
        }

        plant.data.planner().get("/api/mes/work-orders/operations/" + order.operation).then()
                .body("goodQuantity", is(reports));
        assertEachReportBookedItsMovesOnce(order, bodies);
        plant.enterprise.as("manager").get("/api/stock/integrity").then().statusCode(200).body("mismatches.size()", is(0));
        System.out.printf("connection reset: %d of %d reports were applied by the reset request itself%n",
                appliedByTheResetRequest, reports);
    }

    @Test
    void aReportWhoseDatabaseSessionIsKilledMidTransactionLeavesNothingAndIsAppliedOnceWhenSentAgain() throws Exception {
        Order order = startedOrder("KILL", 100);
        List<String> bodies = new ArrayList<>();
        Map<String, Integer> appliedAlone = new HashMap<>();
        try (Connection db = database()) {
            // while it waits for its work order, and later while it waits for the component's stock
            bodies.add(killedWhileWaiting(db, order, 3_000,
                    "select id from mes_work_order where id = " + order.workOrder + " for update", "mes_work_order",
                    appliedAlone));
            bodies.add(killedWhileWaiting(db, order, 3_001, "select id from stock_balance where item_id = " + component
                    + " and location_id = " + plant.staging + " and lot_key = 0 for update", "stock_balance",
                    appliedAlone));
        }
        for (String body : bodies) {
            LoadClient.Reply again = client.post("/api/mes/reports", body);
            assertEquals(200, again.status(), again.body());
            Integer appliedAs = appliedAlone.get(body);
            if (appliedAs == null) {
                assertFalse(JSON.readTree(again.body()).path("replayed").asBoolean(), "the killed attempt left no report");
            } else {
                assertTrue(JSON.readTree(again.body()).path("replayed").asBoolean(), "applied once, alone, already");
                assertEquals(appliedAs.intValue(), JSON.readTree(again.body()).path("reportId").asInt());
            }
            LoadClient.Reply third = client.post("/api/mes/reports", body);
            assertTrue(JSON.readTree(third.body()).path("replayed").asBoolean());
        }
        // the application goes on with fresh sessions
        String after = quantityReport(order.operation, 3_002);
        bodies.add(after);
        assertEquals(200, client.post("/api/mes/reports", after).status());

        plant.data.planner().get("/api/mes/work-orders/operations/" + order.operation).then()
                .body("goodQuantity", is(bodies.size()));
        assertEachReportBookedItsMovesOnce(order, bodies);
        plant.enterprise.as("manager").get("/api/stock/integrity").then().statusCode(200).body("mismatches.size()", is(0));
    }

    @Test
    void aReportWithTheLongestClientIdAllowedIsAppliedOnceAndALongerOneIsRefusedNamingIt() throws Exception {
        Order order = startedOrder("LONG", 10);
        Map<String, Object> longest = new HashMap<>(Map.of("clientId", "c".repeat(64), "sequence", 4_000,
                "kind", "QUANTITY", "operationId", order.operation, "good", "1"));
        String body = JSON.writeValueAsString(longest);
        LoadClient.Reply first = client.post("/api/mes/reports", body);
        assertEquals(200, first.status(), first.body());
        assertTrue(JSON.readTree(client.post("/api/mes/reports", body).body()).path("replayed").asBoolean());
        longest.put("clientId", "c".repeat(65));
        longest.put("sequence", 4_001);
        LoadClient.Reply longer = client.post("/api/mes/reports", JSON.writeValueAsString(longest));
        assertEquals(400, longer.status(), longer.body());
        assertEquals("clientId", JSON.readTree(longer.body()).path("errors").path(0).path("field").asText());
        plant.data.planner().get("/api/mes/work-orders/operations/" + order.operation).then().body("goodQuantity", is(1));
        assertEquals(2, movesOf(order).size(), "one issue and one receipt");
    }

    /**
     * Holds a row lock on a connection of the test's own, sends the report, waits until the application's session
     * waits for that lock, kills that session and releases the lock. The killed transaction must have written nothing:
     * the report is refused (503, send again), or — its group rolled back — applied once alone, its answer 200 (noted in
     * {@code appliedAlone} with its report id).
     */
    private String killedWhileWaiting(Connection db, Order order, int sequence, String lockSql, String waitingOn,
                                      Map<String, Integer> appliedAlone) throws Exception {
        String body = quantityReport(order.operation, sequence);
        long movesBefore = movesOf(order).size();
        int goodBefore = plant.data.planner().get("/api/mes/work-orders/operations/" + order.operation).path("goodQuantity");
        boolean applied;
        db.setAutoCommit(false);
        try (Statement lock = db.createStatement()) {
            lock.executeQuery(lockSql).close();
            CompletableFuture<LoadClient.Reply> sent = CompletableFuture.supplyAsync(() -> client.post("/api/mes/reports", body));
            long session = waitingSession(db, waitingOn);
            lock.execute("kill " + session);
            db.rollback();
            LoadClient.Reply reply = sent.get(60, TimeUnit.SECONDS);
            applied = reply.status() == 200;
            if (applied) {
                // the group of the killed session was rolled back, and the report then applied alone: once
                JsonNode answer = JSON.readTree(reply.body());
                assertFalse(answer.path("replayed").asBoolean(), reply.body());
                appliedAlone.put(body, answer.path("reportId").asInt());
            } else {
                // the lost connection is the database's failure, not a bug: 503 (send again), never a 500
                assertTrue(reply.status() == 503 || reply.status() == 409, "the killed report was refused: " + reply);
                if (reply.status() == 503) {
                    assertTrue(reply.body().contains("database-unavailable"), reply.body());
                }
                assertTrue(reply.body().contains("\"type\""), "answered as a problem: " + reply.body());
                assertFalse(reply.body().contains("Exception") || reply.body().contains("at org."), reply.body());
            }
        } finally {
            db.setAutoCommit(true);
        }
        plant.data.planner().get("/api/mes/work-orders/operations/" + order.operation).then()
                .body("goodQuantity", is(goodBefore + (applied ? 1 : 0)));
        assertEquals(movesBefore + (applied ? 2 : 0), movesOf(order).size(),
                "the killed transaction booked nothing; the report applied alone booked its issue and receipt once");
        return body;
    }

    /**
     * The application's session that waits for a lock on the table, seen from the test's own connection: the session
     * whose locking read names the table (not any session whose query names it: the KPI roll-ups' reads of the hour join
     * the work orders too, and one of them running at that moment is no second waiter). The processlist, because
     * information_schema.innodb_trx shows nothing without the PROCESS privilege.
     */
    private static long waitingSession(Connection db, String table) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (PreparedStatement find = db.prepareStatement("select id from information_schema.processlist"
                + " where id <> connection_id() and command = 'Query' and info like ?")) {
            find.setString(1, "%" + table + "%for update%");
            while (System.nanoTime() < deadline) {
                List<Long> sessions = new ArrayList<>();
                try (ResultSet rows = find.executeQuery()) {
                    while (rows.next()) {
                        sessions.add(rows.getLong(1));
                    }
                }
                if (sessions.size() == 1) {
                    return sessions.get(0);
                }
                assertTrue(sessions.size() < 2, "one waiting session expected: " + sessions);
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the report never waited for the lock on " + table);
    }

    private record Order(long workOrder, String number, long operation, long product) {
    }

    private Order startedOrder(String code, int quantity) {
        long product = plant.product(code, workCenter, component);
        var workOrder = plant.release(product, String.valueOf(quantity));
        long operation = id(operations(workOrder).get(0));
        terminal.send(report("START", operation)).then().statusCode(200);
        return new Order(workOrder.then().extract().<Number>path("id").longValue(), workOrder.path("number"),
                operation, product);
    }

    private static String quantityReport(long operation, int sequence) throws Exception {
        return JSON.writeValueAsString(Map.of("clientId", UUID.randomUUID().toString(), "sequence", sequence,
                "kind", "QUANTITY", "operationId", operation, "good", "1"));
    }

    /**
     * Writes the report on a raw socket (all of it, or half of its body) and resets the connection (SO_LINGER 0), at
     * once or after a few milliseconds, without reading the answer.
     */
    private static void sendAndReset(String body, boolean complete, int delayMs) throws Exception {
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/mes/reports HTTP/1.1\r\nHost: localhost:" + RestAssured.port + "\r\n"
                + "Authorization: Bearer " + terminal.token + "\r\nContent-Type: application/json\r\n"
                + "Accept: application/json\r\nContent-Length: " + payload.length + "\r\n\r\n";
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoLinger(true, 0);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(payload, 0, complete ? payload.length : payload.length / 2);
            out.flush();
            if (delayMs > 0) {
                Thread.sleep(delayMs);
            }
        }
    }

    /** Each report issued the component once and received the product once, under its own request ids. */
    private void assertEachReportBookedItsMovesOnce(Order order, List<String> bodies) throws Exception {
        Map<String, List<String>> byReport = new HashMap<>();
        for (Map<String, Object> move : movesOf(order)) {
            String requestId = (String) move.get("requestId");
            byReport.computeIfAbsent(requestId.substring(0, requestId.lastIndexOf('/')), k -> new ArrayList<>())
                    .add(move.get("type") + " " + move.get("itemId"));
        }
        assertEquals(bodies.size(), byReport.size(), "moves of exactly the reports sent: " + byReport.keySet());
        for (String body : bodies) {
            String clientId = JSON.readTree(body).path("clientId").asText();
            assertEquals(List.of("ISSUE " + component, "RECEIPT " + order.product),
                    byReport.getOrDefault(clientId, List.of()).stream().sorted().toList(), clientId);
        }
    }

    private List<Map<String, Object>> movesOf(Order order) {
        List<Map<String, Object>> moves = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = plant.data.planner().queryParam("reference", order.number)
                    .queryParam("size", 1000).queryParam("page", page).get("/api/stock/moves").then().statusCode(200)
                    .extract().path("items");
            moves.addAll(items);
            if (items.size() < 1000) {
                return moves;
            }
        }
    }

    private static Connection database() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
