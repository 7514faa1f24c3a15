package org.pilotline.erp;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
class OrdersTest {

    private static MasterData data;
    private static long location;
    private static long supplier;
    private static long customer;

    /** Lazily, in the first test: Quarkus points REST Assured at the application only before each test. */
    @BeforeEach
    void enterprise() {
        if (data != null) {
            return;
        }
        data = new MasterData(TestEnterprise.create());
        location = data.location(data.warehouse("WH"), "RCV");
        supplier = data.partner("SUP", false, true);
        customer = data.partner("CUS", true, false);
    }

    @Test
    void aPurchaseOrderIsReceivedInPartsUntilComplete() {
        long item = data.bought("PO-ITEM", "3");
        var order = data.planner().body(Map.of("supplierId", supplier, "lines", List.of(
                        Map.of("itemId", item, "quantity", "100", "date", "2026-12-01", "unitPrice", "3"))))
                .post("/api/purchase-orders").then().statusCode(201)
                .body("number", matchesPattern("PO-\\d{6}")).body("status", is("DRAFT")).body("total", is(300))
                .extract();
        int id = order.path("id");
        data.planner().body(receipt(10, "40")).post("/api/purchase-orders/" + id + "/receipts").then().statusCode(409)
                .body("type", containsString("not-receivable"));
        data.planner().post("/api/purchase-orders/" + id + "/release").then().statusCode(200).body("status", is("RELEASED"));
        data.enterprise().as("operator").body(receipt(10, "40")).post("/api/purchase-orders/" + id + "/receipts").then()
                .statusCode(201).body("status", is("PARTIALLY_RECEIVED")).body("lines[0].openQuantity", is(60));
        // more than is open is refused, and nothing of it is kept
        data.enterprise().as("operator").body(receipt(10, "61")).post("/api/purchase-orders/" + id + "/receipts").then()
                .statusCode(409).body("type", containsString("over-fulfilment"));
        data.enterprise().as("operator").body(receipt(10, "60")).post("/api/purchase-orders/" + id + "/receipts").then()
                .statusCode(201).body("status", is("RECEIVED"));
        data.planner().queryParam("reference", order.path("number") + "/10").get("/api/stock/moves").then()
                .body("total", is(2)).body("items.reason", org.hamcrest.Matchers.everyItem(is("PURCHASE_RECEIPT")));
        data.planner().queryParam("itemId", item).get("/api/stock/balances").then().body("items[0].quantity", is(100));
    }

    @Test
    void aShipmentShortOfStockOnOneLineShipsNothingAtAll() {
        long plenty = data.item("SO-PLENTY").made().create();
        long scarce = data.item("SO-SCARCE").made().create();
        receive(plenty, "20");
        receive(scarce, "1");
        int id = data.planner().body(Map.of("customerId", customer, "lines", List.of(
                        Map.of("itemId", plenty, "quantity", "10", "date", "2026-12-15", "unitPrice", "9.9"),
                        Map.of("itemId", scarce, "quantity", "5", "date", "2026-12-15", "unitPrice", "20"))))
                .post("/api/sales-orders").then().statusCode(201).extract().path("id");
        data.planner().post("/api/sales-orders/" + id + "/confirm").then().statusCode(200);
        data.planner().body(Map.of("lines", List.of(Map.of("lineNo", 10, "quantity", "10", "locationId", location),
                        Map.of("lineNo", 20, "quantity", "5", "locationId", location))))
                .post("/api/sales-orders/" + id + "/shipments").then().statusCode(409).body("type", containsString("insufficient-stock"));
        // the first line was not shipped either
        data.planner().get("/api/sales-orders/" + id).then().body("status", is("CONFIRMED")).body("lines[0].shippedQuantity", is(0));
        data.planner().queryParam("itemId", plenty).get("/api/stock/balances").then().body("items[0].quantity", is(20));
        data.planner().body(Map.of("lines", List.of(Map.of("lineNo", 10, "quantity", "10", "locationId", location))))
                .post("/api/sales-orders/" + id + "/shipments").then().statusCode(201).body("status", is("PARTIALLY_SHIPPED"));
        // a shipped order cannot be cancelled, and a shipped line cannot shrink below what left
        data.planner().post("/api/sales-orders/" + id + "/cancel").then().statusCode(409);
    }

