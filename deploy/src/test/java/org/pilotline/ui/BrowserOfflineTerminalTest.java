package org.pilotline.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pilotline.mes.ShopFloorFixture;

import java.math.BigDecimal;
import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;

/**
 * The terminal without network from the start of the page: after one visit online the service worker keeps the app
 * shell, so a reload with the network gone still shows the terminal (in Chinese, with its dispatch list and the
 * operator's operation); a report made then waits in the browser's queue and, when the network is back, reaches the
 * server once — checked through the API. The browser reaches the application through a relay that is cut, so the
 * page and its service worker both lose the network, as a terminal does when its Wi-Fi drops.
 */
@QuarkusTest
class BrowserOfflineTerminalTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void afterOneVisitOnlineTheTerminalReloadsWithoutNetworkAndItsQueuedReportIsAppliedOnceOnReconnection() {
        ShopFloorFixture plant = new ShopFloorFixture();
        long center = plant.workCenter("OT");
        long bar = plant.data.bought("OT-BAR", "1");
        long part = plant.data.made("OT-PART");
        plant.data.bom(part).line(bar, "1").create();
        long routing = plant.data.routing(part, ShopFloorFixture.routingStep(10, center, null));
        long routingOperation = ((Number) plant.data.planner().get("/api/routings/" + routing).then().statusCode(200)
                .extract().path("operations[0].id")).longValue();
        plant.enterprise.as("quality").body(Map.of("routingOperationId", routingOperation, "characteristic", "length",
                "lowerLimit", "199.5", "upperLimit", "200.5", "unit", "mm", "sampleSize", 1))
                .post("/api/mes/inspection-plans").then().statusCode(201);
        plant.receive(bar, "100", plant.staging, null, null);
        long operation = id(operations(plant.release(part, "20")).get(0));
        Response registered = plant.enterprise.as("admin").body(Map.of("code", plant.data.code("OT-T1"), "name", "OT-T1",
                "workCenterId", center)).post("/api/mes/terminals");
        registered.then().statusCode(201);
        long terminalId = ((Number) registered.path("id")).longValue();
        String token = registered.path("token");

        try (LoopbackProxy proxy = new LoopbackProxy(base.getPort()); Browser browser = Browser.open("zh-CN")) {
            String terminal = "http://localhost:" + proxy.port() + "/#/terminal";
            browser.get(terminal);
            browser.type("#terminal-token", token);
            browser.click("#register button[type=submit]");
            browser.type("#badge", "B-" + plant.enterprise.code);
            browser.type("#pin", "4711");
            browser.click("#operator-sign-in button[type=submit]");
            browser.waitFor("#dispatch tr[data-op='" + operation + "']").click();
            browser.click("#act-start");
            browser.waitUntil(d -> d.findElements(By.cssSelector(".sent li")).size() == 1 ? true : null);
            browser.waitFor("#actions[data-state='RUNNING']");
            browser.waitFor("#inspection form.characteristic");
            // the dispatch list the page keeps for a start without network has the operation running
            browser.waitUntil(d -> "RUNNING".equals(browser.script("const c = JSON.parse(localStorage.getItem("
                    + "'pilotline.terminal.cache') || '{}'); const l = (c.lines || []).find((x) => x.operationId === "
                    + operation + "); return l && l.state;")) ? true : null);

            // the service worker controls the page and keeps the shell: the page and its bundled script and style
            assertEquals(Boolean.TRUE, browser.asyncScript("const done = arguments[arguments.length - 1];"
                    + " navigator.serviceWorker.ready.then(() => done(true), (e) => done(String(e)));"));
            @SuppressWarnings("unchecked")
            List<String> kept = browser.waitUntil(d -> {
                List<String> urls = (List<String>) browser.asyncScript("const done = arguments[arguments.length - 1];"
                        + " caches.open('pilotline-shell-v1').then((c) => c.keys())"
                        + ".then((keys) => done(keys.map((k) => new URL(k.url).pathname)), (e) => done([]));");
                return urls.contains("/") && urls.stream().anyMatch(u -> u.matches("/static/bundle/.*\\.js"))
                        && urls.stream().anyMatch(u -> u.matches("/static/bundle/.*\\.css")) ? urls : null;
            });
            assertTrue(kept.stream().noneMatch(u -> u.startsWith("/api/")), "the API is never kept: " + kept);

            // the network is gone; the page is loaded again
            proxy.cut();
            browser.get("about:blank");
            browser.get(terminal);
            assertEquals("车间终端", browser.text(".terminal-header h1"));
            browser.waitFor("#connection.offline");
            browser.waitFor("#dispatch tr[data-op='" + operation + "']").click();
            browser.waitFor("#actions[data-state='RUNNING']");
            browser.type("#quantity-form input[name=good]", "7");
            browser.click("#quantity-form button[type=submit]");
            browser.waitUntil(d -> "1".equals(d.findElement(By.cssSelector("#queue-count")).getAttribute("data-count")) ? true : null);
            // an inspection result too: the characteristic the page kept, the value out of limits marked before sending
            browser.type("#inspection input[data-sample='1']", "201");
            assertEquals("超出界限", browser.text("#inspection label.sample.out .verdict"));
            browser.type("#inspection input[name=concerns]", "3");
            browser.click("#inspection button[type=submit]");
            browser.waitUntil(d -> "2".equals(d.findElement(By.cssSelector("#queue-count")).getAttribute("data-count")) ? true : null);
            browser.waitFor("#inspection-results tr.waiting");
            browser.assertOneLanguage("zh-CN", "the terminal reloaded without network");
            assertEquals(0, BigDecimal.ZERO.compareTo(goodQuantity(plant, operation)), "nothing reached the server");

            // the network is back: the queue is sent once
            proxy.restore();
            browser.waitUntil(d -> d.findElements(By.cssSelector(".sent li.applied")).size() == 2 ? true : null);
            browser.waitUntil(d -> "0".equals(d.findElement(By.cssSelector("#queue-count")).getAttribute("data-count")) ? true : null);
            browser.waitFor("#connection.online");
            assertEquals(0, new BigDecimal("7").compareTo(goodQuantity(plant, operation)), "applied once");
            assertEquals(3, plant.enterprise.as("admin").get("/api/mes/terminals/" + terminalId).then().statusCode(200)
                    .extract().<Number>path("lastSequence").intValue(), "the start and the two queued reports");
            List<Map<String, Object>> results = plant.enterprise.as("operator").queryParam("operationId", operation)
                    .get("/api/mes/inspection-results").then().statusCode(200).extract().path("$");
            assertEquals(1, results.size(), "the result queued offline, recorded once");
            assertEquals(201, ((Number) results.get(0).get("measured")).intValue());
            assertEquals(false, results.get(0).get("withinLimits"));
            List<Map<String, Object>> held = plant.enterprise.as("quality").queryParam("status", "OPEN")
                    .get("/api/mes/nonconformances").then().statusCode(200).extract().path("items");
            assertEquals(1, held.size(), "one non-conformance for the one result");
            assertEquals(operation, ((Number) held.get(0).get("operationId")).longValue());
            browser.waitFor("#inspection .ncr-raised");
            browser.waitFor("#inspection-results tr.out");
        }
    }

    private static BigDecimal goodQuantity(ShopFloorFixture plant, long operation) {
        return new BigDecimal(plant.data.planner().get("/api/mes/work-orders/operations/" + operation).then()
                .statusCode(200).extract().path("goodQuantity").toString());
    }
}
