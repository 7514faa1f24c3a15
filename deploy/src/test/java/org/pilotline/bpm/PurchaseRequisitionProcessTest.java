package org.pilotline.bpm;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.Api;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Purchase requisition approval end to end through REST on the real engine: the decision table's thresholds, the
 * approval chain, the released purchase order, rejection, escalation by timer on the engine's clock, tenant isolation.
 * The shared template's table: below 5000 the planner; from 5000 the manager (raw material: quality first); from
 * 50000 the administrator as well.
 */
@QuarkusTest
class PurchaseRequisitionProcessTest {

    private static final String PATH = "/api/processes/purchase-requisitions";

    private static MasterData data;
    private static long raw;
    private static long consumable;
    private static long made;
    private static long supplier;

    @Inject
    ManagementService management;

    /** Once per class, but in @BeforeEach: REST Assured knows the application's port only once a test runs. */
    @BeforeEach
    void masterData() {
        if (data != null) {
            return;
        }
        data = new MasterData(TestEnterprise.create());
        raw = data.item("RAW").bought().cost("10").create();
        consumable = data.item("OIL").bought().cost("2.5").with("type", "CONSUMABLE").create();
        made = data.made("ASSY");
        supplier = data.partner("SUP", false, true);
    }

    @AfterEach
    void resetTheEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void theApprovalChainFollowsTheDecisionTableAtItsThresholds() {
        assertEquals(List.of("planner"), chain(consumable, "4999.99"));
        assertEquals(List.of("manager"), chain(consumable, "5000"));
        assertEquals(List.of("manager"), chain(consumable, "49999.99"));
        assertEquals(List.of("manager", "admin"), chain(consumable, "50000"));
        assertEquals(List.of("planner"), chain(raw, "4999.99"));
        assertEquals(List.of("quality", "manager"), chain(raw, "5000"));
        assertEquals(List.of("quality", "manager", "admin"), chain(raw, "50000"));
    }

    @Test
    void anApprovedRequisitionBecomesAReleasedPurchaseOrder() {
        var started = request(Map.of("itemId", consumable, "quantity", "20000", "unitPrice", "2.5",
                "dueDate", "2027-03-10", "supplierId", supplier, "note", "oil for Q1")).extract();
        String id = started.path("id");
        assertEquals("PENDING_APPROVAL", started.path("status"));
        assertEquals(new BigDecimal("50000"), Api.decimal(started, "amount"));

        // first the manager, then the administrator; the planner, not in the chain, is offered nothing
        data.enterprise().as("planner").get("/api/tasks").then().body("processInstanceId", not(hasItem(id)));
        approve("manager", id, true, "needed");
        assertEquals("PENDING_APPROVAL", requisition(id).path("status"));
        approve("admin", id, true, null);

        var done = requisition(id);
        assertEquals("ORDERED", done.path("status"));
        long orderId = ((Number) done.path("purchaseOrderId")).longValue();
        data.planner().get("/api/purchase-orders/" + orderId).then().statusCode(200)
                .body("status", is("RELEASED"))
                .body("number", is(done.<String>path("purchaseOrderNumber")))
                .body("supplierId", is((int) supplier))
                .body("lines[0].itemId", is((int) consumable))
                .body("lines[0].quantity", is(20000))
                .body("lines[0].unitPrice", is(2.5f))
                .body("lines[0].dueDate", is("2027-03-10"))
                .body("note", containsString(done.<String>path("number")));
        data.enterprise().as("manager").queryParam("subject", "process:" + id).queryParam("sort", "recordedAt")
                .queryParam("size", 100).get("/api/journal").then()
                .body("items.kind", contains("purchase-requisition-requested", "task-created", "task-completed",
                        "task-created", "task-completed", "purchase-requisition-ordered"))
                .body("items[5].actor", is(data.enterprise().code + "-admin"));
    }

    @Test
    void aRejectedRequisitionMakesNoPurchaseOrder() {
        long ordersBefore = purchaseOrderCount();
        String id = request(Map.of("itemId", raw, "quantity", "600", "dueDate", "2027-03-10", "supplierId", supplier))
                .extract().path("id");
        approve("quality", id, false, "wrong grade");

        var done = requisition(id);
        assertEquals("REJECTED", done.path("status"));
        assertNull(done.<Object>path("purchaseOrderId"));
        assertEquals(ordersBefore, purchaseOrderCount());
        // the manager, second in the chain, was never asked
        data.enterprise().as("manager").get("/api/tasks").then().body("processInstanceId", not(hasItem(id)));
        data.enterprise().as("manager").queryParam("subject", "process:" + id).queryParam("kind",
                "purchase-requisition-rejected").get("/api/journal").then()
                .body("items[0].text", containsString("wrong grade"))
                .body("items[0].actor", is(data.enterprise().code + "-quality"));
    }

