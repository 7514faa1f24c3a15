package org.pilotline.erp;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class InventoryTest {

    private static MasterData data;
    private static long warehouse;
    private static long a1;
    private static long a2;

    /** Lazily, in the first test: Quarkus points REST Assured at the application only before each test. */
    @BeforeEach
    void warehouse() {
        if (data != null) {
            return;
        }
        data = new MasterData(TestEnterprise.create());
        warehouse = data.warehouse("WH");
        a1 = data.location(warehouse, "A1");
        a2 = data.location(warehouse, "A2");
    }

    static Map<String, Object> move(String type, String reason, long item, String quantity, Long from, Long to) {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "reason", reason, "itemId", item, "quantity", quantity));
        if (from != null) {
            body.put("fromLocationId", from);
        }
        if (to != null) {
            body.put("toLocationId", to);
        }
        return body;
    }

    private static String balance(long item, long location) {
        var found = data.planner().queryParam("itemId", item).queryParam("locationId", location).get("/api/stock/balances")
                .then().statusCode(200).extract().<java.util.List<Map<String, Object>>>path("items");
        return found.isEmpty() ? "0" : found.stream().map(b -> new java.math.BigDecimal(b.get("quantity").toString()))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add).stripTrailingZeros().toPlainString();
    }

    @Test
    void receiptsIssuesTransfersAndAdjustmentsMoveTheBalances() {
        long item = data.bought("MOVE", "1");
        data.planner().body(move("RECEIPT", "PURCHASE_RECEIPT", item, "50", null, a1)).post("/api/stock/moves").then().statusCode(201);
        data.planner().body(move("TRANSFER", "RELOCATION", item, "20", a1, a2)).post("/api/stock/moves").then().statusCode(201);
        data.planner().body(move("ISSUE", "PRODUCTION_ISSUE", item, "5", a2, null)).post("/api/stock/moves").then().statusCode(201);
        data.planner().body(move("ADJUSTMENT", "COUNT_CORRECTION", item, "2", a1, null)).post("/api/stock/moves").then().statusCode(201);
        assertBalance(item, a1, "28");
        assertBalance(item, a2, "15");
        data.planner().queryParam("itemId", item).get("/api/stock/moves").then().body("total", is(4))
                .body("items[0].username", is(data.enterprise().code + "-planner"));
    }

    @Test
    void anIssueBeyondTheStockIsRefusedWith409AndWritesNothing() {
        long item = data.bought("SHORT", "1");
        data.planner().body(move("RECEIPT", "PURCHASE_RECEIPT", item, "3", null, a1)).post("/api/stock/moves").then().statusCode(201);
        data.planner().body(move("ISSUE", "SALES_ISSUE", item, "4", a1, null)).post("/api/stock/moves").then()
                .statusCode(409).contentType("application/problem+json").body("type", containsString("insufficient-stock"))
                .body("available", is(3));
        assertBalance(item, a1, "3");
        data.planner().queryParam("itemId", item).get("/api/stock/moves").then().body("total", is(1));
    }

    @Test
    void anItemThatAllowsNegativeStockMayGoBelowZero() {
        long item = data.item("NEG").bought().with("allowNegativeStock", true).create();
        data.planner().body(move("ISSUE", "PRODUCTION_ISSUE", item, "7", a1, null)).post("/api/stock/moves").then().statusCode(201);
        assertBalance(item, a1, "-7");
    }

    @Test
    void lotTrackedStockMovesByLotAndASerialNumberIsOnePieceInOnePlace() {
        long lotted = data.item("LOTTED").bought().with("tracking", "LOT").create();
        Map<String, Object> receipt = move("RECEIPT", "PURCHASE_RECEIPT", lotted, "10", null, a1);
        data.planner().body(receipt).post("/api/stock/moves").then().statusCode(400).body("errors[0].field", is("lotNumber"));
        receipt.put("lotNumber", "L-001");
        data.planner().body(receipt).post("/api/stock/moves").then().statusCode(201).body("lotNumber", is("L-001"));
        Map<String, Object> issue = move("ISSUE", "SALES_ISSUE", lotted, "4", a1, null);
        issue.put("lotNumber", "L-002");
        data.planner().body(issue).post("/api/stock/moves").then().statusCode(400).body("type", containsString("unknown-lot"));

        long serial = data.item("SERIAL").bought().with("tracking", "SERIAL").create();
        Map<String, Object> first = move("RECEIPT", "PURCHASE_RECEIPT", serial, "1", null, a1);
        first.put("lotNumber", "SN-1");
        data.planner().body(first).post("/api/stock/moves").then().statusCode(201);
        data.planner().body(first).post("/api/stock/moves").then().statusCode(409).body("type", containsString("serial-in-stock"));
        first.put("quantity", "2");
        first.put("lotNumber", "SN-2");
        data.planner().body(first).post("/api/stock/moves").then().statusCode(400).body("errors[0].field", is("quantity"));
    }

    @Test
    void aReservationHoldsStockForItsReferenceOnly() {
        long item = data.bought("RES", "1");
        data.planner().body(move("RECEIPT", "PURCHASE_RECEIPT", item, "10", null, a1)).post("/api/stock/moves").then().statusCode(201);
        data.planner().body(Map.of("itemId", item, "locationId", a1, "quantity", "8", "reference", "SO-X/10"))
                .post("/api/stock/reservations").then().statusCode(201);
        data.planner().body(Map.of("itemId", item, "locationId", a1, "quantity", "3", "reference", "SO-Y/10"))
                .post("/api/stock/reservations").then().statusCode(409);
        data.planner().body(move("ISSUE", "SALES_ISSUE", item, "3", a1, null)).post("/api/stock/moves").then().statusCode(409);
        Map<String, Object> forTheReference = move("ISSUE", "SALES_ISSUE", item, "8", a1, null);
        forTheReference.put("reference", "SO-X/10");
        data.planner().body(forTheReference).post("/api/stock/moves").then().statusCode(201);
        data.planner().queryParam("reference", "SO-X/10").get("/api/stock/reservations").then()
                .body("items[0].status", is("CONSUMED")).body("items[0].quantity", is(0));
    }

    @Test
    void aRetriedRequestMovesStockOnce() {
        long item = data.bought("IDEM", "1");
        Map<String, Object> receipt = move("RECEIPT", "PURCHASE_RECEIPT", item, "5", null, a1);
        receipt.put("requestId", "terminal-7:" + item);
        long first = data.planner().body(receipt).post("/api/stock/moves").then().statusCode(201).extract().<Integer>path("id");
        data.planner().body(receipt).post("/api/stock/moves").then().statusCode(200).body("id", is((int) first));
        assertBalance(item, a1, "5");
    }

    @Test
    void quantitiesFinerThanTheUnitAndMovesOfTheWrongShapeAre400NamingTheField() {
        long item = data.bought("FINE", "1");
        data.planner().body(move("RECEIPT", "PURCHASE_RECEIPT", item, "1.5", null, a1)).post("/api/stock/moves")
                .then().statusCode(400).body("errors[0].field", is("quantity"));
        data.planner().body(move("RECEIPT", "PURCHASE_RECEIPT", item, "1", a1, null)).post("/api/stock/moves")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("toLocationId"));
        data.planner().body(move("ISSUE", "PURCHASE_RECEIPT", item, "1", a1, null)).post("/api/stock/moves")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("reason"));
        data.planner().queryParam("itemId", item).get("/api/stock/moves").then().body("items", empty());
    }

    @Test
    void theLedgerAndTheBalancesAgree() {
        data.enterprise().as("admin").get("/api/stock/integrity").then().statusCode(200).body("mismatches", empty());
    }

    private static void assertBalance(long item, long location, String expected) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, balance(item, location));
    }
}
