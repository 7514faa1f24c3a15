package org.pilotline.kpi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.mes.ShopFloorFixture;
import org.pilotline.plc.simulator.PlcSimulator;
import org.pilotline.testing.Api;
import org.pilotline.testing.TestEnterprise;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;
import static org.pilotline.mes.ShopFloorFixture.report;

/**
 * ISO 22400-2 time elements and KPIs of one hand-computed shift, driven through the real paths: a calendar (08:00–16:00
 * Asia/Shanghai with a break 12:00–12:30), machine events an edge gateway posts to /api/gateway/ingest (with a fault and
 * a data-loss span), and an operator's reports (setup, start, quantities with scrap and rework, a pause, a planned
 * downtime, the reason of the fault, the finish).
 *
 * <pre>
 *   08:00–08:30 idle, no order         ADOT 1800      12:00–12:30 break               PDOT 1800
 *   08:30–08:50 setup                  ASUT 1200      12:30–13:00 producing           APT  1800
 *   08:50–10:00 producing              APT  4200      13:00–13:30 planned downtime    PDOT 1800
 *   10:00–10:20 fault (DOWN-JAM)       ADET 1200      13:30–14:00 producing           APT  1800
 *   10:20–11:00 producing              APT  2400      14:00–14:10 paused              ADET  600
 *   11:00–11:15 data loss              UNKNOWN 900    14:10–15:00 producing           APT  3000
 *   11:15–12:00 producing              APT  2700      15:00–16:00 finished, idle      ADOT 3600
 *   POT 28800, PDOT 3600, PBT 25200 = APT 15900 + ASUT 1200 + ADET 1800 + ADOT 5400 + UNKNOWN 900
 *   PQ 100 = GQ 90 + SQ 5 + RQ 5 at 2 min a piece (PRI × PQ = 12000 s); the work order ran 08:30–15:00 (AOET 23400)
 * </pre>
 */
@QuarkusTest
class KpiTest {

    private static final ZoneId PLANT = ZoneId.of("Asia/Shanghai");
    /** Two days ago in the plant: every report and event lies in the past. */
    private static final LocalDate DAY = LocalDate.now(PLANT).minusDays(2);
    private static final JsonPathConfig DECIMALS = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private static ShopFloorFixture plant;
    private static long workCenter;
    private static long unit;
    private static long binding;
    private static String machine;

