package org.pilotline.mes;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;
import static org.pilotline.mes.ShopFloorFixture.quantity;
import static org.pilotline.mes.ShopFloorFixture.report;

/**
 * In-process inspection: a characteristic planned on a routing operation is copied to the operation when the order
 * is released; a result outside its limits raises a non-conformance that holds the operation's finish until quality
 * closes the record.
 */
@QuarkusTest
class InspectionTest {

    @Test
    void anOutOfLimitsResultRaisesANonConformanceThatHoldsTheFinishUntilItIsClosed() {
        ShopFloorFixture plant = new ShopFloorFixture();
        long lathe = plant.workCenter("LATHE");
        long shaft = shaftOfStagedBar(plant);
        long routing = plant.data.routing(shaft, ShopFloorFixture.routingStep(10, lathe, null));
        long routingOperation = ((Number) plant.data.planner().get("/api/routings/" + routing).then().statusCode(200)
                .extract().path("operations[0].id")).longValue();
        plant.enterprise.as("quality").body(plan(routingOperation, "bore diameter", "11.95", "12.05")).post("/api/mes/inspection-plans")
                .then().statusCode(201).body("characteristic", is("bore diameter"));

        Response workOrder = plant.release(shaft, "10");
        long operation = id(operations(workOrder).get(0));
        long workOrderId = workOrder.then().extract().<Number>path("id").longValue();
        List<Map<String, Object>> copied = characteristics(plant, operation);
        assertEquals(1, copied.size());
        assertEquals("bore diameter", copied.get(0).get("name"));
        assertEquals(11.95f, ((Number) copied.get(0).get("lowerLimit")).floatValue());
        assertEquals(12.05f, ((Number) copied.get(0).get("upperLimit")).floatValue());
        long diameter = id(copied.get(0));

        // the plan is copied at release: a characteristic added later is measured from the next order on
        plant.enterprise.as("quality").body(plan(routingOperation, "length", "199", "201")).post("/api/mes/inspection-plans").then().statusCode(201);
        assertEquals(1, characteristics(plant, operation).size());
        assertEquals(2, characteristics(plant, id(operations(plant.release(shaft, "1")).get(0))).size());

        ShopFloorFixture.Terminal terminal = plant.terminal("T-LATHE", lathe);
        terminal.send(report("START", operation)).then().statusCode(200);
        terminal.send(quantity(operation, "4")).then().statusCode(200);
        terminal.send(inspection(operation, diameter, "12.01", "1")).then().statusCode(200)
                .body("inspection.withinLimits", is(true)).body("inspection.nonConformance", nullValue());
        String ncr = terminal.send(inspection(operation, diameter, "12.20", "4")).then().statusCode(200)
                .body("inspection.withinLimits", is(false)).body("inspection.nonConformance", startsWith("NCR"))
                .extract().path("inspection.nonConformance");

        // the results recorded are read back in the order they were measured, each with its report's client id
        List<Map<String, Object>> results = plant.enterprise.as("operator").queryParam("operationId", operation)
                .get("/api/mes/inspection-results").then().statusCode(200).extract().path("$");
        assertEquals(List.of("12.01", "12.2"), results.stream().map(r -> String.valueOf(r.get("measured"))).toList());
        assertEquals(List.of(true, false), results.stream().map(r -> r.get("withinLimits")).toList());
        assertEquals(List.of("bore diameter", "bore diameter"), results.stream().map(r -> r.get("characteristic")).toList());
        assertEquals(List.of(1, 4), results.stream().map(r -> ((Number) r.get("concernsQuantity")).intValue()).toList());
        assertEquals("mm", results.get(0).get("unit"));
        assertEquals(diameter, ((Number) results.get(1).get("characteristicId")).longValue());
        terminal.request().queryParam("operationId", operation).get("/api/mes/inspection-results").then().statusCode(200)
                .body("size()", is(2));
        // another enterprise sees neither the operation nor its results
        new ShopFloorFixture().enterprise.as("operator").queryParam("operationId", operation)
                .get("/api/mes/inspection-results").then().statusCode(404).contentType("application/problem+json");

        List<Map<String, Object>> open = plant.enterprise.as("quality").queryParam("status", "OPEN").queryParam("workOrderId", workOrderId)
                .get("/api/mes/nonconformances").then().statusCode(200).extract().path("items");
        assertEquals(1, open.size());
        Map<String, Object> record = open.get(0);
        assertEquals(ncr, record.get("number"));
        assertEquals("INSPECTION", record.get("source"));
        assertEquals(4, record.get("quantity"));
        assertEquals(diameter, ((Number) record.get("characteristicId")).longValue());
        assertEquals(operation, ((Number) record.get("operationId")).longValue());

        Map<String, Object> finish = report("FINISH", operation);
        terminal.send(finish).then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("nonconformance-open")).body("nonConformance", is(ncr));
        plant.data.planner().get("/api/mes/work-orders/operations/" + operation).then().body("state", is("RUNNING"));

