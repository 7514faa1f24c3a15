package org.pilotline.bpm;

import io.quarkus.test.junit.QuarkusTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.Api;
import org.pilotline.testing.TestEnterprise;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The task API on the onboarding review (a form: approved, required boolean; comment, at most 500 characters). */
@QuarkusTest
class TaskApiTest {

    @AfterEach
    void resetTheEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void aCompletionThatDoesNotFitTheFormIsRefusedNamingTheFieldAndChangesNothing() {
        TestEnterprise enterprise = TestEnterprise.create();
        String taskId = startOnboarding(enterprise);

        enterprise.as("manager").get("/api/tasks/" + taskId).then().statusCode(200)
                .body("form.id", contains("approved", "comment"))
                .body("form.find { it.id == 'approved' }.required", is(true))
                .body("due", notNullValue());
        enterprise.as("manager").body(Map.of("variables", Map.of("comment", "no decision")))
                .post("/api/tasks/" + taskId + "/complete").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("variables.approved"));
        enterprise.as("manager").body(Map.of("variables", Map.of("approved", "yes")))
                .post("/api/tasks/" + taskId + "/complete").then().statusCode(400)
                .body("errors.field", contains("variables.approved"))
                .body("errors[0].message", containsString("true or false"));
        enterprise.as("manager").body(Map.of("variables", Map.of("approved", true, "budget", 5)))
                .post("/api/tasks/" + taskId + "/complete").then().statusCode(400)
                .body("errors.field", contains("variables.budget"));
        enterprise.as("manager").body(Map.of("variables", Map.of("approved", true, "comment", "x".repeat(501))))
                .post("/api/tasks/" + taskId + "/complete").then().statusCode(400)
                .body("errors.field", contains("variables.comment"));