    @BeforeEach
    void aShift() {
        if (plant != null) {
            return;
        }
        plant = new ShopFloorFixture();
        plant.reason(null, "DOWN-PM", "DOWNTIME", true);
        long calendar = ((Number) plant.data.planner().body(Map.of("code", plant.data.code("CAL"), "name", "one shift",
                "timeZone", PLANT.getId(), "shifts", everyDay())).post("/api/calendars").then().statusCode(201)
                .extract().path("id")).longValue();
        workCenter = plant.data.workCenter("LATHE", "60", calendar);
        plant.enterprise.as("admin").body(Map.of("stagingLocationId", plant.staging, "receiptLocationId",
                plant.finishedGoods, "countingSource", "TERMINAL")).put("/api/mes/work-centers/" + workCenter + "/settings")
                .then().statusCode(200);
        unit = plant.data.workUnit(workCenter, "LATHE-1");
        machine = "K-" + UUID.randomUUID().toString().substring(0, 8);
        binding = ((Number) plant.enterprise.as("admin").body(Map.of("machineCode", machine, "workUnitId", unit,
                "endpointUrl", "opc.tcp://localhost:1/edge", "securityPolicy", "None", "securityMode", "None",
                "identityKind", "ANONYMOUS", "stateMapping", "MACHINERY", "itemStateNode",
                "nsu=" + PlcSimulator.NAMESPACE_URI + ";s=X/MachineryItemState/CurrentState"))
                .post("/api/gateway/bindings").then().statusCode(201).extract().path("id")).longValue();

        ingest(List.of(
                state(1, "EXECUTING", "NOT_EXECUTING", "NONE", "07:50"),
                state(2, "NOT_EXECUTING", "EXECUTING", "SETUP", "08:30"),
                state(3, "EXECUTING", "EXECUTING", "PROCESSING", "08:50"),
                state(4, "EXECUTING", "OUT_OF_SERVICE", "PROCESSING", "10:00"),
                state(5, "OUT_OF_SERVICE", "EXECUTING", "PROCESSING", "10:20"),
                Map.of("kind", "data-loss", "machine", machine, "sequence", 6, "from", at("11:00").toString(),
                        "to", at("11:15").toString(), "reason", "edge gateway restarted"),
                state(7, "EXECUTING", "NOT_EXECUTING", "PROCESSING", "13:00"),
                state(8, "NOT_EXECUTING", "EXECUTING", "PROCESSING", "13:30"),
                state(9, "EXECUTING", "NOT_EXECUTING", "PROCESSING", "14:00"),
                state(10, "NOT_EXECUTING", "EXECUTING", "PROCESSING", "14:10"),
                state(11, "EXECUTING", "NOT_EXECUTING", "NONE", "15:00")));
        // the history stays; the application's gateway stops trying to reach the test's machine
        plant.enterprise.as("admin").delete("/api/gateway/bindings/" + binding).then().statusCode(204);

        long component = plant.data.bought("BAR", "1");
        plant.receive(component, "1000", plant.staging, null, null);
        long product = plant.product("SHAFT", workCenter, component);
        long operation = id(operations(plant.release(product, "200")).get(0));
        operator(report("SETUP_START", operation), "08:30");
        operator(report("SETUP_END", operation), "08:50");
        operator(quantities(report("QUANTITY", operation), "40", "2", "3"), "11:30");
        Map<String, Object> pause = report("PAUSE", operation);
        pause.put("reasonCode", "PAUSE-BREAK");
        operator(pause, "14:00");
        operator(report("RESUME", operation), "14:10");
        operator(quantities(report("FINISH", operation), "50", "3", "2"), "15:00");

        Map<String, Object> maintenance = downtime("DOWN-PM");
        maintenance.put("workUnitId", unit);
        maintenance.put("from", at("13:00").toString());
        maintenance.put("to", at("13:30").toString());
        plant.enterprise.as("operator").body(maintenance).post("/api/mes/reports").then().statusCode(200);
        Map<String, Object> jam = downtime("DOWN-JAM");
        jam.put("machineIntervalId", faultInterval());
        plant.enterprise.as("operator").body(jam).post("/api/mes/reports").then().statusCode(200);
    }

    @Test
    void theShiftsTimeElementsAreTheHandComputedOnesWithDataLossAsUnknownTime() {
        JsonPath kpis = workUnitKpis(unit);
        Map<String, Object> expected = Map.of("POT", 28800, "PDOT", 3600, "PBT", 25200, "APT", 15900, "ASUT", 1200,
                "ADET", 1800, "ADOT", 5400, "UNKNOWN", 900, "AUPT", 17100, "AUBT", 18900);
        expected.forEach((element, seconds) -> assertDecimal(seconds.toString(),
                kpis.get("timeElements.find { it.code == '" + element + "' }.seconds"), element));
        assertEquals("实际生产时间", kpis.get("timeElements.find { it.code == 'APT' }.nameZh"));
        assertDecimal("100", kpis.get("quantities.produced"));
        assertDecimal("90", kpis.get("quantities.good"));
        assertDecimal("5", kpis.get("quantities.scrap"));
        assertDecimal("5", kpis.get("quantities.rework"));
        assertDecimal("12000", kpis.get("quantities.plannedRunSeconds"));
        assertDecimal("23400", kpis.get("aoetSeconds"));
        assertDecimal("1", kpis.get("failures"));
        assertDecimal("1200", kpis.get("repairSeconds"));
        // the operator's reason annotates the fault's delay; the pause's delay has none
        assertDecimal("1200", kpis.get("delayByReason.find { it.reasonCode == 'DOWN-JAM' }.seconds"));
        assertDecimal("600", kpis.get("delayByReason.find { it.reasonCode == null }.seconds"));
    }

