package org.pilotline.bpm;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.Api;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Engineering changes (ECR → ECO) end to end through REST on the real engine: the impact computed by erp-core, the
 * production manager's and engineering's (planners') approvals in parallel, the new revision effective on its date
 * with the one in force closed the day before, open orders keeping their revision unless the change switches them,
 * a rejection notifying the requester, an application that fails leaving nothing written, form validation and tenant
 * isolation.
 */
@QuarkusTest
class EngineeringChangeProcessTest {

    private static final String PATH = "/api/processes/engineering-changes";

    private static MasterData data;
    private static TestEnterprise other;
    private static long body;
    private static long seal;
    private static long supplier;
    private static long lathe;
    private static int counter;

    @BeforeEach
    void masterData() {
        if (data != null) {
            return;
        }
        data = new MasterData(TestEnterprise.create());
        other = TestEnterprise.create();
        body = data.item("BODY").bought().cost("10").create();
        seal = data.item("SEAL").bought().cost("4").create();
        supplier = data.partner("SUP", false, true);
        lathe = data.workCenter("LATHE", "60");
    }

    @Test
    void bothApprovalsPutTheNewBomInPlaceFromItsDateWhileOpenOrdersKeepTheirs() {
        long valve = data.made("VALVE" + (++counter));
        long bomA = data.bom(valve).line(body, "1").create();
        long order = productionOrder(valve);
        long purchase = MasterData.id(data.planner().body(Map.of("supplierId", supplier, "lines",
                List.of(Map.of("itemId", seal, "quantity", "50", "date", later(10).toString())))).post("/api/purchase-orders"));
        LocalDate effective = later(30);

        Map<String, Object> change = bomChange(valve, "B", effective, List.of(line(body, "1"), line(seal, "2")));
        var requested = data.planner().body(change).post(PATH).then().statusCode(201)
                .header("Location", containsString(PATH + "/"))
                .body("status", is("PENDING_APPROVAL")).body("kind", is("BOM")).body("revision", is("B"))
                .body("effectiveDate", is(effective.toString()))
                .body("waitingFor", contains("engineering", "production"))
                .body("impact.currentRevision", is("A"))
                .body("impact.openProductionOrders.id", hasItem((int) order))
                .body("impact.openPurchaseOrders.id", hasItem((int) purchase))
                .body("impact.stock.itemId", hasItem((int) seal))
                .extract();
        String id = requested.path("id");
        // the cost difference is the roll-up of the proposal against the revision in force: two seals more
        BigDecimal current = Api.decimal(requested, "impact.currentUnitCost");
        BigDecimal proposed = Api.decimal(requested, "impact.proposedUnitCost");
        BigDecimal sealCost = new BigDecimal("4");
        assertEquals(0, proposed.subtract(current).compareTo(sealCost.multiply(new BigDecimal("2"))));
        assertEquals(0, Api.decimal(requested, "impact.costDifference").compareTo(proposed.subtract(current)));
        // sent again: the same change, nothing new
        data.planner().body(change).post(PATH).then().statusCode(200).body("id", is(id));

        String production = task("manager", id, "approveProduction");
        String engineering = task("planner", id, "approveEngineering");
        complete("manager", production, Map.of("productionApproved", "yes"), 400)
                .body("errors.field", hasItem("variables.productionApproved"));
        complete("manager", production, Map.of("productionApproved", true, "productionComment", "fine"), 204);
        view(id).body("status", is("PENDING_APPROVAL")).body("waitingFor", contains("engineering"))
                .body("productionApproved", is(true));
        complete("planner", engineering, Map.of("engineeringApproved", true), 204);

        var applied = view(id).body("status", is("APPLIED")).body("closedRevision", is("A"))
                .body("closedValidTo", is(effective.toString())).body("switchedOrders.size()", is(0))
                .body("revisionId", notNullValue()).extract();
        long bomB = ((Number) applied.path("revisionId")).longValue();
        data.planner().get("/api/boms/" + bomA).then().statusCode(200).body("validTo", is(effective.toString()));
        data.planner().get("/api/boms/" + bomB).then().statusCode(200).body("revision", is("B"))
                .body("validFrom", is(effective.toString())).body("validTo", nullValue());
        // the open order keeps the revision it follows
        data.planner().get("/api/production-orders/" + order).then().body("bomId", is((int) bomA));
        journal(id).body("items.kind", hasItem("engineering-change-requested"))
                .body("items.kind", hasItem("engineering-change-applied"));
    }

    @Test
    void aRoutingChangeThatSwitchesOpenOrdersMovesThemToTheNewRevision() {
        long valve = data.made("VALVE" + (++counter));
        data.bom(valve).line(body, "1").create();
        long routingA = data.routing(valve, MasterData.operation(10, lathe, "30", "1"));
        long order = productionOrder(valve);
        data.planner().get("/api/production-orders/" + order).then().body("routingId", is((int) routingA));
        Map<String, Object> change = request(valve, "ROUTING", "B", later(20));
        change.put("switchOpenOrders", true);
        change.put("operations", List.of(MasterData.operation(10, lathe, "30", "2")));
        var requested = data.planner().body(change).post(PATH).then().statusCode(201).extract();
        String id = requested.path("id");
        // one minute more per unit at 60 an hour
        assertEquals(0, Api.decimal(requested, "impact.costDifference").compareTo(BigDecimal.ONE));

        complete("planner", task("planner", id, "approveEngineering"), Map.of("engineeringApproved", true), 204);
        complete("manager", task("manager", id, "approveProduction"), Map.of("productionApproved", true), 204);
        var applied = view(id).body("status", is("APPLIED")).body("switchedOrders.size()", is(1)).extract();
        long routingB = ((Number) applied.path("revisionId")).longValue();
        data.planner().get("/api/production-orders/" + order).then().body("routingId", is((int) routingB));
    }

    @Test
    void oneRejectionNotifiesTheRequesterAndWithdrawsTheOtherApproval() {
        long valve = data.made("VALVE" + (++counter));
        long bomA = data.bom(valve).line(body, "1").create();
        String id = data.planner().body(bomChange(valve, "B", later(15), List.of(line(seal, "1")))).post(PATH).then()
                .statusCode(201).extract().path("id");
        String engineering = task("planner", id, "approveEngineering");
        complete("manager", task("manager", id, "approveProduction"),
                Map.of("productionApproved", false, "productionComment", "seal not qualified"), 204);

        String manager = data.enterprise().code + "-manager";
        view(id).body("status", is("REJECTED")).body("rejectedBy", is(manager))
                .body("rejectionComment", is("seal not qualified")).body("revisionId", nullValue())
                .body("waitingFor.size()", is(0));
        data.planner().queryParam("itemId", valve).get("/api/boms").then().statusCode(200)
                .body("items.id", contains((int) bomA)).body("items[0].validTo", nullValue());
        // engineering's approval is withdrawn; the requester holds a notice of the rejection
        List<Map<String, Object>> plannerTasks = data.enterprise().as("planner").get("/api/tasks").then()
                .statusCode(200).extract().path("$");
        assertEquals(0, plannerTasks.stream().filter(t -> engineering.equals(t.get("id"))).count());
        String number = view(id).extract().path("number");
        Map<String, Object> notice = plannerTasks.stream()
                .filter(t -> String.valueOf(t.get("name")).contains(number)).findFirst().orElseThrow();
        assertEquals(data.enterprise().code + "-planner", notice.get("assignee"));
        complete("planner", (String) notice.get("id"), Map.of(), 204);
        journal(id).body("items.kind", hasItem("engineering-change-rejected"))
                .body("items.kind", hasItem("task-cancelled"));
    }

    @Test
    void aChangeThatCannotBeAppliedLeavesNothingWrittenAndTheApprovalOpen() {
        long valve = data.made("VALVE" + (++counter));
        long bomA = data.bom(valve).line(body, "1").create();
        // revision label X is taken by an old revision, so the application at the end is refused
        data.bom(valve).revision("X", "2019-01-01", "2019-06-01").line(body, "1").create();
        String id = data.planner().body(bomChange(valve, "X", later(15), List.of(line(seal, "1")))).post(PATH).then()
                .statusCode(201).extract().path("id");
        complete("manager", task("manager", id, "approveProduction"), Map.of("productionApproved", true), 204);
        String engineering = task("planner", id, "approveEngineering");
        complete("planner", engineering, Map.of("engineeringApproved", true), 409)
                .body("type", endsWith("/duplicate-revision")).body("errors[0].field", is("revision"));

        // nothing written: the revision in force is not closed, the approval is still open
        data.planner().get("/api/boms/" + bomA).then().body("validTo", nullValue());
        data.planner().queryParam("itemId", valve).get("/api/boms").then().body("items.size()", is(2));
        view(id).body("status", is("PENDING_APPROVAL")).body("waitingFor", contains("engineering"))
                .body("revisionId", nullValue());
        data.enterprise().as("planner").get("/api/tasks/" + engineering).then().statusCode(200);
        journal(id).body("items.kind", not(hasItem("engineering-change-applied")));
        // engineering may still reject it
        complete("planner", engineering, Map.of("engineeringApproved", false, "engineeringComment", "label taken"), 204);
        view(id).body("status", is("REJECTED"));
    }

    @Test
    void aBadRequestIsRefusedNamingTheFieldAndStartsNothing() {
        long valve = data.made("VALVE" + (++counter));
        data.bom(valve).line(body, "1").create();
        Map<String, Object> noLines = request(valve, "BOM", "B", later(10));
        data.planner().body(noLines).post(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("lines"));
        data.planner().body(bomChange(valve, "B", LocalDate.now(ZoneOffset.UTC).minusDays(3), List.of(line(seal, "1"))))
                .post(PATH).then().statusCode(400).body("errors.field", hasItem("effectiveDate"));
        data.planner().body(bomChange(valve, "B", later(10), List.of(line(999_999_999L, "1")))).post(PATH).then()
                .statusCode(400).body("errors.field", hasItem("lines[0].componentId"));
        data.planner().body(bomChange(999_999_999L, "B", later(10), List.of(line(seal, "1")))).post(PATH).then()
                .statusCode(400).body("errors.field", hasItem("itemId"));
        data.planner().queryParam("itemId", "x").get(PATH).then().statusCode(400).body("errors.field", hasItem("itemId"));
        data.planner().queryParam("itemId", valve).get(PATH).then().statusCode(200).body("size()", is(0));
        data.enterprise().as("operator").body(bomChange(valve, "B", later(10), List.of(line(seal, "1")))).post(PATH)
                .then().statusCode(403);
    }

    @Test
    void anotherEnterpriseCannotSeeOrDecideTheChange() {
        long valve = data.made("VALVE" + (++counter));
        data.bom(valve).line(body, "1").create();
        String id = data.planner().body(bomChange(valve, "B", later(10), List.of(line(seal, "1")))).post(PATH).then()
                .statusCode(201).extract().path("id");
        String production = task("manager", id, "approveProduction");
        other.as("manager").get(PATH + "/" + id).then().statusCode(404).contentType("application/problem+json");
        other.as("manager").get(PATH).then().statusCode(200).body("id", not(hasItem(id)));
        other.as("manager").get("/api/tasks").then().statusCode(200).body("processInstanceId", not(hasItem(id)));
        other.as("manager").get("/api/tasks/" + production).then().statusCode(404);
        other.as("manager").body(Map.of("variables", Map.of("productionApproved", true)))
                .post("/api/tasks/" + production + "/complete").then().statusCode(404);
        other.as("manager").post("/api/tasks/" + production + "/claim").then().statusCode(404);
        view(id).body("waitingFor", contains("engineering", "production"));
    }

    private static LocalDate later(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days);
    }

    private static long productionOrder(long item) {
        return MasterData.id(data.planner().body(Map.of("itemId", item, "quantity", "5",
                "dueDate", later(40).toString())).post("/api/production-orders"));
    }

    private static Map<String, Object> request(long item, String kind, String revision, LocalDate effective) {
        Map<String, Object> body = new HashMap<>();
        body.put("requestId", "ecr-" + item + "-" + revision + "-" + kind + "-" + effective);
        body.put("kind", kind);
        body.put("itemId", item);
        body.put("revision", revision);
        body.put("effectiveDate", effective.toString());
        body.put("reason", "cheaper seal");
        return body;
    }

    private static Map<String, Object> bomChange(long item, String revision, LocalDate effective,
                                                 List<Map<String, Object>> lines) {
        Map<String, Object> body = request(item, "BOM", revision, effective);
        body.put("lines", lines);
        return body;
    }

    private static Map<String, Object> line(long component, String quantity) {
        return Map.of("componentId", component, "quantity", quantity);
    }

    private static ValidatableResponse view(String id) {
        return data.planner().get(PATH + "/" + id).then().statusCode(200);
    }

    private static ValidatableResponse journal(String id) {
        return data.enterprise().as("manager").queryParam("subject", "process:" + id).queryParam("size", 100)
                .get("/api/journal").then().statusCode(200);
    }

    private static String task(String role, String processId, String definitionKey) {
        List<Map<String, Object>> tasks = data.enterprise().as(role).get("/api/tasks").then().statusCode(200)
                .extract().path("$");
        return tasks.stream().filter(t -> processId.equals(t.get("processInstanceId"))
                        && definitionKey.equals(t.get("taskDefinitionKey"))).map(t -> (String) t.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no task " + definitionKey + " for " + role + " in " + processId));
    }

    private static ValidatableResponse complete(String role, String taskId, Map<String, Object> variables, int status) {
        return data.enterprise().as(role).body(Map.of("variables", variables)).post("/api/tasks/" + taskId + "/complete")
                .then().statusCode(status);
    }
}