        enterprise.as("manager").get("/api/tasks/" + taskId).then().statusCode(200).body("assignee", nullValue());
        enterprise.as("manager").body(Map.of("variables", Map.of("approved", false)))
                .post("/api/tasks/" + taskId + "/complete").then().statusCode(204);
        enterprise.as("manager").get("/api/tasks/" + taskId).then().statusCode(404);
    }

    @Test
    void theListFiltersMineMyGroupsDueAndOverdue() {
        TestEnterprise enterprise = TestEnterprise.create();
        String taskId = startOnboarding(enterprise);

        enterprise.as("manager").queryParam("scope", "groups").get("/api/tasks").then().body("id", hasItem(taskId));
        enterprise.as("manager").queryParam("scope", "mine").get("/api/tasks").then().body("id", not(hasItem(taskId)));
        enterprise.as("manager").post("/api/tasks/" + taskId + "/claim").then().statusCode(200);
        enterprise.as("manager").queryParam("scope", "mine").get("/api/tasks").then().body("id", contains(taskId));
        enterprise.as("manager").queryParam("scope", "groups").get("/api/tasks").then().body("id", not(hasItem(taskId)));

        // due in five days: not overdue now, due before six days from now, overdue once the engine's clock passes it
        enterprise.as("manager").queryParam("overdue", "true").get("/api/tasks").then().body("id", not(hasItem(taskId)));
        enterprise.as("manager").queryParam("dueBefore", Instant.now().plus(Duration.ofDays(6)).toString())
                .get("/api/tasks").then().body("id", contains(taskId)).body("[0].overdue", is(false));
        enterprise.as("manager").queryParam("dueBefore", Instant.now().plus(Duration.ofDays(4)).toString())
                .get("/api/tasks").then().body("id", empty());
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(6))));
        enterprise.as("manager").queryParam("overdue", "true").get("/api/tasks").then()
                .body("id", contains(taskId)).body("[0].overdue", is(true));

        enterprise.as("manager").queryParam("scope", "everything").get("/api/tasks").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("scope"));
        enterprise.as("manager").queryParam("overdue", "perhaps").get("/api/tasks").then().statusCode(400)
                .body("errors.field", contains("overdue"));
        enterprise.as("manager").queryParam("dueBefore", "tomorrow").get("/api/tasks").then().statusCode(400)
                .body("errors.field", contains("dueBefore"));
    }

    @Test
    void aDelegatedTaskComesBackResolvedToItsOwnerAndEveryStepIsInTheJournal() {
        TestEnterprise enterprise = TestEnterprise.create();
        TestEnterprise other = TestEnterprise.create();
        String taskId = startOnboarding(enterprise);
        String manager = enterprise.code + "-manager";
        String planner = enterprise.code + "-planner";

        enterprise.as("manager").body(Map.of("to", planner)).post("/api/tasks/" + taskId + "/delegate").then()
                .statusCode(409).body("type", containsString("task-not-assigned"));
        enterprise.as("manager").post("/api/tasks/" + taskId + "/claim").then().statusCode(200);
        enterprise.as("manager").body(Map.of("to", other.code + "-planner")).post("/api/tasks/" + taskId + "/delegate")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("to"));
        enterprise.as("manager").body(Map.of("to", planner)).post("/api/tasks/" + taskId + "/delegate").then()
                .statusCode(200).body("assignee", is(planner)).body("owner", is(manager))
                .body("delegationState", is("PENDING"));

        // the planner (not a candidate of the task) now holds it; resolving hands it back to the manager
        enterprise.as("planner").queryParam("scope", "mine").get("/api/tasks").then().body("id", contains(taskId));
        enterprise.as("planner").body(Map.of("variables", Map.of("comment", "figures checked")))
                .post("/api/tasks/" + taskId + "/complete").then().statusCode(204);
        enterprise.as("manager").get("/api/tasks/" + taskId).then().statusCode(200)
                .body("assignee", is(manager)).body("delegationState", is("RESOLVED"));
        enterprise.as("planner").get("/api/tasks/" + taskId).then().statusCode(404);
        enterprise.as("manager").body(Map.of("variables", Map.of("approved", true, "comment", "agreed")))
                .post("/api/tasks/" + taskId + "/complete").then().statusCode(204);

        String processId = enterprise.as("manager").get("/api/journal?kind=task-completed").then().statusCode(200)
                .extract().path("items[0].subject");
        enterprise.as("manager").queryParam("subject", processId).queryParam("sort", "recordedAt")
                .queryParam("size", 100).get("/api/journal").then()
                .body("items.kind", contains("onboarding-requested", "task-created", "task-claimed", "task-delegated",
                        "task-resolved", "task-completed", "onboarding-reviewed"))
                .body("items.find { it.kind == 'task-delegated' }.actor", is(manager))
                .body("items.find { it.kind == 'task-resolved' }.actor", is(planner))
                .body("items.find { it.kind == 'task-completed' }.text", containsString("approved=true"));
    }

    @Test
    void aClaimedTaskIsGivenBackByItsAssigneeOrTakenBackByTheAdministratorButNotFromADelegate() {
        TestEnterprise enterprise = TestEnterprise.create();
        TestEnterprise other = TestEnterprise.create();
        String taskId = startOnboarding(enterprise);
        String manager = enterprise.code + "-manager";
        String secondManager = enterprise.code + "-manager2";
        Api.as("admin").body(Map.of("username", secondManager, "displayName", "second manager",
                        "password", TestEnterprise.PASSWORD, "enterprise", enterprise.code, "roles", List.of("manager")))
                .post("/api/admin/users").then().statusCode(201);
        String unclaim = "/api/tasks/" + taskId + "/unclaim";

        enterprise.as("manager").post(unclaim).then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("task-not-assigned"));
        enterprise.as("manager").post("/api/tasks/" + taskId + "/claim").then().statusCode(200);
        other.as("admin").post(unclaim).then().statusCode(404).contentType("application/problem+json");
        enterprise.as("planner").post(unclaim).then().statusCode(404);
        // held by the first manager, the task is no longer offered to the second one
        Api.as(secondManager, TestEnterprise.PASSWORD).post(unclaim).then().statusCode(404);
        enterprise.as("manager").get("/api/tasks/" + taskId).then().body("assignee", is(manager));

        enterprise.as("manager").post(unclaim).then().statusCode(200).body("assignee", nullValue());
        enterprise.as("manager").queryParam("scope", "mine").get("/api/tasks").then().body("id", not(hasItem(taskId)));
        Api.as(secondManager, TestEnterprise.PASSWORD).queryParam("scope", "groups").get("/api/tasks").then()
                .body("id", hasItem(taskId));

        // the second manager claims it and is away: the enterprise's administrator takes it back
        Api.as(secondManager, TestEnterprise.PASSWORD).post("/api/tasks/" + taskId + "/claim").then().statusCode(200);
        enterprise.as("admin").post(unclaim).then().statusCode(200).body("assignee", nullValue());

        // a delegated task stays with its delegate until resolved
        enterprise.as("manager").post("/api/tasks/" + taskId + "/claim").then().statusCode(200);
        enterprise.as("manager").body(Map.of("to", enterprise.code + "-planner"))
                .post("/api/tasks/" + taskId + "/delegate").then().statusCode(200);
        enterprise.as("manager").post(unclaim).then().statusCode(404);
        enterprise.as("planner").post(unclaim).then().statusCode(409).body("type", containsString("task-delegated"));
        enterprise.as("admin").post(unclaim).then().statusCode(409).body("type", containsString("task-delegated"));
        enterprise.as("planner").get("/api/tasks/" + taskId).then().body("assignee", is(enterprise.code + "-planner"))
                .body("delegationState", is("PENDING"));

        String processId = enterprise.as("planner").get("/api/tasks/" + taskId).then().statusCode(200)
                .extract().path("processInstanceId");
        enterprise.as("manager").queryParam("subject", "process:" + processId).queryParam("kind", "task-unclaimed")
                .queryParam("sort", "recordedAt").get("/api/journal").then().statusCode(200)
                .body("items.actor", contains(manager, enterprise.code + "-admin"))
                .body("items[0].text", containsString("gave back"))
                .body("items[1].text", containsString("took back from " + secondManager));
    }

    @Test
    void anotherEnterpriseCanNeitherSeeNorActOnATask() {
        TestEnterprise enterprise = TestEnterprise.create();
        TestEnterprise other = TestEnterprise.create();
        String taskId = startOnboarding(enterprise);

        other.as("manager").get("/api/tasks").then().statusCode(200).body("id", not(hasItem(taskId)));
        other.as("manager").get("/api/tasks/" + taskId).then().statusCode(404).contentType("application/problem+json");
        other.as("manager").post("/api/tasks/" + taskId + "/claim").then().statusCode(404);
        other.as("manager").body(Map.of("to", other.code + "-planner")).post("/api/tasks/" + taskId + "/delegate")
                .then().statusCode(404);
        other.as("manager").body(Map.of("variables", Map.of("approved", true)))
                .post("/api/tasks/" + taskId + "/complete").then().statusCode(404);
        enterprise.as("manager").get("/api/tasks/" + taskId).then().statusCode(200).body("assignee", nullValue());
    }

    private static String startOnboarding(TestEnterprise enterprise) {
        String processId = enterprise.as("admin").body(Map.of("goal", "tasks"))
                .post("/api/processes/onboarding").then().statusCode(201).extract().path("processInstanceId");
        List<String> ids = enterprise.as("manager").get("/api/tasks").then().statusCode(200)
                .extract().path("findAll { it.processInstanceId == '" + processId + "' }.id");
        return ids.get(0);
    }
}
