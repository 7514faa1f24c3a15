package org.pilotline.mes;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;
import static org.pilotline.mes.ShopFloorFixture.quantity;
import static org.pilotline.mes.ShopFloorFixture.report;

/**
 * Who may do what on the shop floor (issue 11: operators and terminals report, planners release and read, managers
 * read): a manager reads every list and changes nothing, only operators and terminals report, and each refusal is a 403
 * problem that wrote nothing.
 */
@QuarkusTest
class MesRolesTest {

    private static final String FORBIDDEN = "https://pilotline.org/problems/forbidden";

    private static ShopFloorFixture plant;
    private static long workCenter;
    private static long product;
    private static ShopFloorFixture.Terminal terminal;

    @BeforeEach
    void plant() {
        if (plant != null) {
            return;
        }
        plant = new ShopFloorFixture();
        workCenter = plant.workCenter("ROLE");
        long blank = plant.data.bought("BLANK", "1");
        plant.receive(blank, "100", plant.staging, null, null);
        product = plant.product("PART", workCenter, blank);
        terminal = plant.terminal("T-ROLE", workCenter);
    }

    @Test
    void aManagerReadsTheShopFloor() {
        Response workOrder = plant.release(product, "2");
        long workOrderId = workOrder.then().extract().<Number>path("id").longValue();
        long operation = id(operations(workOrder).get(0));
        plant.enterprise.as("manager").get("/api/mes/work-orders").then().statusCode(200);
        plant.enterprise.as("manager").get("/api/mes/work-orders/" + workOrderId).then().statusCode(200)
                .body("state", is("RELEASED"));
        plant.enterprise.as("manager").get("/api/mes/work-orders/operations/" + operation).then().statusCode(200);
        plant.enterprise.as("manager").queryParam("workCenterId", workCenter).get("/api/mes/dispatch-list").then()
                .statusCode(200).body("find { it.operationId == " + operation + " }.state", is("READY"));
        plant.enterprise.as("manager").get("/api/mes/settings").then().statusCode(200);
        plant.enterprise.as("manager").get("/api/mes/work-centers/" + workCenter + "/settings").then().statusCode(200)
                .body("countingSource", is("TERMINAL"));
        plant.enterprise.as("manager").get("/api/mes/reasons").then().statusCode(200)
                .body("find { it.code == 'DOWN-JAM' }.id", notNullValue());
        plant.enterprise.as("manager").get("/api/mes/nonconformances").then().statusCode(200);
        plant.enterprise.as("manager").get("/api/mes/terminals").then().statusCode(200);
    }

    @Test
    void aManagerClosesNoWorkOrderButAPlannerDoes() {
        Response workOrder = plant.release(product, "1");
        long workOrderId = workOrder.then().extract().<Number>path("id").longValue();
        long operation = id(operations(workOrder).get(0));
        plant.enterprise.as("operator").body(report("START", operation)).post("/api/mes/reports").then().statusCode(200);
        Map<String, Object> finish = report("FINISH", operation);
        finish.put("good", "1");
        plant.enterprise.as("operator").body(finish).post("/api/mes/reports").then().statusCode(200)
                .body("workOrder.state", is("COMPLETED"));
        int version = plant.data.planner().get("/api/mes/work-orders/" + workOrderId).path("version");

        refused(plant.enterprise.as("manager").post("/api/mes/work-orders/" + workOrderId + "/close?version=" + version));
        plant.data.planner().get("/api/mes/work-orders/" + workOrderId).then().body("state", is("COMPLETED"))
                .body("version", is(version));

        plant.enterprise.as("planner").post("/api/mes/work-orders/" + workOrderId + "/close?version=" + version).then()
                .statusCode(200).body("state", is("CLOSED"));
    }

