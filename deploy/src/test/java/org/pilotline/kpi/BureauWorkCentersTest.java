package org.pilotline.kpi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.Api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.pilotline.kpi.KpiAnswers.assertDecimal;
import static org.pilotline.kpi.KpiAnswers.json;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The bureau's drill-down from an enterprise to its work centers ({@code /api/kpi/bureau/enterprises/{code}/work-centers}):
 * each work center's month roll-up, equal to what the enterprise itself reads from {@code /api/kpi/work-centers/{id}}
 * for the same month, and nothing below the work center. One enterprise ({@link WorkCenterPlant}) with history on the
 * fifth of the month before last.
 */
@QuarkusTest
class BureauWorkCentersTest {

    private static final ZoneId PLANT = ZoneId.of("Asia/Shanghai");
    private static final YearMonth MONTH = YearMonth.now(PLANT).minusMonths(2);
    private static final LocalDate DAY = MONTH.atDay(5);

    private static WorkCenterPlant plant;

    private static synchronized void onePlant() {
        if (plant == null) {
            plant = WorkCenterPlant.create("PROCESS", "drill-" + UUID.randomUUID().toString().substring(0, 8), DAY);
        }
    }

    @Test
    void theBureauSeesEachWorkCentersMonthAsTheEnterpriseComputesItAndNothingBelowIt() {
        onePlant();
        Response answer = Api.as("bureau").queryParam("month", MONTH.toString())
                .get("/api/kpi/bureau/enterprises/" + plant.code() + "/work-centers");
        JsonPath bureau = json(answer);
        assertEquals(plant.code(), bureau.get("code"));
        assertEquals(MONTH.toString(), bureau.get("month"));
        assertEquals("Asia/Shanghai", bureau.get("zone"));
        Instant from = MONTH.atDay(1).atStartOfDay(PLANT).toInstant();
        Instant to = MONTH.plusMonths(1).atDay(1).atStartOfDay(PLANT).toInstant();
        assertEquals(from, Instant.parse(bureau.get("from")));
        assertEquals(to, Instant.parse(bureau.get("to")));
        assertEquals(true, bureau.get("complete"));
        assertEquals(true, bureau.get("current"));

        // every work center the enterprise has, by code, and no other enterprise's
        List<String> own = plant.plant.enterprise.as("manager").queryParam("size", 100).get("/api/work-centers").then()
                .statusCode(200).extract().path("items.code");
        assertEquals(own.stream().sorted().toList(), bureau.getList("workCenters.code"));
        assertEquals(Set.copyOf(plant.centers.keySet()), Set.copyOf(bureau.getList("workCenters.code")));

        // hand-computed figures, so that equal-to-the-enterprise's cannot pass on two empty answers
        String a = "workCenters.find { it.code == '" + plant.code("CELL-A") + "' }";
        String b = "workCenters.find { it.code == '" + plant.code("CELL-B") + "' }";
        String c = "workCenters.find { it.code == '" + plant.code("CELL-C") + "' }";
        assertDecimal("7200", bureau.get(a + ".timeElements.find { it.code == 'APT' }.seconds"));
        assertDecimal("40", bureau.get(a + ".quantities.good"));
        assertDecimal("2", bureau.get(a + ".quantities.scrap"));
        assertEquals(1, bureau.<Integer>get(a + ".workUnits"));
        assertEquals(1, bureau.<Integer>get(b + ".failures"));
        assertDecimal("1800", String.valueOf(bureau.<Object>get(b + ".repairSeconds")));
        assertEquals(false, bureau.get(c + ".figures"));
        assertEquals(0, bureau.<Integer>get(c + ".workUnits"));

        assertMatchesTheEnterprise(bureau, from, to);

        // aggregates only: no work unit, machine, interval, report, operator or order
        assertEquals(Set.of("code", "name", "areaCode", "areaName", "workUnits", "figures", "timeElements",
                "quantities", "aoetSeconds", "failures", "repairSeconds", "operationsFinished", "operationsOnTime",
                "kpis", "computedAt"), bureau.<Map<String, Object>>get("workCenters[0]").keySet());
        String text = answer.asString();
        for (String raw : List.of(plant.code("A-1"), plant.code("B-1"), plant.machines.get("A"),
                plant.machines.get("B"), plant.code() + "-operator")) {
            assertFalse(text.contains(raw), "the answer names " + raw);
        }
    }

