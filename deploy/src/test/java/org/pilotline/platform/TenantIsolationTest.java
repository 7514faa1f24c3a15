package org.pilotline.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pilotline.testing.Api;
import org.pilotline.testing.MasterData;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A user of enterprise {@code demo} gets 404 for every id of {@code demo2} — on read, update and delete — and never
 * sees demo2's rows in a list; the bureau reads no raw enterprise data. Every tenant-owned resource is listed in
 * {@link #resources()}; a new resource joins the list to inherit the whole contract.
 */
@QuarkusTest
class TenantIsolationTest {

    /**
     * A tenant-owned resource: where it lives, a valid new body built in demo2 (prerequisites created as demo2's
     * administrator), and whether it can be updated (PUT takes the same body plus the version) and deleted.
     */
    record TenantResource(String path, Function<MasterData, Map<String, Object>> newBody, boolean updatable,
                          boolean deletable) {
        @Override
        public String toString() {
            return path;
        }
    }

    private static MasterData demo2;

    static MasterData demo2() {
        if (demo2 == null) {
            demo2 = MasterData.asUser("demo2-admin", Api.DEMO_PASSWORD);
        }
        return demo2;
    }

    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    static Stream<TenantResource> resources() {
        return Stream.of(
                new TenantResource("/api/sites", d -> body("code", "S" + unique(), "name", "Site"), true, true),
                new TenantResource("/api/units", d -> body("code", "u" + unique(), "name", "unit", "dimension", "OTHER",
                        "decimals", 2), true, true),
                new TenantResource("/api/unit-conversions", d -> body("itemId", d.bought("CV" + unique(), "1"),
                        "fromUnitId", d.unit("box"), "toUnitId", d.unit("pcs"), "fromQuantity", "1", "toQuantity", "6"), true, true),
                new TenantResource("/api/items", d -> body("code", "I" + unique(), "name", "item", "type", "RAW",
                        "sourcing", "BUY", "stockUnitId", d.unit("pcs"), "leadTimeDays", 1), true, true),
                new TenantResource("/api/calendars", d -> body("code", "CAL" + unique(), "name", "cal", "shifts",
                        List.of(Map.of("weekday", 1, "name", "day", "start", "08:00", "end", "16:00"))), true, true),
                new TenantResource("/api/areas", d -> body("siteId", siteOf(d), "code", "AR" + unique(), "name", "area"), true, true),
                new TenantResource("/api/work-centers", d -> body("areaId", areaOf(d), "code", "WC" + unique(), "name", "wc",
                        "parallelUnits", 1, "hourlyRate", "10"), true, true),
                new TenantResource("/api/work-units", d -> body("workCenterId", d.workCenter("WCU" + unique(), "5"),
                        "code", "WU" + unique(), "name", "machine"), true, true),
                new TenantResource("/api/boms", d -> d.bom(d.made("BP" + unique())).line(d.bought("BC" + unique(), "1"), "2").body(),
                        true, true),
                new TenantResource("/api/recipes", d -> body("itemId", d.made("RP" + unique()), "revision", "R1",
                        "batchSize", "10", "validFrom", "2020-01-01",
                        "ingredients", List.of(Map.of("itemId", d.bought("RI" + unique(), "1"), "quantity", "10"))), true, true),
                new TenantResource("/api/routings", d -> body("itemId", d.made("RT" + unique()), "revision", "A",
                        "validFrom", "2020-01-01", "operations", List.of(MasterData.operation(10,
                                d.workCenter("WCR" + unique(), "5"), "0", "1"))), true, true),
                new TenantResource("/api/partners", d -> body("code", "P" + unique(), "name", "partner", "customer", true), true, true),
                new TenantResource("/api/warehouses", d -> body("code", "W" + unique(), "name", "wh"), true, true),
                new TenantResource("/api/locations", d -> body("warehouseId", d.warehouse("WL" + unique()), "code", "L1",
                        "name", "loc"), true, true),
                new TenantResource("/api/sales-orders", d -> body("customerId", d.partner("C" + unique(), true, false),
                        "lines", List.of(Map.of("itemId", d.bought("SO" + unique(), "1"), "quantity", "1", "date", "2026-12-01"))),
                        true, false),
                new TenantResource("/api/purchase-orders", d -> body("supplierId", d.partner("V" + unique(), false, true),
                        "lines", List.of(Map.of("itemId", d.bought("PO" + unique(), "1"), "quantity", "1", "date", "2026-12-01"))),
                        true, false),
                new TenantResource("/api/production-orders", d -> body("itemId", d.made("MO" + unique()), "quantity", "1",
                        "dueDate", "2026-12-01"), true, false),
                new TenantResource("/api/stock/moves", d -> body("type", "RECEIPT", "reason", "OPENING_BALANCE",
                        "itemId", d.bought("SM" + unique(), "1"), "quantity", "3",
                        "toLocationId", d.location(d.warehouse("WM" + unique()), "L")), false, false),
                new TenantResource("/api/stock/reservations", d -> {
                    long item = d.bought("SR" + unique(), "1");
                    long location = d.location(d.warehouse("WR" + unique()), "L");
                    d.planner().body(body("type", "RECEIPT", "reason", "OPENING_BALANCE", "itemId", item, "quantity", "3",
                            "toLocationId", location)).post("/api/stock/moves").then().statusCode(201);
                    return body("itemId", item, "locationId", location, "quantity", "2", "reference", "R" + unique());
                }, false, true),
                new TenantResource("/api/scheduling/schedules", d -> body("name", "what-if " + unique()), false, true),
                new TenantResource("/api/mrp/forecasts", d -> body("itemId", d.made("FC" + unique()), "week", "2026-12-07",
                        "quantity", "5"), true, true),
                new TenantResource("/api/gateway/bindings", d -> org.pilotline.gateway.Bindings.newBody(unique()), true, true));
    }

    private static long siteOf(MasterData d) {
        return ((Number) d.planner().body(body("code", "SA" + unique(), "name", "s")).post("/api/sites")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    private static long areaOf(MasterData d) {
        return ((Number) d.planner().body(body("siteId", siteOf(d), "code", "AA" + unique(), "name", "a")).post("/api/areas")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void anotherEnterprisesRowsAreNotFoundOnReadUpdateAndDelete(TenantResource resource) {
        Map<String, Object> body = resource.newBody().apply(demo2());
        Response created = Api.as("demo2-admin").body(body)
                .post(resource.path()).then().statusCode(201).extract().response();
        Object id = created.path("id");
        String item = resource.path() + "/" + id;

        Api.as("demo-admin").get(item).then().statusCode(404).contentType("application/problem+json");
        if (resource.updatable()) {
            Map<String, Object> update = new java.util.HashMap<>(body);
            update.put("version", created.path("version"));
            Api.as("demo-admin").body(update).put(item).then().statusCode(404).contentType("application/problem+json");
        }
        if (resource.deletable()) {
            Api.as("demo-admin").delete(item).then().statusCode(404).contentType("application/problem+json");
        }

        // the row is untouched and still visible to its own enterprise
        Api.as("demo2-admin").get(item).then().statusCode(200).body("version", equalTo(created.path("version")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void listsNeverShowAnotherEnterprisesRows(TenantResource resource) {
        Object demo2Id = Api.as("demo2-admin").body(resource.newBody().apply(demo2()))
                .post(resource.path()).then().statusCode(201).extract().path("id");
        Object demoId = Api.as("demo-admin").body(resource.newBody().apply(MasterData.asUser("demo-admin", Api.DEMO_PASSWORD)))
                .post(resource.path()).then().statusCode(201).extract().path("id");

        List<Object> seenByDemo = Api.as("demo-admin").queryParam("size", 1000).get(resource.path())
                .then().statusCode(200).extract().path("items.id");
        assertEquals(true, seenByDemo.contains(demoId));
        assertEquals(false, seenByDemo.contains(demo2Id));
        Api.as("demo2-admin").queryParam("size", 1000).get(resource.path())
                .then().body("items.id", hasItem(demo2Id)).body("items.id", not(hasItem(demoId)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void theBureauReadsNoRawEnterpriseData(TenantResource resource) {
        Api.as("bureau").get(resource.path()).then().statusCode(403).contentType("application/problem+json");
        Api.as("bureau").body(Map.of()).post(resource.path()).then().statusCode(403);
    }

    @Test
    void transitionsAndGoodsMovementsOfAnotherEnterprisesOrdersAreNotFound() {
        MasterData d = demo2();
        long location = d.location(d.warehouse("WT" + unique()), "L");
        Object purchase = Api.as("demo2-admin").body(resources().filter(r -> r.path().equals("/api/purchase-orders"))
                .findFirst().orElseThrow().newBody().apply(d)).post("/api/purchase-orders").then().statusCode(201).extract().path("id");
        Api.as("demo-admin").post("/api/purchase-orders/" + purchase + "/release").then().statusCode(404);
        Api.as("demo2-admin").post("/api/purchase-orders/" + purchase + "/release").then().statusCode(200);
        Api.as("demo-admin").body(Map.of("lines", List.of(Map.of("lineNo", 10, "quantity", "1", "locationId", location))))
                .post("/api/purchase-orders/" + purchase + "/receipts").then().statusCode(404);
        Api.as("demo2-admin").get("/api/purchase-orders/" + purchase).then().body("status", is("RELEASED"));
    }

    @Test
    void rolesAreEnforcedOnMasterDataAndStock() {
        MasterData d = MasterData.asUser("demo-admin", Api.DEMO_PASSWORD);
        Map<String, Object> item = body("code", "ROLE" + unique(), "name", "x", "type", "RAW", "sourcing", "BUY",
                "stockUnitId", d.unit("pcs"), "leadTimeDays", 0);
        Api.as("demo-operator").body(item).post("/api/items").then().statusCode(403).contentType("application/problem+json");
        Api.as("expert").header("PilotLine-Enterprise", "demo").body(item).post("/api/items").then().statusCode(403);
        Api.as("expert").header("PilotLine-Enterprise", "demo").get("/api/items").then().statusCode(200);
        Api.as("demo-operator").get("/api/stock/integrity").then().statusCode(403);
        Api.as("expert").header("PilotLine-Enterprise", "demo").body(body("type", "RECEIPT", "reason", "OTHER",
                "itemId", 1, "quantity", "1", "toLocationId", 1)).post("/api/stock/moves").then().statusCode(403);
        Api.as("demo-planner").body(item).post("/api/items").then().statusCode(201);
    }

    @Test
    void anExpertReadsOnlyTheEnterpriseChosenAmongThoseAssigned() {
        Api.as("expert").header("PilotLine-Enterprise", "demo2").get("/api/sites")
                .then().statusCode(200).body("items.code", hasItem("SZ1")).body("items.code", not(hasItem("HZ1")));
        // without a choice among two assignments the expert acts for no enterprise
        Api.as("expert").get("/api/sites").then().statusCode(403).body("type", is("https://pilotline.org/problems/enterprise-required"));
        // an enterprise not assigned cannot be chosen
        Api.as("expert").header("PilotLine-Enterprise", "not-assigned").get("/api/sites").then().statusCode(403);
        // and experts are read-only
        Api.as("expert").header("PilotLine-Enterprise", "demo").body(Map.of("code", "EX" + unique(), "name", "x"))
                .post("/api/sites").then().statusCode(403);
    }

    @Test
    void aClientCannotChooseItsTenantByHeader() {
        Api.as("demo-planner").header("PilotLine-Enterprise", "demo2").get("/api/sites")
                .then().statusCode(200).body("items.code", everyItem(not(equalTo("SZ1"))));
    }

    @Test
    void enterpriseProfilesOfOthersAreNotFoundButTheBureauSeesAll() {
        Api.as("demo-planner").get("/api/enterprises/demo2").then().statusCode(404);
        Api.as("demo-planner").get("/api/enterprises").then().statusCode(200).body("items.code", equalTo(List.of("demo")));
        Api.as("bureau").get("/api/enterprises/demo2").then().statusCode(200).body("code", is("demo2"));
    }

    @Test
    void anEnterpriseAdministratorCannotSeeOrManageAnotherEnterprisesUsers() {
        Api.as("demo-admin").get("/api/admin/users/demo2-planner").then().statusCode(404);
        Api.as("demo-admin").get("/api/admin/users").then().statusCode(200)
                .body("items.enterprise", everyItem(is("demo")));
        Api.as("demo-admin").body(Map.of("username", "intruder" + unique().toLowerCase(), "displayName", "x",
                        "password", "long-enough-1", "enterprise", "demo2", "roles", List.of("planner")))
                .post("/api/admin/users").then().statusCode(403).contentType("application/problem+json");
    }

    private static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }
}
