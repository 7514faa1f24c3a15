package org.pilotline.mes;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;
import static org.pilotline.mes.ShopFloorFixture.quantity;
import static org.pilotline.mes.ShopFloorFixture.report;

/**
 * A work center's and a work unit's dispatch list on the real database: the operations in the live schedule's order,
 * whether the staging location holds what the rest of each consumes, and which are late and why. Each test has a work
 * center of its own in one enterprise, so that no test sees another's operations.
 */
@QuarkusTest
class DispatchListTest {

    private static ShopFloorFixture plant;

    @BeforeEach
    void plant() {
        if (plant == null) {
            plant = new ShopFloorFixture();
        }
    }

    @Test
    void materialIsShortUntilTheStagingLocationHoldsWhatTheRestOfTheOperationConsumes() {
        long center = plant.workCenter("MAT");
        long blank = plant.data.bought("BLANK-M", "1");
        long valve = plant.data.made("VALVE");
        plant.data.bom(valve).line(blank, "2").create();
        plant.data.routing(valve, ShopFloorFixture.routingStep(10, center, null));
        // blanks elsewhere in the warehouse are not at the work center
        plant.receive(blank, "50", plant.data.location(plant.warehouse, "SHELF"), null, null);
        long operation = id(operations(plant.release(valve, "5")).get(0));

        Map<String, Object> line = line(center, operation);
        assertEquals("SHORT", line.get("material"), line.toString());
        assertMaterial(line, blank, "10", "0");
        assertEquals(0, decimal(line.get("quantityToGo")).compareTo(new BigDecimal("5")));

        plant.receive(blank, "4", plant.staging, null, null);
        line = line(center, operation);
        assertEquals("SHORT", line.get("material"), line.toString());
        assertMaterial(line, blank, "10", "4");

        plant.receive(blank, "6", plant.staging, null, null);
        line = line(center, operation);
        assertEquals("STAGED", line.get("material"), line.toString());
        assertMaterial(line, blank, "10", "10");

        // two made: three to go need six, and the four backflushed leave six
        plant.enterprise.as("operator").body(report("START", operation)).post("/api/mes/reports").then().statusCode(200);
        plant.enterprise.as("operator").body(quantity(operation, "2")).post("/api/mes/reports").then().statusCode(200);
        line = line(center, operation);
        assertEquals(0, decimal(line.get("quantityToGo")).compareTo(new BigDecimal("3")), line.toString());
        assertEquals("STAGED", line.get("material"), line.toString());
        assertMaterial(line, blank, "6", "6");
    }

    @Test
    @SuppressWarnings("unchecked")
    void materialCannotBeToldWithoutAStagingLocationAndIsNotNeededWhereNothingIsConsumed() {
        long bare = plant.data.workCenter("BARE", "60"); // no shop-floor settings: no staging location
        long center = plant.workCenter("FREE");
        long blank = plant.data.bought("BLANK-B", "1");
        long label = plant.data.made("LABEL");
        // the blank goes into the first operation only
        plant.data.planner().body(Map.of("itemId", label, "revision", "A", "validFrom", "2020-01-01", "lines",
                List.of(Map.of("componentId", blank, "quantity", "1", "operationNo", 10)))).post("/api/boms")
                .then().statusCode(201);
        plant.data.routing(label, ShopFloorFixture.routingStep(10, bare, null), ShopFloorFixture.routingStep(20, center, null));
        List<Map<String, Object>> ops = operations(plant.release(label, "1"));

        Map<String, Object> unknown = line(bare, id(ops.get(0)));
        assertEquals("UNKNOWN", unknown.get("material"), unknown.toString());
        assertNull(((List<Map<String, Object>>) unknown.get("materialLines")).get(0).get("onHand"), unknown.toString());
        Map<String, Object> none = line(center, id(ops.get(1)));
        assertEquals("NONE_NEEDED", none.get("material"), none.toString());
        assertEquals(List.of(), none.get("materialLines"));
    }