    /**
     * Ten minutes inside the shift: the operation that started at 08:30 and ended at 15:00, its work order and the
     * quantity report of 11:30 are found for a period that neither starts nor ends with them (mes-shopfloor's indexes by
     * time: operations by actual end, work orders by completion, reports by time); and a work order still open.
     */
    @Test
    void aShortPeriodFindsTheOperationWorkOrderAndReportsAroundIt() {
        JsonPath running = workUnitKpis(unit, at("12:30"), at("12:40"));
        assertDecimal("600", running.get("timeElements.find { it.code == 'APT' }.seconds"), "APT");
        assertDecimal("600", running.get("aoetSeconds"), "AOET");
        assertDecimal("0", running.get("quantities.produced"), "PQ");

        JsonPath reported = workUnitKpis(unit, at("11:25"), at("11:35"));
        assertDecimal("600", reported.get("timeElements.find { it.code == 'APT' }.seconds"), "APT");
        assertDecimal("45", reported.get("quantities.produced"), "PQ");
        assertDecimal("40", reported.get("quantities.good"), "GQ");
        assertDecimal("600", reported.get("aoetSeconds"), "AOET");

        // a second work order started the next day at 09:00 and not finished: its span counts up to the period's end
        long component = plant.data.bought("PINBAR", "1");
        long product = plant.product("PIN", workCenter, component);
        long operation = id(operations(plant.release(product, "10")).get(0));
        Instant nextDay = DAY.plusDays(1).atTime(9, 0).atZone(PLANT).toInstant();
        Map<String, Object> start = report("START", operation);
        start.put("occurredAt", nextDay.toString());
        plant.enterprise.as("operator").body(start).post("/api/mes/reports").then().statusCode(200);
        JsonPath open = workUnitKpis(unit, nextDay.plus(Duration.ofHours(1)), nextDay.plus(Duration.ofMinutes(70)));
        assertDecimal("600", open.get("aoetSeconds"), "AOET of the open work order");
        assertDecimal("0", workUnitKpis(unit, nextDay.minus(Duration.ofMinutes(10)), nextDay).get("aoetSeconds"),
                "AOET before it started");
    }

    @Test
    void everyKpiOfTheShiftIsItsFormulaOverTheHandComputedFigures() {
        JsonPath kpis = workUnitKpis(unit);
        Map<String, String> expected = new HashMap<>();
        expected.put("AVAILABILITY", "63.10");          // 15900 / 25200
        expected.put("EFFECTIVENESS", "75.47");         // 12000 / 15900
        expected.put("QUALITY_RATIO", "90.00");         // 90 / 100
        expected.put("OEE", "42.86");                   // 15900/25200 × 12000/15900 × 90/100
        expected.put("NEE", "57.14");                   // 15900/18900 × 12000/15900 × 90/100
        expected.put("TECHNICAL_EFFICIENCY", "89.83");  // 15900 / (15900 + 1800)
        expected.put("UTILIZATION_EFFICIENCY", "84.13"); // 15900 / 18900
        expected.put("ALLOCATION_RATIO", "80.77");      // 18900 / 23400
        expected.put("SETUP_RATE", "7.02");             // 1200 / 17100
        expected.put("THROUGHPUT_RATE", "15.3846");     // 100 pieces / 6.5 h
        expected.put("SCRAP_RATIO", "5.00");
        expected.put("REWORK_RATIO", "5.00");
        expected.put("FIRST_PASS_YIELD", "90.00");      // (100 − 5 − 5) / 100
        expected.put("MTBF", "285.00");                 // 17100 s / 1 failure, in minutes
        expected.put("MTTR", "20.00");                  // 1200 s / 1 failure
        List<String> wrong = new ArrayList<>();
        expected.forEach((code, value) -> {
            Object found = kpis.get("kpis.find { it.code == '" + code + "' }.value");
            BigDecimal actual = found == null ? null : new BigDecimal(found.toString());
            if (actual == null || actual.compareTo(new BigDecimal(value)) != 0) {
                wrong.add(code + " = " + actual + ", expected " + value);
            }
        });
        assertEquals(List.of(), wrong);
        assertEquals("%", kpis.get("kpis.find { it.code == 'OEE' }.unit"));
        assertEquals(kpis.get("quantities.unit") + "/h", kpis.get("kpis.find { it.code == 'THROUGHPUT_RATE' }.unit"));
        assertEquals("min", kpis.get("kpis.find { it.code == 'MTTR' }.unit"));
        // no live schedule placed the operation, and the enterprise has no sales orders: no value, never 0 or 100 %
        assertNull(kpis.get("kpis.find { it.code == 'SCHEDULE_ADHERENCE' }.value"));
        assertNull(kpis.get("kpis.find { it.code == 'ON_TIME_DELIVERY' }.value"));
        // a KPI names its inputs
        assertDecimal("15900", kpis.get("kpis.find { it.code == 'AVAILABILITY' }.inputs.APT"));
        assertDecimal("25200", kpis.get("kpis.find { it.code == 'AVAILABILITY' }.inputs.PBT"));
    }

