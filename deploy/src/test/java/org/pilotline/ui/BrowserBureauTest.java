package org.pilotline.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.pilotline.testing.Api;

import java.math.BigDecimal;
import java.net.URL;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bureau's journey in a real Chromium, in Chinese and in English: sign in as the bureau, the menu of its role, every
 * enterprise's KPIs side by side as the bureau API compares them, with the peer percentiles the API ranks; switch to
 * the last month, file it, see its snapshots and download its workbook (the page's own request answered 200 with the
 * workbook's content type).
 */
@QuarkusTest
class BrowserBureauTest {

    private static final ZoneId PLANT = ZoneId.of("Asia/Shanghai");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @TestHTTPResource("/")
    URL base;

    @Test
    void theBureauComparesTheEnterprisesSwitchesTheMonthAndDownloadsTheWorkbookInBothLanguages() {
        YearMonth last = YearMonth.now(PLANT).minusMonths(1);
        try (Browser browser = Browser.open("zh-CN")) {
            browser.get(base.toString());
            browser.type("#username", "bureau");
            browser.type("#password", Api.DEMO_PASSWORD);
            browser.click("#sign-in");
            browser.waitFor("#menu-bureau");
            assertEquals(List.of("首页", "指标看板", "试点企业"),
                    browser.all("nav a").stream().map(WebElement::getText).toList(), "the bureau's menu");
            browser.click("#menu-bureau");
            browser.waitFor("#bureau-table tbody tr");
            browser.waitFor("#bureau-chart canvas");
            assertEquals(YearMonth.now(PLANT).toString(), browser.waitFor("#bureau-month").getAttribute("value"));
            browser.assertOneLanguage("zh-CN", "the bureau's dashboard");

            // the last month: its figures no longer change, so the page and the API must agree on each of them
            browser.click("#bureau-prev");
            awaitMonth(browser, last);
            assertTableIsTheApis(browser, last);
            browser.waitFor("#bureau-trend canvas");
            String second = browser.all("#bureau-table tbody tr").size() > 1
                    ? browser.all("#bureau-table tbody tr").get(1).getAttribute("data-code") : null;
            if (second != null) {
                browser.click("#bureau-table tbody tr[data-code='" + second + "']");
                browser.waitFor("#bureau-table tbody tr.selected[data-code='" + second + "']");
                assertTrue(browser.text("h3").contains(second), browser.text("h3"));
            }

            browser.click("#file-month");
            browser.waitFor("#filed-result");
            // the month's snapshots as the API reports them (an enterprise without a roll-up of the month has none)
            List<String> filed = Api.as("bureau").get("/api/kpi/bureau/snapshots/" + last).then().statusCode(200)
                    .extract().path("enterprises.code");
            if (filed.isEmpty()) {
                browser.waitFor("#no-snapshots");
            } else {
                browser.waitFor("#snapshot-table tbody tr");
                assertEquals(filed, browser.all("#snapshot-table tbody tr").stream().map(r -> r.getAttribute("data-code"))
                        .toList());
            }
            downloadsTheWorkbook(browser, "表格文件已下载");
            browser.assertOneLanguage("zh-CN", "the bureau's dashboard of the last month");

            browser.choose("#language", "en");
            browser.waitUntil(d -> d.findElement(By.cssSelector("h2")).getText().startsWith("The programme's") ? true : null);
            browser.assertOneLanguage("en", "the bureau's dashboard in English");
            downloadsTheWorkbook(browser, "Workbook downloaded");
            browser.choose("#bureau-kpi", "AVAILABILITY");
            assertTableIsTheApis(browser, last);
            browser.click("#bureau-next");
            awaitMonth(browser, YearMonth.now(PLANT));
            browser.waitFor("#bureau-table tbody tr");
            browser.assertOneLanguage("en", "the bureau's dashboard of this month in English");
        }
    }

    private static void awaitMonth(Browser browser, YearMonth month) {
        browser.waitUntil(d -> month.toString().equals(d.findElement(By.id("bureau-month")).getAttribute("value"))
                && d.findElements(By.id("bureau-loading")).isEmpty()
                && !d.findElements(By.cssSelector("#bureau-table tbody tr")).isEmpty() ? true : null);
    }

    /** Each enterprise's row: the chosen KPI's value as the comparison gives it, and its percentiles as the peers rank. */
    private static void assertTableIsTheApis(Browser browser, YearMonth month) {
        String kpi = (String) browser.script("return document.querySelector('#bureau-kpi').value;");
        ZoneId zone = PLANT;
        String from = month.atDay(1).atStartOfDay(zone).toInstant().toString();
        String to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().toString();
        JsonPath comparison = exact(Api.as("bureau").queryParam("from", from).queryParam("to", to)
                .get("/api/kpi/bureau/enterprises").then().statusCode(200).extract().asString());
        JsonPath peers = exact(Api.as("bureau").queryParam("month", month.toString()).get("/api/kpi/bureau/peers")
                .then().statusCode(200).extract().asString());
        Map<String, List<String>> expected = new HashMap<>();
        for (String code : comparison.<String>getList("enterprises.code")) {
            String where = "enterprises.find { it.code == '" + code + "' }";
            expected.put(code, List.of(shown(comparison.get(where + ".kpis.find { it.code == '" + kpi + "' }.value")),
                    shown(peers.get(where + ".kpis.find { it.code == '" + kpi + "' }.industryPercentile")),
                    shown(peers.get(where + ".kpis.find { it.code == '" + kpi + "' }.typePercentile"))));
        }
        Map<String, List<String>> shown = browser.waitUntil(d -> {
            Map<String, List<String>> rows = new HashMap<>();
            for (WebElement row : d.findElements(By.cssSelector("#bureau-table tbody tr"))) {
                List<WebElement> cells = row.findElements(By.tagName("td"));
                rows.put(row.getAttribute("data-code"), List.of(cells.get(4).getText(), cells.get(5).getText(),
                        cells.get(6).getText()));
            }
            return rows.equals(expected) ? rows : null;
        });
        assertEquals(expected, shown);
    }

    private static void downloadsTheWorkbook(Browser browser, String message) {
        browser.click("#workbook");
        WebElement result = browser.waitUntil(d -> d.findElements(By.cssSelector("#workbook-result")).stream()
                .filter(r -> r.getText().startsWith(message)).findFirst().orElse(null));
        assertEquals("200", result.getAttribute("data-status"), "the page's request for the workbook");
        assertEquals(XLSX, result.getAttribute("data-type"));
        assertTrue(result.getText().startsWith(message), result.getText());
    }

    private static JsonPath exact(String json) {
        return new JsonPath(json).using(JsonPathConfig.jsonPathConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** A number as the page shows it: plain, grouped by thousands; none as a dash. */
    private static String shown(Object value) {
        if (value == null) {
            return "–";
        }
        String plain = new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        String[] parts = plain.split("\\.");
        String grouped = parts[0].replaceAll("\\B(?=(\\d{3})+(?!\\d))", ",");
        return parts.length > 1 ? grouped + "." + parts[1] : grouped;
    }
}
