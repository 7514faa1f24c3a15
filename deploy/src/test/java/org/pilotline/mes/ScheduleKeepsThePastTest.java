package org.pilotline.mes;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;
import static org.pilotline.mes.ShopFloorFixture.report;

/** A re-solve after the shop floor has worked keeps what happened where and when it happened. */
@QuarkusTest
class ScheduleKeepsThePastTest {

    @Test
    void startedAndFinishedOperationsStayAtTheirActualTimesAndWorkUnits() {
        ShopFloorFixture plant = new ShopFloorFixture();
        long turning = plant.workCenter("TURN");
        long unitA = unit(plant, turning, "TURN-A");
        long unitB = unit(plant, turning, "TURN-B");
        long assembly = plant.workCenter("ASM");
        unit(plant, assembly, "ASM-1");
        long shaft = plant.data.made("SHAFT");
        plant.data.routing(shaft, ShopFloorFixture.routingStep(10, turning, null),
                ShopFloorFixture.routingStep(20, assembly, null));
        long bar = plant.data.bought("BAR", "2");
        plant.data.bom(shaft).line(bar, "1").create();
        plant.receive(bar, "10", plant.staging, null, null);
        Response workOrder = plant.release(shaft, "10");
        long productionOrder = workOrder.then().extract().<Number>path("productionOrderId").longValue();
        long op10 = id(operations(workOrder).get(0));
        long op20 = id(operations(workOrder).get(1));

        // turning ran on unit B from three hours ago to one hour ago; assembly started half an hour ago
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        var operator = plant.enterprise.as("operator");
        Map<String, Object> start = report("START", op10);
        start.put("workUnitId", unitB);
        start.put("occurredAt", now.minus(Duration.ofHours(3)).toString());
        operator.body(start).post("/api/mes/reports").then().statusCode(200);
        Map<String, Object> finish = report("FINISH", op10);
        finish.put("good", "10");
        finish.put("occurredAt", now.minus(Duration.ofHours(1)).toString());
        operator.body(finish).post("/api/mes/reports").then().statusCode(200);
        Map<String, Object> assemble = report("START", op20);
        assemble.put("occurredAt", now.minus(Duration.ofMinutes(30)).toString());
        operator.body(assemble).post("/api/mes/reports").then().statusCode(200);

        JsonPath solve = plant.awaitSolve(plant.data.planner().body(Map.of("orderIds", List.of(productionOrder),
                "objective", "MAKESPAN", "timeLimitSeconds", 1, "seed", 3)).post("/api/scheduling/solves")
                .then().statusCode(202).extract().path("id"));
        assertEquals("FINISHED", solve.getString("status"), solve.prettify());
        long scheduleId = solve.getLong("scheduleId");
        JsonPath gantt = plant.data.planner().get("/api/scheduling/schedules/" + scheduleId + "/gantt").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> turned = gantt.getMap("orders[0].operations.find { it.operationNo == 10 }");
        assertEquals(unitB, ((Number) turned.get("workUnitId")).longValue(), "stays on the unit it ran on, not " + unitA);
        assertEquals(now.minus(Duration.ofHours(3)), Instant.parse((String) turned.get("start")));
        assertEquals(now.minus(Duration.ofHours(1)), Instant.parse((String) turned.get("end")));
        Map<String, Object> assembling = gantt.getMap("orders[0].operations.find { it.operationNo == 20 }");
        Instant assemblyStart = Instant.parse((String) assembling.get("start"));
        assertEquals(now.minus(Duration.ofMinutes(30)), assemblyStart, "a running operation keeps its actual start");
        assertFalse(Instant.parse((String) assembling.get("end")).isBefore(now.minusSeconds(60)),
                "a running operation does not end in the past");
    }

    private static long unit(ShopFloorFixture plant, long workCenter, String code) {
        return ((Number) plant.data.planner().body(Map.of("workCenterId", workCenter, "code", plant.data.code(code),
                "name", code)).post("/api/work-units").then().statusCode(201).extract().path("id")).longValue();
    }

}