    @Test
    void aManagerChangesNeitherTheSettingsNorTheReasonTreeButTheAdministratorDoes() {
        String tolerance = plant.enterprise.as("admin").get("/api/mes/settings").then().statusCode(200).extract()
                .path("overDeliveryTolerance").toString();
        refused(plant.enterprise.as("manager").body(Map.of("overDeliveryTolerance", "0.9")).put("/api/mes/settings"));
        refused(plant.enterprise.as("planner").body(Map.of("overDeliveryTolerance", "0.9")).put("/api/mes/settings"));
        assertEquals(tolerance, plant.enterprise.as("admin").get("/api/mes/settings").path("overDeliveryTolerance")
                .toString());

        int centerVersion = plant.enterprise.as("admin").get("/api/mes/work-centers/" + workCenter + "/settings")
                .path("version");
        Map<String, Object> machineCounted = Map.of("stagingLocationId", plant.staging, "receiptLocationId",
                plant.finishedGoods, "countingSource", "MACHINE", "version", centerVersion);
        refused(plant.enterprise.as("manager").body(machineCounted).put("/api/mes/work-centers/" + workCenter + "/settings"));
        plant.enterprise.as("admin").get("/api/mes/work-centers/" + workCenter + "/settings").then()
                .body("countingSource", is("TERMINAL")).body("version", is(centerVersion));

        String code = "ROLE-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> reason = new HashMap<>(Map.of("code", code, "purpose", "DOWNTIME", "planned", false,
                "nameZh", "换模", "nameEn", "Die change"));
        refused(plant.enterprise.as("manager").body(reason).post("/api/mes/reasons"));
        assertEquals(List.of(), reasons(code));
        long jam = plant.reasonId("DOWN-JAM");
        Map<String, Object> renamed = Map.of("code", "DOWN-JAM", "purpose", "DOWNTIME", "planned", true,
                "nameZh", "卡料", "nameEn", "renamed", "version", reasons("DOWN-JAM").get(0).get("version"));
        refused(plant.enterprise.as("manager").body(renamed).put("/api/mes/reasons/" + jam));
        assertEquals("reason DOWN-JAM", reasons("DOWN-JAM").get(0).get("nameEn"));
        assertEquals(false, reasons("DOWN-JAM").get(0).get("planned"));

        // the administrator sets the shop floor up
        plant.enterprise.as("admin").body(reason).post("/api/mes/reasons").then().statusCode(201);
        assertEquals("Die change", reasons(code).get(0).get("nameEn"));
        Map<String, Object> tolerant = new HashMap<>(Map.of("overDeliveryTolerance", "0"));
        Object settingsVersion = plant.enterprise.as("admin").get("/api/mes/settings").path("version");
        if (settingsVersion != null) {
            tolerant.put("version", settingsVersion);
        }
        plant.enterprise.as("admin").body(tolerant).put("/api/mes/settings").then().statusCode(200)
                .body("overDeliveryTolerance", is(0));
    }

    @Test
    void aManagerNeitherRaisesNorClosesANonConformanceButQualityDoes() {
        Response workOrder = plant.release(product, "3");
        long workOrderId = workOrder.then().extract().<Number>path("id").longValue();
        Map<String, Object> found = Map.of("itemId", product, "workOrderId", workOrderId, "quantity", "1",
                "description", "scratched");
        refused(plant.enterprise.as("manager").body(found).post("/api/mes/nonconformances"));
        plant.enterprise.as("quality").queryParam("workOrderId", workOrderId).get("/api/mes/nonconformances").then()
                .body("total", is(0));

        Response raised = plant.enterprise.as("quality").body(found).post("/api/mes/nonconformances");
        raised.then().statusCode(201).body("status", is("OPEN"));
        long ncr = raised.then().extract().<Number>path("id").longValue();
        int version = plant.enterprise.as("quality").get("/api/mes/nonconformances/" + ncr).path("version");
        refused(plant.enterprise.as("manager").post("/api/mes/nonconformances/" + ncr + "/close?version=" + version));
        plant.enterprise.as("manager").get("/api/mes/nonconformances/" + ncr).then().statusCode(200)
                .body("status", is("OPEN"));
        plant.enterprise.as("quality").post("/api/mes/nonconformances/" + ncr + "/close?version=" + version).then()
                .statusCode(200).body("status", is("CLOSED"));
    }

    @Test
    void onlyOperatorsAndTerminalsReport() {
        long operation = id(operations(plant.release(product, "4")).get(0));
        for (String role : List.of("planner", "manager", "quality", "admin")) {
            refused(plant.enterprise.as(role).body(report("START", operation)).post("/api/mes/reports"));
        }
        plant.data.planner().get("/api/mes/work-orders/operations/" + operation).then().body("state", is("READY"))
                .body("goodQuantity", is(0));

        plant.enterprise.as("operator").body(report("START", operation)).post("/api/mes/reports").then().statusCode(200)
                .body("operation.state", is("RUNNING"));
        for (String role : List.of("planner", "manager")) {
            refused(plant.enterprise.as(role).body(quantity(operation, "1")).post("/api/mes/reports"));
        }
        terminal.send(quantity(operation, "2")).then().statusCode(200).body("operation.good", is(2));
        plant.data.planner().get("/api/mes/work-orders/operations/" + operation).then().body("goodQuantity", is(2));
    }

    /** 403, the forbidden problem. */
    private static void refused(Response answer) {
        answer.then().statusCode(403).contentType("application/problem+json").body("type", is(FORBIDDEN))
                .body("status", is(403));
    }

    /** The enterprise's reasons (roots) of a code. */
    private static List<Map<String, Object>> reasons(String code) {
        List<Map<String, Object>> roots = plant.enterprise.as("admin").get("/api/mes/reasons").then().statusCode(200)
                .extract().path("$");
        return roots.stream().filter(r -> code.equals(r.get("code"))).toList();
    }
}
