package org.pilotline.erp;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * MRP through the REST API against the real database: a small plant built by hand, its planned orders computed by
 * hand, the planner's actions, net change against a fresh run, tenants and roles.
 *
 * <pre>
 *   FG  make, lead 2 days: 2 × SUB + 1 × RAW       stock 10, sales order 50 due Fri 2027-03-19, forecast 80 week of 03-22
 *   SUB make, lead 1 day:  3 × RAW
 *   RAW buy,  lead 5 days                          stock 20, purchase order 40 due Wed 03-10
 * </pre>
 * Horizon from Mon 2027-03-01, Monday to Friday. The order (week 3) consumes 50 of the week-4 forecast: 30 is left.
 * Lot for lot, the engine plans one order per demand element (RAW gets one for FG #1's 40 and one for SUB #2's 180
 * on the same day).
 */
@QuarkusTest
class MrpApiTest {

    private static final String START = "2027-03-01";

    @jakarta.inject.Inject
    org.pilotline.erp.mrp.MrpPlanCache cache;

    private static MasterData data;
    private static long fg;
    private static long sub;
    private static long raw;
    private static long supplier;
    private static long salesOrder;
    private static String fgCode;
    private static String subCode;
    private static String rawCode;

    @BeforeEach
    void plant() {
        if (data != null) {
            return;
        }
        data = new MasterData(TestEnterprise.create());
        raw = data.item("RAW").bought().with("leadTimeDays", 5).create();
        sub = data.item("SUB").made().with("leadTimeDays", 1).create();
        fg = data.item("FG").made().with("leadTimeDays", 2).create();
        fgCode = data.code("FG");
        subCode = data.code("SUB");
        rawCode = data.code("RAW");
        data.bom(sub).line(raw, "3").create();
        data.bom(fg).line(sub, "2").line(raw, "1").create();
        long location = data.location(data.warehouse("WH"), "A");
        receive(fg, "10", location);
        receive(raw, "20", location);
        supplier = data.partner("SUP", false, true);
        long customer = data.partner("CUS", true, false);
        data.planner().body(Map.of("supplierId", supplier, "lines", List.of(
                Map.of("itemId", raw, "quantity", "40", "date", "2027-03-10")))).post("/api/purchase-orders")
                .then().statusCode(201);
        salesOrder = ((Number) data.planner().body(Map.of("customerId", customer, "lines", List.of(
                Map.of("itemId", fg, "quantity", "50", "date", "2027-03-19")))).post("/api/sales-orders")
                .then().statusCode(201).extract().path("id")).longValue();
        data.planner().post("/api/sales-orders/" + salesOrder + "/confirm").then().statusCode(200);
        data.planner().body(Map.of("itemId", fg, "week", "2027-03-24", "quantity", "80")).post("/api/mrp/forecasts")
                .then().statusCode(201).body("week", is("2027-03-22"));
    }

