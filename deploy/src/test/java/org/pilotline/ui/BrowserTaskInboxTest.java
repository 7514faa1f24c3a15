package org.pilotline.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pilotline.testing.TestEnterprise;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The task inbox in a real Chromium, in Chinese and in English: an onboarding started through the API leaves its review
 * for the enterprise's managers; a manager sees it among their groups' tasks with its process and the current step,
 * claims it, gives it back to the group and claims it again, sends the form without the required decision (the server's 400 is shown next to that field, nothing
 * changes), then with it: the task leaves the inbox and the API shows the process finished.
 */
@QuarkusTest
class BrowserTaskInboxTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aManagerClaimsAndCompletesTheOnboardingReviewInChinese() {
        inbox("zh-CN", "此项必填", "待办任务", "审核入驻申请");
    }

    @Test
    void aManagerClaimsAndCompletesTheOnboardingReviewInEnglish() {
        inbox("en", "Required", "Task inbox", "Review the onboarding");
    }

    private void inbox(String language, String required, String title, String stepName) {
        TestEnterprise enterprise = TestEnterprise.create();
        String manager = enterprise.code + "-manager";
        String processId = enterprise.as("admin").body(Map.of("goal", "inbox in " + language))
                .post("/api/processes/onboarding").then().statusCode(201).extract().path("processInstanceId");
        List<String> offered = enterprise.as("manager").queryParam("scope", "groups").get("/api/tasks").then()
                .statusCode(200).extract().path("findAll { it.processInstanceId == '" + processId + "' }.id");
        assertEquals(1, offered.size(), "the review is offered to the managers");
        String taskId = offered.get(0);

        try (Browser browser = Browser.open(language)) {
            browser.get(base.toString());
            browser.type("#username", manager);
            browser.type("#password", TestEnterprise.PASSWORD);
            browser.click("#sign-in");
            browser.click("#menu-tasks");
            browser.waitFor("h2");
            assertEquals(title, browser.text("h2"));
            // not mine yet: among my groups' tasks
            browser.waitUntil(d -> d.findElements(By.id("tasks-table")).isEmpty()
                    || d.findElements(By.cssSelector("#tasks-table tr[data-id='" + taskId + "']")).isEmpty() ? true : null);
            browser.click("#tab-groups");
            browser.click("#tasks-table tr[data-id='" + taskId + "']");
            browser.waitFor("#task-detail[data-task='" + taskId + "']");
            browser.waitFor("#process-steps li.current[data-activity='reviewOnboarding']");
            diagramShowsTheTask(browser, enterprise, taskId, processId, language, stepName);
            browser.assertOneLanguage(language, "the groups' tasks with the chosen one");
            browser.screenshot("task-inbox-" + language);

            browser.click("#claim");
            browser.waitUntil(d -> manager.equals(d.findElement(By.id("task-assignee")).getText()) ? true : null);
            enterprise.as("manager").get("/api/tasks/" + taskId).then().statusCode(200).body("assignee", is(manager));
            // given back to the group, then claimed again
            browser.click("#unclaim");
            browser.waitUntil(d -> "–".equals(d.findElement(By.id("task-assignee")).getText()) ? true : null);
            enterprise.as("manager").get("/api/tasks/" + taskId).then().statusCode(200)
                    .body("assignee", org.hamcrest.Matchers.nullValue());
            browser.assertOneLanguage(language, "the task given back");
            browser.click("#claim");
            browser.waitUntil(d -> manager.equals(d.findElement(By.id("task-assignee")).getText()) ? true : null);

            // the decision is required: the server refuses, and says so next to the field
            browser.type("#field-comment", "figures checked");
            browser.click("#complete");
            assertEquals(required, browser.text("#error-approved"));
            assertTrue(browser.all("#error-comment").isEmpty(), "only the missing field is named");
            browser.assertOneLanguage(language, "the form with the server's refusal");
            enterprise.as("manager").get("/api/tasks/" + taskId).then().statusCode(200);

            browser.choose("#field-approved", "true");
            browser.click("#complete");
            browser.waitFor("#task-done");
            browser.waitUntil(d -> d.findElements(By.cssSelector("#tasks-table tr[data-id='" + taskId + "']")).isEmpty()
                    ? true : null);
            browser.click("#tab-mine");
            browser.waitUntil(d -> d.findElements(By.cssSelector("#tasks-table tr[data-id='" + taskId + "']")).isEmpty()
                    && (!d.findElements(By.id("no-tasks")).isEmpty() || !d.findElements(By.id("tasks-table")).isEmpty())
                    ? true : null);
            browser.assertOneLanguage(language, "the inbox after completing");
        }
        enterprise.as("manager").get("/api/tasks/" + taskId).then().statusCode(404);
        enterprise.as("manager").get("/api/tasks").then().statusCode(200).body("id", not(hasItem(taskId)));
        enterprise.as("manager").get("/api/processes/" + processId).then().statusCode(200)
                .body("state", is("COMPLETED"))
                .body("activities.find { it.activityId == 'reviewOnboarding' }.ended", org.hamcrest.Matchers.notNullValue())
                .body("activities.activityId", hasItem("reviewed"));
        enterprise.as("manager").get("/api/journal?kind=task-completed").then().statusCode(200)
                .body("items[0].text", org.hamcrest.Matchers.containsString("approved=true"));
    }

    /**
     * The process diagram: every shape and edge of the version the API names is drawn, the task's element (its
     * taskDefinitionKey) is the one highlighted as current, the steps the API lists as completed are marked so, the
     * task's step is labelled in the UI's language; the drawing fits the page's width and shows its actual size on
     * request.
     */
    @SuppressWarnings("unchecked")
    private static void diagramShowsTheTask(Browser browser, TestEnterprise enterprise, String taskId, String processId,
                                            String language, String stepName) {
        String key = enterprise.as("manager").get("/api/tasks/" + taskId).then().statusCode(200).extract()
                .path("taskDefinitionKey");
        var diagram = enterprise.as("manager").get("/api/processes/" + processId + "/diagram").then().statusCode(200)
                .extract();
        assertEquals(List.of(key), diagram.path("activeActivityIds"));
        List<String> completed = diagram.path("completedActivityIds");
        String bpmn = diagram.path("bpmn");

        browser.waitFor("#process-diagram g.el[data-element-id='" + key + "'][data-state='active']");
        assertEquals(List.of(key), browser.script("return [...document.querySelectorAll("
                + "'#process-diagram g.el[data-state=active]')].map((g) => g.dataset.elementId)"));
        assertEquals(completed.stream().sorted().toList(), ((List<String>) browser.script("return [...document"
                + ".querySelectorAll('#process-diagram g.el[data-state=completed]')].map((g) => g.dataset.elementId)"))
                .stream().sorted().toList());
        assertEquals(count(bpmn, "<bpmndi:BPMNShape "), ((Number) browser.script(
                "return document.querySelectorAll('#process-diagram g.el').length")).intValue(), "a shape per BPMNShape");
        assertEquals(count(bpmn, "<bpmndi:BPMNEdge "), ((Number) browser.script(
                "return document.querySelectorAll('#process-diagram g.flow').length")).intValue(), "an edge per BPMNEdge");
        String join = language.equals("en") ? " " : "";
        assertEquals(stepName, browser.script("return [...document.querySelectorAll("
                + "'#process-diagram text[data-label-for=\"" + key + "\"] tspan')].map((t) => t.textContent).join('"
                + join + "')"));
        // the current step is drawn inside the visible diagram, and the drawing fits the page's width
        List<Number> box = (List<Number>) browser.script("const r = document.querySelector("
                + "'#process-diagram g.el[data-state=active] .body').getBoundingClientRect();"
                + " const c = document.querySelector('#process-diagram').getBoundingClientRect();"
                + " return [r.width, r.height, r.left - c.left, c.right - r.right];");
        assertTrue(box.get(0).doubleValue() > 40 && box.get(1).doubleValue() > 30, "the current step is drawn: " + box);
        assertTrue(box.get(2).doubleValue() >= 0 && box.get(3).doubleValue() >= 0, "inside the diagram: " + box);
        Number fitted = (Number) browser.script("return document.querySelector('#process-diagram svg').getBoundingClientRect().width");
        Number room = (Number) browser.script("return document.querySelector('#process-diagram').clientWidth");
        assertTrue(fitted.doubleValue() <= room.doubleValue() + 1, "fits: " + fitted + " in " + room);
        browser.click("#diagram-fit");
        browser.waitUntil(d -> ((Number) browser.script("return Number(document.querySelector('#process-diagram svg')"
                + ".getAttribute('width'))")).doubleValue() > 0 ? true : null);
        Number natural = (Number) browser.script("return document.querySelector('#process-diagram svg').viewBox.baseVal.width");
        Number shown = (Number) browser.script("return document.querySelector('#process-diagram svg').getBoundingClientRect().width");
        assertEquals(Math.ceil(natural.doubleValue()), shown.doubleValue(), 1.0, "actual size");
        browser.click("#diagram-fit");
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