        long ncrId = id(record);
        int version = ((Number) record.get("version")).intValue();
        plant.enterprise.as("quality").post("/api/mes/nonconformances/" + ncrId + "/close").then().statusCode(400)
                .body("type", containsString("version-required"));
        plant.enterprise.as("quality").post("/api/mes/nonconformances/" + ncrId + "/close?version=" + (version + 1)).then().statusCode(409)
                .body("type", containsString("stale-version"));
        plant.enterprise.as("quality").post("/api/mes/nonconformances/" + ncrId + "/close?version=" + version).then().statusCode(200)
                .body("status", is("CLOSED"));
        int closed = plant.enterprise.as("quality").get("/api/mes/nonconformances/" + ncrId).then().extract().path("version");
        plant.enterprise.as("quality").post("/api/mes/nonconformances/" + ncrId + "/close?version=" + closed).then().statusCode(409)
                .body("type", containsString("nonconformance-closed"));

        // the refused finish, sent again, is refused as it was; a new finish goes through
        terminal.send(finish).then().statusCode(409).body("replayed", is(true));
        terminal.send(report("FINISH", operation)).then().statusCode(200).body("operation.state", is("FINISHED"))
                .body("workOrder.state", is("COMPLETED"));
    }

    @Test
    void anInspectionResultMustNameACharacteristicOfItsOperationAndAValue() {
        ShopFloorFixture plant = new ShopFloorFixture();
        long lathe = plant.workCenter("LATHE");
        long shaft = shaftOfStagedBar(plant);
        long routing = plant.data.routing(shaft, ShopFloorFixture.routingStep(10, lathe, null),
                ShopFloorFixture.routingStep(20, lathe, null));
        List<Map<String, Object>> steps = plant.data.planner().get("/api/routings/" + routing).then().extract()
                .path("operations");
        plant.enterprise.as("quality").body(plan(id(steps.get(1)), "roundness", null, "0.01"))
                .post("/api/mes/inspection-plans").then().statusCode(201);
        List<Map<String, Object>> ops = operations(plant.release(shaft, "2"));
        long first = id(ops.get(0));
        long ofTheSecond = id(characteristics(plant, id(ops.get(1))).get(0));
        assertEquals(0, characteristics(plant, first).size());

        ShopFloorFixture.Terminal terminal = plant.terminal("T-LATHE", lathe);
        terminal.send(report("START", first)).then().statusCode(200);
        terminal.send(inspection(first, ofTheSecond, "0.001", "1")).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("characteristicId"));
        Map<String, Object> noValue = inspection(first, ofTheSecond, "0", "1");
        noValue.remove("measured");
        terminal.send(noValue).then().statusCode(400).body("errors[0].field", is("measured"));
        plant.enterprise.as("quality").get("/api/mes/characteristics?operationId=999999999").then().statusCode(404);
    }

    /** A shaft made of one bar, with bars staged. */
    private static long shaftOfStagedBar(ShopFloorFixture plant) {
        long bar = plant.data.bought("BAR", "2");
        plant.receive(bar, "100", plant.staging, null, null);
        long shaft = plant.data.made("SHAFT");
        plant.data.bom(shaft).line(bar, "1").create();
        return shaft;
    }

    private static List<Map<String, Object>> characteristics(ShopFloorFixture plant, long operation) {
        return plant.enterprise.as("operator").queryParam("operationId", operation).get("/api/mes/characteristics")
                .then().statusCode(200).extract().path("$");
    }

    private static Map<String, Object> plan(long routingOperation, String name, String lower, String upper) {
        Map<String, Object> body = new HashMap<>(Map.of("routingOperationId", routingOperation, "characteristic", name,
                "unit", "mm", "sampleSize", 1));
        if (lower != null) {
            body.put("lowerLimit", lower);
        }
        body.put("upperLimit", upper);
        return body;
    }

    private static Map<String, Object> inspection(long operation, long characteristic, String measured, String concerns) {
        Map<String, Object> body = report("INSPECTION", operation);
        body.put("characteristicId", characteristic);
        body.put("measured", measured);
        body.put("concernsQuantity", concerns);
        return body;
    }
}
