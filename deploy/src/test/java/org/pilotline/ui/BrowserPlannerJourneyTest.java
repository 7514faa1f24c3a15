package org.pilotline.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.pilotline.testing.Api;
import org.pilotline.testing.MasterData;

import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planner's first journey in a real Chromium: sign in as demo-planner, the menu of the planner's role, the
 * multi-level BOM tree and where-used exactly as the API answers them, an MRP run started from the page with its
 * planned orders filtered — and every screen in one language at a time, in Chinese and in English.
 */
@QuarkusTest
class BrowserPlannerJourneyTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aPlannerSeesTheBomTreeTheApiGivesRunsMrpAndEveryScreenSpeaksOneLanguage() {
        MasterData md = MasterData.asUser("demo-planner", Api.DEMO_PASSWORD);
        // a long name, as the demo plants' bilingual ones are: it wraps in its column rather than being cut off
        long raw = md.item("UI-RAW").bought().cost("2")
                .with("name", "不锈钢圆棒 Ø40 304 冷拔光亮 Stainless steel bar Ø40 304 cold-drawn bright, 6 m lengths").create();
        long bolt = md.item("UI-BOLT").bought().cost("0.5").create();
        long sub = md.item("UI-SUB").made().create();
        long top = md.item("UI-TOP").made().with("type", "FINISHED").with("safetyStock", 10).create();
        md.bom(sub).line(raw, "3").create();
        md.bom(top).line(sub, "2").line(bolt, "4").create();
        String topCode = md.code("UI-TOP");
        LocalDate plantToday = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        try (Browser browser = Browser.open("zh-CN")) {
            browser.get(base.toString());
            // A Chinese browser with no stored choice gets Chinese.
            assertEquals("登录", browser.text(".login h2"));
            browser.assertOneLanguage("zh-CN", "sign-in");
            browser.screenshot("01-sign-in");
            browser.type("#username", "demo-planner");
            browser.type("#password", Api.DEMO_PASSWORD);
            browser.click("#sign-in");
            browser.waitFor("#menu-items");
            assertEquals(List.of("首页", "物料与物料清单", "订单", "工艺路线", "工作日历", "主数据导入", "物料需求计划", "排程", "设备看板", "待办任务"),
                    browser.all("nav a").stream().map(WebElement::getText).toList(), "the planner's menu");
            browser.assertOneLanguage("zh-CN", "home");

            browser.click("#menu-items");
            browser.type("#item-search", md.code("")); // "-<suffix>": this test's four items
            browser.click(".filters button[type=submit]");
            browser.click("tr[data-item='" + topCode + "']");
            browser.waitFor("#bom-table tbody tr");
            browser.waitFor("#bom-chart canvas");
            assertBomTableIsTheExplosion(browser, md, top, plantToday);
            assertEquals(Boolean.TRUE, browser.script("const pane = document.querySelector('#items-table').closest('.pane');"
                    + " return pane.scrollWidth <= pane.clientWidth + 1;"), "the items table fits its pane: no name is cut off");
            // the date is typed as the UI names it, not in the browser's own date widget and locale
            WebElement bomDate = browser.waitFor("#bom input[name=bomDate]");
            assertEquals("text", bomDate.getAttribute("type"));
            assertEquals(plantToday.toString(), bomDate.getAttribute("value"));
            assertEquals("年-月-日", bomDate.getAttribute("placeholder"));
            browser.assertOneLanguage("zh-CN", "items with the BOM of " + topCode);
            browser.screenshot("02-items-bom");

            browser.click("tr[data-item='" + md.code("UI-RAW") + "']");
            browser.waitUntil(d -> d.findElements(By.cssSelector("#where-used-table tbody tr")).size() == 1 ? true : null);
            assertEquals(List.of(md.code("UI-SUB")), parentsShown(browser));
            browser.click("#multi-level");
            browser.waitUntil(d -> d.findElements(By.cssSelector("#where-used-table tbody tr")).size() == 2 ? true : null);
            List<Map<String, Object>> whereUsed = md.planner().queryParam("multiLevel", true)
                    .get("/api/items/" + raw + "/where-used").then().statusCode(200).extract().jsonPath().getList("$");
            assertEquals(whereUsed.stream().map(r -> (String) r.get("parentCode")).toList(), parentsShown(browser));

            // Switched to English, every text of the UI changes, and the data stays what it was.
            browser.choose("#language", "en");
            browser.waitUntil(d -> d.findElement(By.cssSelector("nav a.active")).getText().equals("Items and BOMs") ? true : null);
            browser.assertOneLanguage("en", "items in English");
            assertEquals(whereUsed.stream().map(r -> (String) r.get("parentCode")).toList(), parentsShown(browser));

            browser.click("#menu-orders");
            browser.waitFor("#tab-production");
            browser.assertOneLanguage("en", "orders in English");
            browser.choose("#language", "zh-CN");
            browser.waitUntil(d -> d.findElement(By.cssSelector("#tab-sales")).getText().equals("销售订单") ? true : null);
            browser.assertOneLanguage("zh-CN", "orders");
            browser.click("#tab-production");
            browser.waitFor("#order-status");
            browser.screenshot("03-orders");

            browser.click("#menu-mrp");
            browser.click("#start-run");
            browser.waitFor("#planned-table tbody tr");
            long runId = ((Number) md.planner().get("/api/mrp/runs/current").then().statusCode(200).extract()
                    .path("id")).longValue();
            assertEquals("已完成", browser.text("tr[data-run='" + runId + "'] .run-status"));
            List<Map<String, Object>> planned = md.planner().queryParam("size", 1000)
                    .get("/api/mrp/runs/" + runId + "/planned-orders").then().statusCode(200).extract().path("items");
            Set<String> ours = Set.of(topCode, md.code("UI-SUB"), md.code("UI-RAW"), md.code("UI-BOLT"));
            assertEquals(ours, planned.stream().map(p -> (String) p.get("itemCode")).filter(ours::contains)
                    .collect(Collectors.toSet()), "MRP plans the safety stock of the top item and its components");
            browser.assertOneLanguage("zh-CN", "MRP");
            browser.screenshot("04-mrp");

            browser.choose("#planned-filters select[name=type]", "PURCHASE");
            browser.click("#planned-filters button[type=submit]");
            // a planner's table starts with the column to tick planned orders for a bulk conversion
            browser.waitUntil(d -> d.findElements(By.cssSelector("#planned-table tbody tr td:nth-child(4)")).stream()
                    .allMatch(td -> td.getText().equals("采购")) ? true : null);
            long purchases = planned.stream().filter(p -> "PURCHASE".equals(p.get("type"))).count();
            assertEquals(Math.min(purchases, 20), browser.all("#planned-table tbody tr").size());
            browser.choose("#language", "en");
            browser.waitUntil(d -> d.findElement(By.cssSelector("nav a.active")).getText().equals("MRP") ? true : null);
            browser.assertOneLanguage("en", "MRP in English");
        }
    }

    @Test
    void anExpertSwitchesBetweenTheEnterprisesAssignedToThemAndAnEnglishBrowserGetsEnglish() {
        try (Browser browser = Browser.open("en-US")) {
            browser.get(base.toString());
            assertEquals("Sign in", browser.text(".login h2"));
            browser.type("#username", "expert");
            browser.type("#password", Api.DEMO_PASSWORD);
            browser.click("#sign-in");
            browser.waitFor("#enterprise");
            List<String> choices = browser.all("#enterprise option").stream().map(o -> o.getAttribute("value")).toList();
            assertEquals(List.of("demo", "demo2"), choices);
            String demoName = Api.as("expert").header("PilotLine-Enterprise", "demo").get("/api/me").then()
                    .statusCode(200).extract().path("enterpriseName");
            String demo2Name = Api.as("expert").header("PilotLine-Enterprise", "demo2").get("/api/me").then()
                    .statusCode(200).extract().path("enterpriseName");
            browser.waitUntil(d -> d.findElement(By.cssSelector(".home")).getText().contains(demoName) ? true : null);
            browser.choose("#enterprise", "demo2");
            browser.waitUntil(d -> d.findElement(By.cssSelector(".home")).getText().contains(demo2Name) ? true : null);
            browser.assertOneLanguage("en", "the expert's home");
            assertTrue(browser.all("#start-run").isEmpty());
            browser.click("#sign-out");
            browser.waitFor("#username");
            // The session cookie is gone: a reload asks for the login again.
            browser.get(base.toString());
            browser.waitFor("#username");
        }
    }

    private static void assertBomTableIsTheExplosion(Browser browser, MasterData md, long item, LocalDate date) {
        List<Map<String, Object>> explosion = md.planner().queryParam("date", date.toString()).queryParam("quantity", 1)
                .get("/api/items/" + item + "/explosion").then().statusCode(200).extract().jsonPath().getList("$");
        List<WebElement> rows = browser.all("#bom-table tbody tr");
        assertEquals(explosion.size(), rows.size(), "one table row per explosion row");
        assertEquals(3, explosion.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> expected = explosion.get(i);
            WebElement row = rows.get(i);
            assertEquals(expected.get("path"), row.getAttribute("data-path"));
            assertEquals(String.valueOf(expected.get("level")), row.findElement(By.cssSelector("td:nth-child(1)")).getText());
            assertEquals(expected.get("code"), row.findElement(By.cssSelector(".code")).getText());
            BigDecimal shown = new BigDecimal(row.findElement(By.cssSelector(".extended")).getText().replace(",", ""));
            assertEquals(0, new BigDecimal(String.valueOf(expected.get("extendedQuantity"))).compareTo(shown),
                    "extended quantity of " + expected.get("code"));
        }
    }

    private static List<String> parentsShown(Browser browser) {
        return browser.all("#where-used-table tbody tr td:nth-child(2)").stream().map(WebElement::getText).toList();
    }
}
