package org.pilotline.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planner's whole journey in a real Chromium, on an enterprise of its own: a master-data workbook checked by a dry
 * run (its bad row shown next to its sheet and row, nothing written), then fixed and imported; an MRP run started from
 * the page, its exception messages filtered, a planned order's pegging down and up, firmed and converted, a bulk
 * conversion refused next to the row that caused it and then done; the live schedule solved from the Gantt page, an
 * operation dragged to the other machine, and "why late?" for the late order — each step checked against the API,
 * in Chinese, then the screens again in English.
 */
@QuarkusTest
class BrowserPlannerWorkbenchTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final ZoneId PLANT = ZoneId.of("Asia/Shanghai");

    @TestHTTPResource("/")
    URL base;

    @Test
    void aPlannerImportsAWorkbookRunsMrpPegsFirmsConvertsSolvesDragsAndExplainsALateOrder() throws IOException {
        // the workbook: another enterprise's master data, exported
        MasterData source = new MasterData(TestEnterprise.create());
        long sourceCenter = source.workCenter("WB-TURN", "60");
        long sourceBar = source.item("WB-BAR").bought().cost("2").create();
        // two days' lead time: the order that restores the safety stock should have been released before today, on
        // any day of the week (without it, only a weekend's MRP run found something to say)
        long sourcePart = source.item("WB-PART").made().with("type", "FINISHED").with("safetyStock", 20)
                .with("leadTimeDays", 2).create();
        source.bom(sourcePart).line(sourceBar, "1").create();
        source.routing(sourcePart, MasterData.operation(10, sourceCenter, "30", "12"));
        byte[] good = source.planner().accept(XLSX).get("/api/excel/export").then().statusCode(200).extract().asByteArray();
        String partCode = source.code("WB-PART");
        String barCode = source.code("WB-BAR");
        String centerCode = source.code("WB-TURN");
        int badRow = 0;
        byte[] bad;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(good)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet items = book.getSheet("Items 物料");
            int unit = column(items, "Stock unit");
            for (Row row : items) {
                if (row.getRowNum() > 1 && partCode.equals(new DataFormatter().formatCellValue(row.getCell(0)))) {
                    row.getCell(unit, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue("pcx");
                    badRow = row.getRowNum() + 1;
                }
            }
            book.write(out);
            bad = out.toByteArray();
        }
        assertTrue(badRow > 2, "the part's row is in the export");
        Path badFile = Files.createTempFile("pilotline-bad-", ".xlsx");
        Path goodFile = Files.createTempFile("pilotline-good-", ".xlsx");
        Files.write(badFile, bad);
        Files.write(goodFile, good);

        TestEnterprise enterprise = TestEnterprise.create();
        MasterData md = new MasterData(enterprise);
        long supplier = md.partner("WB-SUP", false, true);
        LocalDate today = LocalDate.now(PLANT);

        try (Browser browser = Browser.open("zh-CN")) {
            browser.get(base.toString());
            browser.type("#username", enterprise.code + "-planner");
            browser.type("#password", TestEnterprise.PASSWORD);
            browser.click("#sign-in");
            browser.waitFor("#menu-import");
            assertEquals(List.of("首页", "物料与物料清单", "订单", "工艺路线", "工作日历", "主数据导入", "物料需求计划", "排程", "设备看板", "待办任务"),
                    browser.all("nav a").stream().map(WebElement::getText).toList(), "the planner's menu");

            // ---------------------------------------------------------------------------------- Excel import
            browser.click("#menu-import");
            WebElement template = browser.waitFor("#template-download");
            assertTrue(template.getAttribute("href").endsWith("/api/excel/template"), template.getAttribute("href"));
            @SuppressWarnings("unchecked")
            List<Object> download = (List<Object>) browser.asyncScript("const done = arguments[arguments.length - 1];"
                    + " fetch(arguments[0], {credentials: 'same-origin'}).then(async (r) => { const b = new Uint8Array(await r.arrayBuffer());"
                    + " done([r.status, r.headers.get('content-type'), String.fromCharCode(b[0], b[1])]); }, (e) => done([String(e)]));",
                    template.getAttribute("href"));
            assertEquals(List.of(200L, XLSX, "PK"), download, "the template is a workbook");

            browser.waitFor("#workbook").sendKeys(badFile.toString());
            browser.click("#dry-run");
            browser.waitFor("#import-problems tbody tr");
            List<Map<String, Object>> problems = md.planner().contentType(XLSX).body(bad).queryParam("dryRun", true)
                    .post("/api/excel/import").then().statusCode(422).extract().path("problems");
            List<WebElement> problemRows = browser.all("#import-problems tbody tr");
            assertEquals(problems.size(), problemRows.size(), "one row per problem the API reports");
            for (int i = 0; i < problems.size(); i++) {
                assertEquals(problems.get(i).get("sheet"), problemRows.get(i).getAttribute("data-sheet"));
                assertEquals(String.valueOf(problems.get(i).get("row")), problemRows.get(i).getAttribute("data-row"));
                assertEquals(problems.get(i).get("reason"), problemRows.get(i).findElement(By.cssSelector(".reason")).getText());
            }
            WebElement badShown = browser.waitFor("#import-problems tr[data-sheet='Items 物料'][data-row='" + badRow + "']");
            assertTrue(badShown.getText().contains("pcx"), badShown.getText());
            assertFalse(browser.waitFor("#import").isEnabled(), "nothing to import before a clean check");
            assertEquals(0, md.planner().queryParam("q", partCode).get("/api/items").then().statusCode(200)
                    .extract().<Integer>path("total"));
            browser.assertOneLanguage("zh-CN", "the import's problems");

            browser.script("arguments[0].value = ''", browser.waitFor("#workbook"));
            browser.waitFor("#workbook").sendKeys(goodFile.toString());
            browser.click("#dry-run");
            browser.waitFor("#import-report[data-dry-run='true']");
            assertEquals("2", browser.text("#import-sheets tr[data-sheet='Items 物料'] .created"));
            assertEquals(0, md.planner().queryParam("q", partCode).get("/api/items").then().statusCode(200)
                    .extract().<Integer>path("total"), "a dry run writes nothing");
            browser.click("#import");
            browser.waitFor("#import-report[data-applied='true']");
            browser.assertOneLanguage("zh-CN", "the import done");
            long part = idOf(md, "/api/items", partCode);
            long bar = idOf(md, "/api/items", barCode);
            long center = idOf(md, "/api/work-centers", centerCode);
            long unitA = md.workUnit(center, "WB-A");
            long unitB = md.workUnit(center, "WB-B");
            // an order already late, too small for the safety stock: MRP plans the rest. Due on the last working day
            // before today: due on a weekend, MRP would move it to the Monday, which may be today (not late)
            LocalDate lastWorkingDay = today.minusDays(1);
            while (lastWorkingDay.getDayOfWeek().getValue() > 5) {
                lastWorkingDay = lastWorkingDay.minusDays(1);
            }
            long late = MasterData.id(md.planner().body(new HashMap<>(Map.of("itemId", part, "quantity", "5",
                    "startDate", lastWorkingDay.minusDays(2).toString(), "dueDate", lastWorkingDay.toString())))
                    .post("/api/production-orders"));

            // ---------------------------------------------------------------------------------- MRP
            browser.click("#menu-mrp");
            browser.click("#start-run");
            browser.waitFor("#planned-table tbody tr");
            long runId = ((Number) md.planner().get("/api/mrp/runs/current").then().statusCode(200).extract()
                    .path("id")).longValue();
            String run = "/api/mrp/runs/" + runId;
            List<Map<String, Object>> exceptions = md.planner().queryParam("size", 100).get(run + "/exceptions").then()
                    .statusCode(200).extract().path("items");
            assertFalse(exceptions.isEmpty(), "the late order and the safety stock raise exceptions");
            browser.waitFor("#exceptions-table tbody tr");
            assertEquals(exceptions.stream().limit(20).map(x -> x.get("itemCode") + " " + x.get("kind")).toList(),
                    browser.all("#exceptions-table tbody tr").stream()
                            .map(r -> r.getAttribute("data-item") + " " + r.getAttribute("data-kind")).toList());
            String kind = (String) exceptions.get(0).get("kind");
            long ofKind = Math.min(20, exceptions.stream().filter(x -> kind.equals(x.get("kind"))).count());
            browser.choose("#exception-filters select[name=kind]", kind);
            browser.click("#exception-filters button[type=submit]");
            browser.waitUntil(d -> {
                List<WebElement> rows = d.findElements(By.cssSelector("#exceptions-table tbody tr"));
                return rows.size() == ofKind && rows.stream().allMatch(r -> kind.equals(r.getAttribute("data-kind"))) ? true : null;
            });
            browser.assertOneLanguage("zh-CN", "MRP exceptions");

            List<Map<String, Object>> planned = md.planner().queryParam("size", 100).get(run + "/planned-orders").then()
                    .statusCode(200).extract().path("items");
            Map<String, Object> made = planned.stream().filter(p -> partCode.equals(p.get("itemCode"))).findFirst().orElseThrow();
            Map<String, Object> bought = planned.stream().filter(p -> barCode.equals(p.get("itemCode"))).findFirst().orElseThrow();
            String madeKey = part + "/" + made.get("number");
            String boughtKey = bar + "/" + bought.get("number");
            String madePath = run + "/planned-orders/" + madeKey;
            String boughtPath = run + "/planned-orders/" + boughtKey;

            // pegging down and up, as the API pegs it
            browser.click("#planned-table tr[data-planned='" + madeKey + "'] td:nth-child(2)");
            browser.waitFor("#planned-order[data-planned='" + madeKey + "']");
            browser.click("#peg-down");
            browser.waitFor("#pegging[data-direction='down'] .peg-node");
            assertEquals(pegged(md.planner().queryParam("direction", "down").get(madePath + "/pegging").then()
                    .statusCode(200).extract().path("$")), pegShown(browser));
            assertTrue(pegShown(browser).contains(barCode), "down to the bar");
            browser.click("#peg-up");
            browser.waitFor("#pegging[data-direction='up'] .peg-node");
            assertEquals(pegged(md.planner().queryParam("direction", "up").get(madePath + "/pegging").then()
                    .statusCode(200).extract().path("$")), pegShown(browser));
            browser.assertOneLanguage("zh-CN", "the pegging");

            // firm and unfirm (in Chinese, then in English), firm again, then convert
            browser.click("#firm");
            browser.waitFor("#planned-order[data-status='FIRMED']");
            String firstFirm = md.planner().get(madePath).then().statusCode(200).body("status", org.hamcrest.Matchers.is("FIRMED"))
                    .extract().path("convertedTo");
            assertEquals("取消确认", browser.text("#unfirm"));
            browser.click("#unfirm");
            browser.waitFor("#planned-order[data-status='PLANNED']");
            md.planner().get(madePath).then().statusCode(200).body("status", org.hamcrest.Matchers.is("PLANNED"))
                    .body("convertedTo", org.hamcrest.Matchers.nullValue());
            assertTrue(browser.text("#action-done").contains(firstFirm), browser.text("#action-done"));
            assertTrue(browser.all("#unfirm").isEmpty(), "a planned order is not unfirmed");
            browser.assertOneLanguage("zh-CN", "the unfirmed planned order");
            browser.choose("#language", "en");
            browser.waitUntil(d -> d.findElement(By.cssSelector("#firm")).getText().equals("Firm") ? true : null);
            browser.click("#firm");
            browser.waitFor("#planned-order[data-status='FIRMED']");
            String secondFirm = md.planner().get(madePath).then().statusCode(200).extract().path("convertedTo");
            assertEquals("Unfirm", browser.text("#unfirm"));
            browser.click("#unfirm");
            browser.waitFor("#planned-order[data-status='PLANNED']");
            md.planner().get(madePath).then().statusCode(200).body("status", org.hamcrest.Matchers.is("PLANNED"));
            assertTrue(browser.text("#action-done").contains(secondFirm), browser.text("#action-done"));
            browser.assertOneLanguage("en", "the unfirmed planned order in English");
            assertEquals(2, md.planner().queryParam("kind", "mrp-unfirmed").queryParam("subject", "mrp-run:" + runId)
                    .get("/api/journal").then().statusCode(200).extract().<Integer>path("total"), "both unfirms journalled");
            browser.choose("#language", "zh-CN");
            browser.waitUntil(d -> d.findElement(By.cssSelector("#firm")).getText().equals("确认") ? true : null);
            browser.click("#firm");
            browser.waitFor("#planned-order[data-status='FIRMED']");
            String firmedAs = md.planner().get(madePath).then().statusCode(200).body("status", org.hamcrest.Matchers.is("FIRMED"))
                    .extract().path("convertedTo");
            assertTrue(browser.text("#action-done").contains(firmedAs), browser.text("#action-done"));
            browser.click("#convert");
            browser.waitFor("#planned-order[data-status='CONVERTED']");
            String orderNumber = md.planner().get(madePath).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.is("CONVERTED")).extract().path("convertedTo");
            assertNotNull(orderNumber);
            assertTrue(browser.text("#action-done").contains(orderNumber), browser.text("#action-done"));
            List<Map<String, Object>> orders = md.planner().queryParam("size", 100).get("/api/production-orders").then()
                    .statusCode(200).extract().path("items");
            long converted = orders.stream().filter(o -> orderNumber.equals(o.get("number")))
                    .map(o -> ((Number) o.get("id")).longValue()).findFirst().orElseThrow();

            // several at once: a purchase without a supplier is refused next to its row, nothing converted
            browser.click("#planned-table tr[data-planned='" + boughtKey + "'] input.pick");
            browser.click("#convert-picked");
            browser.waitFor("#bulk-error");
            WebElement refusedRow = browser.waitFor("#planned-table tr.refused[data-planned='" + boughtKey + "'] .row-error");
            assertFalse(refusedRow.getText().isBlank());
            assertEquals("PLANNED", md.planner().get(boughtPath).then().statusCode(200).extract().path("status"));
            browser.assertOneLanguage("zh-CN", "the refused conversion");
            browser.choose("#bulk-supplier", String.valueOf(supplier));
            browser.click("#convert-picked");
            browser.waitFor("#bulk-done");
            assertEquals("CONVERTED", md.planner().get(boughtPath).then().statusCode(200).extract().path("status"));
            assertEquals(1, md.planner().queryParam("supplierId", supplier).get("/api/purchase-orders").then()
                    .statusCode(200).extract().<Integer>path("total"), "one purchase order of the supplier");
            browser.screenshot("10-mrp-workbench");

            // ---------------------------------------------------------------------------------- the Gantt
            browser.click("#menu-schedule");
            browser.waitFor("#no-schedule");
            browser.type("#solve-form input[name=seconds]", "2");
            browser.click("#start-solve");
            WebElement solved = browser.waitLongFor("#solve-done", Duration.ofSeconds(90));
            assertEquals("FINISHED", solved.getAttribute("data-status"));
            String firstSolve = solved.getAttribute("data-solve");
            browser.waitFor("#gantt-table tbody tr");
            browser.waitFor("#gantt-chart canvas");
            long scheduleId = ((Number) md.planner().get("/api/scheduling/schedules/live").then().statusCode(200)
                    .extract().path("id")).longValue();
            JsonPath gantt = gantt(md, scheduleId);
            assertEquals(List.of(converted, late).stream().sorted().toList(),
                    gantt.getList("orders.orderId", Number.class).stream().map(Number::longValue).sorted().toList(),
                    "the converted order and the late one are scheduled");
            assertTrue(gantt.getBoolean("orders.find { it.orderId == " + late + " }.late"));

            // drag the late order's operation to the other machine, tomorrow at ten
            long moved = gantt.getLong("orders.find { it.orderId == " + late + " }.operations[0].id");
            Map<String, Object> op = gantt.getMap("machines.operations.flatten().find { it.id == " + moved + " }");
            long from = ((Number) op.get("workUnitId")).longValue();
            long to = from == unitA ? unitB : unitA;
            Instant target = today.plusDays(1).atTime(LocalTime.of(10, 0)).atZone(PLANT).toInstant();
            WebElement proposal = browser.dragGanttOperation(moved, String.valueOf(op.get("start")), from, target, to);
            assertEquals(String.valueOf(to), proposal.getAttribute("data-work-unit"));
            Instant proposed = Instant.parse(proposal.getAttribute("data-start"));
            assertTrue(Duration.between(target, proposed).abs().toMinutes() <= 30, "dropped near " + target + ": " + proposed);
            browser.click("#move-confirm");
            browser.waitLongFor("#solve-done:not([data-solve='" + firstSolve + "'])", Duration.ofSeconds(90));
            browser.waitUntil(d -> d.findElement(By.cssSelector("tr[data-op='" + moved + "'] .op-pinned")).getText()
                    .equals("是") ? true : null);
            Map<String, Object> after = gantt(md, scheduleId).getMap("machines.operations.flatten().find { it.id == " + moved + " }");
            assertEquals(to, ((Number) after.get("workUnitId")).longValue(), "moved to the other machine");
            assertEquals(proposed, Instant.parse((String) after.get("start")), "at the start shown");

            // why late? the chain the API gives
            browser.click("tr[data-op='" + moved + "']");
            browser.click("#why");
            browser.waitFor("#explanation #chain tbody tr");
            JsonPath explanation = md.planner().get("/api/scheduling/schedules/" + scheduleId + "/orders/" + late
                    + "/explanation").then().statusCode(200).extract().jsonPath();
            assertEquals(explanation.getList("chain.reason"), browser.all("#chain tbody tr").stream()
                    .map(r -> r.getAttribute("data-reason")).toList());
            assertTrue(browser.text("#explanation .verdict").startsWith("延期"), browser.text("#explanation .verdict"));
            browser.assertOneLanguage("zh-CN", "the Gantt solved from the page");

            // a what-if copy solved for the makespan, side by side with the live schedule, which stays as it was
            List<Object> liveBefore = gantt(md, scheduleId).getList("machines.operations.flatten().collect { it.id + '@' + it.workUnitId + '@' + it.start }");
            browser.type("#whatif-create input[name=name]", "假设-WB");
            browser.click("#whatif-create button[type=submit]");
            browser.waitFor("#whatif-metrics");
            browser.waitFor("#whatif-live-chart canvas");
            browser.waitFor("#whatif-copy-chart canvas");
            List<Map<String, Object>> copies = md.planner().queryParam("kind", "WHAT_IF").get("/api/scheduling/schedules")
                    .then().statusCode(200).extract().path("items");
            assertEquals(List.of("假设-WB"), copies.stream().map(c -> c.get("name")).toList());
            long copyId = ((Number) copies.get(0).get("id")).longValue();
            browser.choose("#whatif-solve select[name=objective]", "MAKESPAN");
            browser.type("#whatif-solve input[name=seconds]", "2");
            browser.click("#whatif-solve-start");
            assertEquals("FINISHED", browser.waitLongFor("#whatif-solved", Duration.ofSeconds(90)).getAttribute("data-status"));
            JsonPath comparison = md.planner().queryParam("with", scheduleId).get("/api/scheduling/schedules/" + copyId
                    + "/comparison").then().statusCode(200).extract().jsonPath();
            browser.waitUntil(d -> String.valueOf(comparison.getLong("schedule.makespanMinutes")).equals(d.findElement(
                    By.cssSelector("#whatif-metrics tr[data-metric='makespanMinutes'] .there")).getText()) ? true : null);
            assertEquals(String.valueOf(comparison.getLong("other.makespanMinutes")),
                    browser.text("#whatif-metrics tr[data-metric='makespanMinutes'] .here"));
            assertEquals(String.valueOf(comparison.getInt("other.lateOrders")),
                    browser.text("#whatif-metrics tr[data-metric='lateOrders'] .here"));
            assertEquals(comparison.getList("orders.orderId", Number.class).stream().map(String::valueOf).toList(),
                    browser.all("#whatif-orders tbody tr").stream().map(r -> r.getAttribute("data-order")).toList());
            assertEquals(liveBefore, gantt(md, scheduleId).getList("machines.operations.flatten().collect { it.id + '@' + it.workUnitId + '@' + it.start }"),
                    "the live schedule is untouched by the copy's solve");
            browser.assertOneLanguage("zh-CN", "the what-if copy beside the live schedule");
            browser.screenshot("11-what-if");

            // the copy edited in the Gantt: an operation of the copy pinned there, the live schedule untouched
            browser.click("#whatif-table tr[data-schedule='" + copyId + "'] .whatif-edit");
            assertEquals(String.valueOf(copyId), browser.waitFor("#editing-copy").getAttribute("data-schedule"));
            assertTrue(browser.all("#whatif").isEmpty(), "no copies beside a copy");
            long copyOp = gantt(md, copyId).getLong("machines.operations.flatten().find { !it.pinned }.id");
            browser.click("tr[data-op='" + copyOp + "']");
            browser.click("#pin");
            browser.waitUntil(d -> d.findElement(By.cssSelector("#operation .op-pinned")).getText().equals("是") ? true : null);
            assertTrue(gantt(md, copyId).getBoolean("machines.operations.flatten().find { it.id == " + copyOp + " }.pinned"));
            assertEquals(liveBefore, gantt(md, scheduleId).getList("machines.operations.flatten().collect { it.id + '@' + it.workUnitId + '@' + it.start }"),
                    "the live schedule is untouched by the copy's edit");
            browser.assertOneLanguage("zh-CN", "a what-if copy edited in the Gantt");
            browser.click("#back-to-live");
            browser.waitUntil(d -> d.findElements(By.cssSelector("#editing-copy")).isEmpty() ? true : null);
            browser.waitFor("tr[data-op='" + moved + "']");
            browser.click("#whatif-table tr[data-schedule='" + copyId + "'] .whatif-show");
            browser.waitFor("#whatif-metrics");

            // ---------------------------------------------------------------------------------- in English
            browser.choose("#language", "en");
            browser.waitUntil(d -> d.findElement(By.cssSelector("#start-solve")).getText().equals("Solve the schedule") ? true : null);
            browser.waitFor("#whatif-metrics");
            browser.assertOneLanguage("en", "the Gantt and the what-if copy in English");
            browser.click("#menu-mrp");
            browser.click("tr[data-run='" + runId + "'] .show-planned");
            browser.click("#planned-table tr[data-planned='" + madeKey + "'] td:nth-child(2)");
            browser.click("#peg-up");
            browser.waitFor("#pegging .peg-node");
            browser.waitFor("#exceptions-table tbody tr");
            browser.assertOneLanguage("en", "the MRP workbench in English");
            browser.click("#menu-import");
            browser.waitFor("#workbook").sendKeys(badFile.toString());
            browser.click("#dry-run");
            browser.waitFor("#import-problems tbody tr");
            browser.assertOneLanguage("en", "the import in English");
        } finally {
            Files.deleteIfExists(badFile);
            Files.deleteIfExists(goodFile);
        }
    }

    private static int column(Sheet sheet, String englishHeader) {
        for (Cell cell : sheet.getRow(1)) {
            if (cell.getStringCellValue().startsWith(englishHeader)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + englishHeader + " in " + sheet.getSheetName());
    }

    private static long idOf(MasterData md, String list, String code) {
        List<Map<String, Object>> found = md.planner().queryParam("q", code).queryParam("size", 100).get(list).then()
                .statusCode(200).extract().path("items");
        return found.stream().filter(f -> code.equals(f.get("code"))).map(f -> ((Number) f.get("id")).longValue())
                .findFirst().orElseThrow(() -> new AssertionError("no " + code + " in " + list));
    }

    /** The item codes of a pegging tree, depth first, as the page lists its nodes. */
    @SuppressWarnings("unchecked")
    private static List<String> pegged(Map<String, Object> node) {
        List<String> codes = new ArrayList<>();
        codes.add((String) node.get("itemCode"));
        for (Object child : (List<Object>) node.get("children")) {
            codes.addAll(pegged((Map<String, Object>) child));
        }
        return codes;
    }

    private static List<String> pegShown(Browser browser) {
        return browser.all("#pegging .peg-node").stream().map(n -> n.getAttribute("data-item")).toList();
    }

    private static JsonPath gantt(MasterData md, long scheduleId) {
        return md.planner().get("/api/scheduling/schedules/" + scheduleId + "/gantt").then().statusCode(200)
                .extract().jsonPath();
    }

}
