package org.pilotline.mes;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.Api;
import org.pilotline.testing.TestEnterprise;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;
import static org.pilotline.mes.ShopFloorFixture.quantity;
import static org.pilotline.mes.ShopFloorFixture.report;

/**
 * A released order runs through terminal and operator reports on the real database: operations follow their state
 * machine, components are backflushed first-expired-first-out from staging, the finished lot is received with its
 * genealogy, the ERP order follows; every refusal is the documented problem and writes nothing.
 */
@QuarkusTest
class ShopFloorTest {

    private static ShopFloorFixture plant;
    private static long cutting;
    private static long assembly;
    private static long frame;
    private static long screw;
    private static long bike;
    private static ShopFloorFixture.Terminal cuttingTerminal;

    @BeforeEach
    void plant() {
        if (plant != null) {
            return;
        }
        plant = new ShopFloorFixture();
        cutting = plant.workCenter("CUT");
        assembly = plant.workCenter("ASM");
        frame = plant.data.item("FRAME").bought().with("tracking", "LOT").create();
        screw = plant.data.bought("SCREW", "0.1");
        bike = plant.data.item("BIKE").made().with("tracking", "LOT").create();
        plant.data.planner().body(Map.of("itemId", bike, "revision", "A", "validFrom", "2020-01-01", "lines", List.of(
                        Map.of("componentId", frame, "quantity", "1", "operationNo", 10),
                        Map.of("componentId", screw, "quantity", "4"))))
                .post("/api/boms").then().statusCode(201);
        plant.data.routing(bike, ShopFloorFixture.routingStep(10, cutting, "2"), ShopFloorFixture.routingStep(20, assembly, null));
        cuttingTerminal = plant.terminal("T-CUT", cutting);
    }

    @Test
    void aReleasedOrderRunsEndToEndThroughTerminalAndOperatorReports() {
        plant.receive(frame, "3", plant.staging, "F-OLD", "2027-01-01");
        plant.receive(frame, "10", plant.staging, "F-NEW", "2027-06-01");
        plant.receive(screw, "100", plant.staging, null, null);

        Response workOrder = plant.release(bike, "5");
        workOrder.then().statusCode(200).body("state", is("RELEASED")).body("operations.state", is(List.of("READY", "WAITING")));
        List<Map<String, Object>> ops = operations(workOrder);
        long op10 = id(ops.get(0));
        long op20 = id(ops.get(1));
        long workOrderId = workOrder.then().extract().<Number>path("id").longValue();
        long productionOrder = workOrder.then().extract().<Number>path("productionOrderId").longValue();

        cuttingTerminal.send(report("START", op10)).then().statusCode(200).body("operation.state", is("RUNNING"))
                .body("workOrder.state", is("IN_PROGRESS"));
        // two frames cut: the transfer quantity lets assembly start; the oldest-expiring lot goes first
        cuttingTerminal.send(quantity(op10, "2")).then().statusCode(200).body("consumed[0].lotNumber", is("F-OLD"))
                .body("consumed[0].quantity", is(2));
        plant.data.planner().get("/api/mes/work-orders/operations/" + op20).then().body("state", is("READY"));
        cuttingTerminal.send(quantity(op10, "3")).then().statusCode(200)
                .body("consumed.lotNumber", is(List.of("F-OLD", "F-NEW"))).body("consumed.quantity", is(List.of(1, 2)));
        cuttingTerminal.send(report("FINISH", op10)).then().statusCode(200).body("operation.state", is("FINISHED"));

        // assembly reports with the operator's own login, not through a terminal
        var operator = plant.enterprise.as("operator");
        operator.body(report("START", op20)).post("/api/mes/reports").then().statusCode(200);
        Map<String, Object> finish = report("FINISH", op20);
        finish.put("good", "5");
        String finishedLot = operator.body(finish).post("/api/mes/reports").then().statusCode(200)
                .body("operation.state", is("FINISHED")).body("workOrder.state", is("COMPLETED"))
                .body("consumed[0].quantity", is(20)).body("received[0].quantity", is(5))
                .extract().path("received[0].lotNumber");

        assertEquals("0", plant.stock(frame, plant.staging, "F-OLD"));
        assertEquals("8", plant.stock(frame, plant.staging, "F-NEW"));
        assertEquals("80", plant.stock(screw, plant.staging, null));
        assertEquals("5", plant.stock(bike, plant.finishedGoods, finishedLot));
        plant.data.planner().get("/api/production-orders/" + productionOrder).then()
                .body("status", is("COMPLETED")).body("completedQuantity", is(5));
        plant.enterprise.as("manager").get("/api/stock/integrity").then().statusCode(200).body("mismatches.size()", is(0));

        // genealogy both ways: the bike lot holds both frame lots and the screws; each frame lot is in the bike lot
        plant.data.planner().queryParam("lot", finishedLot).get("/api/mes/genealogy/items/" + bike + "/lots/components")
                .then().statusCode(200).body("links.findAll { it.consumedLot == 'F-OLD' }.quantity.sum()", is(3))
                .body("links.findAll { it.consumedLot == 'F-NEW' }.quantity.sum()", is(2))
                .body("links.findAll { it.consumedItemId == " + screw + " }.quantity.sum()", is(20));
        plant.data.planner().queryParam("lot", "F-OLD").get("/api/mes/genealogy/items/" + frame + "/lots/where-used")
                .then().statusCode(200).body("links.producedLot", hasItem(finishedLot));

        plant.data.planner().post("/api/mes/work-orders/" + workOrderId + "/close?version="
                + plant.data.planner().get("/api/mes/work-orders/" + workOrderId).path("version"))
                .then().statusCode(200).body("state", is("CLOSED"));
        operator.body(report("START", op20)).post("/api/mes/reports").then().statusCode(409)
                .body("type", containsString("work-order-closed"));
    }

