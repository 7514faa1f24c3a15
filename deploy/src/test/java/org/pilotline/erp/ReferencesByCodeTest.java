package org.pilotline.erp;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.pilotline.testing.MasterData.id;

/**
 * What a person types: units, items, work centers and locations by code instead of id, and a shift given once for
 * several weekdays (issue 16 item 5). Codes resolve within the caller's enterprise only.
 */
@QuarkusTest
class ReferencesByCodeTest {

    private static MasterData data;

    @BeforeEach
    void enterprise() {
        if (data == null) {
            data = new MasterData(TestEnterprise.create());
        }
    }

    @Test
    void aSmallPlantIsBuiltWithCodesOnly() {
        String bolt = data.code("BOLT");
        String frame = data.code("FRAME");
        String press = data.code("PRESS");
        long pcs = data.unit("pcs");
        long boltId = id(data.planner().body(item(bolt, "BUY")).post("/api/items"));
        data.planner().get("/api/items/" + boltId).then().body("stockUnitId", is((int) pcs)).body("stockUnit", is("pcs"));
        long frameId = id(data.planner().body(item(frame, "MAKE")).post("/api/items"));

        data.planner().body(Map.of("itemCode", frame, "revision", "A", "validFrom", "2020-01-01",
                        "lines", List.of(Map.of("componentCode", bolt, "quantity", "4", "unitCode", "pcs"))))
                .post("/api/boms").then().statusCode(201)
                .body("itemId", is((int) frameId)).body("lines[0].componentId", is((int) boltId));

        long center = data.workCenter("PRESS", "60");
        data.planner().get("/api/work-centers/" + center).then().body("code", is(press));
        data.planner().body(Map.of("workCenterCode", press, "code", data.code("PRESS-1"), "name", "press 1"))
                .post("/api/work-units").then().statusCode(201).body("workCenterId", is((int) center));
        data.planner().body(Map.of("itemCode", frame, "revision", "A", "validFrom", "2020-01-01",
                        "operations", List.of(Map.of("operationNo", 10, "name", "press", "workCenterCode", press,
                                "runMinutes", "2"))))
                .post("/api/routings").then().statusCode(201).body("operations[0].workCenterId", is((int) center));

        long warehouse = data.warehouse("WH");
        String warehouseCode = data.planner().get("/api/warehouses/" + warehouse).path("code");
        long shelf = data.location(warehouse, "SHELF-" + data.code("X"));
        String shelfCode = data.planner().get("/api/locations/" + shelf).path("code");
        // by WAREHOUSE/LOCATION, and by the location's code alone while no other warehouse has it
        data.planner().body(Map.of("type", "RECEIPT", "reason", "OPENING_BALANCE", "itemCode", bolt, "quantity", "10",
                        "unitCode", "pcs", "toLocationCode", warehouseCode + "/" + shelfCode))
                .post("/api/stock/moves").then().statusCode(201).body("toLocationId", is((int) shelf));
        data.planner().body(Map.of("type", "ISSUE", "reason", "SCRAP", "itemCode", bolt, "quantity", "1",
                        "fromLocationCode", shelfCode))
                .post("/api/stock/moves").then().statusCode(201).body("fromLocationId", is((int) shelf));
        data.planner().body(Map.of("itemCode", bolt, "locationCode", shelfCode, "quantity", "2", "reference", "R1"))
                .post("/api/stock/reservations").then().statusCode(201).body("locationId", is((int) shelf));

        long supplier = data.partner("SUP", false, true);
        long order = id(data.planner().body(Map.of("supplierId", supplier, "lines", List.of(
                Map.of("itemCode", bolt, "quantity", "5", "unitCode", "pcs", "date", "2030-01-10"))))
                .post("/api/purchase-orders"));
        data.planner().post("/api/purchase-orders/" + order + "/release").then().statusCode(200);
        data.planner().body(Map.of("lines", List.of(Map.of("lineNo", 10, "quantity", "5",
                        "locationCode", warehouseCode + "/" + shelfCode))))
                .post("/api/purchase-orders/" + order + "/receipts").then().statusCode(201);
        data.planner().queryParam("itemId", boltId).queryParam("locationId", shelf).get("/api/stock/balances")
                .then().body("items[0].quantity", is(14));

        data.planner().body(Map.of("itemCode", frame, "quantity", "3", "dueDate", "2030-02-01"))
                .post("/api/production-orders").then().statusCode(201).body("itemId", is((int) frameId));
        data.planner().body(Map.of("itemCode", frame, "week", "2030-03-04", "quantity", "7"))
                .post("/api/mrp/forecasts").then().statusCode(201).body("itemId", is((int) frameId));
        data.planner().body(Map.of("itemCode", bolt, "fromUnitCode", "box", "toUnitCode", "pcs",
                        "fromQuantity", "1", "toQuantity", "50"))
                .post("/api/unit-conversions").then().statusCode(201).body("itemId", is((int) boltId));
    }

