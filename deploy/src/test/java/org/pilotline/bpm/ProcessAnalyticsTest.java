package org.pilotline.bpm;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.Api;
import org.pilotline.testing.TestEnterprise;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Process analytics from the engine's history: onboarding instances run through REST with their review claimed and
 * completed at set times on the engine's clock; counts, cycle time and step percentiles (nearest rank), waiting vs
 * working time and the bottleneck are checked against values worked out by hand, as-is vs to-be side by side, another
 * enterprise sees none of it, and the bureau sees aggregates only.
 */
@QuarkusTest
class ProcessAnalyticsTest {

    private static final String ANALYTICS = "/api/processes/analytics";
    private static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");

    @AfterEach
    void resetTheEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void countsCycleTimesWaitingAndWorkingTimeAndTheBottleneckComeFromTheHistoryOfMyEnterpriseOnly() {
        TestEnterprise enterprise = TestEnterprise.create();
        TestEnterprise other = TestEnterprise.create();
        // review waits 100 s then takes 300 s; waits 200 s then 500 s; is completed unclaimed after 900 s; is open
        String first = run(enterprise, "manager", 0, 100L, 400L);
        String second = run(enterprise, "manager", 1000, 200L, 700L);
        String third = run(enterprise, "manager", 2000, null, 900L);
        run(enterprise, "manager", 3000, null, null);
        String instances = String.join("\n", List.of(first, second, third).stream().map(id -> enterprise.as("manager")
                .get("/api/processes/" + id).then().extract().asString()).toList());

        JsonPath report = enterprise.as("planner").queryParam("processKey", "pilot-onboarding")
                .queryParam("from", T0.toString()).queryParam("to", T0.plusSeconds(86_400).toString())
                .get(ANALYTICS).then().statusCode(200).extract().jsonPath();
        assertEquals(1, report.getList("processes").size());
        assertEquals(enterprise.code, report.getString("enterprise"));
        assertEquals(1, report.getInt("processes[0].version"));
        assertEquals(4, report.getInt("processes[0].started"));
        assertEquals(3, report.getInt("processes[0].completed"));
        assertEquals(1, report.getInt("processes[0].running"));
        // cycle times 400, 700, 900 s: p50 is the 2nd, p90 the 3rd
        assertEquals(700_000L, report.getLong("processes[0].cycleTime.p50.ms"), report.prettify() + instances);
        assertEquals("PT11M40S", report.getString("processes[0].cycleTime.p50.iso"));
        assertEquals(900_000L, report.getLong("processes[0].cycleTime.p90.ms"));

        String review = "processes[0].steps.find { it.activityId == 'reviewOnboarding' }";
        assertEquals("Review the onboarding", report.getString(review + ".name"));
        assertEquals("userTask", report.getString(review + ".type"));
        assertEquals(3, report.getInt(review + ".completed"));
        assertEquals(1, report.getInt(review + ".running"));
        assertEquals(2_000_000L, report.getLong(review + ".total.ms"));
        assertEquals(700_000L, report.getLong(review + ".duration.p50.ms"));
        assertEquals(900_000L, report.getLong(review + ".duration.p90.ms"));
        // waiting 100, 200, 900 s; working 300, 500, 0 s
        assertEquals(1_200_000L, report.getLong(review + ".taskTimes.waitingTotal.ms"));
        assertEquals(800_000L, report.getLong(review + ".taskTimes.workingTotal.ms"));
        assertEquals(200_000L, report.getLong(review + ".taskTimes.waiting.p50.ms"));
        assertEquals(900_000L, report.getLong(review + ".taskTimes.waiting.p90.ms"));
        assertEquals(300_000L, report.getLong(review + ".taskTimes.working.p50.ms"));
        assertEquals(500_000L, report.getLong(review + ".taskTimes.working.p90.ms"));
        String check = "processes[0].steps.find { it.activityId == 'checkPilotActive' }";
        assertEquals(4, report.getInt(check + ".completed"));
        assertEquals(0L, report.getLong(check + ".total.ms"));
        assertEquals(null, (Object) report.get(check + ".taskTimes"));
        assertEquals("reviewOnboarding", report.getString("processes[0].bottleneck.activityId"));
        assertEquals("largest-total-duration", report.getString("processes[0].bottleneck.basis"));
        assertEquals(2_000_000L, report.getLong("processes[0].bottleneck.total.ms"));

        // the window is on the instances' start: from T0 + 500 s leaves the first out
        enterprise.as("manager").queryParam("from", T0.plusSeconds(500).toString()).get(ANALYTICS).then()
                .statusCode(200).body("processes.find { it.processKey == 'pilot-onboarding' }.started", is(3))
                .body("processes.find { it.processKey == 'pilot-onboarding' }.completed", is(2));

        // another enterprise sees none of it
        other.as("manager").queryParam("processKey", "pilot-onboarding").get(ANALYTICS).then().statusCode(200)
                .body("enterprise", is(other.code)).body("processes", empty());

        // the bureau: aggregates per enterprise, no instance
        String bureau = Api.as("bureau").queryParam("processKey", "pilot-onboarding")
                .queryParam("from", T0.toString()).queryParam("to", T0.plusSeconds(86_400).toString())
                .get(ANALYTICS + "/bureau").then().statusCode(200)
                .body("enterprises.find { it.code == '" + enterprise.code + "' }.processes.started", contains(4))
                .body("enterprises.find { it.code == '" + enterprise.code + "' }.processes.completed", contains(3))
                .body("enterprises.find { it.code == '" + enterprise.code + "' }.processes[0].cycleTime.p90.ms",
                        is(900_000))
                .body("enterprises.find { it.code == '" + enterprise.code + "' }.processes.bottleneckStep",
                        contains("Review the onboarding"))
                .body("enterprises.find { it.code == '" + other.code + "' }.processes", empty())
                .extract().asString();
        assertFalse(bureau.contains(first), "the bureau sees no instance id");
        assertFalse(bureau.contains("processDefinitionId"), "nor a definition id");
        assertFalse(bureau.contains("steps"), "nor the steps");

        // refusals
        Api.as("bureau").get(ANALYTICS).then().statusCode(403);
        Api.as("bureau").queryParam("processKey", "pilot-onboarding").queryParam("versionA", "1")
                .queryParam("versionB", "1").get(ANALYTICS + "/compare").then().statusCode(403);
        enterprise.as("manager").get(ANALYTICS + "/bureau").then().statusCode(403);
        enterprise.as("admin").get(ANALYTICS + "/bureau").then().statusCode(403);
        enterprise.as("planner").queryParam("processKey", "no-such-process").get(ANALYTICS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("processKey"));
        enterprise.as("planner").queryParam("from", "yesterday").get(ANALYTICS).then().statusCode(400)
                .body("errors.field", contains("from"));
        enterprise.as("planner").queryParam("from", T0.toString()).queryParam("to", T0.toString()).get(ANALYTICS)
                .then().statusCode(400).body("errors.field", contains("to"));
        Api.as("bureau").queryParam("to", "soon").get(ANALYTICS + "/bureau").then().statusCode(400)
                .body("errors.field", contains("to"));
    }