    @Test
    void anApprovalUnansweredForTwoWorkingDaysEscalatesToTheAdministrators() {
        ZoneId zone = ZoneId.of(Api.as("admin").get("/api/enterprises/" + data.enterprise().code).then()
                .extract().<String>path("timeZone"));
        // requested on a Friday at 10:00 plant time: due on Tuesday at 10:00, the weekend does not count
        Instant friday = LocalDate.of(2027, 1, 8).atTime(10, 0).atZone(zone).toInstant();
        Instant tuesday = LocalDate.of(2027, 1, 12).atTime(10, 0).atZone(zone).toInstant();
        ClockUtil.setCurrentTime(Date.from(friday));
        String id = request(Map.of("itemId", consumable, "quantity", "2000", "dueDate", "2027-03-10",
                "supplierId", supplier)).extract().path("id");
        assertEquals(List.of("manager"), requisition(id).<List<String>>path("approvalChain"));
        String taskId = taskOf("manager", id);
        data.enterprise().as("manager").get("/api/tasks/" + taskId).then().body("due", is(tuesday.toString()));
        Job timer = management.createJobQuery().processInstanceId(id).timers().singleResult();
        assertEquals(tuesday, timer.getDuedate().toInstant());
        data.enterprise().as("admin").get("/api/tasks").then().body("id", not(hasItem(taskId)));

        ClockUtil.setCurrentTime(Date.from(tuesday.minusSeconds(60)));
        data.enterprise().as("manager").queryParam("overdue", "true").get("/api/tasks").then()
                .body("id", not(hasItem(taskId)));
        ClockUtil.setCurrentTime(Date.from(tuesday.plusSeconds(60)));
        data.enterprise().as("manager").queryParam("overdue", "true").get("/api/tasks").then()
                .body("id", hasItem(taskId));
        fire(timer);

        data.enterprise().as("admin").get("/api/tasks/" + taskId).then().statusCode(200)
                .body("candidateGroups", containsInAnyOrder("admin", "manager"));
        data.enterprise().as("manager").queryParam("subject", "process:" + id)
                .queryParam("kind", "purchase-approval-escalated").get("/api/journal").then()
                .body("items", org.hamcrest.Matchers.hasSize(1));
        approve("admin", id, true, "escalated, approved");
        assertEquals("ORDERED", requisition(id).path("status"));
    }

    @Test
    void theEscalationSkipsAHolidayOfTheEnterprisesCalendar() {
        MasterData plant = new MasterData(TestEnterprise.create());
        long oil = plant.item("OIL").bought().cost("2.5").with("type", "CONSUMABLE").create();
        long vendor = plant.partner("SUP", false, true);
        ZoneId zone = ZoneId.of(Api.as("admin").get("/api/enterprises/" + plant.enterprise().code).then()
                .extract().<String>path("timeZone"));
        // Monday 11 January 2027 is a holiday of the enterprise's calendar: requested on Friday 8 January at 10:00
        // plant time, the approval escalates on Wednesday 13 January at 10:00 (Monday-to-Friday alone would say Tuesday)
        LocalDate holiday = LocalDate.of(2027, 1, 11);
        plant.planner().body(Map.of("code", "PLANT", "name", "Plant / 工厂日历", "shifts", List.of(Map.of("weekdays",
                        List.of(1, 2, 3, 4, 5), "name", "day", "start", "08:00", "end", "16:00")),
                "holidays", List.of(Map.of("day", holiday.toString(), "name", "holiday"))))
                .post("/api/calendars").then().statusCode(201);
        Instant friday = LocalDate.of(2027, 1, 8).atTime(10, 0).atZone(zone).toInstant();
        Instant tuesday = LocalDate.of(2027, 1, 12).atTime(10, 0).atZone(zone).toInstant();
        Instant wednesday = LocalDate.of(2027, 1, 13).atTime(10, 0).atZone(zone).toInstant();
        ClockUtil.setCurrentTime(Date.from(friday));
        String id = plant.planner().body(Map.of("itemId", oil, "quantity", "2000", "dueDate", "2027-03-10",
                "supplierId", vendor)).post(PATH).then().statusCode(201).body("approvalChain", contains("manager"))
                .extract().path("id");

        Job timer = management.createJobQuery().processInstanceId(id).timers().singleResult();
        assertEquals(wednesday, timer.getDuedate().toInstant());
        List<String> tasks = plant.enterprise().as("manager").get("/api/tasks").then().statusCode(200)
                .extract().path("findAll { it.processInstanceId == '" + id + "' }.id");
        assertEquals(1, tasks.size(), "the manager's approval of " + id);
        plant.enterprise().as("manager").get("/api/tasks/" + tasks.get(0)).then().body("due", is(wednesday.toString()));
        // on the Tuesday, which Monday-to-Friday alone would have made the deadline, the approval is not overdue yet
        ClockUtil.setCurrentTime(Date.from(tuesday.plusSeconds(60)));
        plant.enterprise().as("manager").queryParam("overdue", "true").get("/api/tasks").then()
                .body("id", not(hasItem(tasks.get(0))));
    }

