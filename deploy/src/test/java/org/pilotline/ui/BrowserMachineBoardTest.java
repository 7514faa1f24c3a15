package org.pilotline.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.pilotline.mes.ShopFloorFixture;
import org.pilotline.testing.Api;
import org.pilotline.testing.TestEnterprise;

import java.net.URL;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;

/**
 * The machine board in a real Chromium: every active work unit of the enterprise with its machine's state as the
 * gateway reported it, the operation under way on it; a state change the gateway delivers afterwards appears on the
 * open page without a reload (server-sent events), in Chinese and in English. The API's board is the enterprise's own.
 */
@QuarkusTest
class BrowserMachineBoardTest {

    private static final ZoneId PLANT = ZoneId.of("Asia/Shanghai");

    @TestHTTPResource("/")
    URL base;

    @Test
    void theBoardShowsEachMachineAndAStateChangeTheGatewayDeliversAppearsWithoutAReload() {
        ShopFloorFixture plant = new ShopFloorFixture();
        long center = plant.workCenter("BOARD");
        long unit = plant.data.workUnit(center, "BOARD-1");
        String machine = "BM-" + UUID.randomUUID().toString().substring(0, 8);
        long binding = bindEdgeMachine(plant, machine, unit);
        try {
            showsTheBoardLive(plant, machine, unit, center);
        } finally {
            // the application's gateway stops trying to reach the machine
            plant.enterprise.as("admin").delete("/api/gateway/bindings/" + binding).then().statusCode(204);
        }
    }

    private void showsTheBoardLive(ShopFloorFixture plant, String machine, long unit, long center) {
        long idle = plant.data.workUnit(center, "BOARD-2");
        long bar = plant.data.bought("BOARD-BAR", "2");
        long part = plant.product("BOARD-PART", center, bar);
        var workOrder = plant.release(part, "10");
        String workOrderNumber = workOrder.then().extract().path("number");
        long operation = id(operations(workOrder).get(0));
        Map<String, Object> start = ShopFloorFixture.report("START", operation);
        start.put("workUnitId", unit);
        plant.enterprise.as("operator").body(start).post("/api/mes/reports").then().statusCode(200);
        Instant t0 = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        ingest(plant, List.of(stateChanged(machine, 1, "NOT_EXECUTING", "EXECUTING", t0)));

        // the API's board: both work units, the machine executing since t0 with the operation on it
        JsonPath board = plant.data.planner().get("/api/mes/machines").then().statusCode(200).extract().jsonPath();
        assertEquals("EXECUTING", board.getString("machines.find { it.workUnitId == " + unit + " }.state"));
        assertEquals(machine, board.getString("machines.find { it.workUnitId == " + unit + " }.machine"));
        assertEquals(t0, Instant.parse(board.getString("machines.find { it.workUnitId == " + unit + " }.since")));
        assertEquals(operation, board.getLong("machines.find { it.workUnitId == " + unit + " }.operation.id"));
        assertNull(board.get("machines.find { it.workUnitId == " + idle + " }.state"), "no machine reports for BOARD-2");
        // another enterprise's board holds none of it; the bureau reads no board
        TestEnterprise other = TestEnterprise.create();
        List<Object> foreign = other.as("planner").get("/api/mes/machines").then().statusCode(200).extract()
                .path("machines.findAll { it.workUnitId == " + unit + " || it.machine == '" + machine + "' }");
        assertTrue(foreign.isEmpty(), "another enterprise's board: " + foreign);
        RestAssured.given().auth().preemptive().basic("bureau", Api.DEMO_PASSWORD).accept("text/event-stream").get("/api/mes/machines/stream").then().statusCode(403)
                .contentType("application/problem+json");

        try (Browser browser = Browser.open("zh-CN")) {
            browser.get(base.toString());
            browser.type("#username", plant.enterprise.code + "-planner");
            browser.type("#password", TestEnterprise.PASSWORD);
            browser.click("#sign-in");
            browser.click("#menu-board");
            String tile = ".machine[data-unit='" + unit + "']";
            browser.waitFor(tile);
            browser.waitFor("#board-live.note");
            assertEquals("EXECUTING", browser.waitFor(tile).getAttribute("data-state"));
            assertEquals("运行", browser.text(tile + " .machine-state"));
            String text = browser.text(tile);
            assertTrue(text.contains(machine), text);
            assertTrue(text.contains(workOrderNumber + " / 10"), "the operation under way: " + text);
            assertTrue(text.contains(DateTimeFormatter.ofPattern("HH:mm").format(t0.atZone(PLANT))),
                    "since when, in the plant's zone: " + text);
            assertEquals("NONE", browser.waitFor(".machine[data-unit='" + idle + "']").getAttribute("data-state"));
            assertTrue(browser.text(".machine[data-unit='" + idle + "']").contains("无进行中的工序"));
            browser.assertOneLanguage("zh-CN", "the machine board");

            // the page stays as it is (no reload) while the gateway reports a breakdown
            browser.script("window.notReloaded = true;");
            ingest(plant, List.of(stateChanged(machine, 2, "EXECUTING", "OUT_OF_SERVICE", t0.plusSeconds(300))));
            browser.waitUntil(d -> "OUT_OF_SERVICE".equals(d.findElement(org.openqa.selenium.By.cssSelector(tile))
                    .getAttribute("data-state")) ? true : null);
            assertEquals("停机故障", browser.text(tile + " .machine-state"));
            assertEquals(Boolean.TRUE, browser.script("return window.notReloaded === true;"), "the page was not reloaded");

            browser.choose("#language", "en");
            browser.waitUntil(d -> "Out of service".equals(browser.text(tile + " .machine-state")) ? true : null);
            ingest(plant, List.of(stateChanged(machine, 3, "OUT_OF_SERVICE", "EXECUTING", t0.plusSeconds(420))));
            browser.waitUntil(d -> "Executing".equals(browser.text(tile + " .machine-state")) ? true : null);
            assertEquals(Boolean.TRUE, browser.script("return window.notReloaded === true;"), "the page was not reloaded");
            assertTrue(browser.text(tile).contains(DateTimeFormatter.ofPattern("HH:mm").format(t0.plusSeconds(420)
                    .atZone(PLANT))), browser.text(tile));
            browser.assertOneLanguage("en", "the machine board in English");
        }
    }

    /** A machine whose events come from an edge gateway (its endpoint here answers nothing). */
    private static long bindEdgeMachine(ShopFloorFixture plant, String code, long workUnit) {
        Map<String, Object> binding = new HashMap<>(Map.of("machineCode", code, "workUnitId", workUnit,
                "endpointUrl", "opc.tcp://localhost:1/edge", "securityPolicy", "None", "securityMode", "None",
                "identityKind", "ANONYMOUS", "stateMapping", "MACHINERY", "itemStateNode", "ns=2;s=X"));
        return ((Number) plant.enterprise.as("admin").body(binding).post("/api/gateway/bindings").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    private static void ingest(ShopFloorFixture plant, List<Map<String, Object>> events) {
        plant.enterprise.as("operator").body(Map.of("batchId", UUID.randomUUID().toString(),
                "tenant", plant.enterprise.code, "events", events)).post("/api/gateway/ingest").then().statusCode(200)
                .body("accepted", is(events.size()));
    }

    private static Map<String, Object> stateChanged(String machine, long sequence, String from, String to, Instant at) {
        return Map.of("kind", "state-changed", "machine", machine, "sequence", sequence, "from", from, "to", to,
                "operationMode", "PROCESSING", "sourceTime", at.toString(), "serverTime", at.toString());
    }
}