    @Test
    void aRunPlansTheHandComputedOrdersWithPeggingThatAddsUpAndThePlannerActsOnThem() {
        long run = runAndWait(data.planner());
        assertEquals(List.of(
                fgCode + " #1 PRODUCTION 40 2027-03-17..2027-03-19",
                fgCode + " #2 PRODUCTION 30 2027-03-18..2027-03-22",
                rawCode + " #1 PURCHASE 180 2027-03-09..2027-03-16",
                rawCode + " #2 PURCHASE 40 2027-03-10..2027-03-17",
                rawCode + " #3 PURCHASE 180 2027-03-10..2027-03-17",
                rawCode + " #4 PURCHASE 30 2027-03-11..2027-03-18",
                subCode + " #1 PRODUCTION 80 2027-03-16..2027-03-17",
                subCode + " #2 PRODUCTION 60 2027-03-17..2027-03-18"), orders(run));

        // every planned order is pegged to demands that add up to its quantity; RAW #2 serves FG #1, RAW #3 SUB #2
        for (Map<String, Object> order : page(run, "")) {
            var tree = data.planner().get(orderPath(run, order) + "/pegging").then().statusCode(200).extract();
            List<Object> pegged = tree.path("children.quantity");
            BigDecimal sum = pegged.stream().map(q -> new BigDecimal(q.toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, sum.compareTo(new BigDecimal(order.get("quantity").toString())), "pegs of " + order + ": " + pegged);
        }
        var rawTwo = data.planner().get("/api/mrp/runs/" + run + "/planned-orders/" + raw + "/2/pegging").then()
                .statusCode(200).extract();
        assertEquals(List.of(fgCode), rawTwo.path("children.orderItemCode"));
        assertEquals(List.of(2), data.planner().get("/api/mrp/runs/" + run + "/planned-orders/" + raw + "/3/pegging")
                .then().statusCode(200).extract().path("children.plannedOrderNumber"));
        // up to the top: the sales order line and the forecast
        assertTrue(rawTwo.path("children.children.children.kind").toString().contains("SALES_ORDER"));
        // the sales order line is served by the stock (10) and FG #1 (40), down to RAW
        var down = data.planner().get("/api/mrp/runs/" + run + "/sales-orders/" + salesOrder + "/lines/10/pegging")
                .then().statusCode(200).body("quantity", is(50)).extract();
        assertEquals(List.of("ON_HAND", "PLANNED_ORDER"), down.path("children.kind"));
        assertEquals(List.of(10, 40), down.path("children.quantity"));
        assertThat(down.<List<String>>path("children[1].children.itemCode"), containsInAnyOrder(subCode, rawCode));
        // a replica that does not hold the plan re-creates it from the run's stored input: the same trees
        String before = data.planner().get("/api/mrp/runs/" + run + "/planned-orders/" + raw + "/3/pegging").asString();
        cache.forget(data.enterprise().code);
        assertEquals(before, data.planner().get("/api/mrp/runs/" + run + "/planned-orders/" + raw + "/3/pegging").asString());
        assertEquals(down.asString(), data.planner().get("/api/mrp/runs/" + run + "/sales-orders/" + salesOrder
                + "/lines/10/pegging").asString());

        // firm FG #1, convert SUB #1 into a production order and RAW #1 into a purchase order
        data.planner().post("/api/mrp/runs/" + run + "/planned-orders/" + fg + "/1/firm").then().statusCode(200)
                .body("plannedOrder.status", is("FIRMED"));
        data.planner().post("/api/mrp/runs/" + run + "/planned-orders/" + fg + "/1/firm").then().statusCode(409);
        String mo = data.planner().body(Map.of()).post("/api/mrp/runs/" + run + "/planned-orders/" + sub + "/1/convert")
                .then().statusCode(201).body("orderType", is("PRODUCTION")).extract().path("orderNumber");
        data.planner().queryParam("itemId", sub).get("/api/production-orders").then()
                .body("items[0].number", is(mo)).body("items[0].quantity", is(80))
                .body("items[0].startDate", is("2027-03-16")).body("items[0].origin", is("MRP"));
        data.planner().body(Map.of()).post("/api/mrp/runs/" + run + "/planned-orders/" + raw + "/1/convert").then()
                .statusCode(400).body("errors[0].field", is("supplierId"));
        data.planner().body(Map.of("supplierId", supplier)).post("/api/mrp/runs/" + run + "/planned-orders/" + raw + "/1/convert")
                .then().statusCode(201).body("orderType", is("PURCHASE"));
        data.planner().body(Map.of("supplierId", supplier)).post("/api/mrp/runs/" + run + "/planned-orders/" + raw + "/1/convert")
                .then().statusCode(409).body("type", containsString("already-converted"));

        // the next run nets the firmed order, the production order (and its RAW reservation) and the purchase order
        long next = runAndWait(data.planner());
        assertEquals(List.of(
                fgCode + " #1 PRODUCTION 30 2027-03-18..2027-03-22",
                rawCode + " #1 PURCHASE 40 2027-03-10..2027-03-17",
                rawCode + " #2 PURCHASE 180 2027-03-10..2027-03-17",
                rawCode + " #3 PURCHASE 30 2027-03-11..2027-03-18",
                subCode + " #1 PRODUCTION 60 2027-03-17..2027-03-18"), orders(next));
        // the old run's results are gone, the old run is no plan to act on
        data.planner().get("/api/mrp/runs/" + run).then().statusCode(200).body("status", is("SUPERSEDED"));
        data.planner().post("/api/mrp/runs/" + run + "/planned-orders/" + fg + "/2/firm").then().statusCode(409);

        // net change after a sales order line changed equals a fresh run
        cache.forget(data.enterprise().code); // the net change then starts from the stored run, too
        var order = data.planner().get("/api/sales-orders/" + salesOrder).then().extract();
        int version = order.path("version");
        data.planner().body(Map.of("customerId", order.path("customerId"), "version", version, "lines", List.of(
                Map.of("lineNo", 10, "itemId", fg, "quantity", "75", "date", "2027-03-19")))).put("/api/sales-orders/" + salesOrder)
                .then().statusCode(200);
        data.planner().body(Map.of("salesOrderId", salesOrder)).post("/api/mrp/net-change").then().statusCode(200)
                .body("runId", is((int) next)).body("changedLines[0]", containsString("/10"));
        List<String> netChanged = orders(next);
        assertThat(netChanged, hasItem(fgCode + " #1 PRODUCTION 25 2027-03-17..2027-03-19"));
        long fresh = runAndWait(data.planner());
        assertEquals(netChanged, orders(fresh));
        // once the planner has acted on a run, a net change would not see it: a new run is asked for
        data.planner().post("/api/mrp/runs/" + fresh + "/planned-orders/" + fg + "/1/firm").then().statusCode(200);
        data.planner().get("/api/mrp/runs/" + fresh).then().body("actions", is(1));
        data.planner().body(Map.of("salesOrderId", salesOrder)).post("/api/mrp/net-change").then().statusCode(409)
                .body("type", containsString("plan-acted-on"));

        // the firm taken back: PLANNED again, once; its firmed order no longer kept by the next run; in the journal
        String reference = data.planner().get("/api/mrp/runs/" + fresh + "/planned-orders?itemId=" + fg).then()
                .statusCode(200).extract().path("items.find { it.number == 1 }.convertedTo");
        data.planner().post("/api/mrp/runs/" + fresh + "/planned-orders/" + fg + "/1/unfirm").then().statusCode(200)
                .body("reference", is(reference)).body("plannedOrder.status", is("PLANNED"))
                .body("plannedOrder.number", is(1));
        data.planner().post("/api/mrp/runs/" + fresh + "/planned-orders/" + fg + "/1/unfirm").then().statusCode(409)
                .contentType(containsString("application/problem+json")).body("type", containsString("not-firmed"));
        data.planner().post("/api/mrp/runs/" + fresh + "/planned-orders/" + fg + "/2/unfirm").then().statusCode(409)
                .body("type", containsString("not-firmed"));
        data.planner().get("/api/mrp/runs/" + fresh).then().body("actions", is(2));
        data.planner().queryParam("kind", "mrp-unfirmed").queryParam("subject", "mrp-run:" + fresh).get("/api/journal")
                .then().statusCode(200).body("total", is(1)).body("items[0].text", containsString(reference))
                .body("items[0].actor", is(data.enterprise().code + "-planner"));
        // a converted one cannot be unfirmed; the next run plans afresh what the firmed order had kept
        data.planner().post("/api/mrp/runs/" + fresh + "/planned-orders/" + fg + "/1/firm").then().statusCode(200);
        data.planner().body(Map.of()).post("/api/mrp/runs/" + fresh + "/planned-orders/" + fg + "/1/convert")
                .then().statusCode(201);
        data.planner().post("/api/mrp/runs/" + fresh + "/planned-orders/" + fg + "/1/unfirm").then().statusCode(409)
                .body("type", containsString("already-converted"));
    }

    @Test
    void filtersPagingAndBadInputAreAnsweredAsProblems() {
        long run = currentOrRun();
        data.planner().queryParam("type", "PURCHASE").queryParam("size", 1).get("/api/mrp/runs/" + run + "/planned-orders")
                .then().statusCode(200).body("items.size()", is(1)).body("items[0].type", is("PURCHASE"));
        data.planner().queryParam("itemId", fg).get("/api/mrp/runs/" + run + "/planned-orders").then().statusCode(200)
                .body("items.itemCode", org.hamcrest.Matchers.everyItem(is(fgCode)));
        data.planner().queryParam("type", "GIFT").get("/api/mrp/runs/" + run + "/planned-orders").then().statusCode(400)
                .body("errors[0].field", is("type"));
        List<String> dues = data.planner().queryParam("sort", "dueDate").queryParam("size", 1000)
                .get("/api/mrp/runs/" + run + "/planned-orders").then().statusCode(200).extract().path("items.dueDate");
        assertEquals(dues.stream().sorted().toList(), dues);
        data.planner().queryParam("sort", "price").get("/api/mrp/runs/" + run + "/planned-orders").then().statusCode(400)
                .body("errors[0].field", is("sort"));
        data.planner().queryParam("kind", "LATE").get("/api/mrp/runs/" + run + "/exceptions").then().statusCode(400)
                .body("errors[0].field", is("kind"));
        data.planner().queryParam("kind", "RELEASE_IN_PAST").get("/api/mrp/runs/" + run + "/exceptions").then().statusCode(200);
        data.planner().get("/api/mrp/runs/999999999").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        data.planner().get("/api/mrp/runs/" + run + "/planned-orders/" + fg + "/99/pegging").then().statusCode(404);
        data.planner().body(Map.of("calendarId", 999999999)).post("/api/mrp/runs").then().statusCode(400)
                .body("errors[0].field", is("calendarId"));
        data.planner().body(Map.of("weeks", 0)).post("/api/mrp/runs").then().statusCode(400);
        data.planner().body(Map.of("itemId", 999999999, "week", "2027-03-01", "quantity", "1")).post("/api/mrp/forecasts")
                .then().statusCode(400).body("errors[0].field", is("itemId"));
    }

    @Test
    void anotherEnterpriseSeesNothingAndRolesAreEnforced() {
        long run = currentOrRun();
        TestEnterprise other = TestEnterprise.create();
        other.as("planner").get("/api/mrp/runs/" + run).then().statusCode(404);
        other.as("planner").get("/api/mrp/runs/" + run + "/planned-orders").then().statusCode(404);
        other.as("planner").get("/api/mrp/runs/" + run + "/exceptions").then().statusCode(404);
        other.as("planner").post("/api/mrp/runs/" + run + "/planned-orders/" + fg + "/2/firm").then().statusCode(404);
        other.as("planner").post("/api/mrp/runs/" + run + "/planned-orders/" + fg + "/2/unfirm").then().statusCode(404);
        other.as("planner").get("/api/mrp/runs").then().statusCode(200).body("total", is(0));
        other.as("planner").get("/api/mrp/runs/current").then().statusCode(404);
        other.as("planner").body(Map.of("salesOrderId", salesOrder)).post("/api/mrp/net-change").then().statusCode(409);
        other.as("planner").queryParam("itemId", fg).get("/api/mrp/forecasts").then().statusCode(200).body("total", is(0));

        data.enterprise().as("operator").body(Map.of()).post("/api/mrp/runs").then().statusCode(403);
        data.enterprise().as("manager").body(Map.of()).post("/api/mrp/runs").then().statusCode(403);
        data.enterprise().as("operator").get("/api/mrp/runs/" + run).then().statusCode(403);
        data.enterprise().as("manager").get("/api/mrp/runs/" + run).then().statusCode(200);
        data.enterprise().as("manager").get("/api/mrp/runs/" + run + "/planned-orders").then().statusCode(200);
        data.enterprise().as("manager").post("/api/mrp/runs/" + run + "/planned-orders/" + fg + "/2/firm").then().statusCode(403);
        data.enterprise().as("manager").post("/api/mrp/runs/" + run + "/planned-orders/" + fg + "/2/unfirm").then().statusCode(403);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static long currentOrRun() {
        var current = data.planner().get("/api/mrp/runs/current");
        if (current.statusCode() == 200) {
            return ((Number) current.path("id")).longValue();
        }
        return runAndWait(data.planner());
    }

    static long runAndWait(RequestSpecification as) {
        var started = as.body(Map.of("start", START, "weeks", 8)).post("/api/mrp/runs").then().statusCode(202)
                .body("status", org.hamcrest.Matchers.oneOf("QUEUED", "RUNNING", "COMPLETED")).extract();
        long id = ((Number) started.path("id")).longValue();
        assertThat(started.header("Location"), endsWith("/api/mrp/runs/" + id));
        for (int i = 0; i < 600; i++) {
            var run = data.planner().get("/api/mrp/runs/" + id).then().statusCode(200).extract();
            String status = run.path("status");
            if (status.equals("COMPLETED")) {
                assertTrue(run.<Boolean>path("current"));
                return id;
            }
            assertTrue(List.of("QUEUED", "RUNNING").contains(status), "run " + id + " is " + status + ": " + run.path("error"));
            sleep();
        }
        throw new AssertionError("run " + id + " did not finish");
    }

    private static List<Map<String, Object>> page(long run, String query) {
        return data.planner().get("/api/mrp/runs/" + run + "/planned-orders?size=1000" + query).then().statusCode(200)
                .extract().path("items");
    }

    /** The run's planned orders as "ITEM #n TYPE qty release..due", sorted. */
    private static List<String> orders(long run) {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> o : page(run, "")) {
            lines.add(o.get("itemCode") + " #" + o.get("number") + " " + o.get("type") + " " + o.get("quantity") + " "
                    + o.get("releaseDate") + ".." + o.get("dueDate"));
        }
        return new ArrayList<>(new TreeSet<>(lines));
    }

    private static String orderPath(long run, Map<String, Object> order) {
        return "/api/mrp/runs/" + run + "/planned-orders/" + order.get("itemId") + "/" + order.get("number");
    }

    private static void receive(long item, String quantity, long location) {
        data.planner().body(Map.of("type", "RECEIPT", "reason", "OPENING_BALANCE", "itemId", item, "quantity", quantity,
                "toLocationId", location)).post("/api/stock/moves").then().statusCode(201);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