    @Test
    void aPeriodGivenByInstantsOrPlantDatesIsWhatTheEnterpriseComputesForIt() {
        onePlant();
        String path = "/api/kpi/bureau/enterprises/" + plant.code() + "/work-centers";
        // 09:15 to the next day: a sub-hour edge, hours, no whole month; A's run 09:15-10:00 (2700 s) counts, B's
        // failure 10:00-10:30 lies inside
        Instant from = DAY.atTime(9, 15).atZone(PLANT).toInstant();
        Instant to = DAY.plusDays(1).atStartOfDay(PLANT).toInstant();
        for (Map<String, String> period : List.of(Map.of("from", from.toString(), "to", to.toString()),
                Map.of("from", DAY + "T09:15:00+08:00", "to", DAY.plusDays(1).toString()))) {
            JsonPath bureau = json(Api.as("bureau").queryParams(period).get(path));
            assertEquals(from, Instant.parse(bureau.get("from")), period.toString());
            assertEquals(to, Instant.parse(bureau.get("to")));
            assertNull(bureau.get("month"));
            assertEquals(true, bureau.get("complete"));
            String a = "workCenters.find { it.code == '" + plant.code("CELL-A") + "' }";
            String b = "workCenters.find { it.code == '" + plant.code("CELL-B") + "' }";
            assertDecimal("2700", bureau.get(a + ".timeElements.find { it.code == 'APT' }.seconds"));
            assertEquals(1, bureau.<Integer>get(b + ".failures"));
            assertEquals(false, bureau.get("workCenters.find { it.code == '" + plant.code("CELL-C") + "' }.figures"));
            assertMatchesTheEnterprise(bureau, from, to);
        }
        // whole plant days given as dates: the day and the three around it, from the day roll-ups
        Instant dayBefore = DAY.minusDays(1).atStartOfDay(PLANT).toInstant();
        Instant twoAfter = DAY.plusDays(2).atStartOfDay(PLANT).toInstant();
        JsonPath days = json(Api.as("bureau").queryParams(Map.of("from", DAY.minusDays(1).toString(), "to",
                DAY.plusDays(2).toString())).get(path));
        assertEquals(dayBefore, Instant.parse(days.get("from")));
        assertEquals(twoAfter, Instant.parse(days.get("to")));
        assertDecimal("7200", days.get("workCenters.find { it.code == '" + plant.code("CELL-A")
                + "' }.timeElements.find { it.code == 'APT' }.seconds"));
        assertMatchesTheEnterprise(days, dayBefore, twoAfter);
        // the whole month as dates is the month's answer
        JsonPath month = json(Api.as("bureau").queryParams(Map.of("from", MONTH.atDay(1).toString(), "to",
                MONTH.plusMonths(1).atDay(1).toString())).get(path));
        assertEquals(MONTH.toString(), month.get("month"));

        // refused naming the field
        Map<Map<String, String>, String> bad = new LinkedHashMap<>();
        bad.put(Map.of("from", "yesterday", "to", DAY.toString()), "from");
        bad.put(Map.of("from", DAY.toString(), "to", "2026-02-30"), "to");
        bad.put(Map.of("from", DAY.toString()), "to");
        bad.put(Map.of("to", DAY.toString()), "from");
        bad.put(Map.of("from", DAY.toString(), "to", DAY.minusDays(1).toString()), "to");
        bad.put(Map.of("from", DAY.toString(), "to", DAY.toString()), "to");
        bad.put(Map.of("from", DAY.toString(), "to", DAY.plusDays(40).toString()), "to");
        bad.put(Map.of("month", MONTH.toString(), "from", DAY.toString(), "to", DAY.plusDays(1).toString()), "month");
        bad.forEach((query, field) -> Api.as("bureau").queryParams(query).get(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is(field)));
        // and refused to anyone but the bureau, as the month is
        plant.plant.enterprise.as("manager").queryParams(Map.of("from", DAY.toString(), "to",
                DAY.plusDays(1).toString())).get(path).then().statusCode(403);
        Api.as("bureau").queryParams(Map.of("from", DAY.toString(), "to", DAY.plusDays(1).toString()))
                .get("/api/kpi/bureau/enterprises/nobody/work-centers").then().statusCode(404);
    }

