package org.pilotline.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.pilotline.mes.ShopFloorFixture;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;

/**
 * The planner's Gantt of the live schedule in a real Chromium: every operation the API schedules is on the page, the
 * late order is marked and explained link by link as the API explains it, the calendar's nights are shaded, the zoom
 * goes from a shift to four weeks, the shop floor's running operation shows, an operation is pinned and released, and
 * one dragged to the other machine a day later is moved there through the move API — in Chinese, then in English.
 */
@QuarkusTest
class BrowserScheduleTest {

    private static final ZoneId PLANT = ZoneId.of("Asia/Shanghai");

    @TestHTTPResource("/")
    URL base;

    @Test
    void aPlannerSeesTheLiveScheduleTheApiGivesExplainsTheLateOrderPinsAndDragsAnOperationToAnotherMachine() {
        ShopFloorFixture plant = new ShopFloorFixture();
        // sixteen working hours a day from three hours before now (the operation started below must start in working
        // time, or the solver refuses its pin): the other eight are the non-working time to shade
        LocalTime shiftStart = LocalTime.of(ZonedDateTime.now(PLANT).getHour(), 0).minusHours(3);
        LocalTime shiftEnd = shiftStart.plusHours(16);
        long calendar = MasterData.id(plant.data.planner().body(Map.of("code", plant.data.code("DAY16"), "name", "day16", "shifts",
                List.of(Map.of("weekdays", List.of(1, 2, 3, 4, 5, 6, 7), "name", "day", "start", shiftStart.toString(),
                        "end", shiftEnd.toString())))).post("/api/calendars"));
        long turning = plant.data.workCenter("GT-TURN", "60", calendar);
        plant.enterprise.as("admin").body(Map.of("stagingLocationId", plant.staging, "receiptLocationId",
                plant.finishedGoods, "countingSource", "TERMINAL")).put("/api/mes/work-centers/" + turning + "/settings")
                .then().statusCode(200);
        long unitA = plant.data.workUnit(turning, "GT-A");
        long unitB = plant.data.workUnit(turning, "GT-B");
        long bar = plant.data.bought("GT-BAR", "2");
        long shaft = plant.data.made("GT-SHAFT");
        plant.data.bom(shaft).line(bar, "1").create();
        plant.data.routing(shaft, ShopFloorFixture.routingStep(10, turning, null),
                ShopFloorFixture.routingStep(20, turning, null));
        LocalDate today = LocalDate.now(PLANT);
        long onTime = order(plant, shaft, "30", today, today.plusDays(20));
        long late = order(plant, shaft, "100", today.minusDays(3), today.minusDays(1));
        // the first order is on the shop floor: its first operation started on unit A
        long started = id(operations(plant.release(onTime)).get(0));
        Map<String, Object> start = ShopFloorFixture.report("START", started);
        start.put("workUnitId", unitA);
        plant.enterprise.as("operator").body(start).post("/api/mes/reports").then().statusCode(200);
        JsonPath solve = plant.awaitSolve(plant.data.planner().body(Map.of("orderIds", List.of(onTime, late), "timeLimitSeconds", 2))
                .post("/api/scheduling/solves").then().statusCode(202).extract().path("id"));
        assertEquals("FINISHED", solve.getString("status"), solve.prettify());
        long scheduleId = solve.getLong("scheduleId");
        JsonPath gantt = gantt(plant, scheduleId);
        List<Map<String, Object>> ops = gantt.getList("machines.operations.flatten()");
        String lateNumber = gantt.getString("orders.find { it.orderId == " + late + " }.orderNumber");
        assertTrue(gantt.getBoolean("orders.find { it.orderId == " + late + " }.late"), "the fixture's second order is late");

        try (Browser browser = Browser.open("zh-CN")) {
            signIn(browser, plant.enterprise.code + "-planner");
            browser.click("#menu-schedule");
            browser.waitFor("#gantt-table tbody tr");
            browser.waitFor("#gantt-chart canvas");

            // every scheduled operation is a row, late ones marked as late
            assertEquals(ops.stream().map(o -> String.valueOf(o.get("id"))).collect(Collectors.toSet()),
                    browser.all("#gantt-table tbody tr").stream().map(r -> r.getAttribute("data-op")).collect(Collectors.toSet()));
            for (WebElement row : browser.all("#gantt-table tbody tr")) {
                boolean ofLate = row.getAttribute("data-order").equals(String.valueOf(late));
                assertEquals(ofLate ? "延期" : "", row.findElement(By.cssSelector(".op-late")).getText());
            }
            assertTrue(browser.text(".gantt-summary").contains("1 个订单延期"), browser.text(".gantt-summary"));
            assertEquals("加工中", browser.text("tr[data-op='" + opAt(gantt, onTime, 10) + "'] .op-state"),
                    "the shop floor's running operation");

            // the calendar's eight idle hours a day are what is shaded, on both machines
            @SuppressWarnings("unchecked")
            List<List<Number>> shade = (List<List<Number>>) browser.script(
                    "return document.querySelector('pl-schedule').chart.getOption().series[0].data");
            assertFalse(shade.isEmpty());
            assertEquals(Set.of(0, 1), shade.stream().map(s -> s.get(0).intValue()).collect(Collectors.toSet()));
            long first = shade.stream().mapToLong(s -> s.get(1).longValue()).min().orElseThrow();
            long last = shade.stream().mapToLong(s -> s.get(2).longValue()).max().orElseThrow();
            // the chart spans at least four weeks from a day before the horizon; it starts and ends at the same time of
            // day, inside or outside the shift, so its first and last nights lie within a day of its edges
            assertTrue(last - first >= Duration.ofDays(26).toMillis(), "the nights of four weeks: " + (last - first));
            for (List<Number> gap : shade) {
                // the chart counts plant wall-clock time as if it were UTC; the span's own edges cut the first and last
                if (gap.get(1).longValue() != first) {
                    assertEquals(shiftEnd, wall(gap.get(1)).toLocalTime(), "non-working time starts when the shift ends");
                }
                if (gap.get(2).longValue() != last) {
                    assertEquals(shiftStart, wall(gap.get(2)).toLocalTime(), "non-working time ends when the shift starts");
                }
            }
            assertTrue(shade.size() >= 2 * 27, "every night of four weeks on both machines: " + shade.size());

            browser.click("#zoom-shift");
            assertEquals(8 * 3600_000L, zoomWindow(browser), "a shift");
            browser.click("#zoom-month");
            assertEquals(28 * 86_400_000L, zoomWindow(browser), "four weeks");
            browser.click("#zoom-week");
            browser.assertOneLanguage("zh-CN", "the Gantt");
            browser.screenshot("05-schedule");

            // why late? the chain the API gives, link by link
            long lastOfLate = opAt(gantt, late, 20);
            browser.click("tr[data-op='" + lastOfLate + "']");
            browser.click("#why");
            browser.waitFor("#explanation #chain tbody tr");
            JsonPath explanation = plant.data.planner().get("/api/scheduling/schedules/" + scheduleId + "/orders/" + late
                    + "/explanation").then().statusCode(200).extract().jsonPath();
            assertEquals(explanation.getList("chain.reason"), browser.all("#chain tbody tr").stream()
                    .map(r -> r.getAttribute("data-reason")).toList());
            assertTrue(browser.text("#explanation .verdict").startsWith("延期"), browser.text("#explanation .verdict"));
            browser.assertOneLanguage("zh-CN", "the explanation");
            browser.screenshot("06-why-late");

            // pin and release the pin
            browser.click("#pin");
            browser.waitUntil(d -> d.findElement(By.cssSelector("#operation .op-pinned")).getText().equals("是") ? true : null);
            assertTrue(pinned(gantt(plant, scheduleId), lastOfLate));
            browser.click("#pin");
            browser.waitUntil(d -> d.findElement(By.cssSelector("#operation .op-pinned")).getText().equals("否") ? true : null);
            assertFalse(pinned(gantt(plant, scheduleId), lastOfLate));

            // drag the late order's first operation to the other machine, four hours into the next shift to start (about
            // a day from now: the shift started three hours ago; "tomorrow at the shift's start plus four hours" would be
            // within the hour when the shift starts in the evening and its fourth hour is past midnight)
            long moved = opAt(gantt, late, 10);
            long from = ((Number) gantt.getMap("machines.operations.flatten().find { it.id == " + moved + " }")
                    .get("workUnitId")).longValue();
            long to = from == unitA ? unitB : unitA;
            ZonedDateTime now = ZonedDateTime.now(PLANT);
            ZonedDateTime nextShift = now.with(shiftStart).isAfter(now) ? now.with(shiftStart) : now.plusDays(1).with(shiftStart);
            Instant target = nextShift.plusHours(4).toInstant();
            String opStart = (String) gantt.getMap("machines.operations.flatten().find { it.id == " + moved + " }").get("start");
            WebElement proposal = browser.dragGanttOperation(moved, String.valueOf(opStart), from, target, to);
            assertEquals(String.valueOf(to), proposal.getAttribute("data-work-unit"));
            Instant proposed = Instant.parse(proposal.getAttribute("data-start"));
            assertTrue(Duration.between(target, proposed).abs().toMinutes() <= 30, "dropped near " + target + ": " + proposed);
            browser.click("#move-confirm");
            // the re-solve around the pinned operation runs for the API's default time limit
            browser.waitLongFor("#solve-done", Duration.ofSeconds(90));
            browser.waitUntil(d -> d.findElement(By.cssSelector("tr[data-op='" + moved + "'] .op-pinned")).getText()
                    .equals("是") ? true : null);
            Map<String, Object> after = gantt(plant, scheduleId).getMap("machines.operations.flatten().find { it.id == " + moved + " }");
            assertEquals(to, ((Number) after.get("workUnitId")).longValue(), "moved to the other machine");
            assertEquals(proposed, Instant.parse((String) after.get("start")), "at the start shown");
            assertEquals(true, after.get("pinned"));

            browser.choose("#language", "en");
            browser.waitUntil(d -> d.findElement(By.cssSelector("#view-orders")).getText().equals("By order") ? true : null);
            browser.click("#view-orders");
            browser.waitFor("#gantt-table tbody tr");
            browser.assertOneLanguage("en", "the Gantt by order in English");
        }
    }

