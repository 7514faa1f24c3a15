package org.pilotline.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routings and calendars of the planner's workbench in a real Chromium: a planner changes an item's routing steps
 * (work center, run time, transfer quantity), adds one (refused next to the empty run time, then saved) and a
 * calendar's shifts, breaks and holidays (a break outside its shift refused next to it); the API shows each change and
 * nothing of a refused one. A manager reads both without the editing, in English.
 */
@QuarkusTest
class BrowserRoutingsCalendarsTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aPlannerEditsRoutingStepsAndACalendarInChineseAndAManagerReadsThemInEnglish() {
        TestEnterprise e = TestEnterprise.create();
        MasterData data = new MasterData(e);
        long press = data.workCenter("Press", "60");
        long weld = data.workCenter("Weld", "80");
        long item = data.made("BRKT");
        String itemCode = e.as("planner").get("/api/items/" + item).then().statusCode(200).extract().path("code");
        long routing = data.routing(item, MasterData.operation(10, press, "5", "2"));
        String calendarCode = data.code("CAL");
        List<Map<String, Object>> weekdays = new java.util.ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            weekdays.add(Map.of("weekday", day, "name", "early", "start", "06:00", "end", "14:00"));
        }
        long calendar = ((Number) e.as("planner").body(Map.of("code", calendarCode, "name", "Two shifts",
                "shifts", weekdays, "holidays", List.of())).post("/api/calendars").then().statusCode(201)
                .extract().path("id")).longValue();

        try (Browser browser = Browser.open("zh-CN")) {
            signIn(browser, e.code + "-planner");
            browser.click("#menu-routings");
            assertEquals("工艺路线", browser.text("h2"));
            browser.type("#routing-item-q", itemCode);
            browser.click("#routing-search");
            browser.click("#routing-items tr[data-code='" + itemCode + "']");
            browser.waitFor("#steps-table tr[data-no='10']");
            browser.assertOneLanguage("zh-CN", "the routing");

            // step 10 moves to the welding center, 3.5 minutes a piece, passed on every 20
            browser.choose("#steps-table tr[data-index='0'] .step-workCenter", String.valueOf(weld));
            browser.type("#steps-table tr[data-index='0'] .step-runMinutes", "3.5");
            browser.type("#steps-table tr[data-index='0'] .step-transferQuantity", "20");
            // a second step without its run time: refused next to it, nothing saved
            browser.click("#add-step");
            browser.type("#steps-table tr[data-index='1'] .step-name", "Deburr");
            browser.choose("#steps-table tr[data-index='1'] .step-workCenter", String.valueOf(press));
            browser.click("#save-routing");
            assertEquals("此项必填", browser.text("#error-step-operations-1--runMinutes"));
            browser.assertOneLanguage("zh-CN", "the routing with the server's refusal");
            e.as("planner").get("/api/routings/" + routing).then().statusCode(200).body("operations.size()", is(1))
                    .body("operations[0].runMinutes", is(2));
            browser.type("#steps-table tr[data-index='1'] .step-runMinutes", "1.25");
            browser.click("#save-routing");
            browser.waitFor("#routing-saved");
            e.as("planner").get("/api/routings/" + routing).then().statusCode(200).body("operations.size()", is(2))
                    .body("operations[0].operationNo", is(10)).body("operations[0].workCenterId", is((int) weld))
                    .body("operations[0].runMinutes", is(3.5f)).body("operations[0].transferQuantity", is(20))
                    .body("operations[1].operationNo", is(20)).body("operations[1].name", is("Deburr"))
                    .body("operations[1].workCenterId", is((int) press)).body("operations[1].runMinutes", is(1.25f));

            // step 10 may also run at the press, slower: an alternative without its work center is refused next to it
            browser.waitFor("#steps-table tr[data-index='0'] .add-alternative");
            browser.click("#steps-table tr[data-index='0'] .add-alternative");
            browser.type("#steps-table tr[data-index='0'] .alternative[data-alt='0'] .alt-runMinutes", "4.5");
            browser.click("#save-routing");
            browser.waitFor("#error-alt-operations-0--alternatives-0--workCenterId");
            browser.assertOneLanguage("zh-CN", "an alternative refused");
            e.as("planner").get("/api/routings/" + routing).then().body("operations[0].alternatives.size()", is(0));
            browser.choose("#steps-table tr[data-index='0'] .alternative[data-alt='0'] .alt-workCenter", String.valueOf(press));
            browser.click("#save-routing");
            browser.waitUntil(d -> d.findElements(org.openqa.selenium.By.cssSelector(
                    "#error-alt-operations-0--alternatives-0--workCenterId")).isEmpty() ? true : null);
            browser.waitFor("#routing-saved");
            e.as("planner").get("/api/routings/" + routing).then().statusCode(200)
                    .body("operations[0].alternatives.size()", is(1))
                    .body("operations[0].alternatives[0].workCenterId", is((int) press))
                    .body("operations[0].alternatives[0].runMinutes", is(4.5f))
                    .body("operations[0].alternatives[0].setupMinutes", is(5))
                    .body("operations[1].alternatives.size()", is(0));
            browser.screenshot("routings-zh-CN");

            // the calendar: a break outside its shift is refused next to it; then a break, a later end and a holiday
            browser.click("#menu-calendars");
            browser.click("#calendars-table tr[data-code='" + calendarCode + "']");
            browser.waitFor("#shifts-table tr[data-index='4']");
            browser.assertOneLanguage("zh-CN", "the calendar");
            browser.type("#shifts-table tr[data-index='0'] .shift-breaks", "20:00-20:15");
            browser.click("#save-calendar");
            browser.waitFor("#error-shift-shifts-0--breaks-0-");
            e.as("planner").get("/api/calendars/" + calendar).then().body("shifts[0].breaks.size()", is(0));
            browser.type("#shifts-table tr[data-index='0'] .shift-breaks", "10:00-10:15");
            browser.type("#shifts-table tr[data-index='0'] .shift-end", "15:00");
            browser.click("#add-holiday");
            browser.type("#holidays-table tr[data-index='0'] .holiday-day", "2026-10-01");
            browser.type("#holidays-table tr[data-index='0'] .holiday-name", "National Day");
            browser.click("#save-calendar");
            browser.waitFor("#calendar-saved");
            e.as("planner").get("/api/calendars/" + calendar).then().statusCode(200)
                    .body("shifts.size()", is(5))
                    .body("shifts.find { it.weekday == 1 }.end", is("15:00:00"))
                    .body("shifts.find { it.weekday == 1 }.breaks[0].start", is("10:00:00"))
                    .body("shifts.find { it.weekday == 1 }.breaks[0].end", is("10:15:00"))
                    .body("shifts.find { it.weekday == 2 }.end", is("14:00:00"))
                    .body("holidays[0].day", is("2026-10-01")).body("holidays[0].name", is("National Day"));
            browser.assertOneLanguage("zh-CN", "the calendar after saving");
            browser.screenshot("calendars-zh-CN");
        }

        try (Browser browser = Browser.open("en")) {
            signIn(browser, e.code + "-manager");
            browser.click("#menu-calendars");
            browser.click("#calendars-table tr[data-code='" + calendarCode + "']");
            browser.waitFor("#holidays-table tr[data-day='2026-10-01']");
            assertTrue(browser.all("#save-calendar").isEmpty(), "a manager reads the calendar only");
            browser.assertOneLanguage("en", "the calendar read by a manager");
            browser.click("#menu-routings");
            browser.type("#routing-item-q", itemCode);
            browser.click("#routing-search");
            browser.click("#routing-items tr[data-code='" + itemCode + "']");
            browser.waitFor("#steps-table tr[data-no='20']");
            assertTrue(browser.all("#save-routing").isEmpty(), "a manager reads the routing only");
            assertTrue(browser.text("#steps-table tr[data-index='0']").contains("Press"), "the alternative is listed");
            assertTrue(browser.all(".add-alternative").isEmpty(), "a manager does not edit alternatives");
            browser.assertOneLanguage("en", "the routing read by a manager");
        }
    }

    private void signIn(Browser browser, String username) {
        browser.get(base.toString());
        browser.type("#username", username);
        browser.type("#password", TestEnterprise.PASSWORD);
        browser.click("#sign-in");
    }
}