    @Test
    void aPlannedPurchaseOrderOfMrpIsConvertedWhenApproved() {
        MasterData plant = new MasterData(TestEnterprise.create());
        long item = plant.item("BOLT").bought().cost("0.5").with("safetyStock", "100").create();
        long vendor = plant.partner("V", false, true);
        long run = runMrp(plant);
        Map<String, Object> planned = plant.planner().queryParam("itemId", item).get("/api/mrp/runs/" + run + "/planned-orders")
                .then().statusCode(200).extract().path("items[0]");
        assertEquals("PURCHASE", planned.get("type"));

        var started = plant.planner().body(Map.of("plannedOrder", Map.of("runId", run, "itemId", item,
                        "number", planned.get("number")), "supplierId", vendor)).post(PATH).then().statusCode(201)
                .body("source", is("MRP")).body("approvalChain", contains("planner"))
                .body("dueDate", is(planned.get("dueDate"))).extract();
        String id = started.path("id");
        String taskId = plant.enterprise().as("planner").get("/api/tasks").then().extract()
                .path("find { it.processInstanceId == '" + id + "' }.id");
        plant.enterprise().as("planner").body(Map.of("variables", Map.of("approved", true)))
                .post("/api/tasks/" + taskId + "/complete").then().statusCode(204);

        var done = plant.planner().get(PATH + "/" + id).then().statusCode(200).body("status", is("ORDERED")).extract();
        String number = done.path("purchaseOrderNumber");
        plant.planner().get("/api/mrp/runs/" + run + "/planned-orders/" + item + "/" + planned.get("number")).then()
                .body("status", is("CONVERTED")).body("convertedTo", is(number));
        plant.planner().get("/api/purchase-orders/" + done.path("purchaseOrderId")).then()
                .body("status", is("RELEASED")).body("lines[0].unitPrice", is(0.5f));
        // a converted planned order cannot be requested again
        plant.planner().body(Map.of("plannedOrder", Map.of("runId", run, "itemId", item,
                "number", planned.get("number")), "supplierId", vendor)).post(PATH).then().statusCode(409)
                .body("type", containsString("already-converted"));
    }