    @Test
    void asIsAndToBeVersionsOfOneProcessAreComparedSideBySide() {
        TestEnterprise enterprise = TestEnterprise.create();
        // as-is: the manager's review waits 100 s and takes 300 s
        run(enterprise, "manager", 0, 100L, 400L);
        enterprise.as("manager").body(Map.of("bpmn", toBe())).post("/api/processes/models/pilot-onboarding/versions")
                .then().statusCode(201);
        // to-be: the administrator's review waits 50 s and takes 100 s, twice
        run(enterprise, "admin", 1000, 50L, 150L);
        run(enterprise, "admin", 2000, 50L, 150L);

        JsonPath comparison = enterprise.as("manager").queryParam("processKey", "pilot-onboarding")
                .queryParam("versionA", "1").queryParam("versionB", "2").get(ANALYTICS + "/compare").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1, comparison.getInt("a.version"));
        assertEquals(2, comparison.getInt("b.version"));
        assertEquals(1, comparison.getInt("a.completed"));
        assertEquals(2, comparison.getInt("b.completed"));
        assertEquals(400_000L, comparison.getLong("a.cycleTime.p50.ms"));
        assertEquals(150_000L, comparison.getLong("b.cycleTime.p50.ms"));
        assertEquals("Review the onboarding (to-be)", comparison.getString("b.bottleneck.name"));
        assertEquals(1, comparison.getInt("differences.started"));
        assertEquals(-250_000L, comparison.getLong("differences.cycleTimeP50Ms"));
        String review = "differences.steps.find { it.activityId == 'reviewOnboarding' }";
        assertEquals(1, comparison.getInt(review + ".completedA"));
        assertEquals(2, comparison.getInt(review + ".completedB"));
        assertEquals(-50_000L, comparison.getLong(review + ".waitingP50Ms"));
        assertEquals(-200_000L, comparison.getLong(review + ".workingP50Ms"));
        assertEquals(-100_000L, comparison.getLong(review + ".totalMs"));

