package org.pilotline.mes;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.erp.order.ProductionOrderService;
import org.pilotline.erp.order.ProductionOrderStatus;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;
import static org.pilotline.mes.ShopFloorFixture.quantity;
import static org.pilotline.mes.ShopFloorFixture.report;

/**
 * A work order's life against its production order's on the real database: cancelling the order cancels a work order
 * that has not started and is refused for one that has; completing the order by hand and closing a work order that is
 * not completed are refused; every refusal is the documented problem and changes nothing. MRP then plans only what the
 * shop floor has still to make and to consume.
 */
@QuarkusTest
class WorkOrderLifecycleTest {

    private static ShopFloorFixture plant;
    private static long press;
    private static long sheet;
    private static long plate;
    private static ShopFloorFixture.Terminal pressTerminal;

    @Inject
    ProductionOrderService productionOrders;

    @BeforeEach
    void plant() {
        if (plant != null) {
            return;
        }
        plant = new ShopFloorFixture();
        press = plant.workCenter("PRESS");
        sheet = plant.data.bought("SHEET", "0.5");
        plate = plant.data.item("PLATE").made().create();
        plant.data.bom(plate).line(sheet, "1").create();
        plant.data.routing(plate, ShopFloorFixture.routingStep(10, press, null), ShopFloorFixture.routingStep(20, press, null));
        plant.receive(sheet, "1000", plant.staging, null, null);
        pressTerminal = plant.terminal("T-PRESS", press);
    }

    @Test
    void cancellingAReleasedOrderCancelsItsWorkOrder() {
        Response workOrder = plant.release(plate, "3");
        long workOrderId = workOrder.then().extract().<Number>path("id").longValue();
        long productionOrder = workOrder.then().extract().<Number>path("productionOrderId").longValue();

        plant.data.planner().post("/api/production-orders/" + productionOrder + "/cancel").then().statusCode(200)
                .body("status", is("CANCELLED"));
        plant.data.planner().get("/api/mes/work-orders/" + workOrderId).then().statusCode(200)
                .body("state", is("CANCELLED"));
        // a cancelled work order takes no reports and does not close
        long op10 = id(operations(workOrder).get(0));
        pressTerminal.send(report("START", op10)).then().statusCode(409).contentType("application/problem+json");
        plant.data.planner().get("/api/mes/work-orders/operations/" + op10).then().body("state", is("READY"));
        closeRefused(workOrderId, "CANCELLED");
    }

    @Test
    void cancellingAnOrderWhoseWorkOrderHasStartedIsRefusedAndChangesNothing() {
        Response workOrder = plant.release(plate, "3");
        long workOrderId = workOrder.then().extract().<Number>path("id").longValue();
        long productionOrder = workOrder.then().extract().<Number>path("productionOrderId").longValue();
        long op10 = id(operations(workOrder).get(0));
        pressTerminal.send(report("START", op10)).then().statusCode(200).body("workOrder.state", is("IN_PROGRESS"));
        int orderVersion = plant.data.planner().get("/api/production-orders/" + productionOrder).path("version");
        int workOrderVersion = plant.data.planner().get("/api/mes/work-orders/" + workOrderId).path("version");

        plant.data.planner().post("/api/production-orders/" + productionOrder + "/cancel").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("https://pilotline.org/problems/work-order-started")).body("status", is(409));