    private void signIn(Browser browser, String username) {
        browser.get(base.toString());
        browser.type("#username", username);
        browser.type("#password", TestEnterprise.PASSWORD);
        browser.click("#sign-in");
        browser.waitFor("#menu-schedule");
    }

    private static long order(ShopFloorFixture plant, long item, String quantity, LocalDate start, LocalDate due) {
        Map<String, Object> body = new HashMap<>(Map.of("itemId", item, "quantity", quantity, "startDate", start.toString(),
                "dueDate", due.toString()));
        return MasterData.id(plant.data.planner().body(body).post("/api/production-orders"));
    }

    private static JsonPath gantt(ShopFloorFixture plant, long scheduleId) {
        return plant.data.planner().get("/api/scheduling/schedules/" + scheduleId + "/gantt").then().statusCode(200)
                .extract().jsonPath();
    }

    private static long opAt(JsonPath gantt, long order, int operationNo) {
        return gantt.getLong("orders.find { it.orderId == " + order + " }.operations.find { it.operationNo == "
                + operationNo + " }.id");
    }

    private static boolean pinned(JsonPath gantt, long operation) {
        return gantt.getBoolean("machines.operations.flatten().find { it.id == " + operation + " }.pinned");
    }

    private static ZonedDateTime wall(Number chartValue) {
        return Instant.ofEpochMilli(chartValue.longValue()).atZone(ZoneId.of("UTC"));
    }

    private static long zoomWindow(Browser browser) {
        return browser.waitUntil(d -> {
            Object w = browser.script("const [s, e] = document.querySelector('pl-schedule').visibleWindow();"
                    + " return Math.round(e - s);");
            return w instanceof Number n ? n.longValue() : null;
        });
    }
}