    @Test
    void aRequisitionThatNamesNothingValidIsRefusedNamingTheField() {
        data.planner().body(Map.of("supplierId", supplier)).post(PATH).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("itemId", "quantity", "dueDate"));
        data.planner().body(Map.of("itemId", made, "quantity", "1", "dueDate", "2027-03-10", "supplierId", supplier))
                .post(PATH).then().statusCode(400).body("errors.field", contains("itemId"));
        data.planner().body(Map.of("itemId", raw, "quantity", "1", "dueDate", "2027-03-10", "supplierId", 999999999))
                .post(PATH).then().statusCode(400).body("errors.field", contains("supplierId"));
        data.planner().body(Map.of("itemId", raw, "quantity", "-1", "dueDate", "2027-03-10", "supplierId", supplier))
                .post(PATH).then().statusCode(400).body("errors.field", contains("quantity"));
        data.planner().body(Map.of("plannedOrder", Map.of("runId", 1, "itemId", raw, "number", 1), "itemId", raw,
                "supplierId", supplier)).post(PATH).then().statusCode(400).body("errors.field", contains("plannedOrder"));
        data.enterprise().as("operator").body(Map.of("itemId", raw, "quantity", "1", "dueDate", "2027-03-10",
                "supplierId", supplier)).post(PATH).then().statusCode(403);
    }

    @Test
    void anotherEnterpriseCanNeitherSeeNorDecideARequisition() {
        TestEnterprise other = TestEnterprise.create();
        String id = request(Map.of("itemId", consumable, "quantity", "4000", "dueDate", "2027-03-10",
                "supplierId", supplier)).extract().path("id");
        String taskId = taskOf("manager", id);

        other.as("manager").get(PATH + "/" + id).then().statusCode(404).contentType("application/problem+json");
        other.as("manager").get("/api/tasks").then().body("id", not(hasItem(taskId)));
        other.as("manager").get("/api/tasks/" + taskId).then().statusCode(404);
        other.as("manager").post("/api/tasks/" + taskId + "/claim").then().statusCode(404);
        other.as("manager").body(Map.of("variables", Map.of("approved", true)))
                .post("/api/tasks/" + taskId + "/complete").then().statusCode(404);
        // nor name this enterprise's item or supplier in a requisition of its own
        other.as("planner").body(Map.of("itemId", consumable, "quantity", "1", "dueDate", "2027-03-10",
                "supplierId", supplier)).post(PATH).then().statusCode(400).body("errors.field", contains("itemId"));

        assertEquals("PENDING_APPROVAL", requisition(id).path("status"));
        data.enterprise().as("manager").get("/api/tasks/" + taskId).then().statusCode(200)
                .body("assignee", nullValue());
    }

    private static List<String> chain(long item, String amount) {
        var started = request(Map.of("itemId", item, "quantity", "1", "unitPrice", amount, "dueDate", "2027-03-10",
                "supplierId", supplier)).body("amount", notNullValue()).extract();
        assertEquals(new BigDecimal(amount), Api.decimal(started, "amount"));
        return started.path("approvalChain");
    }

    private static io.restassured.response.ValidatableResponse request(Map<String, Object> body) {
        return data.planner().body(body).post(PATH).then().statusCode(201).contentType("application/json");
    }

    private static io.restassured.response.ExtractableResponse<io.restassured.response.Response> requisition(String id) {
        return data.planner().get(PATH + "/" + id).then().statusCode(200).extract();
    }

    private static String taskOf(String role, String processId) {
        List<String> ids = data.enterprise().as(role).get("/api/tasks").then().statusCode(200)
                .extract().path("findAll { it.processInstanceId == '" + processId + "' }.id");
        assertEquals(1, ids.size(), role + " should have one task of " + processId + ": " + ids);
        return ids.get(0);
    }

    private static void approve(String role, String processId, boolean approved, String comment) {
        String taskId = taskOf(role, processId);
        Map<String, Object> variables = new HashMap<>();
        variables.put("approved", approved);
        if (comment != null) {
            variables.put("comment", comment);
        }
        data.enterprise().as(role).body(Map.of("variables", variables)).post("/api/tasks/" + taskId + "/complete")
                .then().statusCode(204);
    }

    private static long purchaseOrderCount() {
        return ((Number) data.planner().get("/api/purchase-orders").then().statusCode(200).extract().path("total"))
                .longValue();
    }

    /** Executes the timer now; the job executor, which reads the same clock, may have been first. */
    private void fire(Job timer) {
        try {
            management.executeJob(timer.getId());
        } catch (ProcessEngineException executorWasFirst) {
            // fall through to waiting for it
        }
        for (int i = 0; i < 100 && management.createJobQuery().jobId(timer.getId()).count() > 0; i++) {
            sleep();
        }
        assertEquals(0, management.createJobQuery().jobId(timer.getId()).count(), "the timer did not fire");
    }

    private static long runMrp(MasterData plant) {
        var started = plant.planner().body(Map.of("start", "2027-03-01", "weeks", 4)).post("/api/mrp/runs").then()
                .statusCode(202).extract();
        long id = ((Number) started.path("id")).longValue();
        for (int i = 0; i < 600; i++) {
            String status = plant.planner().get("/api/mrp/runs/" + id).then().statusCode(200).extract().path("status");
            if ("COMPLETED".equals(status)) {
                return id;
            }
            assertTrue(List.of("QUEUED", "RUNNING").contains(status), "run " + id + " is " + status);
            sleep();
        }
        throw new AssertionError("run " + id + " did not finish");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
