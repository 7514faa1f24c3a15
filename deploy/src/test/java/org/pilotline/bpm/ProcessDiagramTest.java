package org.pilotline.bpm;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * A process instance's diagram (GET /api/processes/{id}/diagram): the BPMN XML of the exact version the instance runs
 * (the template, or the enterprise's own when that is what it runs) and its active and completed steps as the process
 * moves on; another enterprise's instance and an unknown one are not found.
 */
@QuarkusTest
class ProcessDiagramTest {

    @Test
    void theActiveStepsFollowTheParallelApprovalsOfAnEngineeringChangeUntilItEnds() {
        MasterData data = new MasterData(TestEnterprise.create());
        long body = data.item("BODY").bought().cost("10").create();
        long seal = data.item("SEAL").bought().cost("4").create();
        long valve = data.made("VALVE");
        data.bom(valve).line(body, "1").create();
        String effective = LocalDate.now(ZoneOffset.UTC).plusDays(20).toString();
        String id = data.planner().body(Map.of("requestId", "diagram-" + valve, "kind", "BOM", "itemId", valve,
                        "revision", "B", "effectiveDate", effective, "reason", "diagram",
                        "lines", List.of(Map.of("componentId", seal, "quantity", "1"))))
                .post("/api/processes/engineering-changes").then().statusCode(201).extract().path("id");
        TestEnterprise enterprise = data.enterprise();

        diagram(enterprise, "manager", id)
                .body("processInstanceId", is(id))
                .body("processDefinitionKey", is("engineering-change"))
                .body("processDefinitionVersion", is(1))
                .body("source", is("TEMPLATE"))
                .body("state", is("ACTIVE"))
                .body("bpmn", containsString("<bpmn:process id=\"engineering-change\""))
                .body("bpmn", containsString("bpmnElement=\"approveProduction\""))
                .body("bpmn", containsString(template("bpmn/engineering-change.bpmn").substring(0, 200)))
                .body("activeActivityIds", containsInAnyOrder("approveProduction", "approveEngineering"))
                .body("completedActivityIds", hasItems("requested", "assessImpact", "approvalsFork"))
                .body("completedActivityIds", not(hasItem("approveProduction")));

        complete(enterprise, "manager", id, "approveProduction", Map.of("productionApproved", true));
        diagram(enterprise, "planner", id)
                .body("state", is("ACTIVE"))
                .body("activeActivityIds", hasItem("approveEngineering"))
                .body("activeActivityIds", not(hasItem("approveProduction")))
                .body("completedActivityIds", hasItems("approveProduction", "productionGateway"))
                .body("completedActivityIds", not(hasItem("approveEngineering")));

        complete(enterprise, "planner", id, "approveEngineering", Map.of("engineeringApproved", true));
        diagram(enterprise, "manager", id)
                .body("state", is("COMPLETED"))
                .body("activeActivityIds", empty())
                .body("completedActivityIds", hasItems("approveEngineering", "approvalsJoin", "applyChange", "applied"))
                .body("completedActivityIds", not(hasItem("notifyRejection")));
    }

    @Test
    void anInstanceShowsTheVersionItRunsTheTemplateOrTheEnterprisesOwn() {
        TestEnterprise enterprise = TestEnterprise.create();
        String asIs = startOnboarding(enterprise);
        String toBe = template("bpmn/pilot-onboarding.bpmn")
                .replace("camunda:candidateGroups=\"manager\"", "camunda:candidateGroups=\"admin\"")
                .replace("name=\"Review the onboarding\"", "name=\"Review the onboarding (to-be)\"");
        enterprise.as("manager").body(Map.of("bpmn", toBe)).post("/api/processes/models/pilot-onboarding/versions")
                .then().statusCode(201);
        String reengineered = startOnboarding(enterprise);

        diagram(enterprise, "manager", asIs).body("processDefinitionVersion", is(1)).body("source", is("TEMPLATE"))
                .body("bpmn", containsString("name=\"Review the onboarding\""))
                .body("bpmn", not(containsString("(to-be)")))
                .body("activeActivityIds", contains("reviewOnboarding"))
                .body("completedActivityIds", contains("requested", "recordRequest", "checkPilotActive"));
        diagram(enterprise, "manager", reengineered).body("processDefinitionVersion", is(2))
                .body("source", is("ENTERPRISE"))
                .body("bpmn", is(toBe))
                .body("activeActivityIds", contains("reviewOnboarding"));
    }

    @Test
    void anotherEnterprisesInstanceAndAnUnknownOneAreNotFound() {
        TestEnterprise enterprise = TestEnterprise.create();
        TestEnterprise other = TestEnterprise.create();
        String id = startOnboarding(enterprise);

        diagram(enterprise, "manager", id).body("activeActivityIds", contains("reviewOnboarding"));
        other.as("manager").get("/api/processes/" + id + "/diagram").then().statusCode(404)
                .contentType("application/problem+json").body("type", containsString("not-found"))
                .body("bpmn", org.hamcrest.Matchers.nullValue());
        other.as("admin").get("/api/processes/" + id + "/diagram").then().statusCode(404);
        enterprise.as("manager").get("/api/processes/no-such-instance/diagram").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no-such-instance"));
    }

    private static ValidatableResponse diagram(TestEnterprise enterprise, String role, String id) {
        return enterprise.as(role).get("/api/processes/" + id + "/diagram").then().statusCode(200)
                .contentType("application/json");
    }

    private static String startOnboarding(TestEnterprise enterprise) {
        return enterprise.as("admin").body(Map.of("goal", "diagram")).post("/api/processes/onboarding").then()
                .statusCode(201).extract().path("processInstanceId");
    }

    private static void complete(TestEnterprise enterprise, String role, String processId, String definitionKey,
                                 Map<String, Object> variables) {
        List<String> ids = enterprise.as(role).get("/api/tasks").then().statusCode(200).extract()
                .path("findAll { it.processInstanceId == '" + processId + "' && it.taskDefinitionKey == '"
                        + definitionKey + "' }.id");
        enterprise.as(role).body(Map.of("variables", variables)).post("/api/tasks/" + ids.get(0) + "/complete").then()
                .statusCode(204);
    }

    private static String template(String resource) {
        try (InputStream in = ProcessDiagramTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
