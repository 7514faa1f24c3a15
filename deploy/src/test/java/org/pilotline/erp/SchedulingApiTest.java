package org.pilotline.erp;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planner API end to end: orders created over REST, solved by the real solver (OR-Tools CP-SAT) in the background,
 * the schedule read back from the database. Every solve gets a short time limit; the problems are small enough for
 * the solver to finish (or prove optimality) well within it.
 */
@QuarkusTest
class SchedulingApiTest {

    /** Monday 7 January 2030, 00:00 UTC: every solve here starts its horizon there. */
    private static final Instant MONDAY = Instant.parse("2030-01-07T00:00:00Z");

    @Inject
    DataSource dataSource;

    private static MasterData data;
    private static long calendar;
    /** One machine, shifts 08:00–16:00 UTC on weekdays with a break 10:00–10:30; operations may not span it. */
    private static long mill;
    private static long millUnit;
    /** Two machines, round the clock. */
    private static long drill;

    @BeforeEach
    void masterData() {
        if (data != null) {
            return;
        }
        data = new MasterData(TestEnterprise.create());
        List<Map<String, Object>> shifts = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            shifts.add(Map.of("weekday", day, "name", "day", "start", "08:00", "end", "16:00",
                    "breaks", List.of(Map.of("start", "10:00", "end", "10:30"))));
        }
        calendar = created(planner().body(Map.of("code", data.code("CAL"), "name", "weekdays", "timeZone", "UTC",
                "shifts", shifts)).post("/api/calendars"));
        mill = workCenter("MILL", calendar, false);
        millUnit = workUnit(mill, "MILL-1");
        drill = workCenter("DRILL", null, true);
        workUnit(drill, "DRILL-1");
        workUnit(drill, "DRILL-2");
    }

    @Test
    void aSolvedScheduleKeepsRoutingOrderMachineExclusivityAndNeverRunsThroughAForbiddenBreak() {
        long item = item("GEAR", operation(10, mill, "10", "1", null), operation(20, drill, "0", "2", null));
        List<Long> orders = List.of(order(item, "60", "2030-01-11", 1), order(item, "60", "2030-01-11", 1),
                order(item, "60", "2030-01-11", 1));

        Response accepted = planner().body(solveBody(null, orders, "MAKESPAN", 2)).post("/api/scheduling/solves");
        accepted.then().statusCode(202).header("Location", containsString("/api/scheduling/solves/"))
                .body("status", is("QUEUED")).body("orderCount", is(3)).body("operationCount", is(6));
        JsonPath solve = data.awaitSolve(accepted.path("id"));
        assertEquals("FINISHED", solve.getString("status"));
        long scheduleId = solve.getLong("scheduleId");

        JsonPath gantt = gantt(scheduleId);
        assertEquals("Asia/Shanghai", gantt.getString("zone"), "the enterprise's zone, for display");
        List<Map<String, Object>> millOps = gantt.getList("machines.find { it.workUnitId == " + millUnit + " }.operations");
        assertEquals(3, millOps.size());
        for (Map<String, Object> operation : millOps) {
            Instant start = Instant.parse((String) operation.get("start"));
            Instant end = Instant.parse((String) operation.get("end"));
            assertEquals(70, Duration.between(start, end).toMinutes(), "10 setup + 60 × 1 minute, in one piece");
            ZonedDateTime day = start.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC);
            boolean beforeBreak = !start.isBefore(day.plusHours(8).toInstant()) && !end.isAfter(day.plusHours(10).toInstant());
            boolean afterBreak = !start.isBefore(day.plusHours(10).plusMinutes(30).toInstant())
                    && !end.isAfter(day.plusHours(16).toInstant());
            assertTrue(beforeBreak || afterBreak, "operation " + operation + " runs through the break or outside the shift");
        }
        // after 08:00–09:10 a second 70-minute operation cannot fit before the break at 10:00
        assertTrue(millOps.stream().anyMatch(o -> ((String) o.get("start")).endsWith("T10:30:00Z")),
                "one operation waits for the end of the break: " + millOps);
        for (Map<String, Object> lane : gantt.<Map<String, Object>>getList("machines")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> ops = (List<Map<String, Object>>) lane.get("operations");
            for (int i = 1; i < ops.size(); i++) {
                assertFalse(Instant.parse((String) ops.get(i).get("start")).isBefore(Instant.parse((String) ops.get(i - 1).get("end"))),
                        "overlap on " + lane.get("workUnitCode"));
            }
        }
        for (Map<String, Object> lane : gantt.<Map<String, Object>>getList("orders")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> ops = (List<Map<String, Object>>) lane.get("operations");
            assertEquals(2, ops.size());
            assertFalse(Instant.parse((String) ops.get(1).get("start")).isBefore(Instant.parse((String) ops.get(0).get("end"))),
                    "operation 20 of " + lane.get("orderNumber") + " starts before operation 10 ends");
            assertEquals(120L, Duration.between(Instant.parse((String) ops.get(1).get("start")),
                    Instant.parse((String) ops.get(1).get("end"))).toMinutes());
        }

        // the lean Gantt (what the page asks for): the same machine lanes, the orders without their operations
        JsonPath lean = planner().queryParam("orderOperations", "false")
                .get("/api/scheduling/schedules/" + scheduleId + "/gantt").then().statusCode(200).extract().jsonPath();
        assertEquals(gantt.<Object>getList("machines"), lean.<Object>getList("machines"));
        assertEquals(gantt.<Object>getList("orders.orderId"), lean.<Object>getList("orders.orderId"));
        assertEquals(gantt.<Object>getList("orders.late"), lean.<Object>getList("orders.late"));
        for (Map<String, Object> lane : lean.<Map<String, Object>>getList("orders")) {
            assertFalse(lane.containsKey("operations"), "no operations in the order lane " + lane);
        }
        assertEquals(gantt.<Object>getList("orders"), planner().queryParam("orderOperations", "true")
                .get("/api/scheduling/schedules/" + scheduleId + "/gantt").then().statusCode(200).extract().path("orders"));
        planner().queryParam("orderOperations", "maybe").get("/api/scheduling/schedules/" + scheduleId + "/gantt")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("orderOperations"));
    }

    @Test
    void aTransferBatchLetsTheNextOperationStartBeforeThePreviousOneEnds() {
        long item = item("SHAFT", operation(10, drill, "0", "1", "10"), operation(20, drill, "0", "1", null));
        long order = order(item, "100", "2030-01-11", 1);
        JsonPath solve = data.awaitSolve(planner().body(solveBody(null, List.of(order), "MAKESPAN", 2))
                .post("/api/scheduling/solves").then().statusCode(202).extract().path("id"));
        List<Map<String, Object>> ops = gantt(solve.getLong("scheduleId"))
                .getList("orders.find { it.orderId == " + order + " }.operations");
        Instant firstEnd = Instant.parse((String) ops.get(0).get("end"));
        Instant secondStart = Instant.parse((String) ops.get(1).get("start"));
        assertTrue(secondStart.isBefore(firstEnd), "overlap allowed by the routing's transfer quantity: " + ops);
    }

    @Test
    void pinnedAndMovedOperationsStayExactlyWhereTheyArePinnedAfterAReSolve() {
        long item = item("PIN", operation(10, mill, "0", "1", null), operation(20, drill, "0", "1", null));
        List<Long> orders = List.of(order(item, "60", "2030-01-11", 1), order(item, "60", "2030-01-11", 1));
        long scheduleId = data.awaitSolve(planner().body(solveBody(null, orders, "MAKESPAN", 1)).post("/api/scheduling/solves")
                .then().statusCode(202).extract().path("id")).getLong("scheduleId");
        JsonPath gantt = gantt(scheduleId);
        Map<String, Object> first = gantt.getMap("orders.find { it.orderId == " + orders.get(0) + " }.operations[0]");
        Map<String, Object> second = gantt.getMap("orders.find { it.orderId == " + orders.get(1) + " }.operations[1]");

        // pin the second order's drilling where it is, and move the first order's milling to Tuesday 13:00
        planner().post("/api/scheduling/schedules/" + scheduleId + "/operations/" + second.get("id") + "/pin")
                .then().statusCode(200).body("pinned", is(true));
        Response moved = planner().body(Map.of("start", "2030-01-08T13:00:00Z", "timeLimitSeconds", 1))
                .post("/api/scheduling/schedules/" + scheduleId + "/operations/" + first.get("id") + "/move");
        moved.then().statusCode(202).header("Location", containsString("/api/scheduling/solves/"));
        assertEquals("FINISHED", data.awaitSolve(moved.path("id")).getString("status"));
        // and solve once more from scratch: pins survive every re-solve
        assertEquals("FINISHED", data.awaitSolve(planner().body(solveBody(scheduleId, orders, "MAKESPAN", 1))
                .post("/api/scheduling/solves").then().statusCode(202).extract().path("id")).getString("status"));

        JsonPath after = gantt(scheduleId);
        Map<String, Object> firstAfter = after.getMap("orders.find { it.orderId == " + orders.get(0) + " }.operations[0]");
        Map<String, Object> secondAfter = after.getMap("orders.find { it.orderId == " + orders.get(1) + " }.operations[1]");
        assertEquals(first.get("id"), firstAfter.get("id"), "an operation keeps its id across re-solves");
        assertEquals("2030-01-08T13:00:00Z", firstAfter.get("start"));
        assertEquals(true, firstAfter.get("pinned"));
        assertEquals(second.get("start"), secondAfter.get("start"));
        assertEquals(second.get("workUnitId"), secondAfter.get("workUnitId"));
        assertEquals(true, secondAfter.get("pinned"));
        // its successor follows the moved operation
        Map<String, Object> successor = after.getMap("orders.find { it.orderId == " + orders.get(0) + " }.operations[1]");
        assertFalse(Instant.parse((String) successor.get("start")).isBefore(Instant.parse((String) firstAfter.get("end"))));

        // a move to a machine the operation cannot run on is refused and changes nothing
        long drillUnit = ((Number) after.getMap("machines.find { it.workCenterId == " + drill + " }").get("workUnitId")).longValue();
        planner().body(Map.of("workUnitId", drillUnit)).post("/api/scheduling/schedules/" + scheduleId + "/operations/"
                + first.get("id") + "/move").then().statusCode(422).contentType("application/problem+json")
                .body("problems[0].operationNo", is(10));
        assertEquals("2030-01-08T13:00:00Z", gantt(scheduleId)
                .getString("orders.find { it.orderId == " + orders.get(0) + " }.operations[0].start"));
    }

    @Test
    void theTardinessObjectivePutsTheUrgentOrderFirstAndExplainsTheLateOne() {
        long press = workCenter("PRESS", null, true);
        workUnit(press, "PRESS-1");
        long item = item("PLATE", operation(10, press, "0", "10", null));
        // created first, so a first-come rule would run it first; due late, low priority
        long relaxed = order(item, "60", "2030-02-28", 1);
        // due at the end of 7 January (plant time), high priority: only on time if it runs first
        long urgent = order(item, "60", "2030-01-07", 10);
        long alsoUrgent = order(item, "60", "2030-01-07", 1);

        JsonPath solve = data.awaitSolve(planner().body(solveBody(null, List.of(relaxed, urgent, alsoUrgent),
                "WEIGHTED_TARDINESS", 2)).post("/api/scheduling/solves").then().statusCode(202).extract().path("id"));
        long scheduleId = solve.getLong("scheduleId");
        JsonPath gantt = gantt(scheduleId);
        Instant urgentStart = Instant.parse(gantt.getString("orders.find { it.orderId == " + urgent + " }.operations[0].start"));
        Instant relaxedStart = Instant.parse(gantt.getString("orders.find { it.orderId == " + relaxed + " }.operations[0].start"));
        assertEquals(MONDAY, urgentStart, "the heavy urgent order runs first");
        assertTrue(relaxedStart.isAfter(urgentStart));
        assertEquals(false, gantt.getBoolean("orders.find { it.orderId == " + urgent + " }.late"));
        assertEquals(true, gantt.getBoolean("orders.find { it.orderId == " + alsoUrgent + " }.late"),
                "two 10-hour orders cannot both end by the end of 7 January in any plant zone");

        JsonPath explanation = planner().get("/api/scheduling/schedules/" + scheduleId + "/orders/" + alsoUrgent
                + "/explanation").then().statusCode(200).body("late", is(true)).body("summary", notNullValue())
                .extract().jsonPath();
        List<Map<String, Object>> chain = explanation.getList("chain");
        assertTrue(chain.size() >= 2, "the late order waits for the urgent one on the press: " + chain);
        assertEquals(((Number) chain.get(chain.size() - 1).get("orderId")).longValue(), alsoUrgent);
        assertEquals("MACHINE_PREDECESSOR", chain.get(chain.size() - 1).get("reason"));
        assertEquals(((Number) chain.get(0).get("orderId")).longValue(), urgent);
        assertTrue(explanation.getLong("tardinessMinutes") > 0);
    }

    @Test
    void whatIfCopiesAreChangedAndSolvedWithoutTouchingTheLiveSchedule() {
        long item = item("WHATIF", operation(10, mill, "0", "1", null), operation(20, drill, "0", "1", null));
        List<Long> orders = List.of(order(item, "60", "2030-01-09", 1), order(item, "90", "2030-01-10", 2));
        long liveId = data.awaitSolve(planner().body(solveBody(null, orders, "MAKESPAN", 1)).post("/api/scheduling/solves")
                .then().statusCode(202).extract().path("id")).getLong("scheduleId");
        planner().get("/api/scheduling/schedules/live").then().statusCode(200).body("id", is((int) liveId))
                .body("kind", is("LIVE"));
        String liveBefore = planner().get("/api/scheduling/schedules/" + liveId + "/gantt").then().statusCode(200)
                .extract().asString();

        Response copy = planner().body(Map.of("name", "what if we mill on Wednesday")).post("/api/scheduling/schedules");
        copy.then().statusCode(201).body("kind", is("WHAT_IF")).body("sourceScheduleId", is((int) liveId));
        long copyId = ((Number) copy.path("id")).longValue();
        Map<String, Object> milling = gantt(copyId).getMap("orders.find { it.orderId == " + orders.get(0) + " }.operations[0]");
        assertEquals("FINISHED", data.awaitSolve(planner().body(Map.of("start", "2030-01-09T08:00:00Z", "timeLimitSeconds", 1))
                .post("/api/scheduling/schedules/" + copyId + "/operations/" + milling.get("id") + "/move")
                .then().statusCode(202).extract().path("id")).getString("status"));
        assertEquals("FINISHED", data.awaitSolve(planner().body(solveBody(copyId, orders, "TARDINESS_THEN_MAKESPAN", 1))
                .post("/api/scheduling/solves").then().statusCode(202).extract().path("id")).getString("status"));

        assertEquals(liveBefore, planner().get("/api/scheduling/schedules/" + liveId + "/gantt").then().statusCode(200)
                .extract().asString(), "the live schedule is untouched");
        assertEquals("2030-01-09T08:00:00Z", gantt(copyId).getString("orders.find { it.orderId == " + orders.get(0)
                + " }.operations[0].start"));
        JsonPath comparison = planner().get("/api/scheduling/schedules/" + copyId + "/comparison").then().statusCode(200)
                .body("other.scheduleId", is((int) liveId)).extract().jsonPath();
        assertTrue(comparison.getLong("makespanDifferenceMinutes") > 0, "milling on Wednesday finishes later");
        assertNotEquals(comparison.getString("orders[0].completionHere"), comparison.getString("orders[0].completionThere"));

        // the list gives each schedule's counts and last solve as its Gantt data and the solve itself do
        JsonPath list = planner().queryParam("size", 1000).get("/api/scheduling/schedules").then().statusCode(200)
                .extract().jsonPath();
        for (long id : List.of(liveId, copyId)) {
            JsonPath lanes = gantt(id);
            int operations = lanes.getList("orders.operations.flatten()").size();
            assertEquals(lanes.getList("orders").size(), list.getInt("items.find { it.id == " + id + " }.orderCount"));
            assertEquals(operations, list.getInt("items.find { it.id == " + id + " }.operationCount"));
            assertTrue(operations > 0);
            assertEquals("FINISHED", list.getString("items.find { it.id == " + id + " }.lastSolveStatus"));
        }
        planner().delete("/api/scheduling/schedules/" + liveId).then().statusCode(409).body("type", endsWith("live-schedule"));
        planner().delete("/api/scheduling/schedules/" + copyId).then().statusCode(204);
        planner().get("/api/scheduling/schedules/" + copyId).then().statusCode(404);
    }

    @Test
    void anOperationWhoseWorkCenterHasNoMachinesIsRefusedWith422NamingTheOrderAndOperation() {
        long empty = workCenter("EMPTY", null, true);
        long item = item("NOMACHINE", operation(10, drill, "0", "1", null), operation(20, empty, "0", "1", null));
        long order = order(item, "5", "2030-01-11", 1);
        String number = planner().get("/api/production-orders/" + order).then().extract().path("number");
        planner().body(solveBody(null, List.of(order), "MAKESPAN", 1)).post("/api/scheduling/solves").then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("no-eligible-machine"))
                .body("detail", containsString(number)).body("detail", containsString("operation 20"))
                .body("problems[0].kind", is("NO_ELIGIBLE_MACHINE"))
                .body("problems[0].order", is(number)).body("problems[0].orderId", is((int) order))
                .body("problems[0].operationNo", is(20));
    }

    @Test
    void anotherEnterprisesSchedulesOperationsAndSolvesAreNotFound() {
        long item = item("TENANT", operation(10, drill, "0", "1", null));
        long order = order(item, "10", "2030-01-11", 1);
        JsonPath solve = data.awaitSolve(planner().body(solveBody(null, List.of(order), "MAKESPAN", 1))
                .post("/api/scheduling/solves").then().statusCode(202).extract().path("id"));
        long scheduleId = solve.getLong("scheduleId");
        long operationId = gantt(scheduleId).getLong("orders[0].operations[0].id");

        RequestSpecification stranger = TestEnterprise.create().as("planner");
        String schedule = "/api/scheduling/schedules/" + scheduleId;
        stranger.get(schedule).then().statusCode(404).contentType("application/problem+json");
        stranger.get(schedule + "/gantt").then().statusCode(404);
        stranger.queryParam("orderOperations", "false").get(schedule + "/gantt").then().statusCode(404);
        stranger.get(schedule + "/comparison").then().statusCode(404);
        stranger.get(schedule + "/orders/" + order + "/explanation").then().statusCode(404);
        stranger.post(schedule + "/operations/" + operationId + "/pin").then().statusCode(404);
        stranger.body(Map.of("start", "2030-01-08T08:00:00Z")).post(schedule + "/operations/" + operationId + "/move")
                .then().statusCode(404);
        stranger.delete(schedule).then().statusCode(404);
        stranger.get("/api/scheduling/solves/" + solve.getLong("id")).then().statusCode(404);
        stranger.post("/api/scheduling/solves/" + solve.getLong("id") + "/cancel").then().statusCode(404);
        stranger.body(solveBody(scheduleId, List.of(order), "MAKESPAN", 1)).post("/api/scheduling/solves").then().statusCode(404);
        stranger.body(solveBody(null, List.of(order), "MAKESPAN", 1)).post("/api/scheduling/solves").then().statusCode(400)
                .body("errors[0].field", is("orderIds[0]"));
        stranger.body(Map.of("name", "peek", "copyOf", scheduleId)).post("/api/scheduling/schedules").then().statusCode(400);
        stranger.get("/api/scheduling/schedules").then().statusCode(200).body("total", is(0));
        // untouched for its own enterprise
        planner().get(schedule + "/gantt").then().statusCode(200).body("orders[0].operations[0].pinned", is(false));
    }

    @Test
    void plannersAndAdminsSolveAndChangeWhileManagersAndOperatorsOnlyRead() {
        long item = item("ROLES", operation(10, drill, "0", "1", null));
        long order = order(item, "10", "2030-01-11", 1);
        Map<String, Object> body = solveBody(null, List.of(order), "MAKESPAN", 1);
        data.enterprise().as("operator").body(body).post("/api/scheduling/solves").then().statusCode(403)
                .contentType("application/problem+json");
        data.enterprise().as("manager").body(body).post("/api/scheduling/solves").then().statusCode(403);
        data.enterprise().as("quality").get("/api/scheduling/schedules").then().statusCode(403);
        long scheduleId = data.awaitSolve(data.enterprise().as("admin").body(body).post("/api/scheduling/solves").then()
                .statusCode(202).extract().path("id")).getLong("scheduleId");
        long operationId = gantt(scheduleId).getLong("orders.find { it.orderId == " + order + " }.operations[0].id");
        data.enterprise().as("operator").get("/api/scheduling/schedules/" + scheduleId + "/gantt").then().statusCode(200);
        data.enterprise().as("manager").get("/api/scheduling/schedules/" + scheduleId + "/comparison?with=" + scheduleId)
                .then().statusCode(200).body("makespanDifferenceMinutes", is(0));
        data.enterprise().as("operator").post("/api/scheduling/schedules/" + scheduleId + "/operations/" + operationId
                + "/pin").then().statusCode(403);
        data.enterprise().as("manager").body(Map.of("name", "x")).post("/api/scheduling/schedules").then().statusCode(403);
        org.pilotline.testing.Api.as("bureau").get("/api/scheduling/schedules").then().statusCode(403);
    }

    @Test
    void progressAndTheBestScheduleSoFarAreReadWhileASolveRunsAndACancelStopsIt() {
        long lathe = workCenter("LATHE", null, true);
        workUnit(lathe, "LATHE-1");
        List<Long> items = List.of(
                item("P1", operation(10, mill, "5", "1", null), operation(20, lathe, "0", "3", null), operation(30, drill, "0", "2", null)),
                item("P2", operation(10, lathe, "0", "2", null), operation(20, mill, "5", "2", null), operation(30, drill, "0", "1", null)),
                item("P3", operation(10, drill, "0", "3", null), operation(20, lathe, "0", "1", null), operation(30, mill, "5", "1", null)));
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            orders.add(order(items.get(i % 3), String.valueOf(7 + (i * 5) % 23), "2030-01-" + (10 + i % 5), 1 + i % 4));
        }
        // a long limit that the cancel cuts short
        Map<String, Object> body = solveBody(null, orders, "TARDINESS_THEN_MAKESPAN", 60);
        body.put("reproducible", false);
        Object solveId = planner().body(body).post("/api/scheduling/solves").then().statusCode(202).extract().path("id");

        JsonPath running = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath solve = planner().get("/api/scheduling/solves/" + solveId).then().statusCode(200).extract().jsonPath();
            if ("RUNNING".equals(solve.getString("status")) && solve.get("objectiveValue") != null) {
                running = solve;
                break;
            }
            assertTrue(List.of("QUEUED", "RUNNING").contains(solve.getString("status")), "ended early: " + solve.prettify());
            MasterData.pause(100);
        }
        assertNotNull(running, "no progress was reported");
        assertTrue(running.getInt("improvements") >= 1);
        assertNotNull(running.getString("heartbeatAt"));
        assertNotNull(running.getString("worker"));
        // the best schedule so far is already the schedule's, complete
        JsonPath soFar = gantt(running.getLong("scheduleId"));
        assertEquals(72, soFar.getList("orders.operations.flatten()").size());
        planner().post("/api/scheduling/schedules/" + running.getLong("scheduleId") + "/operations/"
                + soFar.getLong("orders[0].operations[0].id") + "/pin").then().statusCode(409).body("type", endsWith("solve-running"));

        planner().post("/api/scheduling/solves/" + solveId + "/cancel").then().statusCode(200).body("cancelRequested", is(true));
        JsonPath ended = data.awaitSolve(solveId);
        assertEquals("CANCELLED", ended.getString("status"));
        assertTrue(ended.getLong("elapsedMs") < 30_000, "stopped long before its 60 s limit");
        assertEquals(72, gantt(ended.getLong("scheduleId")).getList("orders.operations.flatten()").size());
    }

    @Test
    void aSolveWhoseReplicaWentSilentIsReportedAbandonedAndNoLongerHoldsItsSchedule() throws Exception {
        long item = item("SILENT", operation(10, drill, "0", "1", null));
        List<Long> orders = List.of(order(item, "10", "2030-01-11", 1));
        long copyId = ((Number) planner().body(Map.of("name", "replica test")).post("/api/scheduling/schedules")
                .then().statusCode(201).extract().path("id")).longValue();
        long solveId = data.awaitSolve(planner().body(solveBody(copyId, orders, "MAKESPAN", 1)).post("/api/scheduling/solves")
                .then().statusCode(202).extract().path("id")).getLong("id");

        // as if another replica were running it and alive: the schedule is busy
        setSolveState(solveId, "RUNNING", 0);
        planner().body(solveBody(copyId, orders, "MAKESPAN", 1)).post("/api/scheduling/solves").then().statusCode(409)
                .body("type", endsWith("solve-running")).body("solveId", is((int) solveId));
        // that replica stopped sending heartbeats two minutes ago
        setSolveState(solveId, "RUNNING", 120);
        planner().get("/api/scheduling/solves/" + solveId).then().statusCode(200).body("status", is("ABANDONED"));
        assertEquals("FINISHED", data.awaitSolve(planner().body(solveBody(copyId, orders, "MAKESPAN", 1))
                .post("/api/scheduling/solves").then().statusCode(202).extract().path("id")).getString("status"));
    }

    private void setSolveState(long solveId, String status, int heartbeatSecondsAgo) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update schedule_solve set status = ?,"
                     + " finished_at = null, heartbeat_at = utc_timestamp(6) - interval ? second where id = ?")) {
            update.setString(1, status);
            update.setInt(2, heartbeatSecondsAgo);
            update.setLong(3, solveId);
            assertEquals(1, update.executeUpdate());
        }
    }

    // --- fixtures

    private static RequestSpecification planner() {
        return data.planner();
    }

    private static JsonPath gantt(long scheduleId) {
        return planner().get("/api/scheduling/schedules/" + scheduleId + "/gantt").then().statusCode(200)
                .body("horizonStart", notNullValue()).extract().jsonPath();
    }

    private static Map<String, Object> solveBody(Long scheduleId, List<Long> orderIds, String objective, int seconds) {
        Map<String, Object> body = new HashMap<>(Map.of("orderIds", orderIds, "objective", objective,
                "timeLimitSeconds", seconds, "seed", 7, "horizonStart", MONDAY.toString()));
        if (scheduleId != null) {
            body.put("scheduleId", scheduleId);
        }
        return body;
    }

    private static long workCenter(String code, Long calendarId, boolean breaksInterrupt) {
        Map<String, Object> body = new HashMap<>(Map.of("areaId", area(), "code", data.code(code), "name", code,
                "parallelUnits", 1, "hourlyRate", "50", "breaksInterrupt", breaksInterrupt));
        if (calendarId != null) {
            body.put("calendarId", calendarId);
        }
        return created(planner().body(body).post("/api/work-centers"));
    }

    private static Long areaId;

    private static long area() {
        if (areaId == null) {
            long site = created(data.enterprise().as("admin").body(Map.of("code", data.code("SITE"), "name", "site"))
                    .post("/api/sites"));
            areaId = created(planner().body(Map.of("siteId", site, "code", data.code("AREA"), "name", "area"))
                    .post("/api/areas"));
        }
        return areaId;
    }

    private static long workUnit(long workCenter, String code) {
        return created(planner().body(Map.of("workCenterId", workCenter, "code", data.code(code), "name", code))
                .post("/api/work-units"));
    }

    private static Map<String, Object> operation(int number, long workCenter, String setup, String run, String transfer) {
        Map<String, Object> operation = new HashMap<>(MasterData.operation(number, workCenter, setup, run));
        if (transfer != null) {
            operation.put("transferQuantity", transfer);
        }
        return operation;
    }

    @SafeVarargs
    private static long item(String code, Map<String, Object>... operations) {
        long item = data.made(code);
        data.routing(item, (Object[]) operations);
        return item;
    }

    private static long order(long item, String quantity, String dueDate, int priority) {
        return created(planner().body(Map.of("itemId", item, "quantity", quantity, "startDate", "2030-01-01",
                "dueDate", dueDate, "priority", priority)).post("/api/production-orders"));
    }

    private static long created(Response response) {
        response.then().statusCode(201);
        return ((Number) response.path("id")).longValue();
    }
}