    @Test
    void aWrongOrMissingCodeIsRefusedNamingTheField() {
        String bolt = data.code("B2");
        long boltId = id(data.planner().body(item(bolt, "BUY")).post("/api/items"));
        long otherId = id(data.planner().body(item(data.code("B3"), "BUY")).post("/api/items"));
        long warehouse = data.warehouse("W2");

        // unknown code
        Map<String, Object> unknown = new HashMap<>(item(data.code("B4"), "BUY"));
        unknown.put("stockUnitCode", "no-such-unit");
        unknown.remove("stockUnitId");
        problem(data.planner().body(unknown).post("/api/items"), "unknown-reference", "stockUnitCode");
        // neither id nor code
        unknown.remove("stockUnitCode");
        problem(data.planner().body(unknown).post("/api/items"), "unknown-reference", "stockUnitId");
        // id and code naming different rows
        problem(data.planner().body(Map.of("itemId", otherId, "itemCode", bolt, "week", "2030-03-04", "quantity", "1"))
                .post("/api/mrp/forecasts"), "conflicting-reference", "itemCode");
        // id and code naming the same row is fine
        data.planner().body(Map.of("itemId", boltId, "itemCode", bolt, "week", "2030-03-11", "quantity", "1"))
                .post("/api/mrp/forecasts").then().statusCode(201);
        // a line names its index
        problem(data.planner().body(Map.of("customerId", data.partner("CU", true, false), "lines", List.of(
                        Map.of("itemCode", bolt, "quantity", "1", "date", "2030-01-10"),
                        Map.of("itemCode", "nothing-" + bolt, "quantity", "1", "date", "2030-01-10"))))
                .post("/api/sales-orders"), "unknown-reference", "lines[1].itemCode");
        // a location code that two warehouses share needs its warehouse
        String shared = "SH-" + data.code("L");
        data.location(warehouse, shared);
        data.location(data.warehouse("W3"), shared);
        problem(data.planner().body(Map.of("type", "RECEIPT", "reason", "OPENING_BALANCE", "itemId", boltId,
                "quantity", "1", "toLocationCode", shared)).post("/api/stock/moves"), "ambiguous-reference",
                "toLocationCode");
        data.planner().queryParam("itemId", boltId).get("/api/stock/balances").then().body("total", is(0));
    }

    @Test
    void anotherEnterprisesCodesDoNotResolve() {
        MasterData other = new MasterData(TestEnterprise.create());
        String theirs = other.code("THEIRS");
        other.planner().body(item(theirs, "BUY")).post("/api/items").then().statusCode(201);
        problem(data.planner().body(Map.of("itemCode", theirs, "week", "2030-03-04", "quantity", "1"))
                .post("/api/mrp/forecasts"), "unknown-reference", "itemCode");
        data.planner().queryParam("size", 100).get("/api/mrp/forecasts").then()
                .body("items.findAll { it.itemCode == '" + theirs + "' }", hasSize(0));
    }

    @Test
    void aShiftIsGivenOnceForSeveralWeekdays() {
        String code = data.code("CAL");
        Map<String, Object> early = Map.of("weekdays", List.of(1, 2, 3, 4, 5), "name", "early", "start", "06:00",
                "end", "14:00", "breaks", List.of(Map.of("start", "10:00", "end", "10:30")));
        Map<String, Object> saturday = Map.of("weekday", 6, "name", "short", "start", "08:00", "end", "12:00");
        long calendar = id(data.planner().body(Map.of("code", code, "name", "two shifts", "timeZone", "Asia/Shanghai",
                "shifts", List.of(early, saturday))).post("/api/calendars"));
        data.planner().get("/api/calendars/" + calendar).then().statusCode(200)
                .body("shifts", hasSize(6))
                .body("shifts.findAll { it.name == 'early' }.weekday", is(List.of(1, 2, 3, 4, 5)))
                .body("shifts.findAll { it.name == 'early' }[4].breaks", hasSize(1));
        // Monday 2030-01-07 to Monday 2030-01-14 (Asia/Shanghai): 5 × 7.5 h + 4 h
        data.planner().queryParam("from", "2030-01-06T16:00:00Z").queryParam("to", "2030-01-13T16:00:00Z")
                .get("/api/calendars/" + calendar + "/working-time").then().statusCode(200)
                .body("workingMinutes", is(5 * 450 + 240));

        // both forms, a weekday twice, and a shift that overlaps itself on consecutive days are refused
        problem(data.planner().body(calendar(List.of(Map.of("weekday", 1, "weekdays", List.of(2), "name", "x",
                "start", "06:00", "end", "14:00")))).post("/api/calendars"), "invalid-calendar", "shifts[0].weekdays");
        problem(data.planner().body(calendar(List.of(Map.of("weekdays", List.of(2, 2), "name", "x",
                "start", "06:00", "end", "14:00")))).post("/api/calendars"), "invalid-calendar", "shifts[0].weekdays");
        problem(data.planner().body(calendar(List.of(Map.of("name", "x", "start", "06:00", "end", "14:00"))))
                .post("/api/calendars"), "invalid-calendar", "shifts[0].weekday");
        problem(data.planner().body(calendar(List.of(Map.of("weekdays", List.of(1, 2), "name", "long",
                "start", "06:00", "end", "07:00"), Map.of("weekday", 2, "name", "x", "start", "06:30",
                "end", "08:00")))).post("/api/calendars"), "invalid-calendar", "shifts[1]");
    }

    private static Map<String, Object> calendar(List<Map<String, Object>> shifts) {
        return Map.of("code", data.code("BAD" + shifts.size()), "name", "bad", "shifts", shifts);
    }

    private static Map<String, Object> item(String code, String sourcing) {
        return Map.of("code", code, "name", code, "type", "MAKE".equals(sourcing) ? "FINISHED" : "RAW",
                "sourcing", sourcing, "stockUnitCode", "pcs", "leadTimeDays", 2, "standardCost", "1.5");
    }

    private static void problem(io.restassured.response.Response response, String type, String field) {
        response.then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString(type))
                .body("errors[0].field", is(field));
    }
}