        plant.data.planner().get("/api/production-orders/" + productionOrder).then().statusCode(200)
                .body("status", is("RELEASED")).body("version", is(orderVersion));
        plant.data.planner().get("/api/mes/work-orders/" + workOrderId).then().statusCode(200)
                .body("state", is("IN_PROGRESS")).body("version", is(workOrderVersion)).body("closedAt", is((Object) null));
        // the shop floor goes on reporting against it
        pressTerminal.send(quantity(op10, "1")).then().statusCode(200).body("operation.good", is(1));
    }

    @Test
    void completingAnOrderByHandWhileItsWorkOrderIsOpenIsRefusedAndChangesNothing() {
        Response workOrder = plant.release(plate, "2");
        long workOrderId = workOrder.then().extract().<Number>path("id").longValue();
        long productionOrder = workOrder.then().extract().<Number>path("productionOrderId").longValue();
        long op10 = id(operations(workOrder).get(0));

        // no REST transition completes a production order: only the Java service can ask, and the shop floor refuses
        assertManualCompletionRefused(productionOrder);
        plant.data.planner().get("/api/production-orders/" + productionOrder).then().body("status", is("RELEASED"));
        plant.data.planner().get("/api/mes/work-orders/" + workOrderId).then().body("state", is("RELEASED"));

        pressTerminal.send(report("START", op10)).then().statusCode(200);
        pressTerminal.send(quantity(op10, "2")).then().statusCode(200);
        assertManualCompletionRefused(productionOrder);
        plant.data.planner().get("/api/production-orders/" + productionOrder).then().body("status", is("RELEASED"))
                .body("completedQuantity", is(0));
        plant.data.planner().get("/api/mes/work-orders/" + workOrderId).then().body("state", is("IN_PROGRESS"))
                .body("completedAt", is((Object) null));
    }

    @Test
    void onlyACompletedWorkOrderCloses() {
        Response workOrder = plant.release(plate, "1");
        long workOrderId = workOrder.then().extract().<Number>path("id").longValue();
        long productionOrder = workOrder.then().extract().<Number>path("productionOrderId").longValue();
        List<Map<String, Object>> ops = operations(workOrder);
        long op10 = id(ops.get(0));
        long op20 = id(ops.get(1));
        closeRefused(workOrderId, "RELEASED");

        pressTerminal.send(report("START", op10)).then().statusCode(200);
        closeRefused(workOrderId, "IN_PROGRESS");

        Map<String, Object> finish10 = report("FINISH", op10);
        finish10.put("good", "1");
        pressTerminal.send(finish10).then().statusCode(200);
        pressTerminal.send(report("START", op20)).then().statusCode(200);
        Map<String, Object> finish20 = report("FINISH", op20);
        finish20.put("good", "1");
        pressTerminal.send(finish20).then().statusCode(200).body("workOrder.state", is("COMPLETED"));
        plant.data.planner().get("/api/production-orders/" + productionOrder).then().body("status", is("COMPLETED"));
        // a completed order is neither cancelled nor, through its work order, reopened
        plant.data.planner().post("/api/production-orders/" + productionOrder + "/cancel").then().statusCode(409)
                .body("type", is("https://pilotline.org/problems/invalid-transition"));
        plant.data.planner().post("/api/mes/work-orders/" + workOrderId + "/close?version=" + version(workOrderId))
                .then().statusCode(200).body("state", is("CLOSED"));
        closeRefused(workOrderId, "CLOSED");
    }

    @Test
    void mrpNetsOnlyWhatAPartlyReportedOrderHasStillToMakeAndConsumeAndNothingOfACompletedOne() {
        // an enterprise of its own, so that nobody else's orders, stock or runs are planned with it
        ShopFloorFixture own = new ShopFloorFixture();
        long line = own.workCenter("LINE");
        long coil = own.data.bought("COIL", "2");
        long bracket = own.data.made("BRACKET");
        own.data.bom(bracket).line(coil, "1").create();
        own.data.routing(bracket, ShopFloorFixture.routingStep(10, line, null));
        ShopFloorFixture.Terminal terminal = own.terminal("T-LINE", line);
        own.receive(coil, "4", own.staging, null, null);
        long customer = own.data.partner("CUS", true, false);
        long salesOrder = ((Number) own.data.planner().body(Map.of("customerId", customer, "lines", List.of(
                        Map.of("itemId", bracket, "quantity", "12", "date", "2027-03-19")))).post("/api/sales-orders")
                .then().statusCode(201).extract().path("id")).longValue();
        own.data.planner().post("/api/sales-orders/" + salesOrder + "/confirm").then().statusCode(200);
        long order = ((Number) own.data.planner().body(Map.of("itemId", bracket, "quantity", "10",
                "startDate", "2027-03-01", "dueDate", "2027-03-12")).post("/api/production-orders")
                .then().statusCode(201).extract().path("id")).longValue();
        long op10 = id(operations(own.release(order)).get(0));

        // 12 wanted, 10 on order: 2 brackets to plan; coils: 10 for the order and 2 for the planned brackets, 4 in stock
        long run = own.data.mrpRun("2027-03-01", 8);
        assertEquals(List.of("2", "8"), planned(own, run, bracket, coil), "before any report");

        // 4 made: 4 brackets in stock and 6 still on order; the 4 coils they took are gone, 6 are still to be drawn
        terminal.send(report("START", op10)).then().statusCode(200);
        terminal.send(quantity(op10, "4")).then().statusCode(200).body("consumed[0].quantity", is(4));
        own.data.planner().get("/api/production-orders/" + order).then().body("status", is("RELEASED"))
                .body("completedQuantity", is(4));
        run = own.data.mrpRun("2027-03-01", 8);
        assertEquals(List.of("2", "8"), planned(own, run, bracket, coil),
                "the order counts with its 6 to go and the 6 coils it has still to draw, not 10 nor 6 - 4");

        // all 10 made: the order is COMPLETED and no longer supply nor demand; its brackets are stock
        own.receive(coil, "6", own.staging, null, null);
        Map<String, Object> finish = report("FINISH", op10);
        finish.put("good", "6");
        terminal.send(finish).then().statusCode(200).body("workOrder.state", is("COMPLETED"));
        own.data.planner().get("/api/production-orders/" + order).then().body("status", is("COMPLETED"))
                .body("completedQuantity", is(10));
        run = own.data.mrpRun("2027-03-01", 8);
        assertEquals(List.of("2", "2"), planned(own, run, bracket, coil), "after the order completed");
    }

    /** The quantities a run plans of each item, summed over its planned orders. */
    private static List<String> planned(ShopFloorFixture in, long run, long... items) {
        List<String> sums = new java.util.ArrayList<>();
        for (long item : items) {
            List<Map<String, Object>> orders = in.data.planner().queryParam("itemId", item).queryParam("size", 100)
                    .get("/api/mrp/runs/" + run + "/planned-orders").then().statusCode(200).extract().path("items");
            sums.add(orders.stream().map(o -> new BigDecimal(o.get("quantity").toString()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros().toPlainString());
        }
        return sums;
    }

    private void assertManualCompletionRefused(long productionOrder) {
        DomainException refused = assertThrows(DomainException.class, () -> TenantContext.runAs(plant.enterprise.code,
                () -> productionOrders.changeStatus(productionOrder, ProductionOrderStatus.COMPLETED)));
        assertEquals("work-order-open", refused.type());
        assertEquals(ProblemKind.CONFLICT, refused.kind());
        assertEquals(409, refused.kind().status());
    }

    private static int version(long workOrderId) {
        return plant.data.planner().get("/api/mes/work-orders/" + workOrderId).then().statusCode(200).extract().path("version");
    }

    /** Closing is refused with 409 naming the work order's state, and the work order is as it was. */
    private static void closeRefused(long workOrderId, String state) {
        int version = version(workOrderId);
        plant.data.planner().post("/api/mes/work-orders/" + workOrderId + "/close?version=" + version).then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", is("https://pilotline.org/problems/work-order-state"))
                .body("detail", org.hamcrest.Matchers.containsString(state));
        plant.data.planner().get("/api/mes/work-orders/" + workOrderId).then().body("state", is(state))
                .body("version", is(version));
    }
}