    /** Each work center with figures equals the enterprise's own {@code /api/kpi/work-centers/{id}} for [from, to). */
    private static void assertMatchesTheEnterprise(JsonPath bureau, Instant from, Instant to) {
        for (String code : List.of(plant.code("CELL-A"), plant.code("CELL-B"))) {
            JsonPath mine = json(plant.plant.enterprise.as("manager").queryParams(Map.of("from", from.toString(), "to",
                    to.toString())).get("/api/kpi/work-centers/" + plant.centers.get(code)));
            String wc = "workCenters.find { it.code == '" + code + "' }";
            assertEquals(true, bureau.get(wc + ".figures"));
            assertEquals(byCode(mine.getList("timeElements"), "seconds"), byCode(bureau.getList(wc + ".timeElements"),
                    "seconds"), code + "'s time elements from " + from + " to " + to);
            assertEquals(byCode(mine.getList("kpis"), "value"), byCode(bureau.getList(wc + ".kpis"), "value"),
                    code + "'s KPIs");
            for (String q : List.of("produced", "good", "scrap", "rework", "plannedRunSeconds")) {
                assertDecimal(mine.get("quantities." + q).toString(), bureau.get(wc + ".quantities." + q));
            }
            assertEquals(mine.<Object>get("quantities.unit"), bureau.get(wc + ".quantities.unit"));
            assertEquals(mine.<Integer>get("failures"), bureau.<Integer>get(wc + ".failures"));
            assertDecimal(mine.get("repairSeconds").toString(), bureau.get(wc + ".repairSeconds"));
            assertDecimal(mine.get("aoetSeconds").toString(), bureau.get(wc + ".aoetSeconds"));
        }
    }

    @Test
    void everyoneButTheBureauIsRefusedAndAnEnterpriseOutsideTheBureausScopeIsNotFound() {
        onePlant();
        String path = "/api/kpi/bureau/enterprises/" + plant.code() + "/work-centers";
        for (String role : List.of("admin", "manager", "planner", "quality", "operator")) {
            plant.plant.enterprise.as(role).queryParam("month", MONTH.toString()).get(path).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        for (String user : List.of("admin", "expert", "demo-planner")) { // the platform administrator, an expert
            Api.as(user).queryParam("month", MONTH.toString()).get(path).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        Api.anonymous().queryParam("month", MONTH.toString()).get(path).then().statusCode(401);
        // no enterprise has the code; the tenant ids that are no enterprise ('-' matches nothing, '*' everything
        // to the system's own reads) are not enterprises the bureau may name either
        for (String code : List.of("nobody", "-", "*")) {
            Api.as("bureau").queryParam("month", MONTH.toString())
                    .get("/api/kpi/bureau/enterprises/{code}/work-centers", code).then().statusCode(404)
                    .contentType("application/problem+json").body("type", is("https://pilotline.org/problems/not-found"));
        }
        for (String month : List.of("March", "2026-13", "")) {
            Api.as("bureau").queryParam("month", month).get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", is("month"));
        }
        Api.as("bureau").get(path).then().statusCode(400).body("errors[0].field", is("month"));
    }

    // ---- helpers ----

    private static Map<String, BigDecimal> byCode(List<Map<String, Object>> values, String field) {
        Map<String, BigDecimal> byCode = new HashMap<>();
        values.forEach(v -> byCode.put((String) v.get("code"), v.get(field) == null ? null
                : new BigDecimal(v.get(field).toString()).stripTrailingZeros()));
        return byCode;
    }

}