    @Test
    void aReportSentAgainIsAppliedOnceAndAnsweredWithTheFirstOutcome() {
        plant.receive(frame, "10", plant.staging, "F-REPLAY", null);
        long op10 = id(operations(plant.release(bike, "4")).get(0));
        cuttingTerminal.send(report("START", op10)).then().statusCode(200);
        Map<String, Object> twice = quantity(op10, "2");
        Response first = cuttingTerminal.send(twice);
        first.then().statusCode(200).body("replayed", is(false));
        String stockAfterFirst = plant.stock(frame, plant.staging, null);
        cuttingTerminal.send(twice).then().statusCode(200).body("replayed", is(true))
                .body("reportId", is(first.<Integer>path("reportId"))).body("operation.good", is(2));
        assertEquals(stockAfterFirst, plant.stock(frame, plant.staging, null));
        plant.data.planner().get("/api/mes/work-orders/operations/" + op10).then().body("goodQuantity", is(2));

        // the same number for a different report is a client bug, not a replay
        Map<String, Object> reused = quantity(op10, "1");
        reused.put("sequence", twice.get("sequence"));
        cuttingTerminal.send(reused).then().statusCode(409).body("type", containsString("sequence-reused"));
    }

    @Test
    void reportsThatDoNotFitAreRefusedWithTheDocumentedProblemAndWriteNothing() {
        // a product of its own, so that no other test's stock is staged for it
        long wheel = plant.data.item("WHEEL").bought().with("tracking", "LOT").create();
        long trike = plant.data.item("TRIKE").made().create();
        plant.data.planner().body(Map.of("itemId", trike, "revision", "A", "validFrom", "2020-01-01", "lines",
                List.of(Map.of("componentId", wheel, "quantity", "1", "operationNo", 10)))).post("/api/boms")
                .then().statusCode(201);
        plant.data.routing(trike, ShopFloorFixture.routingStep(10, cutting, null), ShopFloorFixture.routingStep(20, assembly, null));
        plant.receive(wheel, "2", plant.staging, "W-SHORT", null);
        Response workOrder = plant.release(trike, "3");
        long op10 = id(operations(workOrder).get(0));
        long op20 = id(operations(workOrder).get(1));
        String wheels = plant.stock(wheel, plant.staging, null);

        // the second operation waits for the first: 409 naming its actual state
        plant.enterprise.as("operator").body(report("START", op20)).post("/api/mes/reports").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("operation-state"))
                .body("actualState", is("WAITING"));
        // a terminal of another work center
        cuttingTerminal.send(report("START", op20)).then().statusCode(403).body("type", containsString("wrong-terminal"));
        // quantities before the start
        cuttingTerminal.send(quantity(op10, "1")).then().statusCode(409).body("actualState", is("READY"));
        cuttingTerminal.send(report("START", op10)).then().statusCode(200);
        // more than the order without tolerance
        cuttingTerminal.send(quantity(op10, "4")).then().statusCode(422).body("type", containsString("over-delivery"))
                .body("errors[0].field", is("good"));
        // scrap needs a reason from the tree, and a fitting one
        Map<String, Object> scrap = quantity(op10, "0");
        scrap.put("scrap", "1");
        cuttingTerminal.send(scrap).then().statusCode(400).body("errors[0].field", is("reasonCode"));
        Map<String, Object> wrongReason = new HashMap<>(scrap);
        wrongReason.put("clientId", java.util.UUID.randomUUID().toString());
        wrongReason.remove("sequence");
        wrongReason.put("reasonCode", "PAUSE-BREAK");
        cuttingTerminal.send(wrongReason).then().statusCode(400).body("type", containsString("unfit-reason"));
        // three wheels needed, two staged, wheels may not go negative: 409 naming item, location and what is there
        Map<String, Object> short3 = quantity(op10, "3");
        cuttingTerminal.send(short3).then().statusCode(409).body("type", containsString("insufficient-stock"))
                .body("available", is(2)).body("required", is(3));
        // a refused report sent again is refused the same way
        cuttingTerminal.send(short3).then().statusCode(409).body("replayed", is(true));