    @Test
    void theWorkCenterAndTheEnterpriseAddUpTheirWorkUnitsAndListThem() {
        JsonPath center = json(plant.data.planner().queryParams(period()).get("/api/kpi/work-centers/" + workCenter));
        assertEquals("WORK_CENTER", center.get("level"));
        assertEquals(List.of(unit), center.<Number>getList("workUnits.id").stream().map(Number::longValue).toList());
        assertDecimal("42.86", (center.get("kpis.find { it.code == 'OEE' }.value")));
        JsonPath enterprise = json(plant.enterprise.as("manager").queryParams(period()).get("/api/kpi/enterprise"));
        assertEquals("ENTERPRISE", enterprise.get("level"));
        assertEquals(plant.enterprise.code, enterprise.get("code"));
        assertDecimal("15900", enterprise.get("timeElements.find { it.code == 'APT' }.seconds"));
        assertDecimal("63.10", (enterprise.get("kpis.find { it.code == 'AVAILABILITY' }.value")));
        assertDecimal("0", enterprise.get("kpis.find { it.code == 'ON_TIME_DELIVERY' }.inputs.linesDue"));
    }

    @Test
    void eachTimeElementDrillsDownToTheIntervalsReportsAndDataLossBehindIt() {
        JsonPath adet = json(plant.data.planner().queryParams(period()).queryParam("element", "ADET")
                .get("/api/kpi/work-units/" + unit + "/provenance"));
        List<Map<String, Object>> delays = adet.getList("segments");
        assertEquals(2, delays.size());
        Map<String, Object> fault = delays.get(0);
        assertEquals(at("10:00").toString(), fault.get("start"));
        assertEquals(at("10:20").toString(), fault.get("end"));
        assertEquals("OUT_OF_SERVICE", fault.get("machineState"));
        assertEquals("PROCESSING", fault.get("orderState"));
        assertEquals(faultInterval(), ((Number) fault.get("machineIntervalId")).longValue());
        assertEquals(List.of("DOWN-JAM"), fault.get("downtimeReasons"));
        assertNotNull(fault.get("startReportId"), "the SETUP_END report that began the order phase");
        Map<String, Object> paused = delays.get(1);
        assertEquals("PAUSED", paused.get("orderState"));
        assertEquals(at("14:00").toString(), paused.get("start"));

        JsonPath unknown = json(plant.data.planner().queryParams(period()).queryParam("element", "UNKNOWN")
                .get("/api/kpi/work-units/" + unit + "/provenance"));
        assertEquals(1, unknown.getList("segments").size());
        assertNotNull(unknown.get("segments[0].dataLossId"));
        assertDecimal("900", unknown.get("segments[0].seconds"));

        JsonPath all = json(plant.data.planner().queryParams(period()).get("/api/kpi/work-units/" + unit + "/provenance"));
        BigDecimal apt = all.<Map<String, Object>>getList("segments").stream()
                .filter(s -> "APT".equals(s.get("element"))).map(s -> new BigDecimal(s.get("seconds").toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertDecimal("15900", apt, "the APT segments add up to APT");
        assertEquals(2, all.getList("quantityReports").size());
        assertEquals(List.of("QUANTITY", "FINISH"), all.getList("quantityReports.kind"));
        assertEquals(List.of("BREAK", "PLANNED_DOWNTIME"), all.<Map<String, Object>>getList("segments").stream()
                .filter(s -> "PDOT".equals(s.get("element"))).map(s -> s.get("calendar")).toList());
    }

    @Test
    void theBureauGetsDefinitionsButNoRawFiguresAndOtherEnterprisesSeeNothing() {
        Api.as("bureau").get("/api/kpi/definitions").then().statusCode(200)
                .body("code", hasItems("OEE", "NEE", "MTBF", "MTTR", "ON_TIME_DELIVERY", "SCHEDULE_ADHERENCE"))
                .body("find { it.code == 'OEE' }.nameZh", is("设备综合效率"))
                .body("find { it.code == 'SCRAP_RATIO' }.goodDirection", is("LOWER"));
        for (String path : List.of("/api/kpi/work-units/" + unit, "/api/kpi/work-units/" + unit + "/provenance",
                "/api/kpi/work-centers/" + workCenter, "/api/kpi/enterprise")) {
            Api.as("bureau").queryParams(period()).get(path).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        TestEnterprise other = TestEnterprise.create();
        for (String path : List.of("/api/kpi/work-units/" + unit, "/api/kpi/work-units/" + unit + "/provenance",
                "/api/kpi/work-centers/" + workCenter)) {
            other.as("manager").queryParams(period()).get(path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        other.as("manager").queryParams(period()).get("/api/kpi/enterprise").then().statusCode(200)
                .body("workUnits", is(List.of())).body("timeElements.find { it.code == 'APT' }.seconds", is(0));
    }

    @Test
    void theBureauSeesEveryEnterprisesAggregatesSideBySideAndNoWorkUnit() {
        JsonPath comparison = json(Api.as("bureau").queryParams(period()).get("/api/kpi/bureau/enterprises"));
        String mine = "enterprises.find { it.code == '" + plant.enterprise.code + "' }";
        assertDecimal("42.86", (comparison.get(mine + ".kpis.find { it.code == 'OEE' }.value")));
        assertDecimal("15900", comparison.get(mine + ".timeElements.find { it.code == 'APT' }.seconds"));
        assertEquals("DISCRETE", comparison.get(mine + ".manufacturingType"));
        assertNull(comparison.get(mine + ".workUnits"), "aggregates only");
        long enterprises = ((Number) Api.as("bureau").get("/api/enterprises").then().statusCode(200).extract()
                .path("total")).longValue();
        assertEquals(enterprises, comparison.getList("enterprises.code").size(), "every enterprise is compared");
        plant.enterprise.as("manager").queryParams(period()).get("/api/kpi/bureau/enterprises").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aMissingReversedOrTooLongPeriodAndAnUnknownElementAreRefusedNamingTheField() {
        plant.data.planner().queryParam("to", at("16:00").toString()).get("/api/kpi/work-units/" + unit)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("from"));
        plant.data.planner().queryParam("from", "yesterday").queryParam("to", at("16:00").toString())
                .get("/api/kpi/work-units/" + unit).then().statusCode(400).body("errors[0].field", is("from"));
        plant.data.planner().queryParam("from", at("16:00").toString()).queryParam("to", at("08:00").toString())
                .get("/api/kpi/work-units/" + unit).then().statusCode(400).body("errors[0].field", is("to"));
        plant.data.planner().queryParam("from", at("08:00").minusSeconds(86_400 * 40).toString())
                .queryParam("to", at("08:00").toString()).get("/api/kpi/enterprise")
                .then().statusCode(400).body("type", is("https://pilotline.org/problems/invalid-period"))
                .body("errors[0].field", is("to"));
        plant.data.planner().queryParams(period()).queryParam("element", "XYZ")
                .get("/api/kpi/work-units/" + unit + "/provenance").then().statusCode(400)
                .body("errors[0].field", is("element"));
    }

    // ---- the shift ----

    /** JSON integers arrive as Integer, fractions as BigDecimal: compare the numbers. */
    private static void assertDecimal(String expected, Object actual) {
        assertDecimal(expected, actual, null);
    }

    private static void assertDecimal(String expected, Object actual, String what) {
        assertNotNull(actual, what);
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())),
                (what == null ? "" : what + ": ") + "expected " + expected + ", was " + actual);
    }

    private static Map<String, Object> period() {
        return Map.of("from", DAY.atStartOfDay(PLANT).toInstant().toString(),
                "to", DAY.plusDays(1).atStartOfDay(PLANT).toInstant().toString());
    }

    private static JsonPath workUnitKpis(long unit) {
        return json(plant.data.planner().queryParams(period()).get("/api/kpi/work-units/" + unit));
    }

    private static JsonPath workUnitKpis(long unit, Instant from, Instant to) {
        return json(plant.data.planner().queryParams(Map.of("from", from.toString(), "to", to.toString()))
                .get("/api/kpi/work-units/" + unit));
    }

    private static JsonPath json(Response response) {
        response.then().statusCode(200);
        return response.jsonPath(DECIMALS);
    }

    private static Instant at(String localTime) {
        return DAY.atTime(LocalTime.parse(localTime)).atZone(PLANT).toInstant();
    }

    private static List<Map<String, Object>> everyDay() {
        List<Map<String, Object>> shifts = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            shifts.add(Map.of("weekday", day, "name", "day", "start", "08:00", "end", "16:00",
                    "breaks", List.of(Map.of("start", "12:00", "end", "12:30"))));
        }
        return shifts;
    }

    private static Map<String, Object> state(long sequence, String from, String to, String mode, String localTime) {
        return Map.of("kind", "state-changed", "machine", machine, "sequence", sequence, "from", from, "to", to,
                "operationMode", mode, "sourceTime", at(localTime).toString(), "serverTime", at(localTime).toString());
    }

    private static void ingest(List<Map<String, Object>> events) {
        plant.enterprise.as("operator").body(Map.of("batchId", UUID.randomUUID().toString(), "tenant",
                plant.enterprise.code, "events", events)).post("/api/gateway/ingest").then().statusCode(200)
                .body("accepted", is(events.size()));
    }

    private static void operator(Map<String, Object> report, String localTime) {
        report.put("occurredAt", at(localTime).toString());
        plant.enterprise.as("operator").body(report).post("/api/mes/reports").then().statusCode(200);
    }

    private static Map<String, Object> quantities(Map<String, Object> report, String good, String scrap, String rework) {
        report.put("good", good);
        report.put("scrap", scrap);
        report.put("rework", rework);
        report.put("reasonCode", "SCRAP-DEFECT");
        return report;
    }

    private static Map<String, Object> downtime(String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", UUID.randomUUID().toString());
        body.put("kind", "DOWNTIME");
        body.put("reasonCode", reason);
        return body;
    }

    /** The machine-state interval of the fault at 10:00. */
    private static long faultInterval() {
        List<Map<String, Object>> intervals = plant.data.planner().queryParams(period())
                .get("/api/mes/work-units/" + unit + "/machine-history").then().statusCode(200).extract().path("intervals");
        return intervals.stream().filter(i -> "OUT_OF_SERVICE".equals(i.get("state"))).map(ShopFloorFixture::id)
                .findFirst().orElseThrow();
    }
}
