package org.pilotline.bpm;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.TestEnterprise;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Per-enterprise versions of the process models: an enterprise's own (to-be) version of a shared template takes
 * precedence for its new instances, running instances keep the version they started with, both stay in the history
 * side by side, other enterprises keep the template, and a version that could run code or reach another tenant is
 * refused.
 */
@QuarkusTest
class ProcessVersionTest {

    private static final String MODELS = "/api/processes/models";
    private static final String ONBOARDING = MODELS + "/pilot-onboarding/versions";

    @Test
    void anEnterprisesOwnVersionTakesPrecedenceForItsNewInstancesWhileRunningOnesKeepTheirs() {
        TestEnterprise enterprise = TestEnterprise.create();
        TestEnterprise other = TestEnterprise.create();
        String asIs = start(enterprise);
        enterprise.as("manager").get("/api/processes/" + asIs).then().body("processDefinitionVersion", is(1));
        enterprise.as("planner").get(MODELS).then().statusCode(200)
                .body("find { it.key == 'pilot-onboarding' }.current.source", is("TEMPLATE"))
                .body("find { it.key == 'non-conformance' }.versions", is(1));

        enterprise.as("manager").body(Map.of("bpmn", toBe())).post(ONBOARDING).then().statusCode(201)
                .header("Location", endsWith(ONBOARDING + "/2"))
                .body("version", is(2)).body("source", is("ENTERPRISE")).body("current", is(true));
        // the same model again deploys nothing
        enterprise.as("admin").body(Map.of("bpmn", toBe())).post(ONBOARDING).then().statusCode(200)
                .body("version", is(2));
        String reengineered = start(enterprise);
        enterprise.as("manager").get("/api/processes/" + reengineered).then().body("processDefinitionVersion", is(2));

        // the running instance keeps the manager's review; the new one is reviewed by the administrator
        String asIsTask = taskOf(enterprise, "manager", asIs);
        enterprise.as("manager").get("/api/tasks").then().body("processInstanceId", not(hasItem(reengineered)));
        String toBeTask = taskOf(enterprise, "admin", reengineered);
        enterprise.as("admin").get("/api/tasks/" + toBeTask).then().body("name", is("Review the onboarding (to-be)"));

        enterprise.as("manager").get(ONBOARDING).then().statusCode(200)
                .body("version", contains(1, 2)).body("source", contains("TEMPLATE", "ENTERPRISE"))
                .body("current", contains(false, true)).body("instances", contains(1, 1))
                .body("active", contains(1, 1)).body("completed", contains(0, 0));
        enterprise.as("manager").body(Map.of("variables", Map.of("approved", true))).post("/api/tasks/" + asIsTask
                + "/complete").then().statusCode(204);
        enterprise.as("admin").body(Map.of("variables", Map.of("approved", false))).post("/api/tasks/" + toBeTask
                + "/complete").then().statusCode(204);
        enterprise.as("manager").get(ONBOARDING).then().body("active", contains(0, 0)).body("completed", contains(1, 1));

        // the XML of each version, to edit in Camunda Modeler
        enterprise.as("manager").accept("application/xml, application/problem+json").get(ONBOARDING + "/1/bpmn").then().statusCode(200)
                .body(containsString("camunda:candidateGroups=\"manager\""));
        enterprise.as("manager").accept("application/xml, application/problem+json").get(ONBOARDING + "/2/bpmn").then().statusCode(200)
                .body(containsString("camunda:candidateGroups=\"admin\""));
        enterprise.as("manager").accept("application/xml, application/problem+json").get(ONBOARDING + "/3/bpmn").then().statusCode(404);
        enterprise.as("manager").queryParam("kind", "process-version-deployed").get("/api/journal").then()
                .body("items.size()", is(1)).body("items[0].actor", is(enterprise.code + "-manager"));

        // another enterprise keeps the shared template
        String elsewhere = start(other);
        other.as("manager").get("/api/processes/" + elsewhere).then().body("processDefinitionVersion", is(1));
        other.as("manager").get(ONBOARDING).then().body("version", contains(1)).body("source", contains("TEMPLATE"));
        other.as("manager").accept("application/xml, application/problem+json").get(ONBOARDING + "/2/bpmn").then().statusCode(404);
        taskOf(other, "manager", elsewhere);
    }

    @Test
    void aVersionThatCouldRunCodeOrReachAnotherTenantIsRefusedNamingBpmn() {
        TestEnterprise enterprise = TestEnterprise.create();
        String template = template("bpmn/pilot-onboarding.bpmn");
        List<String> refused = List.of(
                "not xml at all",
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + template.substring(template.indexOf("?>") + 2),
                template("bpmn/purchase-requisition.bpmn"),
                template.replace("camunda:historyTimeToLive=\"P365D\"", ""),
                template.replace("camunda:delegateExpression=\"${checkPilotActive}\"", "camunda:class=\"java.lang.Runtime\""),
                template.replace("camunda:delegateExpression=\"${checkPilotActive}\"",
                        "camunda:delegateExpression=\"${processEngine}\""),
                template.replace("camunda:candidateGroups=\"manager\"",
                        "camunda:candidateGroups=\"${execution.processEngineServices}\""),
                template.replace("camunda:candidateGroups=\"manager\"", "camunda:candidateGroups=\"${initiator = 'x'}\""),
                template.replace("<bpmn:serviceTask id=\"checkPilotActive\"", "<bpmn:scriptTask id=\"checkPilotActive\"")
                        .replace("</bpmn:serviceTask>\n    <bpmn:sequenceFlow id=\"toReview\"",
                                "</bpmn:scriptTask>\n    <bpmn:sequenceFlow id=\"toReview\""));
        for (String bpmn : refused) {
            enterprise.as("admin").body(Map.of("bpmn", bpmn)).post(ONBOARDING).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("bpmn"));
        }
        enterprise.as("admin").body(Map.of()).post(ONBOARDING).then().statusCode(400)
                .body("errors.field", contains("bpmn"));
        enterprise.as("admin").body(Map.of("bpmn", template)).post(MODELS + "/no-such-process/versions").then()
                .statusCode(404);
        enterprise.as("planner").body(Map.of("bpmn", toBe())).post(ONBOARDING).then().statusCode(403);
        enterprise.as("quality").body(Map.of("bpmn", toBe())).post(ONBOARDING).then().statusCode(403);
        enterprise.as("planner").get(MODELS + "/no-such-process/versions").then().statusCode(404);

        enterprise.as("manager").get(ONBOARDING).then().body("version", contains(1));
    }

    /** The onboarding template, reengineered: the administrator reviews instead of a manager. */
    private static String toBe() {
        return template("bpmn/pilot-onboarding.bpmn")
                .replace("camunda:candidateGroups=\"manager\"", "camunda:candidateGroups=\"admin\"")
                .replace("name=\"Review the onboarding\"", "name=\"Review the onboarding (to-be)\"");
    }

    private static String template(String resource) {
        try (InputStream in = ProcessVersionTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String start(TestEnterprise enterprise) {
        return enterprise.as("admin").body(Map.of("goal", "versions")).post("/api/processes/onboarding").then()
                .statusCode(201).extract().path("processInstanceId");
    }

    private static String taskOf(TestEnterprise enterprise, String role, String processId) {
        List<String> ids = enterprise.as(role).get("/api/tasks").then().statusCode(200)
                .extract().path("findAll { it.processInstanceId == '" + processId + "' }.id");
        assertEquals(1, ids.size(), role + " should have one task of " + processId + ": " + ids);
        return ids.get(0);
    }
}
