package org.pilotline.ui;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.openqa.selenium.interactions.Actions;
import org.pilotline.mes.ShopFloorFixture;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the web UI in headless Chromium against a running suite (bin/ui-benchmark starts one and runs this): the
 * Gantt of a live schedule of 5,000 operations first rendered and the frame times while an operation is dragged; the
 * terminal page ready from a cold cache, the bytes it transferred, and the round trip of a terminal action (a quantity
 * report from the button to the server's answer on screen). Not a test: it prints one JSON object as its last line.
 *
 * <p>Arguments: the suite's base URL (default http://127.0.0.1:18090/), then optionally the number of orders (5
 * operations each; default 1000) and of terminal actions (default 100).
 */
public final class UiBenchmark {

    private static final ZoneId PLANT = ZoneId.of("Asia/Shanghai");

    private UiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:18090/");
        int orders = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int actions = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        RestAssured.baseURI = base.getScheme() + "://" + base.getHost();
        RestAssured.port = base.getPort();
        Map<String, Object> result = new LinkedHashMap<>();
        // each part on its own: a failure of one is reported and the other still measured
        try {
            result.put("gantt", gantt(base, orders));
        } catch (Exception | AssertionError failure) {
            failure.printStackTrace();
            result.put("gantt", Map.of("failed", String.valueOf(failure)));
        }
        try {
            result.put("terminal", terminal(base, actions));
        } catch (Exception | AssertionError failure) {
            failure.printStackTrace();
            result.put("terminal", Map.of("failed", String.valueOf(failure)));
        }
        System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(result));
    }

    // ------------------------------------------------------------------------------------------------------- Gantt

    private static Map<String, Object> gantt(URI base, int orders) throws Exception {
        TestEnterprise e = TestEnterprise.create();
        MasterData data = new MasterData(e);
        List<Long> centers = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            long center = data.workCenter("WC" + c, "60");
            for (int u = 0; u < 5; u++) {
                data.workUnit(center, "WC" + c + "-U" + u);
            }
            centers.add(center);
        }
        long item = data.made("GANTT");
        Object[] steps = new Object[5];
        for (int s = 0; s < 5; s++) {
            steps[s] = MasterData.operation((s + 1) * 10, centers.get((s * 2) % 10), "10", "2");
        }
        data.routing(item, steps);
        LocalDate today = LocalDate.now(PLANT);
        long t0 = System.nanoTime();
        for (int i = 0; i < orders; i++) {
            data.planner().body(Map.of("itemId", item, "quantity", "10", "startDate", today.toString(),
                            "dueDate", today.plusDays(3 + i % 28).toString()))
                    .post("/api/production-orders").then().statusCode(201);
        }
        log("%d orders created in %.1f s", orders, (System.nanoTime() - t0) / 1e9);
        long solve = ((Number) data.planner().body(Map.of("timeLimitSeconds", 20)).post("/api/scheduling/solves")
                .then().statusCode(202).extract().path("id")).longValue();
        String state;
        do {
            Thread.sleep(1000);
            state = data.planner().get("/api/scheduling/solves/" + solve).then().statusCode(200).extract().path("status");
        } while (List.of("QUEUED", "RUNNING").contains(state));
        if (!state.equals("FINISHED")) {
            throw new IllegalStateException("the solve ended " + state);
        }
        long scheduleId = ((Number) data.planner().get("/api/scheduling/schedules/live").then().statusCode(200)
                .extract().path("id")).longValue();
        JsonPath gantt = data.planner().get("/api/scheduling/schedules/" + scheduleId + "/gantt").then().statusCode(200)
                .extract().jsonPath();
        int operations = gantt.getList("machines.operations.flatten()").size();
        log("live schedule solved: %d operations", operations);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("operations", operations);
        out.put("machines", gantt.getList("machines").size());
        try (Browser browser = Browser.open("zh-CN")) {
            browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
            signIn(browser, base, e.code + "-planner");
            browser.waitFor("#menu-schedule");
            List<Double> firstRendered = new ArrayList<>();
            List<Double> allBars = new ArrayList<>();
            List<Double> fetched = new ArrayList<>();
            for (int run = 0; run < 4; run++) {
                // a new document each time (the bundle from the browser's cache after the first): navigation start to
                // the chart drawn with every operation, and the table's first page of them (its pager counting all),
                // two frames later; then until ECharts has drawn the last bar (it draws thousands over several frames)
                browser.get("about:blank");
                browser.get(base + "#/schedule");
                @SuppressWarnings("unchecked")
                List<Number> times = (List<Number>) browser.asyncScript("""
                        const n = arguments[0], done = arguments[arguments.length - 1];
                        const at = (name) => { const m = performance.getEntriesByName(name); return m.length ? m[0].startTime : null; };
                        let shown = null;
                        const check = () => {
                          const table = document.querySelector('#gantt-table');
                          const rows = document.querySelectorAll('#gantt-table tbody tr').length;
                          if (shown === null && table && Number(table.dataset.total) === n && rows >= Math.min(n, 100)
                              && document.querySelector('#gantt-chart canvas') && at('pl-gantt-drawn') !== null) {
                            shown = -1;
                            requestAnimationFrame(() => requestAnimationFrame(() => { shown = performance.now(); }));
                          }
                          if (shown > 0 && at('pl-gantt-finished') !== null) done([shown, at('pl-gantt-finished'), at('pl-gantt-fetched')]);
                          else setTimeout(check, 5);
                        };
                        check();""", operations);
                firstRendered.add(times.get(0).doubleValue());
                allBars.add(times.get(1).doubleValue());
                fetched.add(times.get(2).doubleValue());
                log("Gantt of %d operations rendered after %.0f ms, every bar drawn after %.0f ms, data fetched after %.0f ms (run %d)",
                        operations, times.get(0).doubleValue(), times.get(1).doubleValue(), times.get(2).doubleValue(), run + 1);
            }
            out.put("firstRenderedMs", firstRendered);
            out.put("everyBarDrawnMs", allBars);
            out.put("dataFetchedMs", fetched);

            // dragging: the frames the page drew while the mouse moved an operation 40 steps to the right
            Map<String, Object> first = gantt.getMap("machines[0].operations[0]");
            // the chart is taller than the window (a lane per machine): the operation's bar is scrolled to the middle of
            // the window, and the mouse goes to its point of the window (the viewport's coordinates)
            @SuppressWarnings("unchecked")
            List<Number> grab = (List<Number>) browser.script("""
                    const p = document.querySelector('pl-schedule').pixelOf(arguments[0]);
                    if (!p) return null;
                    const chart = document.querySelector('#gantt-chart');
                    const top = chart.getBoundingClientRect().top + window.scrollY;
                    window.scrollTo(0, Math.max(0, top + p[1] - window.innerHeight / 2));
                    const r = chart.getBoundingClientRect();
                    return [Math.round(r.left + p[0]), Math.round(r.top + p[1])];""", first.get("id"));
            if (grab == null) {
                out.put("drag", "the first operation is not in the chart's window");
                return out;
            }
            browser.script("""
                    window.__frames = []; window.__recording = true;
                    const f = (t) => { if (!window.__recording) return; window.__frames.push(t); requestAnimationFrame(f); };
                    requestAnimationFrame(f);""");
            Actions drag = new Actions(browser.driver).moveToLocation(grab.get(0).intValue(), grab.get(1).intValue())
                    .clickAndHold();
            for (int i = 0; i < 40; i++) {
                drag.moveByOffset(5, 0);
            }
            drag.release().perform();
            browser.script("window.__recording = false");
            @SuppressWarnings("unchecked")
            List<Number> frames = (List<Number>) browser.script("return window.__frames");
            double[] intervals = new double[Math.max(0, frames.size() - 1)];
            for (int i = 1; i < frames.size(); i++) {
                intervals[i - 1] = frames.get(i).doubleValue() - frames.get(i - 1).doubleValue();
            }
            out.put("dragFrames", frames.size());
            out.put("dragFrameMs", percentiles(intervals));
            out.put("dragProposalShown", !browser.all("#move-proposal").isEmpty());
            log("drag: %d frames, intervals %s", frames.size(), percentiles(intervals));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------- Terminal

    private static Map<String, Object> terminal(URI base, int actions) throws Exception {
        // a product with a BOM (a release needs a structure) whose component is staged at the work center, enough for
        // every report's backflush
        ShopFloorFixture plant = new ShopFloorFixture();
        long center = plant.workCenter("TERM");
        long bar = plant.data.bought("TERM-BAR", "1");
        long item = plant.product("TERMP", center, bar);
        plant.receive(bar, String.valueOf(actions * 2 + 100), plant.staging, null, null);
        long operation = ShopFloorFixture.id(ShopFloorFixture.operations(plant.release(item, String.valueOf(actions * 2 + 100))).get(0));
        String token = plant.enterprise.as("admin").body(Map.of("code", plant.data.code("TAB"), "name", "tablet",
                "workCenterId", center)).post("/api/mes/terminals").then().statusCode(201).extract().path("token");

        Map<String, Object> out = new LinkedHashMap<>();
        List<Double> ready = new ArrayList<>();
        List<Long> bytes = new ArrayList<>();
        List<Long> bodyBytes = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            // a new browser profile each time: an empty cache, no service worker
            try (Browser browser = Browser.open("zh-CN")) {
                browser.get(base + "#/terminal");
                Number ms = (Number) browser.asyncScript("""
                        const done = arguments[arguments.length - 1];
                        const check = () => {
                          if (document.querySelector('#terminal-token')) requestAnimationFrame(() => done(performance.now()));
                          else setTimeout(check, 5);
                        };
                        check();""");
                ready.add(ms.doubleValue());
                @SuppressWarnings("unchecked")
                List<Number> transferred = (List<Number>) browser.script("""
                        const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
                        return [all.reduce((s, e) => s + (e.transferSize || 0), 0), all.reduce((s, e) => s + (e.decodedBodySize || 0), 0)];""");
                bytes.add(transferred.get(0).longValue());
                bodyBytes.add(transferred.get(1).longValue());
                log("terminal page ready after %.0f ms from a cold cache; %d bytes transferred (%d decoded)",
                        ms.doubleValue(), transferred.get(0).longValue(), transferred.get(1).longValue());
            }
        }
        out.put("coldReadyMs", ready);
        out.put("transferredBytes", bytes);
        out.put("decodedBytes", bodyBytes);

        try (Browser browser = Browser.open("zh-CN")) {
            browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            browser.get(base + "#/terminal");
            browser.type("#terminal-token", token);
            browser.click("#register button[type=submit]");
            browser.type("#badge", "B-" + plant.enterprise.code);
            browser.type("#pin", "4711");
            browser.click("#operator-sign-in button[type=submit]");
            browser.click("#dispatch tr[data-op='" + operation + "']");
            browser.click("#act-start");
            browser.waitFor("#actions[data-state='RUNNING']");
            browser.waitFor("#queue-count[data-count='0']");
            double[] trips = new double[actions];
            for (int i = 0; i < actions; i++) {
                // from the press of the button to the server's answer on screen (the newest line of the sent list)
                Number ms = (Number) browser.asyncScript("""
                        const done = arguments[arguments.length - 1];
                        const first = () => { const li = document.querySelector('.sent li'); return li ? li.dataset.clientId : null; };
                        const quiet = () => document.querySelector('#queue-count').dataset.count === '0';
                        const go = () => {
                          if (!quiet()) { setTimeout(go, 5); return; }
                          const before = first();
                          const form = document.querySelector('#quantity-form');
                          form.querySelector('input[name=good]').value = '1';
                          const t0 = performance.now();
                          form.querySelector('button[type=submit]').click();
                          const check = () => {
                            if (first() !== before) requestAnimationFrame(() => done(performance.now() - t0));
                            else setTimeout(check, 1);
                          };
                          check();
                        };
                        setTimeout(go, 50);""");
                trips[i] = ms.doubleValue();
            }
            out.put("actions", actions);
            out.put("actionRoundTripMs", percentiles(trips));
            log("terminal action round trip over %d reports: %s", actions, percentiles(trips));
            String good = plant.data.planner().get("/api/mes/work-orders/operations/" + operation).then().statusCode(200)
                    .extract().path("goodQuantity").toString();
            out.put("goodRecorded", good);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    private static void signIn(Browser browser, URI base, String username) {
        browser.get(base.toString());
        browser.type("#username", username);
        browser.type("#password", TestEnterprise.PASSWORD);
        browser.click("#sign-in");
    }

    private static Map<String, Object> percentiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        Map<String, Object> p = new LinkedHashMap<>();
        if (sorted.length == 0) {
            return p;
        }
        p.put("p50", round(at(sorted, 0.50)));
        p.put("p95", round(at(sorted, 0.95)));
        p.put("p99", round(at(sorted, 0.99)));
        p.put("max", round(sorted[sorted.length - 1]));
        return p;
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static void log(String format, Object... args) {
        System.err.println("[ui-benchmark] " + String.format(format, args));
    }
}