        enterprise.as("manager").queryParam("processKey", "pilot-onboarding").queryParam("versionA", "1")
                .queryParam("versionB", "3").get(ANALYTICS + "/compare").then().statusCode(404)
                .contentType("application/problem+json");
        enterprise.as("manager").queryParam("processKey", "pilot-onboarding").queryParam("versionA", "one")
                .queryParam("versionB", "2").get(ANALYTICS + "/compare").then().statusCode(400)
                .body("errors.field", contains("versionA"));
        enterprise.as("manager").queryParam("versionA", "1").queryParam("versionB", "2").get(ANALYTICS + "/compare")
                .then().statusCode(400).body("errors.field", contains("processKey"));
        // another enterprise has no version 2 of its own
        TestEnterprise.create().as("manager").queryParam("processKey", "pilot-onboarding").queryParam("versionA", "1")
                .queryParam("versionB", "2").get(ANALYTICS + "/compare").then().statusCode(404);
        enterprise.as("manager").queryParam("processKey", "pilot-onboarding").get(ANALYTICS).then()
                .body("processes.version", contains(1, 2)).body("processes[0].steps.taskTimes", contains(
                        nullValue(), nullValue(), org.hamcrest.Matchers.notNullValue()));
    }

    /**
     * Starts an onboarding at T0 + startAt seconds; the reviewer claims its review claimAfter seconds after the start
     * (null: never) and completes it completeAfter seconds after the start (null: leaves it open).
     */
    private static String run(TestEnterprise enterprise, String reviewer, long startAt, Long claimAfter,
                              Long completeAfter) {
        Instant start = T0.plusSeconds(startAt);
        ClockUtil.setCurrentTime(Date.from(start));
        String id = enterprise.as("admin").body(Map.of("goal", "analytics")).post("/api/processes/onboarding").then()
                .statusCode(201).extract().path("processInstanceId");
        List<String> tasks = enterprise.as(reviewer).get("/api/tasks").then().statusCode(200)
                .extract().path("findAll { it.processInstanceId == '" + id + "' }.id");
        assertEquals(1, tasks.size());
        String task = tasks.get(0);
        if (claimAfter != null) {
            ClockUtil.setCurrentTime(Date.from(start.plusSeconds(claimAfter)));
            enterprise.as(reviewer).post("/api/tasks/" + task + "/claim").then().statusCode(200);
        }
        if (completeAfter != null) {
            ClockUtil.setCurrentTime(Date.from(start.plusSeconds(completeAfter)));
            enterprise.as(reviewer).body(Map.of("variables", Map.of("approved", true)))
                    .post("/api/tasks/" + task + "/complete").then().statusCode(204);
        }
        return id;
    }

    /** The onboarding template, reengineered: the administrator reviews instead of a manager. */
    private static String toBe() {
        try (InputStream in = ProcessAnalyticsTest.class.getClassLoader()
                .getResourceAsStream("bpmn/pilot-onboarding.bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("camunda:candidateGroups=\"manager\"", "camunda:candidateGroups=\"admin\"")
                    .replace("name=\"Review the onboarding\"", "name=\"Review the onboarding (to-be)\"");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
