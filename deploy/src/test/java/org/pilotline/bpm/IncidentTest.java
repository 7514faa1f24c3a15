package org.pilotline.bpm;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.Api;
import org.pilotline.testing.TestEnterprise;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failures made visible: a failing asynchronous step is tried three times a minute apart (on the engine's clock),
 * then raises an incident that its enterprise — and only it — lists with the cause and retries once the cause is
 * removed; the process then goes on.
 */
@QuarkusTest
class IncidentTest {

    private static final String INCIDENTS = "/api/processes/incidents";

    @Inject
    ManagementService management;

    @AfterEach
    void resetTheEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void aFailingStepIsTriedThreeTimesAMinuteApartThenRaisesAnIncidentThatTheEnterpriseRetries() {
        TestEnterprise enterprise = TestEnterprise.create();
        TestEnterprise other = TestEnterprise.create();
        // the enterprise's own onboarding checks the pilot in a step of its own, after the request has committed
        String asynchronous = template().replace("camunda:delegateExpression=\"${checkPilotActive}\"",
                "camunda:asyncBefore=\"true\" camunda:delegateExpression=\"${checkPilotActive}\"");
        enterprise.as("admin").body(Map.of("bpmn", asynchronous)).post("/api/processes/models/pilot-onboarding/versions")
                .then().statusCode(201);
        setStatus(enterprise.code, "SUSPENDED");
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-02-01T02:00:00Z")));
        String id = enterprise.as("admin").body(Map.of("goal", "fails until resumed")).post("/api/processes/onboarding")
                .then().statusCode(201).extract().path("processInstanceId");

        List<Instant> retriesDue = new ArrayList<>();
        String jobId = management.createJobQuery().processInstanceId(id).singleResult().getId();
        for (int i = 0; i < 200; i++) {
            Job job = management.createJobQuery().jobId(jobId).singleResult();
            if (job.getRetries() == 0) {
                break;
            }
            Instant now = ClockUtil.getCurrentTime().toInstant();
            if (job.getDuedate() != null && job.getDuedate().toInstant().isAfter(now)) {
                // failed: the next attempt is due a minute later
                assertEquals(now.plusSeconds(60), job.getDuedate().toInstant());
                retriesDue.add(job.getDuedate().toInstant());
                ClockUtil.setCurrentTime(job.getDuedate());
            }
            try {
                management.executeJob(jobId);
            } catch (RuntimeException failedOrTakenByTheExecutor) {
                // the step refuses while the pilot is suspended; the job executor may have run it first
            }
        }
        // each failure set the next attempt a minute later (the job executor may have taken some attempts itself)
        assertTrue(!retriesDue.isEmpty() && retriesDue.size() <= 2, "retries due: " + retriesDue);

        var incident = enterprise.as("admin").get(INCIDENTS).then().statusCode(200).body("size()", is(1))
                .body("[0].processInstanceId", is(id)).body("[0].activityId", is("checkPilotActive"))
                .body("[0].type", is("failedJob")).body("[0].retryable", is(true))
                .body("[0].processDefinitionKey", is("pilot-onboarding")).body("[0].processDefinitionVersion", is(2))
                .body("[0].cause", containsString("SUSPENDED")).extract();
        String incidentId = incident.path("[0].id");
        enterprise.as("manager").get(INCIDENTS + "/" + incidentId).then().statusCode(200)
                .body("cause", containsString("onboarding needs an active pilot"))
                .body("cause", not(containsString("Exception")));

        other.as("admin").get(INCIDENTS).then().statusCode(200).body("id", not(hasItem(incidentId)));
        other.as("admin").get(INCIDENTS + "/" + incidentId).then().statusCode(404)
                .contentType("application/problem+json");
        other.as("admin").post(INCIDENTS + "/" + incidentId + "/retry").then().statusCode(404);
        enterprise.as("planner").get(INCIDENTS).then().statusCode(403);

        // the cause removed, the step is retried and the process goes on to the manager's review
        setStatus(enterprise.code, "ACTIVE");
        enterprise.as("manager").post(INCIDENTS + "/" + incidentId + "/retry").then().statusCode(200)
                .body("id", is(incidentId));
        enterprise.as("admin").get(INCIDENTS).then().body("size()", is(0));
        enterprise.as("manager").post(INCIDENTS + "/" + incidentId + "/retry").then().statusCode(404);
        try {
            management.executeJob(jobId);
        } catch (RuntimeException takenByTheExecutor) {
            // the job executor ran it first
        }
        boolean reviewed = false;
        for (int i = 0; i < 100 && !reviewed; i++) {
            List<String> processes = enterprise.as("manager").get("/api/tasks").then().extract().path("processInstanceId");
            reviewed = processes.contains(id);
            sleep();
        }
        assertTrue(reviewed, "the retried step did not lead to the review task");
        enterprise.as("manager").queryParam("subject", "process:" + id).queryParam("kind", "incident-retried")
                .get("/api/journal").then().body("items[0].actor", is(enterprise.code + "-manager"));
    }

    private static String template() {
        try (InputStream in = IncidentTest.class.getClassLoader().getResourceAsStream("bpmn/pilot-onboarding.bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setStatus(String code, String status) {
        var profile = Api.as("admin").get("/api/enterprises/" + code).then().statusCode(200).extract().response();
        Api.as("admin").body(Map.of("name", profile.<Object>path("name"), "creditCode", profile.<Object>path("creditCode"),
                        "industry", profile.<Object>path("industry"), "manufacturingType", profile.<Object>path("manufacturingType"),
                        "pilotSince", profile.<Object>path("pilotSince"), "status", status,
                        "timeZone", profile.<Object>path("timeZone"), "version", profile.<Object>path("version")))
                .put("/api/enterprises/" + code).then().statusCode(200).body("status", is(status));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
