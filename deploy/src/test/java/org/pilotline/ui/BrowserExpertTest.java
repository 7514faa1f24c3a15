package org.pilotline.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pilotline.testing.Api;
import org.pilotline.testing.TestEnterprise;

import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The expert's page in a real Chromium, in Chinese and in English: an expert the bureau pairs with two test enterprises
 * sees both, acts for one, writes a visit through the page (a visit without findings is refused next to the field), marks
 * a follow-up done and a milestone of their research project done; the API shows each.
 */
@QuarkusTest
class BrowserExpertTest {

    private static final ZoneId PLANT = ZoneId.of("Asia/Shanghai");

    @TestHTTPResource("/")
    URL base;

    @Test
    void anExpertLogsAVisitAndMarksAFollowUpAndAMilestoneDoneInChinese() {
        expert("zh-CN", "专家工作台", "此项必填");
    }

    @Test
    void anExpertLogsAVisitAndMarksAFollowUpAndAMilestoneDoneInEnglish() {
        expert("en", "My enterprises, visits and projects", "Required");
    }

    private void expert(String language, String title, String required) {
        TestEnterprise a = TestEnterprise.create();
        TestEnterprise b = TestEnterprise.create();
        String expert = "x" + UUID.randomUUID().toString().substring(0, 8) + "-expert";
        Api.as("admin").body(Map.of("username", expert, "displayName", "Expert " + expert,
                "password", TestEnterprise.PASSWORD, "roles", List.of("expert"), "assignedEnterprises", List.of()))
                .post("/api/admin/users").then().statusCode(201);
        LocalDate today = LocalDate.now(PLANT);
        for (TestEnterprise e : List.of(a, b)) {
            Api.as("bureau").body(Map.of("expert", expert, "enterprise", e.code, "validFrom", today.minusDays(7).toString()))
                    .post("/api/programme/pairings").then().statusCode(201);
        }
        long projectId = ((Number) Api.as("bureau").body(Map.of("titleZh", "排产研究", "titleEn", "Scheduling study",
                "enterprises", List.of(a.code), "experts", List.of(expert), "milestones", List.of(
                        Map.of("title", "Baseline measured", "due", today.plusDays(30).toString()))))
                .post("/api/programme/projects").then().statusCode(201).extract().path("id")).longValue();
        String topics = "MRP rollout " + language;

        try (Browser browser = Browser.open(language)) {
            browser.get(base.toString());
            browser.type("#username", expert);
            browser.type("#password", TestEnterprise.PASSWORD);
            browser.click("#sign-in");
            browser.click("#menu-expert");
            browser.waitFor("#pairings-table tr[data-code='" + a.code + "']");
            browser.waitFor("#pairings-table tr[data-code='" + b.code + "']");
            assertEquals(title, browser.text("h2"));
            // act for the second enterprise, then back to a (the header's switcher follows)
            String other = browser.waitFor("#pairings-table tr:not(.selected) .act-for").findElement(By.xpath("./ancestor::tr"))
                    .getAttribute("data-code");
            browser.click("#pairings-table tr[data-code='" + other + "'] .act-for");
            browser.waitFor("#pairings-table tr.selected[data-code='" + other + "']");
            assertEquals(other, browser.waitFor("#enterprise").getAttribute("value"));
            if (!other.equals(a.code)) {
                browser.click("#pairings-table tr[data-code='" + a.code + "'] .act-for");
                browser.waitFor("#pairings-table tr.selected[data-code='" + a.code + "']");
            }
            browser.waitFor("#no-visits");
            browser.assertOneLanguage(language, "the expert's page");

            // no findings: refused by the server, shown next to the field, nothing logged
            browser.type("#visit-topics", topics);
            browser.type("#action-0", "Clean the item master");
            browser.type("input[name='due-0']", today.plusDays(14).toString());
            browser.click("#log-visit");
            assertEquals(required, browser.text("#error-findings"));
            browser.assertOneLanguage(language, "the visit form with the server's refusal");
            asExpert(expert, a.code).get("/api/programme/visits").then().statusCode(200).body("total", is(0));

            browser.type("#visit-findings", "Planners still use spreadsheets");
            browser.click("#log-visit");
            browser.waitFor("#visit-saved");
            browser.waitFor("#visits-table tbody tr");
            // the lists are pages: how many are shown of how many there are (one page here, so no "more")
            assertEquals(language.equals("en") ? "1 of 1 shown" : "已显示 1 条，共 1 条",
                    browser.text("#visits-footer .shown"));
            assertEquals(language.equals("en") ? "2 of 2 shown" : "已显示 2 条，共 2 条",
                    browser.text("#pairings-footer .shown"));
            asExpert(expert, a.code).get("/api/programme/visits").then().statusCode(200).body("total", is(1))
                    .body("items[0].topics", is(topics)).body("items[0].expert", is(expert))
                    .body("items[0].visitDate", is(today.toString()))
                    .body("items[0].findings", is("Planners still use spreadsheets"))
                    .body("items[0].followUps[0].action", is("Clean the item master"))
                    .body("items[0].followUps[0].due", is(today.plusDays(14).toString()))
                    .body("items[0].followUps[0].done", is(false));

            browser.click("#visits-table .follow-up[data-index='0']");
            browser.waitUntil(d -> Boolean.TRUE.equals(asExpert(expert, a.code).get("/api/programme/visits").then()
                    .extract().path("items[0].followUps[0].done")) ? true : null);

            browser.click(".project[data-id='" + projectId + "'] .mark-done");
            browser.waitFor(".project[data-id='" + projectId + "'] .reopen");
            Api.as(expert, TestEnterprise.PASSWORD).get("/api/programme/projects/" + projectId).then().statusCode(200)
                    .body("milestones[0].doneOn", is(today.toString()));
            browser.assertOneLanguage(language, "the expert's page after the visit");
            browser.screenshot("expert-" + language);
        }
        // the other enterprise's log has none of it
        asExpert(expert, b.code).get("/api/programme/visits").then().statusCode(200).body("total", is(0));
    }

    private static RequestSpecification asExpert(String expert, String enterprise) {
        return Api.as(expert, TestEnterprise.PASSWORD).header("PilotLine-Enterprise", enterprise);
    }
}
