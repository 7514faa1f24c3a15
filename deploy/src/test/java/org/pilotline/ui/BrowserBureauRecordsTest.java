package org.pilotline.ui;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.path.json.JsonPath;
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
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bureau keeps the programme's records on the dashboard's Records tab, in a real Chromium, in Chinese and then in
 * English: a cohort selected, refused when it repeats a year and type (nothing saved), a field left empty named next
 * to it, the cohort changed; an expert paired with an enterprise (a date that is not one refused before it is sent); a
 * training session with its attendance; a model case flagged and deleted; a research project with a milestone, started —
 * each checked through the API.
 */
@QuarkusTest
class BrowserBureauRecordsTest {

    private static final ZoneId PLANT = ZoneId.of("Asia/Shanghai");

    @TestHTTPResource("/")
    URL base;

    @Test
    @SuppressWarnings("unchecked")
    void theBureauKeepsCohortsPairingsTrainingsAndModelCases() {
        TestEnterprise pilot = TestEnterprise.create("DISCRETE");
        String expert = "x" + UUID.randomUUID().toString().substring(0, 8) + "-expert";
        Api.as("admin").body(Map.of("username", expert, "displayName", "Expert " + expert, "password",
                TestEnterprise.PASSWORD, "roles", List.of("expert"), "assignedEnterprises", List.of()))
                .post("/api/admin/users").then().statusCode(201);
        // ProgrammeTest's years lie below 2070
        int year = 2070 + ThreadLocalRandom.current().nextInt(30);
        LocalDate today = LocalDate.now(PLANT);

        try (Browser browser = Browser.open("zh-CN")) {
            browser.signIn(base.toString(), "bureau", Api.DEMO_PASSWORD);
            browser.click("#menu-bureau");
            browser.click("#bureau-tab-records");
            browser.waitFor("#records-cohorts.active");
            browser.waitFor("#record-enterprises input[value='" + pilot.code + "']");

            // a cohort: year, names, type and the enterprise ticked
            browser.type("#record-year", String.valueOf(year));
            browser.type("#record-nameZh", "第" + year + "批示范");
            browser.type("#record-nameEn", "Demonstration " + year);
            browser.choose("#record-type", "DEMONSTRATION");
            browser.click("#record-enterprises input[value='" + pilot.code + "']");
            browser.click("#record-save");
            browser.waitFor("#record-notice");
            Map<String, Object> cohort = cohortOf(year);
            assertEquals(List.of(pilot.code), cohort.get("enterprises"));
            assertEquals("DEMONSTRATION", cohort.get("type"));
            assertEquals("第" + year + "批示范", cohort.get("nameZh"));
            browser.waitFor("#records-table tr.selected[data-id='" + cohort.get("id") + "']");
            browser.assertOneLanguage("zh-CN", "the programme's records");

            // the same year and type again: refused, shown, nothing saved
            browser.click("#record-new");
            browser.type("#record-year", String.valueOf(year));
            browser.type("#record-nameZh", "重复");
            browser.type("#record-nameEn", "Again");
            browser.choose("#record-type", "DEMONSTRATION");
            browser.click("#record-save");
            browser.waitFor("#record-refusal");
            assertEquals(1, cohortsOf(year).size(), "the refused cohort was not saved");
            // a name left empty is named next to its field
            browser.type("#record-year", String.valueOf(year == 2099 ? 2070 : year + 1));
            browser.waitFor("#record-nameZh").clear();
            browser.click("#record-save");
            browser.waitFor("#error-record-nameZh");

            // the saved cohort chosen and renamed: saved with the version read
            browser.click("#records-table tr[data-id='" + cohort.get("id") + "']");
            browser.waitUntil(d -> d.findElement(By.cssSelector("#record-nameEn")).getAttribute("value")
                    .equals("Demonstration " + year) ? true : null);
            browser.type("#record-nameEn", "Demonstrators " + year);
            browser.click("#record-save");
            browser.waitUntil(d -> "Demonstrators ".concat(String.valueOf(year)).equals(cohortOf(year).get("nameEn")) ? true : null);
            assertEquals(((Number) cohort.get("version")).longValue() + 1, ((Number) cohortOf(year).get("version")).longValue());

            // an expert paired with the enterprise; a date that is not one is refused in the page
            browser.click("#records-pairings");
            browser.waitFor("#records-pairings.active");
            browser.type("#record-expert", expert);
            browser.choose("#record-enterprise", pilot.code);
            browser.type("input[name=validFrom]", "2026-13-40");
            browser.click("#record-save");
            browser.waitFor("#error-record-validFrom");
            assertTrue(pairingsOf(pilot.code).isEmpty(), "nothing sent with a bad date");
            browser.type("input[name=validFrom]", today.toString());
            browser.click("#record-save");
            browser.waitFor("#record-notice");
            List<Map<String, Object>> pairings = pairingsOf(pilot.code);
            assertEquals(1, pairings.size());
            assertEquals(expert, pairings.get(0).get("expert"));
            assertEquals(today.toString(), pairings.get(0).get("validFrom"));
            assertEquals(true, pairings.get(0).get("current"));

            // a training session for management with the enterprise's attendance
            browser.click("#records-trainings");
            browser.waitFor("#records-trainings.active");
            String topic = "流程再造 " + year;
            browser.choose("#record-level", "MANAGEMENT");
            browser.type("#record-topic", topic);
            browser.type("input[name=date]", today.toString());
            browser.type("#record-hours", "3.5");
            browser.type("#record-trainer", "王老师");
            browser.click("#attendance-add");
            browser.choose("#record-attendance tr[data-row='0'] .att-enterprise", pilot.code);
            browser.type("#record-attendance tr[data-row='0'] .att-attendees", "4");
            browser.type("#record-attendance tr[data-row='0'] .att-hours", "14");
            browser.click("#record-save");
            browser.waitFor("#record-notice");
            JsonPath trainings = Api.as("bureau").queryParam("size", 1000).get("/api/programme/trainings").then()
                    .statusCode(200).extract().jsonPath();
            Map<String, Object> training = trainings.getMap("items.find { it.topic == '" + topic + "' }");
            assertEquals("MANAGEMENT", training.get("level"));
            assertEquals(0, new java.math.BigDecimal(String.valueOf(training.get("hours"))).compareTo(new java.math.BigDecimal("3.5")));
            List<Map<String, Object>> attendance = (List<Map<String, Object>>) training.get("attendance");
            assertEquals(1, attendance.size());
            assertEquals(pilot.code, attendance.get(0).get("enterprise"));
            assertEquals(4, ((Number) attendance.get(0).get("attendees")).intValue());
            assertEquals(0, new java.math.BigDecimal(String.valueOf(attendance.get(0).get("personHours")))
                    .compareTo(new java.math.BigDecimal("14")));

            // a model case flagged, then deleted
            browser.click("#records-modelCases");
            browser.waitFor("#records-modelCases.active");
            browser.choose("#record-enterprise", pilot.code);
            browser.choose("#record-manufacturingType", "DISCRETE");
            browser.type("#record-year", String.valueOf(today.getYear()));
            browser.type("#record-citation", "MES 与 ERP 集成示范");
            browser.click("#record-save");
            browser.waitFor("#record-notice");
            long modelCase = ((Number) modelCasesOf(pilot.code).get(0).get("id")).longValue();
            browser.waitFor("#records-table tr.selected[data-id='" + modelCase + "']");
            browser.click("#record-delete");
            browser.waitUntil(d -> modelCasesOf(pilot.code).isEmpty() ? true : null);
            browser.waitUntil(d -> d.findElements(By.cssSelector("#records-table tr[data-id='" + modelCase + "']")).isEmpty() ? true : null);

            // a research project with its enterprise, expert and a milestone; a milestone date that is not one is named
            browser.click("#records-projects");
            browser.waitFor("#records-projects.active");
            String title = "MES 数据采集研究 " + year;
            browser.type("#record-titleZh", title);
            browser.type("#record-titleEn", "Shop-floor data collection " + year);
            browser.click("#record-enterprises input[value='" + pilot.code + "']");
            browser.type("#record-experts", expert);
            browser.click("#milestone-add");
            browser.type("#record-milestones tr[data-row='0'] .ms-title", "调研报告");
            browser.type("#record-milestones tr[data-row='0'] .ms-due", "2026-02-30");
            browser.click("#record-save");
            browser.waitFor("#error-record-milestones-0--due");
            browser.type("#record-milestones tr[data-row='0'] .ms-due", today.plusMonths(2).toString());
            browser.click("#record-save");
            browser.waitFor("#record-notice");
            Map<String, Object> project = projectTitled(title);
            assertEquals("PROPOSED", project.get("status"));
            assertEquals(List.of(pilot.code), project.get("enterprises"));
            assertEquals(List.of(expert), project.get("experts"));
            List<Map<String, Object>> milestones = (List<Map<String, Object>>) project.get("milestones");
            assertEquals(1, milestones.size());
            assertEquals("调研报告", milestones.get(0).get("title"));
            assertEquals(today.plusMonths(2).toString(), milestones.get(0).get("due"));
            assertEquals(null, milestones.get(0).get("doneOn"));
            // started: proposed → active, as the project's life allows
            browser.waitFor("#records-table tr.selected[data-id='" + project.get("id") + "']");
            browser.click("#record-status-ACTIVE");
            browser.waitUntil(d -> "ACTIVE".equals(projectTitled(title).get("status")) ? true : null);
            browser.waitFor("#record-status-COMPLETED");
            browser.assertOneLanguage("zh-CN", "the research projects");

            browser.choose("#language", "en");
            browser.waitUntil(d -> d.findElement(By.cssSelector("#records-modelCases")).getText().equals("Model cases") ? true : null);
            browser.click("#records-cohorts");
            browser.waitFor("#records-table tr[data-id='" + cohort.get("id") + "']");
            browser.assertOneLanguage("en", "the programme's records in English");
        }
    }