    @Test
    void anOperationIsLateWhenItsPlannedEndHasPassedOrFallsAfterTheDueDateOrItsOrderIsOverdue() {
        long center = plant.workCenter("LATE");
        plant.data.workUnit(center, "LATE-1");
        long shaft = plant.product("SHAFT", center, plant.data.bought("SHAFT-PART", "1"));
        LocalDate today = LocalDate.now();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

        long pastOrder = order(shaft, today.plusDays(60));
        solve(pastOrder, now.minus(Duration.ofDays(2)));
        long past = id(operations(plant.release(pastOrder)).get(0));
        long onTimeOrder = order(shaft, today.plusDays(60));
        solve(onTimeOrder, now.plus(Duration.ofDays(1)));
        long onTime = id(operations(plant.release(onTimeOrder)).get(0));
        LocalDate tomorrow = today.plusDays(1);
        long afterDueOrder = order(shaft, tomorrow);
        solve(afterDueOrder, now.plus(Duration.ofDays(3)));
        long afterDue = id(operations(plant.release(afterDueOrder)).get(0));
        // never scheduled, and due two days ago
        LocalDate overdueDate = today.minusDays(2);
        long overdue = id(operations(plant.release(order(shaft, overdueDate))).get(0));

        Map<String, Object> line = line(center, past);
        Instant plannedEnd = Instant.parse((String) line.get("plannedEnd"));
        assertTrue(plannedEnd.isBefore(Instant.now()), line.toString());
        assertEquals(true, line.get("late"), line.toString());
        String because = (String) line.get("lateBecause");
        assertTrue(because.startsWith("planned to end ") && because.endsWith(", not finished"), because);
        assertEquals(plannedEnd, Instant.parse(because.substring("planned to end ".length(), because.indexOf(','))));

        line = line(center, onTime);
        assertTrue(Instant.parse((String) line.get("plannedEnd")).isAfter(Instant.now()), line.toString());
        assertEquals(false, line.get("late"), line.toString());
        assertNull(line.get("lateBecause"), line.toString());

        line = line(center, afterDue);
        assertEquals(true, line.get("late"), line.toString());
        assertEquals("planned to end after the order's due date " + tomorrow, line.get("lateBecause"));

        line = line(center, overdue);
        assertNull(line.get("plannedEnd"), line.toString());
        assertEquals(true, line.get("late"), line.toString());
        assertEquals("the order was due " + overdueDate, line.get("lateBecause"));
    }

    @Test
    void theListFollowsThePlannedStartNotTheOrderNumberOrTheDueDateAndPutsTheUnscheduledLast() {
        long center = plant.workCenter("SEQ");
        plant.data.workUnit(center, "SEQ-1");
        long gear = plant.product("GEAR", center, plant.data.bought("GEAR-PART", "1"));
        LocalDate today = LocalDate.now();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

        // the first order is due first and numbered first, but planned a week after the second
        long firstOrder = order(gear, today.plusDays(20));
        solve(firstOrder, now.plus(Duration.ofDays(8)));
        long first = id(operations(plant.release(firstOrder)).get(0));
        long secondOrder = order(gear, today.plusDays(40));
        solve(secondOrder, now.plus(Duration.ofDays(1)));
        long second = id(operations(plant.release(secondOrder)).get(0));
        // due before both, but not in the schedule
        long unscheduled = id(operations(plant.release(order(gear, today.plusDays(10)))).get(0));

        List<Map<String, Object>> lines = dispatch("workCenterId", center);
        assertEquals(List.of(second, first, unscheduled), lines.stream().map(l -> number(l.get("operationId"))).toList(),
                lines.toString());
        Instant secondStart = Instant.parse((String) lines.get(0).get("plannedStart"));
        Instant firstStart = Instant.parse((String) lines.get(1).get("plannedStart"));
        assertTrue(secondStart.isBefore(firstStart), lines.toString());
        assertNull(lines.get(2).get("plannedStart"), lines.toString());
    }

