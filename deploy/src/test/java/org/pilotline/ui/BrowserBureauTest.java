package org.pilotline.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.pilotline.kpi.WorkCenterPlant;
import org.pilotline.testing.Api;

import java.math.BigDecimal;
import java.net.URL;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
    /** Rows of the comparison a page (bureau.js). */
    private static final int PAGE_SIZE = 20;

    @TestHTTPResource("/")
    URL base;

    @Test
    void theBureauComparesTheEnterprisesSwitchesTheMonthAndDownloadsTheWorkbookInBothLanguages() {
        YearMonth last = YearMonth.now(PLANT).minusMonths(1);
        try (Browser browser = Browser.open("zh-CN")) {
            browser.signIn(base.toString(), "bureau", Api.DEMO_PASSWORD);
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

    /**
     * With an enterprise of its own (an industry of its own, history in two of its three work centers last month): the
     * comparison sorted by the chosen KPI both ways is the API's order page by page, the manufacturing-type filter
     * shows the API's enterprises of that type, the industry filter the one enterprise; its work centers' page shows
     * each work center's KPIs and hours as the bureau API gives them, sorts by a time element and leads back to the
     * filtered comparison; in Chinese and in English.
     */
    @Test
    void theBureauSortsFiltersAndDrillsDownToAnEnterprisesWorkCentersInBothLanguages() {
        YearMonth last = YearMonth.now(PLANT).minusMonths(1);
        String industry = "wc-" + UUID.randomUUID().toString().substring(0, 8);
        WorkCenterPlant plant = WorkCenterPlant.create("PROCESS", industry, last.atDay(5));
        JsonPath centers = exact(Api.as("bureau").queryParam("month", last.toString())
                .get("/api/kpi/bureau/enterprises/" + plant.code() + "/work-centers").then().statusCode(200).extract()
                .asString());
        try (Browser browser = Browser.open("zh-CN")) {
            browser.signIn(base.toString(), "bureau", Api.DEMO_PASSWORD);
            browser.click("#menu-bureau");
            browser.waitFor("#bureau-table tbody tr");
            browser.click("#bureau-prev");
            awaitMonth(browser, last);

            JsonPath comparison = comparison(last);
            List<String> oee = new ArrayList<>();
            for (String code : comparison.<String>getList("enterprises.code")) {
                Object v = comparison.get("enterprises.find { it.code == '" + code + "' }.kpis.find { it.code == 'OEE' }.value");
                oee.add(v == null ? null : v.toString());
            }
            // the chosen KPI (OEE): first click the best first, then the other way; no value last both ways
            browser.click("#bureau-table th[data-sort='kpi']");
            assertColumnIs(browser, 4, sortedShown(oee, true), 0);
            if (oee.size() > PAGE_SIZE) {
                browser.click("#bureau-page-next");
                assertColumnIs(browser, 4, sortedShown(oee, true), 1);
                assertEquals("2", browser.waitFor("#bureau-page").getAttribute("data-page"));
            }
            browser.click("#bureau-table th[data-sort='kpi']");
            assertEquals("ascending", browser.waitFor("#bureau-table th[data-sort='kpi']").getAttribute("aria-sort"));
            assertColumnIs(browser, 4, sortedShown(oee, false), 0);

            // the manufacturing type, then the industry of the test's enterprise
            browser.choose("#bureau-type", "PROCESS");
            List<String> process = comparison.getList("enterprises.findAll { it.manufacturingType == 'PROCESS' }.code");
            browser.waitUntil(d -> String.valueOf(process.size()).equals(d.findElement(By.id("bureau-page"))
                    .getAttribute("data-total")) ? true : null);
            assertTrue(browser.all("#bureau-table tbody tr").stream().allMatch(r -> r.findElements(By.tagName("td"))
                    .get(3).getText().equals("流程型")), "only process enterprises");
            browser.choose("#bureau-industry", industry);
            browser.waitUntil(d -> d.findElements(By.cssSelector("#bureau-table tbody tr")).size() == 1 ? true : null);
            assertEquals(plant.code(), browser.waitFor("#bureau-table tbody tr").getAttribute("data-code"));
            browser.assertOneLanguage("zh-CN", "the comparison filtered and sorted");

            browser.click("#bureau-table button[data-drill='" + plant.code() + "']");
            assertWorkCentersAreTheApis(browser, plant, centers);
            browser.waitFor("#wc-chart canvas");
            assertTrue(browser.text("#wc-period").contains("Asia/Shanghai"), browser.text("#wc-period"));
            browser.assertOneLanguage("zh-CN", "an enterprise's work centers");
            browser.screenshot("bureau-work-centers-zh-CN");
            // by actual production time, the most first: A (2 h) before B; C, without figures, last
            browser.click("#wc-table th[data-sort='t:APT']");
            browser.waitUntil(d -> plant.code("CELL-A").equals(d.findElements(By.cssSelector("#wc-table tbody tr"))
                    .get(0).getAttribute("data-code")) ? true : null);
            List<WebElement> rows = browser.all("#wc-table tbody tr");
            assertEquals(plant.code("CELL-C"), rows.get(rows.size() - 1).getAttribute("data-code"));

            browser.click("#wc-back");
            browser.waitFor("#bureau-table tbody tr");
            assertEquals(1, browser.all("#bureau-table tbody tr").size(), "the filters are kept");

            // the programme's tab: each cohort enterprise's aggregates of the year as the overview API gives them
            browser.click("#bureau-tab-programme");
            assertProgrammeIsTheApis(browser);
            browser.assertOneLanguage("zh-CN", "the programme's overview");
            browser.click("#bureau-tab-kpi");
            browser.waitFor("#bureau-table tbody tr");

            browser.choose("#language", "en");
            browser.waitUntil(d -> d.findElement(By.cssSelector("h2")).getText().startsWith("The programme's") ? true : null);
            browser.assertOneLanguage("en", "the comparison filtered in English");
            browser.click("#bureau-table button[data-drill='" + plant.code() + "']");
            assertWorkCentersAreTheApis(browser, plant, centers);
            browser.waitFor("#wc-chart canvas");
            browser.assertOneLanguage("en", "an enterprise's work centers in English");
            browser.screenshot("bureau-work-centers-en");
            browser.click("#wc-back");
            browser.waitFor("#bureau-table tbody tr");
            browser.click("#bureau-tab-programme");
            assertProgrammeIsTheApis(browser);
            browser.assertOneLanguage("en", "the programme's overview in English");
        }
    }

    /** The work centers' rows (by code) with the OEE and the APT hours each shows as the bureau API gives them. */
    private static void assertWorkCentersAreTheApis(Browser browser, WorkCenterPlant plant, JsonPath centers) {
        List<String> codes = centers.<String>getList("workCenters.code").stream().sorted().toList();
        assertEquals(3, codes.size());
        Map<String, List<String>> expected = new HashMap<>();
        for (String code : codes) {
            String wc = "workCenters.find { it.code == '" + code + "' }";
            if (Boolean.TRUE.equals(centers.get(wc + ".figures"))) {
                Object apt = centers.get(wc + ".timeElements.find { it.code == 'APT' }.seconds");
                expected.put(code, List.of(shown(centers.get(wc + ".kpis.find { it.code == 'OEE' }.value")),
                        new BigDecimal(apt.toString()).divide(BigDecimal.valueOf(3600), 1, java.math.RoundingMode.HALF_UP)
                                .toPlainString()));
            } else {
                expected.put(code, List.of());
            }
        }
        assertEquals("2.0", expected.get(plant.code("CELL-A")).get(1), "A's machine executed two hours");
        Map<String, List<String>> shown = browser.waitUntil(d -> {
            Map<String, List<String>> rows = new HashMap<>();
            List<String> order = new ArrayList<>();
            for (WebElement row : d.findElements(By.cssSelector("#wc-table tbody tr"))) {
                order.add(row.getAttribute("data-code"));
                List<WebElement> oee = row.findElements(By.cssSelector("td[data-kpi='OEE']"));
                List<WebElement> apt = row.findElements(By.cssSelector("td[data-time='APT']"));
                rows.put(row.getAttribute("data-code"), oee.isEmpty() ? List.of()
                        : List.of(oee.get(0).getText(), apt.get(0).getText()));
            }
            return order.equals(codes) && rows.equals(expected) ? rows : null;
        });
        assertEquals(expected, shown);
    }

    /** The overview's rows: the API's cohort enterprises of this year, each with its visits and open follow-ups. */
    private static void assertProgrammeIsTheApis(Browser browser) {
        int year = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();
        JsonPath overview = exact(Api.as("bureau").queryParam("year", year).get("/api/programme/overview").then()
                .statusCode(200).extract().asString());
        Map<String, List<String>> expected = new HashMap<>();
        for (String code : overview.<String>getList("enterprises.enterprise")) {
            String row = "enterprises.find { it.enterprise == '" + code + "' }";
            expected.put(code, List.of(overview.get(row + ".visits").toString(),
                    overview.get(row + ".openFollowUps").toString()));
        }
        if (expected.isEmpty()) {
            browser.waitFor("#programme-none");
            return;
        }
        Map<String, List<String>> shown = browser.waitUntil(d -> {
            Map<String, List<String>> rows = new HashMap<>();
            for (WebElement row : d.findElements(By.cssSelector("#programme-table tbody tr"))) {
                List<WebElement> cells = row.findElements(By.tagName("td"));
                rows.put(row.getAttribute("data-code"), List.of(cells.get(6).getText(), cells.get(7).getText()));
            }
            return rows.equals(expected) ? rows : null;
        });
        assertEquals(expected, shown);
    }

    private static JsonPath comparison(YearMonth month) {
        String from = month.atDay(1).atStartOfDay(PLANT).toInstant().toString();
        String to = month.plusMonths(1).atDay(1).atStartOfDay(PLANT).toInstant().toString();
        return exact(Api.as("bureau").queryParam("from", from).queryParam("to", to)
                .get("/api/kpi/bureau/enterprises").then().statusCode(200).extract().asString());
    }

    /** Values as the page shows them, sorted the highest first (or the lowest), none last. */
    private static List<String> sortedShown(List<String> values, boolean descending) {
        Comparator<BigDecimal> order = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        List<String> sorted = new ArrayList<>(values.stream().filter(v -> v != null).map(BigDecimal::new).sorted(order)
                .map(BrowserBureauTest::shown).toList());
        values.stream().filter(v -> v == null).forEach(v -> sorted.add(shown(null)));
        return sorted;
    }

    /** Column {@code cell} of the table's page {@code page} (0 first) shows these values of all pages. */
    private static void assertColumnIs(Browser browser, int cell, List<String> all, int page) {
        List<String> wanted = all.subList(Math.min(all.size(), page * PAGE_SIZE), Math.min(all.size(), (page + 1) * PAGE_SIZE));
        List<String> shown = browser.waitUntil(d -> {
            List<String> column = d.findElements(By.cssSelector("#bureau-table tbody tr")).stream()
                    .map(r -> r.findElements(By.tagName("td")).get(cell).getText()).toList();
            return column.equals(wanted) ? column : null;
        });
        assertEquals(wanted, shown);
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
        // a page of the table (sorted by code, as the API lists them), and the pager counting all
        List<String> firstPage = comparison.<String>getList("enterprises.code").stream().sorted()
                .limit(PAGE_SIZE).toList();
        Map<String, List<String>> wanted = new HashMap<>();
        firstPage.forEach(code -> wanted.put(code, expected.get(code)));
        Map<String, List<String>> shown = browser.waitUntil(d -> {
            Map<String, List<String>> rows = new HashMap<>();
            for (WebElement row : d.findElements(By.cssSelector("#bureau-table tbody tr"))) {
                List<WebElement> cells = row.findElements(By.tagName("td"));
                rows.put(row.getAttribute("data-code"), List.of(cells.get(4).getText(), cells.get(5).getText(),
                        cells.get(6).getText()));
            }
            return rows.equals(wanted) ? rows : null;
        });
        assertEquals(wanted, shown);
        assertEquals(String.valueOf(expected.size()), browser.waitFor("#bureau-page").getAttribute("data-total"));
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