    private static List<Map<String, Object>> cohortsOf(int year) {
        return Api.as("bureau").queryParam("size", 1000).get("/api/programme/cohorts").then().statusCode(200).extract()
                .jsonPath().getList("items.findAll { it.year == " + year + " }");
    }

    private static Map<String, Object> cohortOf(int year) {
        List<Map<String, Object>> cohorts = cohortsOf(year);
        assertEquals(1, cohorts.size(), "one cohort of " + year);
        return cohorts.get(0);
    }

    private static List<Map<String, Object>> pairingsOf(String enterprise) {
        return Api.as("bureau").queryParam("enterprise", enterprise).get("/api/programme/pairings").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static Map<String, Object> projectTitled(String titleZh) {
        List<Map<String, Object>> found = Api.as("bureau").queryParam("size", 1000).get("/api/programme/projects").then()
                .statusCode(200).extract().jsonPath().getList("items.findAll { it.titleZh == '" + titleZh + "' }");
        assertEquals(1, found.size(), "one project titled " + titleZh);
        return found.get(0);
    }

    private static List<Map<String, Object>> modelCasesOf(String enterprise) {
        return Api.as("bureau").queryParam("size", 1000).get("/api/programme/model-cases").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.enterprise == '" + enterprise + "' }");
    }
}