    @Test
    void aWorkUnitsListHoldsTheOperationsOnThatUnitOnly() {
        long center = plant.workCenter("UNIT");
        long unitA = plant.data.workUnit(center, "UNIT-A");
        long unitB = plant.data.workUnit(center, "UNIT-B");
        long disc = plant.product("DISC", center, plant.data.bought("DISC-PART", "1"));
        LocalDate due = LocalDate.now().plusDays(30);
        long onB = id(operations(plant.release(order(disc, due))).get(0));
        long onA = id(operations(plant.release(order(disc, due))).get(0));
        long nowhere = id(operations(plant.release(order(disc, due))).get(0));
        start(onB, unitB);
        start(onA, unitA);

        assertEquals(List.of(onA), operationIds(dispatch("workUnitId", unitA)));
        assertEquals(List.of(onB), operationIds(dispatch("workUnitId", unitB)));
        assertTrue(dispatch("workUnitId", unitA).stream().allMatch(l -> number(l.get("workUnitId")) == unitA));
        List<Long> atCenter = operationIds(dispatch("workCenterId", center));
        assertEquals(3, atCenter.size(), atCenter.toString());
        assertTrue(atCenter.containsAll(List.of(onA, onB, nowhere)), atCenter.toString());
        assertFalse(operationIds(dispatch("workUnitId", unitA)).contains(nowhere));
    }

    // ---- the test's tools ----

    /** A planned production order of one piece started a month ago and due on the date given. */
    private static long order(long item, LocalDate due) {
        return number(plant.data.planner().body(Map.of("itemId", item, "quantity", "1", "startDate",
                        LocalDate.now().minusDays(30).toString(), "dueDate", due.toString())).post("/api/production-orders")
                .then().statusCode(201).extract().path("id"));
    }

    /** Solves the live schedule for one order from the horizon given and waits for it. */
    private static void solve(long order, Instant horizonStart) {
        Object solveId = plant.data.planner().body(Map.of("orderIds", List.of(order), "objective", "MAKESPAN",
                        "timeLimitSeconds", 1, "seed", 1, "horizonStart", horizonStart.toString()))
                .post("/api/scheduling/solves").then().statusCode(202).extract().path("id");
        JsonPath solve = plant.awaitSolve(solveId);
        assertEquals("FINISHED", solve.getString("status"), solve.prettify());
    }

    /** The operator starts the operation on the work unit. */
    private static void start(long operation, long workUnit) {
        Map<String, Object> start = new HashMap<>(report("START", operation));
        start.put("workUnitId", workUnit);
        plant.enterprise.as("operator").body(start).post("/api/mes/reports").then().statusCode(200);
    }

    private static List<Map<String, Object>> dispatch(String filter, long id) {
        return plant.enterprise.as("operator").queryParam(filter, id).get("/api/mes/dispatch-list").then()
                .statusCode(200).extract().path("$");
    }

    private static Map<String, Object> line(long center, long operation) {
        return dispatch("workCenterId", center).stream().filter(l -> number(l.get("operationId")) == operation)
                .findFirst().orElseThrow(() -> new AssertionError("operation " + operation + " is not listed"));
    }

    @SuppressWarnings("unchecked")
    private static void assertMaterial(Map<String, Object> line, long item, String required, String onHand) {
        List<Map<String, Object>> material = (List<Map<String, Object>>) line.get("materialLines");
        assertEquals(1, material.size(), line.toString());
        assertEquals(item, number(material.get(0).get("itemId")));
        assertNotNull(material.get(0).get("itemCode"));
        assertEquals(0, decimal(material.get(0).get("required")).compareTo(new BigDecimal(required)), line.toString());
        assertEquals(0, decimal(material.get(0).get("onHand")).compareTo(new BigDecimal(onHand)), line.toString());
    }

    private static List<Long> operationIds(List<Map<String, Object>> lines) {
        return lines.stream().map(l -> number(l.get("operationId"))).toList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(String.valueOf(value));
    }
}
