package org.pilotline.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.TestEnterprise;
import org.openqa.selenium.By;
import org.pilotline.mes.ShopFloorFixture;

import java.math.BigDecimal;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;

/**
 * The operator's journey at a shop-floor terminal in a real Chromium: the device connects with its token, the operator
 * signs in with badge and PIN, starts the work center's operation and reports quantities; then the network drops
 * mid-shift, quantities, scrap, a downtime pause and a resume wait in the browser's queue (IndexedDB), one of them
 * even reaches the server while the page never hears the answer, and on reconnection every report is applied exactly
 * once — checked through the API: quantities, stock and the terminal's sequence numbers.
 */
@QuarkusTest
class BrowserTerminalTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anAdministratorRegistersTheDeviceAtTheTerminalItself() {
        ShopFloorFixture plant = new ShopFloorFixture();
        long center = plant.workCenter("TR");
        String admin = plant.enterprise.code + "-admin";
        String code = plant.data.code("TR-T1");
        try (Browser browser = Browser.open("zh-CN")) {
            browser.get(base + "#/terminal");
            // a wrong password: refused, nothing listed
            browser.type("#register-username", admin);
            browser.type("#register-password", "not-" + TestEnterprise.PASSWORD);
            browser.click("#register-admin button[type=submit]");
            assertEquals("用户名或密码错误。", browser.text("#terminal-problem"));
            assertTrue(browser.all("#register-center").isEmpty());
            // an operator reads the work centers but may not register a terminal: refused, nothing registered
            browser.type("#register-username", plant.enterprise.code + "-operator");
            browser.type("#register-password", TestEnterprise.PASSWORD);
            browser.click("#register-admin button[type=submit]");
            browser.waitFor("#register-center");
            browser.type("#register-code", plant.data.code("TR-OP"));
            browser.type("#register-name", "operator's");
            browser.click("#register-create");
            browser.waitUntil(d -> d.findElements(By.cssSelector("#terminal-problem")).stream()
                    .anyMatch(e -> e.getText().equals("只有本企业的管理员可以登记终端。")) ? true : null);
            assertTrue(terminalsOf(plant).isEmpty(), "nothing registered by an operator");
            browser.click("#register-cancel");
            // the administrator: the enterprise's work centers, a code left empty named next to it, then registered
            browser.type("#register-username", admin);
            browser.type("#register-password", TestEnterprise.PASSWORD);
            browser.click("#register-admin button[type=submit]");
            browser.choose("#register-center", String.valueOf(center));
            browser.type("#register-name", "车床旁终端");
            browser.click("#register-create");
            browser.waitFor("#error-register-code");
            assertTrue(terminalsOf(plant).isEmpty(), "nothing registered without a code");
            browser.assertOneLanguage("zh-CN", "registering the terminal at the device");
            browser.type("#register-code", code);
            browser.click("#register-create");
            // connected with the token the registration answered: the operator's sign-in is next
            browser.waitFor("#operator-sign-in");
            List<Map<String, Object>> terminals = terminalsOf(plant);
            assertEquals(1, terminals.size());
            assertEquals(code, terminals.get(0).get("code"));
            assertEquals(center, ((Number) terminals.get(0).get("workCenterId")).longValue());
            assertEquals(admin, terminals.get(0).get("registeredBy"));
            browser.type("#badge", "B-" + plant.enterprise.code);
            browser.type("#pin", "4711");
            browser.click("#operator-sign-in button[type=submit]");
            // signed in at the new terminal (its work center has nothing to do yet)
            browser.waitFor("#operator-sign-out");
            assertTrue(browser.text(".terminal-header").contains(code), browser.text(".terminal-header"));
            assertTrue(((String) browser.script("return localStorage.getItem('pilotline.terminal.token') || ''")).length() > 20,
                    "the token is kept in the device");
            assertFalse(((String) browser.script("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage)"))
                    .contains(TestEnterprise.PASSWORD), "the administrator's password is not kept");
        }
    }

    private static List<Map<String, Object>> terminalsOf(ShopFloorFixture plant) {
        return plant.enterprise.as("admin").queryParam("size", 1000).get("/api/mes/terminals").then().statusCode(200)
                .extract().path("items");
    }

    @Test
    void anOperatorReportsThroughANetworkDropAndEveryQueuedReportIsAppliedExactlyOnce() {
        ShopFloorFixture plant = new ShopFloorFixture();
        long center = plant.workCenter("TT");
        long bar = plant.data.bought("TT-BAR", "1");
        long part = plant.product("TT-PART", center, bar);
        plant.receive(bar, "200", plant.staging, null, null);
        long operation = id(operations(plant.release(part, "50")).get(0));
        Response registered = plant.enterprise.as("admin").body(Map.of("code", plant.data.code("TT-T1"), "name", "TT-T1",
                "workCenterId", center)).post("/api/mes/terminals");
        registered.then().statusCode(201);
        long terminalId = ((Number) registered.path("id")).longValue();
        String token = registered.path("token");

        // an English browser, but a terminal starts in Chinese
        try (Browser browser = Browser.open("en-US")) {
            browser.get(base + "#/terminal");
            assertEquals("车间终端", browser.text(".terminal-header h1"));
            browser.type("#terminal-token", token);
            browser.click("#register button[type=submit]");
            browser.type("#badge", "B-" + plant.enterprise.code);
            browser.type("#pin", "0000");
            browser.click("#operator-sign-in button[type=submit]");
            assertEquals("工牌号或密码错误。", browser.text("#terminal-problem"));
            browser.assertOneLanguage("zh-CN", "the operator's sign-in");
            browser.screenshot("07-terminal-sign-in");
            browser.type("#pin", "4711");
            browser.click("#operator-sign-in button[type=submit]");
            browser.waitFor("#dispatch tbody tr");
            List<Object> dispatch = plant.data.planner().queryParam("workCenterId", center).get("/api/mes/dispatch-list")
                    .then().statusCode(200).extract().path("operationId");
            assertEquals(dispatch.stream().map(String::valueOf).toList(),
                    browser.all("#dispatch tbody tr").stream().map(r -> r.getAttribute("data-op")).toList());

            browser.click("#dispatch tr[data-op='" + operation + "']");
            browser.click("#act-start");
            awaitSent(browser, 1);
            browser.waitFor("#actions[data-state='RUNNING']");
            report(browser, "10", null, null);
            awaitSent(browser, 2);
            assertEquals(0, new BigDecimal("10").compareTo(quantity(plant, operation, "goodQuantity")));
            browser.assertOneLanguage("zh-CN", "the dispatch list");
            browser.screenshot("08-terminal-dispatch");

            // the network drops mid-shift
            browser.blockRequests("*/api/*");
            report(browser, "5", null, null);
            browser.waitFor("#connection.offline");
            report(browser, null, "2", "SCRAP-DEFECT");
            browser.choose("#pause-form select[name=reason]", "DOWN-JAM");
            browser.click("#act-pause");
            browser.waitFor("#actions[data-state='PAUSED']");
            browser.click("#act-resume");
            browser.waitFor("#actions[data-state='RUNNING']");
            report(browser, "8", null, null);
            awaitQueued(browser, 5);
            assertTrue(browser.text("#pending-quantities").contains("合格 13，报废 2"), browser.text("#pending-quantities"));
            browser.assertOneLanguage("zh-CN", "the terminal offline");
            browser.screenshot("09-terminal-offline-queue");
            assertEquals(0, new BigDecimal("10").compareTo(quantity(plant, operation, "goodQuantity")),
                    "nothing reached the server while offline");

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> queued = (List<Map<String, Object>>) browser.asyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + " document.querySelector('pl-terminal').queued().then(done, (e) => done(String(e)));");
            assertEquals(List.of(3L, 4L, 5L, 6L, 7L), queued.stream().map(q -> ((Number) q.get("sequence")).longValue()).toList(),
                    "the terminal numbers its reports on after the two sent online");
            assertEquals(5, queued.stream().map(q -> q.get("clientId")).collect(Collectors.toSet()).size());
            assertEquals(List.of("QUANTITY", "QUANTITY", "PAUSE", "RESUME", "QUANTITY"),
                    queued.stream().map(q -> ((Map<?, ?>) q.get("body")).get("kind")).toList());

            // the first queued report did reach the server, but its answer was lost: the page still has it queued
            @SuppressWarnings("unchecked")
            Map<String, Object> lost = new HashMap<>((Map<String, Object>) queued.get(0).get("body"));
            RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                    .accept(ContentType.JSON).body(lost).post("/api/mes/reports").then().statusCode(200)
                    .body("replayed", is(false));

            browser.blockRequests();
            awaitSent(browser, 7);
            assertEquals("replayed", browser.waitFor(".sent li[data-client-id='" + lost.get("clientId") + "']")
                    .getAttribute("class"), "the lost answer's report was recognised, not applied again");
            assertEquals(6, browser.all(".sent li.applied").size(), "the two online and the four other offline reports");

            JsonPath op = plant.data.planner().get("/api/mes/work-orders/operations/" + operation).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(0, new BigDecimal("23").compareTo(new BigDecimal(op.getString("goodQuantity"))), "10 + 5 + 8 once each");
            assertEquals(0, new BigDecimal("2").compareTo(new BigDecimal(op.getString("scrapQuantity"))));
            assertEquals("RUNNING", op.getString("state"));
            assertEquals("175", plant.stock(bar, plant.staging, null), "25 pieces backflushed, once");
            assertEquals(7, plant.enterprise.as("admin").get("/api/mes/terminals/" + terminalId).then().statusCode(200)
                    .extract().<Number>path("lastSequence").intValue());

            browser.click("#act-finish");
            browser.waitFor("main.terminal p.terminal-card");
            assertEquals("FINISHED", plant.data.planner().get("/api/mes/work-orders/operations/" + operation).then()
                    .statusCode(200).extract().path("state"));
            browser.choose("#language", "en");
            browser.waitUntil(d -> d.findElement(By.cssSelector(".terminal-header h1")).getText()
                    .equals("Shop-floor terminal") ? true : null);
            browser.assertOneLanguage("en", "the terminal in English");
        }
    }

    @Test
    void anOperatorSetsUpRecordsInspectionResultsAndAnOutOfLimitsValueHoldsTheFinishUntilTheNonConformanceIsClosed() {
        ShopFloorFixture plant = new ShopFloorFixture();
        long center = plant.workCenter("TQ");
        long bar = plant.data.item("TQ-BAR").bought().with("tracking", "LOT").create();
        long part = plant.data.item("TQ-PART").made().with("tracking", "SERIAL").create();
        plant.data.bom(part).line(bar, "1").create();
        long routing = plant.data.routing(part, ShopFloorFixture.routingStep(10, center, null));
        long routingOperation = ((Number) plant.data.planner().get("/api/routings/" + routing).then().statusCode(200)
                .extract().path("operations[0].id")).longValue();
        plant.enterprise.as("quality").body(Map.of("routingOperationId", routingOperation, "characteristic", "bore diameter",
                "nominal", "12", "lowerLimit", "11.95", "upperLimit", "12.05", "unit", "mm", "sampleSize", 2))
                .post("/api/mes/inspection-plans").then().statusCode(201);
        plant.receive(bar, "50", plant.staging, "TQ-OLD", "2027-01-01");
        plant.receive(bar, "50", plant.staging, "TQ-NEW", "2027-06-01");
        Response workOrder = plant.release(part, "20");
        long operation = id(operations(workOrder).get(0));
        long workOrderId = workOrder.then().extract().<Number>path("id").longValue();
        Response registered = plant.enterprise.as("admin").body(Map.of("code", plant.data.code("TQ-T1"), "name", "TQ-T1",
                "workCenterId", center)).post("/api/mes/terminals");
        registered.then().statusCode(201);
        String token = registered.path("token");

        try (Browser browser = Browser.open("zh-CN")) {
            browser.get(base + "#/terminal");
            browser.type("#terminal-token", token);
            browser.click("#register button[type=submit]");
            browser.type("#badge", "B-" + plant.enterprise.code);
            browser.type("#pin", "4711");
            browser.click("#operator-sign-in button[type=submit]");
            browser.waitFor("#dispatch tr[data-op='" + operation + "']").click();
            browser.waitFor("#actions[data-state='READY']");

            // the characteristic as the API copied it to the operation; nothing is measured before the operation starts
            String characteristic = browser.waitFor("#inspection form.characteristic").getAttribute("data-characteristic");
            Map<String, Object> copied = plant.enterprise.as("operator").queryParam("operationId", operation)
                    .get("/api/mes/characteristics").then().statusCode(200).extract().path("[0]");
            assertEquals(String.valueOf(copied.get("id")), characteristic);
            String limits = browser.text("#inspection .limits");
            assertTrue(limits.contains("11.95") && limits.contains("12.05") && limits.contains("mm") && limits.contains("样本数 2"), limits);
            assertEquals(2, browser.all("#inspection input[data-sample]").size(), "one input per sample");
            assertTrue(browser.waitFor("#inspection button[type=submit]").getAttribute("disabled") != null);
            assertEnabled(browser, "#act-setup-start", true);
            assertEnabled(browser, "#act-setup-end", false);
            assertEnabled(browser, "#act-finish", false);

            // setup, then production: the states the API's transition table gives
            browser.click("#act-setup-start");
            awaitSent(browser, 1);
            browser.waitFor("#actions[data-state='SETUP']");
            assertEquals("SETUP", operationState(plant, operation));
            assertEnabled(browser, "#act-setup-start", false);
            assertEnabled(browser, "#act-setup-end", true);
            browser.click("#act-setup-end");
            awaitSent(browser, 2);
            browser.waitFor("#actions[data-state='RUNNING']");
            assertEquals("RUNNING", operationState(plant, operation));
            // six good pieces made of a scanned lot (not the oldest-expiring one), with their serial numbers
            browser.click("#genealogy summary");
            browser.choose("#lot-scan select[name=component]", String.valueOf(bar));
            browser.type("#lot-scan input[name=lot]", "TQ-NEW");
            browser.type("#lot-scan input[name=quantity]", "6");
            browser.click("#lot-scan button[type=submit]");
            browser.waitFor("#scanned-lots li[data-lot='TQ-NEW']");
            browser.type("#serials", "TQ-SN-1\nTQ-SN-2\nTQ-SN-3\nTQ-SN-4\nTQ-SN-5\nTQ-SN-6");
            report(browser, "6", null, null);
            awaitSent(browser, 3);
            assertEquals("44", plant.stock(bar, plant.staging, "TQ-NEW"), "the scanned lot was consumed");
            assertEquals("50", plant.stock(bar, plant.staging, "TQ-OLD"));
            assertEquals("1", plant.stock(part, plant.finishedGoods, "TQ-SN-4"), "one lot per serial number received");
            List<Object> madeOf = plant.data.planner().queryParam("lot", "TQ-NEW")
                    .get("/api/mes/genealogy/items/" + bar + "/lots/where-used").then().statusCode(200)
                    .extract().path("links.producedLot");
            assertTrue(madeOf.contains("TQ-SN-1") && madeOf.contains("TQ-SN-6"), String.valueOf(madeOf));
            assertEquals(0, browser.all("#scanned-lots li").size(), "the scan went with the report");

            // two samples within the limits, shown as such before they are sent
            browser.type("#inspection input[data-sample='1']", "12.01");
            browser.type("#inspection input[data-sample='2']", "12.03");
            browser.waitFor("#inspection label.sample.in input[data-sample='2']");
            assertEquals(2, browser.all("#inspection label.sample.in").size());
            browser.type("#inspection input[name=concerns]", "2");
            browser.click("#inspection button[type=submit]");
            awaitSent(browser, 5);
            assertEquals(2, browser.all(".sent .verdict.in").size(), "the server answered both within the limits");
            browser.waitUntil(d -> d.findElements(By.cssSelector("#inspection-results tr.in")).size() == 2 ? true : null);
            assertEquals(2, results(plant, operation).size());

            // a value out of the limits is marked before it is sent, and raises a non-conformance once it is
            browser.type("#inspection input[data-sample='1']", "12.2");
            assertEquals("超出界限", browser.text("#inspection label.sample.out .verdict"));
            assertEquals(2, results(plant, operation).size(), "nothing sent before the button");
            browser.type("#inspection input[name=concerns]", "4");
            browser.click("#inspection button[type=submit]");
            awaitSent(browser, 6);
            List<Map<String, Object>> open = plant.enterprise.as("quality").queryParam("status", "OPEN")
                    .queryParam("workOrderId", workOrderId).get("/api/mes/nonconformances").then().statusCode(200)
                    .extract().path("items");
            assertEquals(1, open.size());
            String ncr = (String) open.get(0).get("number");
            assertEquals("INSPECTION", open.get(0).get("source"));
            assertEquals(0, new BigDecimal("4").compareTo(new BigDecimal(open.get(0).get("quantity").toString())));
            assertEquals("已开立不合格品记录 " + ncr + "：关闭之前本工序不能完工。", browser.text("#inspection .ncr-raised"));
            browser.waitUntil(d -> d.findElements(By.cssSelector("#inspection-results tr.out")).size() == 1 ? true : null);
            assertEquals(List.of(true, true, false), results(plant, operation).stream().map(r -> r.get("withinLimits")).toList());

            // the finish is refused while the record holds the quantity, and the page says why
            browser.click("#act-finish");
            awaitSent(browser, 7);
            assertEquals("已拒绝：不合格品记录 " + ncr + " 扣住了本工序的数量，质量部门关闭它之前不能完工。",
                    browser.text("#terminal-problem"));
            assertEquals("RUNNING", operationState(plant, operation));
            browser.assertOneLanguage("zh-CN", "the terminal's inspection");
            browser.screenshot("terminal-inspection-zh-CN");

            browser.choose("#language", "en");
            browser.waitUntil(d -> d.findElement(By.cssSelector("#inspection h3")).getText().equals("Inspection") ? true : null);
            assertEquals("Refused: non-conformance " + ncr + " holds this operation's quantity; it cannot finish until"
                    + " quality has closed it.", browser.text("#terminal-problem"));
            assertEquals("Out of limits", browser.text("#inspection-results tr.out td:nth-child(3)"));
            browser.assertOneLanguage("en", "the terminal's inspection in English");
            browser.screenshot("terminal-inspection-en");

            // quality closes the record: the finish goes through
            int version = ((Number) open.get(0).get("version")).intValue();
            plant.enterprise.as("quality").post("/api/mes/nonconformances/" + open.get(0).get("id") + "/close?version=" + version)
                    .then().statusCode(200);
            browser.click("#dispatch tr[data-op='" + operation + "']");
            browser.click("#act-finish");
            awaitSent(browser, 8);
            assertEquals("FINISHED", operationState(plant, operation));
        }
    }

    private static void assertEnabled(Browser browser, String css, boolean enabled) {
        assertEquals(enabled, browser.waitFor(css).isEnabled(), css);
    }

    private static String operationState(ShopFloorFixture plant, long operation) {
        return plant.data.planner().get("/api/mes/work-orders/operations/" + operation).then().statusCode(200)
                .extract().path("state");
    }

    private static List<Map<String, Object>> results(ShopFloorFixture plant, long operation) {
        return plant.enterprise.as("operator").queryParam("operationId", operation).get("/api/mes/inspection-results")
                .then().statusCode(200).extract().path("$");
    }

    private static void report(Browser browser, String good, String scrap, String scrapReason) {
        if (good != null) {
            browser.type("#quantity-form input[name=good]", good);
        }
        if (scrap != null) {
            browser.type("#quantity-form input[name=scrap]", scrap);
            browser.choose("#quantity-form select[name=scrapReason]", scrapReason);
        }
        browser.click("#quantity-form button[type=submit]");
    }

    private static void awaitQueued(Browser browser, int count) {
        browser.waitUntil(d -> String.valueOf(count).equals(
                d.findElement(By.cssSelector("#queue-count")).getAttribute("data-count")) ? true : null);
    }

    /** Until the page has had answers to this many reports, has none left to send and is online. */
    private static void awaitSent(Browser browser, int answered) {
        browser.waitUntil(d -> d.findElements(By.cssSelector(".sent li")).size() == answered ? true : null);
        awaitQueued(browser, 0);
        browser.waitFor("#connection.online");
    }

    private static BigDecimal quantity(ShopFloorFixture plant, long operation, String field) {
        return new BigDecimal(plant.data.planner().get("/api/mes/work-orders/operations/" + operation).then()
                .statusCode(200).extract().path(field).toString());
    }
}
