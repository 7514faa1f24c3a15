package org.pilotline.platform;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.Api;
import org.pilotline.testing.TestEnterprise;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The wiring process: a service task writes through a domain service, then a user task waits for a manager. */
@QuarkusTest
class OnboardingProcessTest {

    @Inject
    RuntimeService runtime;

    @Inject
    HistoryService history;

    @Test
    void theOnboardingProcessRunsEndToEnd() {
        TestEnterprise enterprise = TestEnterprise.create();
        String processId = enterprise.as("admin").body(Map.of("goal", "Adopt ERP and MES"))
                .post("/api/processes/onboarding").then().statusCode(201).extract().path("processInstanceId");

        // the service task wrote the journal through erp-core, in the enterprise's tenant
        enterprise.as("manager").queryParam("subject", "process:" + processId).get("/api/journal").then().statusCode(200)
                .body("items.kind", contains("onboarding-requested", "task-created"))
                .body("items[0].actor", is(enterprise.code + "-admin"))
                .body("items[0].text", containsString("Adopt ERP and MES"));

        // the user task is offered to the enterprise's managers, not to its planners, nor to another enterprise
        String taskId = enterprise.as("manager").get("/api/tasks").then().statusCode(200)
                .body("findAll { it.processInstanceId == '" + processId + "' }", hasSize(1))
                .extract().path("find { it.processInstanceId == '" + processId + "' }.id");
        enterprise.as("planner").get("/api/tasks").then().body("processInstanceId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(processId)));
        Api.as("demo-admin").post("/api/tasks/" + taskId + "/complete").then().statusCode(404);

        enterprise.as("manager").post("/api/tasks/" + taskId + "/claim").then().statusCode(200)
                .body("assignee", is(enterprise.code + "-manager"));
        enterprise.as("manager").body(Map.of("variables", Map.of("approved", true, "comment", "well prepared")))
                .post("/api/tasks/" + taskId + "/complete").then().statusCode(204);

        enterprise.as("manager").get("/api/processes/" + processId).then().statusCode(200)
                .body("state", is("COMPLETED"))
                .body("activities.activityId", contains("requested", "recordRequest", "checkPilotActive",
                        "reviewOnboarding", "reviewed"));
        enterprise.as("manager").queryParam("subject", "process:" + processId).queryParam("sort", "recordedAt")
                .get("/api/journal").then()
                .body("items.kind", contains("onboarding-requested", "task-created", "task-claimed", "task-completed",
                        "onboarding-reviewed"))
                .body("items[4].text", containsString("approved: well prepared"))
                .body("items[4].actor", is(enterprise.code + "-manager"));
        assertEquals(enterprise.code, history.createHistoricProcessInstanceQuery().processInstanceId(processId)
                .singleResult().getTenantId());
    }

    @Test
    void whenTheStepAfterTheWriteFailsTheRowAndTheEngineStateRollBackTogether() {
        TestEnterprise enterprise = TestEnterprise.create();
        suspend(enterprise.code);
        long instancesBefore = history.createHistoricProcessInstanceQuery().tenantIdIn(enterprise.code).count();

        enterprise.as("admin").body(Map.of("goal", "should leave no trace")).post("/api/processes/onboarding")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("pilot-not-active"));

        enterprise.as("manager").queryParam("kind", "onboarding-requested").get("/api/journal").then()
                .body("items", empty());
        assertEquals(instancesBefore, history.createHistoricProcessInstanceQuery().tenantIdIn(enterprise.code).count());
        assertEquals(0, runtime.createProcessInstanceQuery().tenantIdIn(enterprise.code).count());
        enterprise.as("manager").get("/api/tasks").then().body("", empty());
    }

    @Test
    void processesAndTasksOfAnotherEnterpriseAreNotFound() {
        String processId = Api.as("demo2-admin").body(Map.of("goal", "demo2's own"))
                .post("/api/processes/onboarding").then().statusCode(201).extract().path("processInstanceId");
        Api.as("demo-admin").get("/api/processes/" + processId).then().statusCode(404);
        List<String> demoTasks = Api.as("demo-admin").get("/api/tasks").then().extract().path("processInstanceId");
        assertEquals(false, demoTasks.contains(processId));
    }

    @Test
    void aSuspensionRefusesTheNextStartAtOnceAndAResumptionAllowsIt() {
        // the first start reads the status and the service remembers it; the suspension must not wait for that to age
        TestEnterprise enterprise = TestEnterprise.create();
        enterprise.as("admin").body(Map.of("goal", "while active")).post("/api/processes/onboarding")
                .then().statusCode(201);
        enterprise.as("admin").body(Map.of("goal", "still active")).post("/api/processes/onboarding")
                .then().statusCode(201);
        long instances = history.createHistoricProcessInstanceQuery().tenantIdIn(enterprise.code).count();

        suspend(enterprise.code);
        enterprise.as("admin").body(Map.of("goal", "right after the suspension")).post("/api/processes/onboarding")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("pilot-not-active"))
                .body("detail", containsString("SUSPENDED"));
        assertEquals(instances, history.createHistoricProcessInstanceQuery().tenantIdIn(enterprise.code).count());

        // another enterprise's remembered status is not affected by the suspension, nor its starts
        TestEnterprise other = TestEnterprise.create();
        other.as("admin").body(Map.of("goal", "unaffected")).post("/api/processes/onboarding").then().statusCode(201);

        setStatus(enterprise.code, "ACTIVE");
        enterprise.as("admin").body(Map.of("goal", "right after the resumption")).post("/api/processes/onboarding")
                .then().statusCode(201);
        assertEquals(instances + 1, history.createHistoricProcessInstanceQuery().tenantIdIn(enterprise.code).count());
    }

    private static void suspend(String code) {
        setStatus(code, "SUSPENDED");
    }

    private static void setStatus(String code, String status) {
        var profile = Api.as("admin").get("/api/enterprises/" + code).then().statusCode(200).extract().response();
        Api.as("admin").body(Map.of("name", profile.<Object>path("name"), "creditCode", profile.<Object>path("creditCode"),
                        "industry", profile.<Object>path("industry"), "manufacturingType", profile.<Object>path("manufacturingType"),
                        "pilotSince", profile.<Object>path("pilotSince"), "status", status,
                        "timeZone", profile.<Object>path("timeZone"), "version", profile.<Object>path("version")))
                .put("/api/enterprises/" + code).then().statusCode(200).body("status", is(status));
    }
}
