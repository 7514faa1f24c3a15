package org.pilotline.bpm;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pilotline.mes.ShopFloorFixture;
import org.pilotline.testing.Api;
import org.pilotline.testing.TestEnterprise;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;
import static org.pilotline.mes.ShopFloorFixture.quantity;
import static org.pilotline.mes.ShopFloorFixture.report;

/**
 * The non-conformance process end to end through REST on the real engine: started by the MES (an out-of-limits
 * inspection result, a scrap report above the enterprise's threshold) or by hand (once per request id); the quality
 * disposition — rework as an operation added to the work order, scrap and return to supplier as stock moves, use as
 * is as a concession a manager grants or refuses; root cause and corrective action with due dates on the engine's
 * clock; refusals that leave nothing behind; tenant isolation.
 */
@QuarkusTest
class NonConformanceProcessTest {

    private static final String PATH = "/api/processes/nonconformances";

    @AfterEach
    void resetTheEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void anOutOfLimitsInspectionStartsTheProcessAndReworkAddsAnOperationToTheWorkOrder() {
        ShopFloorFixture plant = new ShopFloorFixture();
        long lathe = plant.workCenter("LATHE");
        long bar = plant.data.bought("BAR", "2");
        plant.receive(bar, "100", plant.staging, null, null);
        long shaft = plant.data.made("SHAFT");
        plant.data.bom(shaft).line(bar, "1").create();
        long routing = plant.data.routing(shaft, ShopFloorFixture.routingStep(10, lathe, null));
        long routingOperation = ((Number) plant.data.planner().get("/api/routings/" + routing).then()
                .extract().path("operations[0].id")).longValue();
        plant.enterprise.as("quality").body(Map.of("routingOperationId", routingOperation, "characteristic", "bore",
                "lowerLimit", "11.95", "upperLimit", "12.05", "unit", "mm", "sampleSize", 1))
                .post("/api/mes/inspection-plans").then().statusCode(201);
        Response workOrder = plant.release(shaft, "10");
        long workOrderId = workOrder.then().extract().<Number>path("id").longValue();
        long op10 = id(operations(workOrder).get(0));
        long bore = ((Number) plant.enterprise.as("operator").queryParam("operationId", op10)
                .get("/api/mes/characteristics").then().extract().path("[0].id")).longValue();

        ShopFloorFixture.Terminal terminal = plant.terminal("T-LATHE", lathe);
        terminal.send(report("START", op10)).then().statusCode(200);
        terminal.send(quantity(op10, "10")).then().statusCode(200);
        Map<String, Object> inspection = report("INSPECTION", op10);
        inspection.put("characteristicId", bore);
        inspection.put("measured", "12.20");
        inspection.put("concernsQuantity", "4");
        String ncr = terminal.send(inspection).then().statusCode(200).extract().path("inspection.nonConformance");

        // the record and its process started together
        RequestSpecification quality = plant.enterprise.as("quality");
        List<Map<String, Object>> found = quality.queryParam("number", ncr).get(PATH).then().statusCode(200)
                .extract().path("$");
        assertEquals(1, found.size());
        String id = (String) found.get(0).get("id");
        var started = view(quality(plant), id).body("status", is("AWAITING_DISPOSITION")).body("source", is("INSPECTION"))
                .body("quantity", is(4)).body("workOrderId", is((int) workOrderId)).body("operationId", is((int) op10))
                .body("taskDue", notNullValue()).extract();
        long ncrId = ((Number) started.path("nonConformanceId")).longValue();
        String dispose = started.path("taskId");
        plant.enterprise.as("quality").get("/api/tasks/" + dispose).then().statusCode(200)
                .body("taskDefinitionKey", is("disposeNonConformance")).body("candidateGroups", contains("quality"))
                .body("businessKey", is(ncr))
                .body("form.find { it.id == 'disposition' }.values",
                        contains("SCRAP", "REWORK", "USE_AS_IS", "RETURN_TO_SUPPLIER"));
        plant.enterprise.as("quality").body(Map.of("variables", Map.of("disposition", "REWORK_LATER")))
                .post("/api/tasks/" + dispose + "/complete").then().statusCode(400)
                .body("errors.field", contains("variables.disposition"));

        // disposition on a Friday at 10:00 plant time: the root cause is due a week later
        ZoneId zone = zoneOf(plant.enterprise);
        Instant friday = LocalDate.of(2027, 1, 8).atTime(10, 0).atZone(zone).toInstant();
        ClockUtil.setCurrentTime(Date.from(friday));
        complete(plant.enterprise, "quality", dispose, Map.of("disposition", "REWORK", "dispositionComment", "re-bore"));
        var disposed = view(quality(plant), id).body("status", is("ROOT_CAUSE_ANALYSIS"))
                .body("disposition", is("REWORK")).body("taskDue", is(friday.plusSeconds(7 * 86400).toString()))
                .extract();
        long rework = ((Number) disposed.path("reworkOperationId")).longValue();
        plant.enterprise.as("quality").get("/api/mes/nonconformances/" + ncrId).then().body("status", is("CLOSED"));
        plant.data.planner().get("/api/mes/work-orders/" + workOrderId).then().statusCode(200)
                .body("operations.size()", is(2))
                .body("operations[1].id", is((int) rework)).body("operations[1].operationNo", is(11))
                .body("operations[1].reworkOf", is((int) ncrId)).body("operations[1].state", is("READY"))
                .body("operations[1].name", startsWith("Rework " + ncr))
                .body("operations[0].reworkOf", nullValue());

        // the held quantity is released: the operation finishes, and the order waits for its rework
        terminal.send(report("FINISH", op10)).then().statusCode(200).body("workOrder.state", is("IN_PROGRESS"));
        terminal.send(report("START", rework)).then().statusCode(200);
        terminal.send(quantity(rework, "5")).then().statusCode(422).body("type", containsString("more-than-arrived"));
        terminal.send(quantity(rework, "4")).then().statusCode(200);
        terminal.send(report("FINISH", rework)).then().statusCode(200).body("workOrder.state", is("COMPLETED"));
        // rework books no material: the ten shafts were received once, by the routing's last step
        assertEquals("10", plant.stock(shaft, plant.finishedGoods, null));

        String rootCause = disposed.path("taskId");
        plant.enterprise.as("quality").body(Map.of("variables", Map.of("rootCause", "worn boring bar", "actionDays", 0)))
                .post("/api/tasks/" + rootCause + "/complete").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("variables.correctiveAction", "variables.actionDays"));
        complete(plant.enterprise, "quality", rootCause, Map.of("rootCause", "worn boring bar",
                "correctiveAction", "tool life limit in the tool management", "actionDays", 3));
        Instant wednesday = LocalDate.of(2027, 1, 13).atTime(10, 0).atZone(zone).toInstant();
        String action = view(quality(plant), id).body("status", is("CORRECTIVE_ACTION"))
                .body("rootCause", is("worn boring bar")).body("actionDue", is(wednesday.toString()))
                .body("taskDue", is(wednesday.toString())).extract().path("taskId");
        complete(plant.enterprise, "quality", action, Map.of("actionOutcome", "limit set to 400 parts"));
        view(quality(plant), id).body("status", is("CLOSED")).body("taskId", nullValue())
                .body("actionOutcome", is("limit set to 400 parts")).body("endedAt", notNullValue());
        plant.enterprise.as("manager").queryParam("subject", "process:" + id).queryParam("sort", "recordedAt")
                .queryParam("size", 100).get("/api/journal").then()
                .body("items.kind", contains("nonconformance-raised", "task-created", "task-completed",
                        "nonconformance-disposed", "task-created", "task-completed", "task-created",
                        "task-completed", "nonconformance-corrected"))
                .body("items[3].text", containsString("re-bore"));
    }

    @Test
    void aNonConformanceRaisedByHandIsStartedOnceAndScrappedFromStock() {
        ShopFloorFixture plant = new ShopFloorFixture();
        long bar = plant.data.bought("BAR", "2");
        plant.receive(bar, "20", plant.staging, null, null);
        Map<String, Object> body = Map.of("requestId", UUID.randomUUID().toString(), "itemId", bar, "quantity", "5",
                "description", "scratched bars of the last delivery");

        var first = plant.enterprise.as("quality").body(body).post(PATH).then().statusCode(201)
                .header("Location", containsString(PATH + "/")).body("source", is("MANUAL"))
                .body("status", is("AWAITING_DISPOSITION")).body("raisedBy", is(plant.enterprise.code + "-quality"))
                .extract();
        String id = first.path("id");
        String number = first.path("number");
        plant.enterprise.as("quality").body(body).post(PATH).then().statusCode(200).body("id", is(id));
        plant.enterprise.as("quality").queryParam("number", number).get(PATH).then().body("size()", is(1));
        plant.enterprise.as("quality").get("/api/mes/nonconformances").then().body("total", is(1));

        String task = first.path("taskId");
        complete(plant.enterprise, "quality", task, Map.of("disposition", "SCRAP"), 400)
                .body("errors.field", contains("variables.locationId"));
        // nothing at the finished-goods location: refused, and nothing of the disposition is kept
        complete(plant.enterprise, "quality", task, Map.of("disposition", "SCRAP", "locationId", plant.finishedGoods), 409)
                .body("type", containsString("insufficient-stock"));
        view(quality(plant), id).body("status", is("AWAITING_DISPOSITION")).body("taskId", is(task))
                .body("stockMoveId", nullValue());
        plant.enterprise.as("quality").get("/api/mes/nonconformances/" + first.path("nonConformanceId")).then()
                .body("status", is("OPEN"));
        plant.enterprise.as("manager").queryParam("subject", "process:" + id).get("/api/journal").then()
                .body("items.kind", not(hasItem("nonconformance-disposed")));

        complete(plant.enterprise, "quality", task, Map.of("disposition", "SCRAP", "locationId", plant.staging));
        long move = ((Number) view(quality(plant), id).body("status", is("ROOT_CAUSE_ANALYSIS")).extract()
                .path("stockMoveId")).longValue();
        assertEquals("15", plant.stock(bar, plant.staging, null));
        plant.data.planner().get("/api/stock/moves/" + move).then().statusCode(200).body("type", is("ISSUE"))
                .body("reason", is("SCRAP")).body("quantity", is(5)).body("reference", is(number))
                .body("fromLocationId", is((int) plant.staging));
        plant.enterprise.as("quality").get("/api/mes/nonconformances/" + first.path("nonConformanceId")).then()
                .body("status", is("CLOSED"));
    }

    @Test
    void aScrapReportAboveTheThresholdNeedsAManagersConcessionToBeUsedAsIs() {
        ShopFloorFixture plant = new ShopFloorFixture();
        plant.enterprise.as("admin").body(Map.of("overDeliveryTolerance", "0", "scrapNcrThreshold", "0.1"))
                .put("/api/mes/settings").then().statusCode(200);
        long press = plant.workCenter("PRESS");
        long sheet = plant.data.bought("SHEET", "3");
        plant.receive(sheet, "100", plant.staging, null, null);
        long bracket = plant.product("BRACKET", press, sheet);
        Response workOrder = plant.release(bracket, "10");
        long op10 = id(operations(workOrder).get(0));
        ShopFloorFixture.Terminal terminal = plant.terminal("T-PRESS", press);
        terminal.send(report("START", op10)).then().statusCode(200);
        Map<String, Object> scrap = quantity(op10, "0");
        scrap.put("scrap", "2");
        scrap.put("reasonCode", "SCRAP-DEFECT");
        terminal.send(scrap).then().statusCode(200);
        String number = plant.enterprise.as("quality").queryParam("workOrderId", workOrder.then().extract().<Number>path("id"))
                .get("/api/mes/nonconformances").then().statusCode(200).body("items[0].source", is("SCRAP"))
                .extract().path("items[0].number");

        String id = plant.enterprise.as("quality").queryParam("number", number).get(PATH).then()
                .body("size()", is(1)).extract().path("[0].id");
        complete(plant.enterprise, "quality", taskOf(plant, id), Map.of("disposition", "USE_AS_IS"));
        String concession = view(quality(plant), id).body("status", is("AWAITING_CONCESSION")).extract().path("taskId");
        plant.enterprise.as("quality").get("/api/tasks/" + concession).then().statusCode(404);
        plant.enterprise.as("manager").get("/api/tasks/" + concession).then().statusCode(200)
                .body("candidateGroups", contains("manager"));

        // refused: quality decides again
        complete(plant.enterprise, "manager", concession, Map.of("concessionApproved", false,
                "concessionComment", "customer will not accept burrs"));
        view(quality(plant), id).body("status", is("AWAITING_DISPOSITION")).body("concessionApproved", is(false));
        plant.enterprise.as("quality").get("/api/mes/nonconformances?status=OPEN").then().body("items.number",
                hasItem(number));
        complete(plant.enterprise, "quality", taskOf(plant, id), Map.of("disposition", "USE_AS_IS",
                "dispositionComment", "deburred by hand"));
        String second = view(quality(plant), id).body("status", is("AWAITING_CONCESSION")).extract().path("taskId");
        complete(plant.enterprise, "manager", second, Map.of("concessionApproved", true));
        view(quality(plant), id).body("status", is("ROOT_CAUSE_ANALYSIS")).body("concessionApproved", is(true))
                .body("stockMoveId", nullValue()).body("reworkOperationId", nullValue());
        plant.enterprise.as("quality").get("/api/mes/nonconformances?status=CLOSED").then().body("items.number",
                hasItem(number));
        plant.enterprise.as("manager").queryParam("subject", "process:" + id).queryParam("kind",
                "nonconformance-disposed").get("/api/journal").then()
                .body("items[0].text", containsString("concession granted by " + plant.enterprise.code + "-manager"))
                .body("items[0].actor", is(plant.enterprise.code + "-manager"));
    }

    @Test
    void aReturnToTheSupplierNamesASupplierAndReworkNeedsAWorkOrder() {
        ShopFloorFixture plant = new ShopFloorFixture();
        long bar = plant.data.bought("BAR", "2");
        plant.receive(bar, "20", plant.staging, null, null);
        long supplier = plant.data.partner("STEEL", false, true);
        long customer = plant.data.partner("CUST", true, false);
        var raised = plant.enterprise.as("quality").body(Map.of("requestId", "r-" + UUID.randomUUID(), "itemId", bar,
                "quantity", "3", "description", "wrong grade")).post(PATH).then().statusCode(201).extract();
        String id = raised.path("id");
        String task = raised.path("taskId");

        complete(plant.enterprise, "quality", task, Map.of("disposition", "REWORK"), 400)
                .body("errors.field", contains("variables.disposition"));
        complete(plant.enterprise, "quality", task, Map.of("disposition", "RETURN_TO_SUPPLIER",
                "locationId", plant.staging), 400).body("errors.field", contains("variables.supplierId"));
        complete(plant.enterprise, "quality", task, Map.of("disposition", "RETURN_TO_SUPPLIER",
                "locationId", plant.staging, "supplierId", customer), 400).body("errors.field", contains("variables.supplierId"));
        complete(plant.enterprise, "quality", task, Map.of("disposition", "RETURN_TO_SUPPLIER",
                "locationId", 999999999, "supplierId", supplier), 400).body("errors.field", contains("variables.locationId"));
        assertEquals("20", plant.stock(bar, plant.staging, null));

        complete(plant.enterprise, "quality", task, Map.of("disposition", "RETURN_TO_SUPPLIER",
                "locationId", plant.staging, "supplierId", supplier));
        long move = ((Number) view(quality(plant), id).body("disposition", is("RETURN_TO_SUPPLIER")).extract()
                .path("stockMoveId")).longValue();
        assertEquals("17", plant.stock(bar, plant.staging, null));
        plant.data.planner().get("/api/stock/moves/" + move).then().body("reason", is("OTHER"))
                .body("note", containsString("returned to supplier " + plant.data.code("STEEL")));
    }

    @Test
    void aRaiseThatNamesNothingValidIsRefusedNamingTheField() {
        ShopFloorFixture plant = new ShopFloorFixture();
        long bar = plant.data.bought("BAR", "2");
        plant.enterprise.as("quality").body(Map.of("description", "x")).post(PATH).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("requestId", "itemId", "quantity"));
        plant.enterprise.as("quality").body(Map.of("requestId", "a", "itemId", 999999999, "quantity", "1",
                "description", "x")).post(PATH).then().statusCode(400).body("errors.field", contains("itemId"));
        plant.enterprise.as("quality").body(Map.of("requestId", "a b", "itemId", bar, "quantity", "-1",
                "description", "x")).post(PATH).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("requestId", "quantity"));
        plant.enterprise.as("operator").body(Map.of("requestId", "a", "itemId", bar, "quantity", "1",
                "description", "x")).post(PATH).then().statusCode(403);
        plant.enterprise.as("quality").get("/api/mes/nonconformances").then().body("total", is(0));
    }

    @Test
    void anotherEnterpriseCanNeitherSeeNorDecideANonConformance() {
        ShopFloorFixture plant = new ShopFloorFixture();
        long bar = plant.data.bought("BAR", "2");
        var raised = plant.enterprise.as("quality").body(Map.of("requestId", "r-1", "itemId", bar, "quantity", "1",
                "description", "dented")).post(PATH).then().statusCode(201).extract();
        String id = raised.path("id");
        String task = raised.path("taskId");
        TestEnterprise other = TestEnterprise.create();

        other.as("quality").get(PATH + "/" + id).then().statusCode(404).contentType("application/problem+json");
        other.as("quality").queryParam("number", raised.<String>path("number")).get(PATH).then().body("size()", is(0));
        other.as("quality").get("/api/tasks").then().body("id", not(hasItem(task)));
        other.as("quality").get("/api/tasks/" + task).then().statusCode(404);
        other.as("quality").body(Map.of("variables", Map.of("disposition", "USE_AS_IS")))
                .post("/api/tasks/" + task + "/complete").then().statusCode(404);
        // the same request id is another enterprise's own
        other.as("quality").body(Map.of("requestId", "r-1", "itemId", bar, "quantity", "1", "description", "x"))
                .post(PATH).then().statusCode(400).body("errors.field", contains("itemId"));
        view(quality(plant), id).body("status", is("AWAITING_DISPOSITION")).body("taskId", is(task));
    }

    private static RequestSpecification quality(ShopFloorFixture plant) {
        return plant.enterprise.as("quality");
    }

    private static io.restassured.response.ValidatableResponse view(RequestSpecification as, String id) {
        return as.get(PATH + "/" + id).then().statusCode(200);
    }

    private static String taskOf(ShopFloorFixture plant, String id) {
        return view(quality(plant), id).extract().path("taskId");
    }

    private static void complete(TestEnterprise enterprise, String role, String task, Map<String, Object> variables) {
        complete(enterprise, role, task, variables, 204);
    }

    private static io.restassured.response.ValidatableResponse complete(TestEnterprise enterprise, String role,
                                                                         String task, Map<String, Object> variables,
                                                                         int status) {
        return enterprise.as(role).body(Map.of("variables", new HashMap<>(variables)))
                .post("/api/tasks/" + task + "/complete").then().statusCode(status);
    }

    private static ZoneId zoneOf(TestEnterprise enterprise) {
        return ZoneId.of(Api.as("admin").get("/api/enterprises/" + enterprise.code).then().extract()
                .<String>path("timeZone"));
    }
}