    @Test
    void aPurchaseOrderForAMadeItemOrFromACustomerIsRefusedNamingTheField() {
        long made = data.made("PO-MADE");
        data.planner().body(Map.of("supplierId", supplier, "lines", List.of(Map.of("itemId", made, "quantity", "1", "date", "2026-12-01"))))
                .post("/api/purchase-orders").then().statusCode(400).body("errors[0].field", is("lines[0].itemId"));
        long bought = data.bought("PO-B", "1");
        data.planner().body(Map.of("supplierId", customer, "lines", List.of(Map.of("itemId", bought, "quantity", "1", "date", "2026-12-01"))))
                .post("/api/purchase-orders").then().statusCode(400).body("errors[0].field", is("supplierId"));
    }

    @Test
    void bothKindsOfOrderKeepTheirHeaderRules() {
        long item = data.bought("HDR-ITEM", "2");
        for (String kind : List.of("sales", "purchase")) {
            String path = "/api/" + kind + "-orders";
            String partnerField = kind.equals("sales") ? "customerId" : "supplierId";
            long partner = kind.equals("sales") ? customer : supplier;
            long wrongPartner = kind.equals("sales") ? supplier : customer;
            List<Map<String, Object>> lines = List.of(Map.of("itemId", item, "quantity", "4", "date", "2026-12-10"));
            // a partner without the role is refused naming the field
            data.planner().body(Map.of(partnerField, wrongPartner, "lines", lines)).post(path).then().statusCode(400)
                    .body("errors[0].field", is(partnerField));
            String number = kind.toUpperCase() + "-HDR-1";
            var created = data.planner().body(Map.of("number", number, partnerField, partner, "lines", lines))
                    .post(path).then().statusCode(201).body("number", is(number)).extract();
            int id = created.path("id");
            int version = created.path("version");
            // a second order with the same number is a conflict
            data.planner().body(Map.of("number", number, partnerField, partner, "lines", lines)).post(path).then()
                    .statusCode(409).body("type", containsString("duplicate-code"));
            // the number of a stored order cannot change; a stale version is refused
            data.planner().body(Map.of("number", number + "X", partnerField, partner, "lines", lines, "version", version))
                    .put(path + "/" + id).then().statusCode(400).body("errors[0].field", is("number"));
            data.planner().body(Map.of(partnerField, partner, "lines", lines, "version", version - 1))
                    .put(path + "/" + id).then().statusCode(409).body("type", containsString("stale-version"));
            data.planner().body(Map.of(partnerField, partner, "lines", lines, "note", "changed", "version", version))
                    .put(path + "/" + id).then().statusCode(200).body("note", is("changed")).body("number", is(number));
            if (kind.equals("sales")) {
                // a cancelled order can no longer be changed
                data.planner().post(path + "/" + id + "/cancel").then().statusCode(200);
                int current = data.planner().get(path + "/" + id).then().extract().path("version");
                data.planner().body(Map.of(partnerField, partner, "lines", lines, "version", current))
                        .put(path + "/" + id).then().statusCode(409).body("type", containsString("order-closed"));
            }
        }
    }

    @Test
    void aProductionOrderStartsItsLeadTimeBeforeItIsDueAndNeedsAStructureToBeReleased() {
        long item = data.item("MO-ITEM").made().with("leadTimeDays", 3).create();
        var created = data.planner().body(Map.of("itemId", item, "quantity", "5", "dueDate", "2026-12-07"))
                .post("/api/production-orders").then().statusCode(201)
                .body("number", matchesPattern("MO-\\d{6}")).body("status", is("PLANNED"))
                // Monday 7 December less 3 working days (weekdays) is Wednesday 2 December
                .body("startDate", is("2026-12-02")).extract();
        data.planner().post("/api/production-orders/" + created.path("id") + "/release").then().statusCode(422)
                .body("type", containsString("no-structure"));
    }

    private static void receive(long item, String quantity) {
        data.planner().body(InventoryTest.move("RECEIPT", "PRODUCTION_RECEIPT", item, quantity, null, location))
                .post("/api/stock/moves").then().statusCode(201);
    }

    private static Map<String, Object> receipt(int lineNo, String quantity) {
        return Map.of("lines", List.of(Map.of("lineNo", lineNo, "quantity", quantity, "locationId", location)));
    }
}