        assertEquals(wheels, plant.stock(wheel, plant.staging, null));
        plant.data.planner().get("/api/mes/work-orders/operations/" + op10).then()
                .body("goodQuantity", is(0)).body("scrapQuantity", is(0)).body("state", is("RUNNING"));
    }

    @Test
    void theEnterprisesOverDeliveryToleranceLetsAnOperationYieldMoreThanOrderedUpToIt() {
        // an enterprise of its own: the tolerance is enterprise-wide
        ShopFloorFixture tolerant = new ShopFloorFixture();
        long press = tolerant.workCenter("PRESS");
        long sheet = tolerant.data.bought("SHEET", "0.5");
        long plate = tolerant.data.item("PLATE").made().create();
        tolerant.data.planner().body(Map.of("itemId", plate, "revision", "A", "validFrom", "2020-01-01", "lines",
                List.of(Map.of("componentId", sheet, "quantity", "1")))).post("/api/boms").then().statusCode(201);
        tolerant.data.routing(plate, ShopFloorFixture.routingStep(10, press, null));
        tolerant.receive(sheet, "10", tolerant.staging, null, null);
        tolerant.enterprise.as("admin").body(Map.of("overDeliveryTolerance", "0.5")).put("/api/mes/settings")
                .then().statusCode(200);
        ShopFloorFixture.Terminal pressTerminal = tolerant.terminal("T-PRESS", press);
        long op10 = id(operations(tolerant.release(plate, "4")).get(0));
        pressTerminal.send(report("START", op10)).then().statusCode(200);
        pressTerminal.send(quantity(op10, "5")).then().statusCode(200).body("operation.good", is(5));
        pressTerminal.send(quantity(op10, "2")).then().statusCode(422).body("type", containsString("over-delivery"));
        pressTerminal.send(quantity(op10, "1")).then().statusCode(200).body("operation.good", is(6));
    }

    @Test
    void otherEnterprisesNeitherSeeNorReportAgainstTheseOperations() {
        long op10 = id(operations(plant.release(bike, "1")).get(0));
        TestEnterprise other = TestEnterprise.create();
        other.as("operator").body(report("START", op10)).post("/api/mes/reports").then().statusCode(404);
        other.as("planner").get("/api/mes/work-orders/operations/" + op10).then().statusCode(404);
        other.as("planner").get("/api/mes/work-orders").then().statusCode(200).body("total", is(0));
        // the bureau sees no raw shop-floor records
        Api.as("bureau").get("/api/mes/work-orders").then().statusCode(403);
        Api.as("bureau").body(report("START", op10)).post("/api/mes/reports").then().statusCode(403);
    }

    @Test
    void aRevokedTerminalIsRefusedAtOnce() {
        ShopFloorFixture.Terminal spare = plant.terminal("T-SPARE", cutting);
        spare.request().get("/api/mes/terminal").then().statusCode(200).body("workCenterId", is((int) cutting));
        plant.enterprise.as("admin").post("/api/mes/terminals/" + spare.id + "/revoke").then().statusCode(200);
        spare.request().get("/api/mes/terminal").then().statusCode(401);
        plant.enterprise.as("operator").get("/api/mes/terminal").then().statusCode(403);
    }

    @Test
    void aNewTokenReplacesTheOldOneAtOnceAndSignsTheOperatorOut() {
        ShopFloorFixture.Terminal lost = plant.terminal("T-LOST", cutting);
        Response issued = plant.enterprise.as("admin").post("/api/mes/terminals/" + lost.id + "/token");
        issued.then().statusCode(200).body("id", is((int) lost.id)).body("workCenterId", is((int) cutting));
        ShopFloorFixture.Terminal replaced = new ShopFloorFixture.Terminal(lost.id, issued.path("token"));
        lost.request().get("/api/mes/terminal").then().statusCode(401);
        replaced.request().get("/api/mes/terminal").then().statusCode(200).body("operator", is((Object) null));
        // nobody signed in at the terminal: its reports are refused and change nothing
        long op10 = id(operations(plant.release(bike, "1")).get(0));
        replaced.send(report("START", op10)).then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("operator-not-signed-in"));
        plant.data.planner().get("/api/mes/work-orders/operations/" + op10).then().body("state", is("READY"));
        plant.enterprise.as("planner").post("/api/mes/terminals/" + lost.id + "/token").then().statusCode(403);
        plant.enterprise.as("admin").post("/api/mes/terminals/" + lost.id + "/revoke").then().statusCode(200);
        plant.enterprise.as("admin").post("/api/mes/terminals/" + lost.id + "/token").then().statusCode(409)
                .body("type", is("https://pilotline.org/problems/terminal-revoked"));
        replaced.request().get("/api/mes/terminal").then().statusCode(401);
    }

    @Test
    void aWrongPinIsRefusedNamingThePin() {
        cuttingTerminal.request().body(Map.of("badgeNumber", "B-" + plant.enterprise.code, "pin", "0000"))
                .post("/api/mes/terminal/sign-in").then().statusCode(400).body("errors[0].field", is("pin"));
        cuttingTerminal.request().get("/api/mes/terminal").then().body("operator", is(plant.enterprise.code + "-operator"));
    }
}
