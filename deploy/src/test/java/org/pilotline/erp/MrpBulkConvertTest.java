package org.pilotline.erp;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several planned orders converted (and released) in one call, all or none (issue 16 item 5). */
@QuarkusTest
class MrpBulkConvertTest {

    @Test
    void plannedOrdersAreConvertedAndReleasedTogetherOrNotAtAll() {
        MasterData data = new MasterData(TestEnterprise.create());
        long press = data.workCenter("PRESS", "40");
        data.workUnit(press, "PRESS-1");
        long sheet = data.bought("SHEET", "2");
        long part = data.item("PART").made().with("leadTimeDays", 1).create();
        data.bom(part).line(sheet, "3").create();
        data.routing(part, MasterData.operation(10, press, "10", "1"));
        long customer = data.partner("CUS", true, false);
        long supplier = data.partner("SUP", false, true);
        long salesOrder = MasterData.id(data.planner().body(Map.of("customerId", customer, "lines", List.of(
                Map.of("itemId", part, "quantity", "10", "date", "2030-01-16")))).post("/api/sales-orders"));
        data.planner().post("/api/sales-orders/" + salesOrder + "/confirm").then().statusCode(200);
        long run = data.mrpRun("2030-01-07", 4);
        String orders = "/api/mrp/runs/" + run + "/planned-orders";

        // the purchase lacks its supplier: nothing is converted, and the refusal names the selection
        data.planner().body(Map.of("release", true, "orders", List.of(
                        Map.of("itemId", part, "number", 1), Map.of("itemId", sheet, "number", 1))))
                .post(orders + "/convert").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("orders[1].supplierId"))
                .body("detail", containsString("nothing was converted"));
        data.planner().get(orders + "/" + part + "/1").then().statusCode(200).body("status", is("PLANNED"));
        data.planner().body(Map.of("orders", List.of(Map.of("itemId", part, "number", 1), Map.of("itemId", part, "number", 1))))
                .post(orders + "/convert").then().statusCode(400).body("errors[0].field", is("orders[1]"));

        JsonPath converted = data.planner().body(Map.of("release", true, "orders", List.of(
                        Map.of("itemId", part, "number", 1), Map.of("itemId", sheet, "number", 1, "supplierId", supplier))))
                .post(orders + "/convert").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("PRODUCTION", "PURCHASE"), converted.getList("orderType"));
        long productionOrder = converted.getLong("[0].orderId");
        long purchaseOrder = converted.getLong("[1].orderId");
        data.planner().get("/api/production-orders/" + productionOrder).then().statusCode(200)
                .body("status", is("RELEASED")).body("quantity", is(10));
        data.planner().get("/api/purchase-orders/" + purchaseOrder).then().statusCode(200)
                .body("status", is("RELEASED")).body("supplierId", is((int) supplier))
                .body("lines[0].quantity", is(30));
        data.planner().get(orders + "/" + sheet + "/1").then().body("status", is("CONVERTED"))
                .body("convertedTo", is(converted.getString("[1].orderNumber")));

        // again: already converted, and another enterprise cannot convert this one's
        data.planner().body(Map.of("orders", List.of(Map.of("itemId", part, "number", 1))))
                .post(orders + "/convert").then().statusCode(409).body("type", containsString("already-converted"))
                .body("errors[0].field", is("orders[0]"));
        MasterData other = new MasterData(TestEnterprise.create());
        int refused = other.planner().body(Map.of("orders", List.of(Map.of("itemId", part, "number", 1))))
                .post(orders + "/convert").then().extract().statusCode();
        assertTrue(refused == 404 || refused == 403, "another enterprise: " + refused);
    }
}
