package org.pilotline.app;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.pilotline.app.bootstrap.DemoPlants;
import org.pilotline.testing.Api;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo plants a newcomer finds in the embedded run, seeded through the same bean (the test profile does not seed
 * them at start-up) and read through the REST API as the demo users: a valve with a three-level BOM on four work
 * centers whose dispatch lists hold scheduled, released operations that a demo terminal reports against, and a food
 * plant whose recipe has a co-product and whose orders are released. The first test cuts the seeding short, as a crash
 * would, and shows that the next seeding completes the plants without doubling anything; once complete, a seeding
 * creates nothing.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoPlantTest {

    /** Equipment, machines, items and opening stock: the steps a seeding cut short has done. */
    private static final int STEPS_BEFORE_THE_CRASH = 4;

    private static boolean seeded;

    @Inject
    DemoPlants plants;

    @Test
    @Order(1)
    void aSeedingCutShortIsCompletedByTheNextWithoutDoublingWhatTheFirstMade() throws Exception {
        plants.seed(STEPS_BEFORE_THE_CRASH).get(3, TimeUnit.MINUTES);
        JsonPath health = readiness();
        assertTrue(health.getString("data.demo").startsWith("seeding, 4/8 steps done"), health.prettify());
        assertTrue(health.getString("data.demo2").startsWith("seeding, 4/8 steps done"), health.prettify());
        // other tests of the shared boot may add to the demo enterprises: count the plants' own records
        long casting = id("demo-planner", "/api/items?q=CS-DN50");
        long sugar = id("demo2-planner", "/api/items?q=RM-SUGAR");
        int items = total("demo-planner", "/api/items");
        assertEquals(3, total("demo-planner", "/api/stock/moves?type=RECEIPT&itemId=" + casting), "opening stock");
        assertEquals(3, total("demo2-planner", "/api/stock/moves?type=RECEIPT&itemId=" + sugar), "opening stock");
        long valve = id("demo-planner", "/api/items?q=VA-DN50");
        assertEquals(0, total("demo-planner", "/api/production-orders?itemId=" + valve), "the orders' step is not reached");

        plants.seed().get(3, TimeUnit.MINUTES);
        seeded = true;
        health = readiness();
        assertTrue(health.getString("data.demo").startsWith("complete (8 steps"), health.prettify());
        assertTrue(health.getString("data.demo2").startsWith("complete (8 steps"), health.prettify());
        assertEquals(items, total("demo-planner", "/api/items"), "no item made twice");
        assertEquals(3, total("demo-planner", "/api/stock/moves?type=RECEIPT&itemId=" + casting), "no stock moved twice");
        assertEquals(3, total("demo2-planner", "/api/stock/moves?type=RECEIPT&itemId=" + sugar), "no stock moved twice");
        long milkTea = id("demo2-planner", "/api/items?q=PM-MILKTEA");
        Api.as("demo-planner").get("/api/mes/work-orders?itemId=" + valve).then().statusCode(200).body("total", is(2));
        Api.as("demo2-planner").get("/api/mes/work-orders?itemId=" + milkTea).then().statusCode(200).body("total", is(1));
    }

    @BeforeEach
    void seed(TestInfo test) throws Exception {
        if (!seeded && !test.getTestMethod().orElseThrow().isAnnotationPresent(Order.class)) {
            plants.seed().get(3, TimeUnit.MINUTES);
            seeded = true;
        }
    }

    @Test
    void theValveExplodesThreeLevelsDeepIntoBoughtCastingsAndBarStock() {
        long valve = id("demo-planner", "/api/items?q=VA-DN50");
        JsonPath explosion = Api.as("demo-planner").get("/api/items/" + valve + "/explosion?quantity=10").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(3, explosion.getList("level", Integer.class).stream().mapToInt(Integer::intValue).max().orElse(0));
        assertEquals(List.of("CS-DN50", "BAR-SS40"), explosion.getList("findAll { it.level == 3 }.code"));
        assertEquals("BA-DN50", explosion.getString("find { it.level == 1 && it.made }.code"));
    }

    @Test
    void fourWorkCentersHoldTheSimulatorsCncMachinesAsWorkUnits() {
        Api.as("demo-planner").get("/api/work-centers?q=HZ1-").then().statusCode(200).body("total", is(4))
                .body("items.code", hasItems("HZ1-TURN", "HZ1-MILL", "HZ1-ASSY", "HZ1-TEST"));
        long lathe = id("demo-planner", "/api/work-units?q=HZ1-CNC-01");
        Api.as("demo-admin").get("/api/gateway/bindings").then().statusCode(200)
                .body("items.find { it.machineCode == 'HZ1-CNC-01' }.workUnitId", is((int) lathe));
    }

    @Test
    void aDemoTerminalReportsStartAndQuantityAgainstTheFirstReadyOperationOfItsDispatchList() {
        long turning = id("demo-planner", "/api/work-centers?q=HZ1-TURN");
        List<Map<String, Object>> lines = Api.as("demo-operator").get("/api/mes/dispatch-list?workCenterId=" + turning)
                .then().statusCode(200).extract().path("");
        assertFalse(lines.isEmpty(), "the turning dispatch list holds released operations");
        assertTrue(lines.stream().allMatch(l -> l.get("workUnitId") != null && l.get("plannedStart") != null),
                "every operation is placed by the live schedule: " + lines);
        assertTrue(lines.stream().anyMatch(l -> "RUNNING".equals(l.get("state"))), "one is under way: " + lines);
        long operation = lines.stream().filter(l -> "READY".equals(l.get("state"))).findFirst()
                .map(l -> ((Number) l.get("operationId")).longValue()).orElseThrow();

        long terminal = id("demo-admin", "/api/mes/terminals?workCenterId=" + turning);
        String token = Api.as("demo-admin").post("/api/mes/terminals/" + terminal + "/token").then().statusCode(200)
                .body("code", is("HZ1-T-TURN")).extract().path("token");
        terminal(token).body(Map.of("badgeNumber", "HZ1-001", "pin", "1234")).post("/api/mes/terminal/sign-in")
                .then().statusCode(200).body("operator", is("demo-operator"));
        terminal(token).body(Map.of("clientId", UUID.randomUUID().toString(), "sequence", 1, "kind", "START",
                "operationId", operation)).post("/api/mes/reports").then().statusCode(200)
                .body("operation.state", is("RUNNING"));
        terminal(token).body(Map.of("clientId", UUID.randomUUID().toString(), "sequence", 2, "kind", "QUANTITY",
                "operationId", operation, "good", 2)).post("/api/mes/reports").then().statusCode(200)
                .body("operation.good", is(2)).body("consumed[0].lotNumber", notNullValue());
    }

    @Test
    void theFoodPlantsRecipeHasACoProductAndItsOrdersAreReleasedToTheShopFloor() {
        long chocolate = id("demo2-planner", "/api/items?q=PM-CHOC&size=1&sort=code");
        JsonPath recipe = Api.as("demo2-planner").get("/api/recipes?itemId=" + chocolate).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("CO_PRODUCT", "BY_PRODUCT"), recipe.getList("items[0].outputs.kind"));
        assertEquals("PM-CHOC-G", recipe.getString("items[0].outputs.find { it.kind == 'CO_PRODUCT' }.itemCode"));
        JsonPath workOrders = Api.as("demo2-planner").get("/api/mes/work-orders?sort=number&itemId=" + chocolate)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("IN_PROGRESS", "RELEASED"), workOrders.getList("items.state"), "the first batch is mixing");
        Api.as("demo2-planner").get("/api/mes/work-orders/" + workOrders.getLong("items[1].id")).then().statusCode(200)
                .body("operations.operationNo", is(List.of(10, 20)))
                .body("operations.workUnitId", everyItem(notNullValue()))
                .body("operations.plannedStart", everyItem(notNullValue()));
    }

    @Test
    void seedingAgainCreatesNothing() throws Exception {
        int workOrders = total("demo-planner", "/api/mes/work-orders");
        int moves = total("demo2-planner", "/api/stock/moves");
        int reasons = Api.as("demo-planner").get("/api/mes/reasons").then().statusCode(200).extract()
                .<List<?>>path("").size();
        plants.seed().get(3, TimeUnit.MINUTES);
        assertEquals(workOrders, total("demo-planner", "/api/mes/work-orders"));
        assertEquals(moves, total("demo2-planner", "/api/stock/moves"));
        assertEquals(reasons, Api.as("demo-planner").get("/api/mes/reasons").then().extract().<List<?>>path("").size());
    }

    private static JsonPath readiness() {
        JsonPath health = RestAssured.given().accept(ContentType.JSON).get("/q/health/ready").then().extract().jsonPath();
        health.setRootPath("checks.find { it.name == 'Demo plants' }");
        return health;
    }

    private static long id(String user, String path) {
        return Api.as(user).get(path).then().statusCode(200).extract().<Number>path("items[0].id").longValue();
    }

    private static int total(String user, String path) {
        return Api.as(user).get(path).then().statusCode(200).extract().path("total");
    }

    private static RequestSpecification terminal(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }
}
