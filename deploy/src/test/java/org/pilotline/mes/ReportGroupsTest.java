package org.pilotline.mes;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;
import static org.pilotline.mes.ShopFloorFixture.quantity;
import static org.pilotline.mes.ShopFloorFixture.report;

/**
 * Reports that arrive together are applied in groups, one transaction each (ReportGroups). The tests make the groups
 * happen on purpose: the test holds a work order's row lock, so the groups being applied (one per lane) wait on it while
 * the next reports queue; releasing it lets the queue go as one group. A refusal inside a group is rolled back alone and
 * kept; a group that cannot commit as a whole is rolled back and each of its reports applied alone — once.
 */
@QuarkusTest
class ReportGroupsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    MeterRegistry meters;

    @Inject
    org.pilotline.mes.report.ReportGroups reportGroups;

    /**
     * Sends one report per lane, operation by operation in turn, and waits until each lane's group waits on its held
     * work order: then every further report queues.
     */
    private List<CompletableFuture<Response>> blockLanes(Plant plant, long... operations) throws InterruptedException {
        List<CompletableFuture<Response>> lanes = new ArrayList<>();
        for (int i = 0; i < reportGroups.lanes(); i++) {
            lanes.add(plant.sendLater(quantity(operations[i % operations.length], "1")));
            int waiting = i + 1;
            awaitTrue(() -> lockWaits("%mes_work_order%for update%") == waiting, "lane " + waiting + " to wait");
        }
        return lanes;
    }

    /** One product of one operation consuming one component per piece, and started work orders of 100 each. */
    private static final class Plant {
        final ShopFloorFixture floor = new ShopFloorFixture();
        final long component = floor.data.bought("GRP-C", "1");
        final long product;
        final long workCenter;

        Plant() {
            workCenter = floor.workCenter("GRP");
            product = floor.product("GRP-P", workCenter, component);
            floor.receive(component, "1000", floor.staging, null, null);
        }

        /** A released work order of 100, started; its (only) operation's id and its work order's id. */
        long[] started() {
            return started(product);
        }

        /** {@link #started()} of another product. */
        long[] started(long product) {
            Response workOrder = floor.release(product, "100");
            long operation = id(operations(workOrder).get(0));
            send(report("START", operation)).then().statusCode(200).body("operation.state", is("RUNNING"));
            return new long[]{operation, workOrder.then().extract().<Number>path("id").longValue()};
        }

        Response send(Map<String, Object> body) {
            return floor.enterprise.as("operator").body(body).post("/api/mes/reports");
        }

        CompletableFuture<Response> sendLater(Map<String, Object> body) {
            return CompletableFuture.supplyAsync(() -> send(body));
        }

        String good(long operation) {
            return floor.data.planner().get("/api/mes/work-orders/operations/" + operation).then().statusCode(200).extract()
                    .path("goodQuantity").toString();
        }
    }

    @Test
    void aRefusalInAGroupIsRolledBackToItsSavepointAndKeptWhileTheOthersApply() throws Exception {
        Plant plant = new Plant();
        long[] a = plant.started();
        long[] b = plant.started();
        long[] c = plant.started();
        double groupsBefore = counter("pilotline.mes.reports.groups");
        double groupedBefore = counter("pilotline.mes.reports.grouped");
        double rolledBackBefore = counter("pilotline.mes.reports.groups.rolled.back");

        List<CompletableFuture<Response>> good = new ArrayList<>();
        CompletableFuture<Response> overDelivery;
        CompletableFuture<Response> resumeRunning;
        Map<String, Object> tooMany = quantity(c[0], "1000");
        Map<String, Object> resume = report("RESUME", b[0]);
        int lanes = reportGroups.lanes();
        try (Connection holder = lockWorkOrders(a[1], b[1])) {
            // every lane's group waits on a held work order
            good.addAll(blockLanes(plant, a[0], b[0]));
            // the queue: 16 good reports (8 on A, which the first group holds then), an over-delivery (its row inserted, then refused), a resume of a running one and 2 more good ones
            for (int i = 0; i < 8; i++) {
                good.add(plant.sendLater(quantity(a[0], "1")));
                good.add(plant.sendLater(quantity(c[0], "1")));
            }
            overDelivery = plant.sendLater(tooMany);
            awaitTrue(() -> waiting() == 17, "the over-delivery to queue after the 16");
            resumeRunning = plant.sendLater(resume);
            // two more on C after the refused one: they take C's rows again, as the database holds them after the
            // rollback to the refused report's savepoint (with the 8 before it written, not rolled back)
            good.add(plant.sendLater(quantity(c[0], "1")));
            good.add(plant.sendLater(quantity(c[0], "1")));
            awaitTrue(() -> waiting() == 20, "20 reports to queue");
            holder.rollback();
        }

        for (CompletableFuture<Response> answer : good) {
            answer.get().then().statusCode(200);
        }
        overDelivery.get().then().statusCode(422).body("type", containsString("over-delivery"));
        resumeRunning.get().then().statusCode(409).body("type", containsString("operation-state"))
                .body("actualState", is("RUNNING"));
        assertEquals(String.valueOf((lanes + 1) / 2 + 8), plant.good(a[0]));
        assertEquals(String.valueOf(lanes / 2), plant.good(b[0]));
        assertEquals("10", plant.good(c[0]), "the over-delivery's rows are rolled back with its savepoint, and only they");
        assertEquals(String.valueOf(1000 - lanes - 18), plant.floor.stock(plant.component, plant.floor.staging, null));
        // the refusals were kept: sent again, each is answered with its problem, as replayed
        plant.send(tooMany).then().statusCode(422).body("type", containsString("over-delivery"))
                .body("replayed", is(true));
        plant.send(resume).then().statusCode(409).body("replayed", is(true));

        assertEquals(lanes + 20, counter("pilotline.mes.reports.grouped") - groupedBefore,
                "every report applied in a group");
        double groups = counter("pilotline.mes.reports.groups") - groupsBefore;
        assertTrue(groups <= lanes + 2, "the lanes' waiting groups, and the 20 queued reports in one or two more: " + groups);
        assertEquals(0, counter("pilotline.mes.reports.groups.rolled.back") - rolledBackBefore);
    }

    /**
     * A report refused for want of its second component, after its first one was moved: a group writes the balances
     * once at its end, by the sum of its moves (StockLedger.deferWrites), and the refused report's changes are
     * dropped with its savepoint — the reports before and after it take exactly their own stock, and the ledger equals
     * the balances.
     */
    @Test
    void aShortageRefusedInAGroupAfterItsFirstComponentMovedTakesNoStock() throws Exception {
        Plant plant = new Plant();
        long scarce = plant.floor.data.bought("GRP-S", "1");
        plant.floor.receive(scarce, "8", plant.floor.staging, null, null);
        long twoParts = plant.floor.data.made("GRP-P2");
        plant.floor.data.bom(twoParts).line(plant.component, "1").line(scarce, "1").create();
        plant.floor.data.routing(twoParts, ShopFloorFixture.routingStep(10, plant.workCenter, null));
        long[] a = plant.started();
        long[] x = plant.started(twoParts);
        int lanes = reportGroups.lanes();

        CompletableFuture<Response> first;
        CompletableFuture<Response> scarceShort;
        CompletableFuture<Response> last;
        List<CompletableFuture<Response>> blockers;
        try (Connection holdsA = lockWorkOrders(a[1])) {
            blockers = blockLanes(plant, a[0]);
            first = plant.sendLater(quantity(x[0], "5"));
            awaitTrue(() -> waiting() == 1, "the first to queue");
            scarceShort = plant.sendLater(quantity(x[0], "5")); // 5 of the component, then 3 of the scarce one left
            awaitTrue(() -> waiting() == 2, "the short one to queue");
            last = plant.sendLater(quantity(x[0], "2"));
            awaitTrue(() -> waiting() == 3, "the last to queue");
            holdsA.rollback();
        }
        for (CompletableFuture<Response> blocker : blockers) {
            blocker.get().then().statusCode(200);
        }
        first.get().then().statusCode(200);
        scarceShort.get().then().statusCode(409).body("type", containsString("insufficient-stock"));
        last.get().then().statusCode(200);
        assertEquals("7", plant.good(x[0]));
        assertEquals(String.valueOf(1000 - lanes - 7), plant.floor.stock(plant.component, plant.floor.staging, null),
                "the short report's move of the component is rolled back with its savepoint");
        assertEquals("1", plant.floor.stock(scarce, plant.floor.staging, null));
        plant.floor.enterprise.as("admin").get("/api/stock/integrity").then().statusCode(200)
                .body("mismatches.size()", is(0));
    }

    /**
     * A terminal's reports in one group: the terminal's last number and contact and each report's answer are written
     * at the group's end (GroupWrites) — the terminal's number is the group's highest, and every report sent again is
     * answered with exactly its first answer.
     */
    @Test
    void aTerminalsReportsInAGroupKeepTheirAnswersAndTheTerminalsNumber() throws Exception {
        Plant plant = new Plant();
        long[] a = plant.started();
        long[] c = plant.started();
        ShopFloorFixture.Terminal terminal = plant.floor.terminal("GRP-W", plant.workCenter);
        double groupedBefore = counter("pilotline.mes.reports.grouped");

        List<Map<String, Object>> bodies = new ArrayList<>();
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        try (Connection holdsA = lockWorkOrders(a[1])) {
            List<CompletableFuture<Response>> lanes = blockLanes(plant, a[0]);
            for (int i = 0; i < 5; i++) {
                Map<String, Object> body = withSequence(quantity(c[0], "1"), 15 - i); // numbers out of order
                bodies.add(body);
                answers.add(CompletableFuture.supplyAsync(() -> terminal.send(body)));
            }
            awaitTrue(() -> waiting() == 5, "the terminal's five reports to queue");
            holdsA.rollback();
            for (CompletableFuture<Response> lane : lanes) {
                lane.get().then().statusCode(200);
            }
        }
        for (int i = 0; i < bodies.size(); i++) {
            Response first = answers.get(i).get();
            first.then().statusCode(200).body("replayed", is(false));
            Response again = terminal.send(bodies.get(i));
            again.then().statusCode(200).body("replayed", is(true));
            assertEquals(first.path("reportId").toString(), again.path("reportId").toString());
            assertEquals(first.path("operation.good").toString(), again.path("operation.good").toString());
            assertEquals(first.path("consumed[0].stockMoveId").toString(), again.path("consumed[0].stockMoveId").toString());
            // the group's moves are inserted together at its end: each answer names its own report's move
            Map<String, Object> booking = first.path("consumed[0]");
            plant.floor.enterprise.as("admin").get("/api/stock/moves/" + booking.get("stockMoveId")).then()
                    .statusCode(200).body("requestId", is(bodies.get(i).get("clientId") + "/1"))
                    .body("itemId", is(((Number) booking.get("itemId")).intValue()))
                    .body("quantity", is(booking.get("quantity"))).body("type", is("ISSUE"));
        }
        assertTrue(counter("pilotline.mes.reports.grouped") - groupedBefore >= 5 + reportGroups.lanes(),
                "the five in one group, and the lanes' reports");
        plant.floor.enterprise.as("admin").get("/api/mes/terminals/" + terminal.id).then().statusCode(200)
                .body("lastSequence", is(15)).body("lastSeenAt", org.hamcrest.Matchers.notNullValue());
        assertEquals("5", plant.good(c[0]));
    }

    /**
     * A group's first report is being applied at the same moment by another transaction (here the test's own
     * connection holds its client id's row uncommitted, as the twin's transaction on another replica would): its insert
     * waits on the key, and fails once the other commits. That is no refusal of one report: the whole group rolls back,
     * and each of its reports is applied alone — the first answered from the other's answer, the others applied once.
     */
    @Test
    void aGroupThatCannotCommitIsRolledBackAndEachReportAppliedAloneOnce() throws Exception {
        Plant plant = new Plant();
        long[] a = plant.started();
        long[] c = plant.started();
        ShopFloorFixture.Terminal terminal = plant.floor.terminal("GRP-T", plant.workCenter);
        double rolledBackBefore = counter("pilotline.mes.reports.groups.rolled.back");

        List<CompletableFuture<Response>> lanes;
        CompletableFuture<Response> taken;
        List<CompletableFuture<Response>> others = new ArrayList<>();
        try (Connection holdsA = lockWorkOrders(a[1]); Connection other = database()) {
            lanes = blockLanes(plant, a[0]); // every lane waits on work order A
            Map<String, Object> twin = withSequence(quantity(c[0], "1"), 5);
            taken = CompletableFuture.supplyAsync(() -> terminal.send(twin));
            awaitTrue(() -> waiting() == 1, "the twin to queue");
            for (int i = 0; i < 3; i++) {
                int sequence = 6 + i;
                others.add(CompletableFuture.supplyAsync(() -> terminal.send(withSequence(quantity(c[0], "1"), sequence))));
            }
            awaitTrue(() -> waiting() == 4, "three more to queue");
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("insert into mes_report (tenant_id, client_id,"
                    + " username, kind, occurred_at, received_at, status, outcome, negative_stock) values (?, ?, 'other',"
                    + " 'QUANTITY', utc_timestamp(), utc_timestamp(), 409, ?, false)")) {
                insert.setString(1, plant.floor.enterprise.code);
                insert.setString(2, (String) twin.get("clientId"));
                insert.setString(3, "{\"type\":\"operation-state\",\"title\":\"Refused by the other\","
                        + "\"detail\":\"the twin's answer\",\"fieldErrors\":[],\"extensions\":{}}");
                insert.executeUpdate();
            }
            holdsA.rollback(); // the lanes go; the queue becomes the next group, the twin first
            awaitTrue(() -> waiting() == 0 && lockWaits("insert into mes_report%") == 1,
                    "the group's first report to wait on its twin's key");
            other.commit();
        }

        for (CompletableFuture<Response> lane : lanes) {
            lane.get().then().statusCode(200);
        }
        taken.get().then().statusCode(409).body("detail", is("the twin's answer")).body("replayed", is(true));
        for (CompletableFuture<Response> answer : others) {
            answer.get().then().statusCode(200).body("replayed", is(false));
        }
        assertEquals(1, counter("pilotline.mes.reports.groups.rolled.back") - rolledBackBefore);
        assertEquals(String.valueOf(lanes.size()), plant.good(a[0]));
        assertEquals("3", plant.good(c[0]), "the rolled-back group's other reports, each applied alone once");
        assertEquals(String.valueOf(1000 - lanes.size() - 3), plant.floor.stock(plant.component, plant.floor.staging, null));
    }

    private static Map<String, Object> withSequence(Map<String, Object> report, long sequence) {
        report.put("sequence", sequence);
        return report;
    }

    private double counter(String name) {
        return meters.get(name).functionCounter().count();
    }

    private double waiting() {
        return meters.get("pilotline.mes.reports.waiting").gauge().value();
    }

    /** A connection holding work orders' row locks until it rolls back. */
    private static Connection lockWorkOrders(long... workOrders) throws Exception {
        Connection db = database();
        db.setAutoCommit(false);
        try (PreparedStatement lock = db.prepareStatement("select id from mes_work_order where id = ? for update")) {
            for (long workOrder : workOrders) {
                lock.setLong(1, workOrder);
                lock.executeQuery().close();
            }
        }
        return db;
    }

    /** The suite's statements running now (waiting for a lock, here) that match the LIKE pattern. */
    private static int lockWaits(String pattern) {
        try (Connection db = database(); PreparedStatement select = db.prepareStatement("select count(*) from"
                + " information_schema.processlist where id <> connection_id() and command = 'Query' and info like ?")) {
            select.setString(1, pattern);
            try (ResultSet r = select.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The suite's statements running now, for a failure's message. */
    private static List<String> running() {
        List<String> statements = new ArrayList<>();
        try (Connection db = database(); PreparedStatement select = db.prepareStatement("select concat(state, ': ', info)"
                + " from information_schema.processlist where id <> connection_id() and command = 'Query'");
             ResultSet r = select.executeQuery()) {
            while (r.next()) {
                statements.add(r.getString(1));
            }
        } catch (Exception e) {
            statements.add(e.toString());
        }
        return statements;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE + " for " + what + "; running: " + running());
            }
            Thread.sleep(20);
        }
    }

    private static Connection database() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
