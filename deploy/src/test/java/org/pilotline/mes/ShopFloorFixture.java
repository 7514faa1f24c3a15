package org.pilotline.mes;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.pilotline.testing.Api;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.hamcrest.Matchers.is;

/**
 * A small plant of one test enterprise for shop-floor tests, built through the REST API: a staging and a finished-goods
 * location, reasons, work centers with their shop-floor settings, terminals with operators signed in.
 */
public final class ShopFloorFixture {

    public final MasterData data;
    public final TestEnterprise enterprise;
    public final long warehouse;
    public final long staging;
    public final long finishedGoods;

    public ShopFloorFixture() {
        this(TestEnterprise.create());
    }

    /** The shop floor of an enterprise already registered. */
    public ShopFloorFixture(TestEnterprise enterprise) {
        this.enterprise = enterprise;
        data = new MasterData(enterprise);
        warehouse = data.warehouse("WH");
        staging = data.location(warehouse, "STAGE");
        finishedGoods = data.location(warehouse, "FG");
        reason(null, "SCRAP-DEFECT", "SCRAP", false);
        reason(null, "PAUSE-BREAK", "PAUSE", true);
        reason(null, "DOWN-JAM", "DOWNTIME", false);
        badge(enterprise.code + "-operator", "B-" + enterprise.code, "4711");
    }

    public void reason(Long parent, String code, String purpose, boolean planned) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "purpose", purpose, "planned", planned,
                "nameZh", "原因 " + code, "nameEn", "reason " + code));
        if (parent != null) {
            body.put("parentId", parent);
        }
        enterprise.as("admin").body(body).post("/api/mes/reasons").then().statusCode(201);
    }

    public void badge(String username, String badge, String pin) {
        enterprise.as("admin").body(Map.of("badgeNumber", badge, "pin", pin))
                .put("/api/mes/operators/" + username + "/badge").then().statusCode(200);
    }

    /** A work center whose components are staged at STAGE and whose output is received at FG. */
    public long workCenter(String code) {
        long id = data.workCenter(code, "60");
        enterprise.as("admin").body(Map.of("stagingLocationId", staging, "receiptLocationId", finishedGoods,
                "countingSource", "TERMINAL")).put("/api/mes/work-centers/" + id + "/settings").then().statusCode(200);
        return id;
    }

    /** A registered terminal with the enterprise's operator signed in. */
    public Terminal terminal(String code, long workCenterId) {
        Response registered = enterprise.as("admin").body(Map.of("code", data.code(code), "name", code,
                "workCenterId", workCenterId)).post("/api/mes/terminals");
        registered.then().statusCode(201);
        Terminal terminal = new Terminal(((Number) registered.path("id")).longValue(), registered.path("token"));
        terminal.request().body(Map.of("badgeNumber", "B-" + enterprise.code, "pin", "4711"))
                .post("/api/mes/terminal/sign-in").then().statusCode(200).body("operator", is(enterprise.code + "-operator"));
        return terminal;
    }

    public void receive(long item, String quantity, long location, String lot, String expiresOn) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "RECEIPT", "reason", "PURCHASE_RECEIPT", "itemId", item,
                "quantity", quantity, "toLocationId", location));
        if (lot != null) {
            body.put("lotNumber", lot);
        }
        if (expiresOn != null) {
            body.put("lotExpiresOn", expiresOn);
        }
        data.planner().body(body).post("/api/stock/moves").then().statusCode(201);
    }

    /** Stock of an item at a location, of one lot or (lot null) of all. */
    public String stock(long item, long location, String lot) {
        List<Map<String, Object>> balances = data.planner().queryParam("itemId", item).queryParam("locationId", location)
                .queryParam("size", 100).get("/api/stock/balances").then().statusCode(200).extract().path("items");
        return balances.stream().filter(b -> lot == null || lot.equals(b.get("lotNumber")))
                .map(b -> new BigDecimal(b.get("quantity").toString())).reduce(BigDecimal.ZERO, BigDecimal::add)
                .stripTrailingZeros().toPlainString();
    }

    /** Creates and releases a production order; returns the work order. */
    public Response release(long item, String quantity) {
        return release(order(item, quantity));
    }

    /** A planned production order. */
    public long order(long item, String quantity) {
        return ((Number) data.planner().body(Map.of("itemId", item, "quantity", quantity,
                "startDate", "2026-01-05", "dueDate", "2026-12-31")).post("/api/production-orders")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    /** Releases a production order; returns the work order the release created. */
    public Response release(long order) {
        data.planner().post("/api/production-orders/" + order + "/release").then().statusCode(200);
        List<Map<String, Object>> found = data.planner().queryParam("size", 100).get("/api/mes/work-orders")
                .then().statusCode(200).extract().path("items");
        long workOrder = found.stream().filter(w -> ((Number) w.get("productionOrderId")).longValue() == order)
                .map(w -> ((Number) w.get("id")).longValue()).findFirst().orElseThrow();
        return data.planner().get("/api/mes/work-orders/" + workOrder);
    }

    /** The id of one of the enterprise's reasons. */
    public long reasonId(String code) {
        List<Map<String, Object>> roots = data.planner().get("/api/mes/reasons").then().statusCode(200)
                .extract().path("$");
        return roots.stream().filter(r -> code.equals(r.get("code"))).map(ShopFloorFixture::id).findFirst()
                .orElseThrow(() -> new AssertionError("no reason " + code));
    }

    /** A made product of one operation at the work center, consuming one of the component per piece. */
    public long product(String code, long workCenter, long component) {
        long product = data.made(code);
        data.bom(product).line(component, "1").create();
        data.routing(product, routingStep(10, workCenter, null));
        return product;
    }

    /** Waits (up to 90 s) until the planner's solve has ended, and answers it as it ended. */
    public io.restassured.path.json.JsonPath awaitSolve(Object solveId) {
        return data.awaitSolve(solveId);
    }

    public static Map<String, Object> routingStep(int number, long workCenter, String transferQuantity) {
        Map<String, Object> step = new HashMap<>(MasterData.operation(number, workCenter, "10", "2"));
        if (transferQuantity != null) {
            step.put("transferQuantity", transferQuantity);
        }
        return step;
    }

    public static Map<String, Object> report(String kind, long operationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", UUID.randomUUID().toString());
        body.put("kind", kind);
        body.put("operationId", operationId);
        return body;
    }

    public static Map<String, Object> quantity(long operationId, String good) {
        Map<String, Object> body = report("QUANTITY", operationId);
        body.put("good", good);
        return body;
    }

    /** A registered terminal: its token, and its running sequence of reports. */
    public static final class Terminal {
        public final long id;
        public final String token;
        private final AtomicLong sequence = new AtomicLong();

        Terminal(long id, String token) {
            this.id = id;
            this.token = token;
        }

        public RequestSpecification request() {
            return RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                    .accept(ContentType.JSON);
        }

        /** Numbers the report (once: a body sent again keeps its number) and sends it. */
        public Response send(Map<String, Object> report) {
            report.computeIfAbsent("sequence", k -> sequence.incrementAndGet());
            return request().body(report).post("/api/mes/reports");
        }
    }

    public static List<Map<String, Object>> operations(Response workOrder) {
        return new ArrayList<>(workOrder.then().extract().<List<Map<String, Object>>>path("operations"));
    }

    public static long id(Map<String, Object> row) {
        return ((Number) row.get("id")).longValue();
    }

    static RequestSpecification as(String user) {
        return Api.as(user, TestEnterprise.PASSWORD);
    }
}
