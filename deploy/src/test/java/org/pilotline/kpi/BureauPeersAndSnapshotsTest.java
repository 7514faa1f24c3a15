package org.pilotline.kpi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pilotline.mes.ShopFloorFixture;
import org.pilotline.plc.simulator.PlcSimulator;
import org.pilotline.testing.Api;
import org.pilotline.testing.TestEnterprise;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.pilotline.kpi.KpiAnswers.assertDecimal;
import static org.pilotline.kpi.KpiAnswers.json;
import static org.pilotline.kpi.KpiAnswers.waitForTheRollups;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;
import static org.pilotline.mes.ShopFloorFixture.report;

/**
 * The bureau's peer percentiles, monthly snapshots and workbook, and what an enterprise may see of them. Three pilot
 * enterprises of an industry of their own (two discrete, one process) each ran one order on one machine on the fifth
 * of the month before last, the machine executing one, two and three hours of it; their month roll-ups are the peers'
 * figures. Round the clock without a calendar, so availability is 1, 2, 3 h / the month's hours.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BureauPeersAndSnapshotsTest {

    private static final ZoneId PLANT = ZoneId.of("Asia/Shanghai");
    /** Not the month just over, which the roll-up worker files by itself on the first: the test files this one. */
    private static final YearMonth MONTH = YearMonth.now(PLANT).minusMonths(2);
    private static final LocalDate DAY = MONTH.atDay(5);
    private static final String INDUSTRY = "peers-" + UUID.randomUUID().toString().substring(0, 8);

    private static final List<Pilot> pilots = new ArrayList<>();

    /** One enterprise's machine, work unit and order. */
    private record Pilot(ShopFloorFixture plant, long unit, long workCenter, String machine, long binding) {
        String code() {
            return plant.enterprise.code;
        }
    }

    private static void threePilots() {
        if (!pilots.isEmpty()) {
            return;
        }
        String[] types = {"DISCRETE", "DISCRETE", "PROCESS"};
        for (int hours = 1; hours <= 3; hours++) {
            ShopFloorFixture plant = new ShopFloorFixture(TestEnterprise.create(types[hours - 1], INDUSTRY));
            long center = plant.workCenter("CELL");
            long unit = plant.data.workUnit(center, "CELL-1");
            String machine = "P-" + UUID.randomUUID().toString().substring(0, 8);
            long binding = bind(plant, machine, unit);
            pilots.add(new Pilot(plant, unit, center, machine, binding));
            ingest(plant, List.of(state(machine, 1, "NOT_AVAILABLE", "NOT_EXECUTING", "NONE", at("07:00")),
                    state(machine, 2, "NOT_EXECUTING", "EXECUTING", "PROCESSING", at("08:00")),
                    state(machine, 3, "EXECUTING", "NOT_EXECUTING", "NONE", at("08:00").plus(Duration.ofHours(hours)))));
            if (hours > 1) { // the first one's machine delivers late data later
                plant.enterprise.as("admin").delete("/api/gateway/bindings/" + binding).then().statusCode(204);
            }
            long component = plant.data.bought("RAW", "1");
            plant.receive(component, "1000", plant.staging, null, null);
            long operation = id(operations(plant.release(plant.product("PART", center, component), "100")).get(0));
            operator(plant, report("SETUP_START", operation), "07:50");
            operator(plant, report("SETUP_END", operation), "08:00");
            Map<String, Object> finish = report("FINISH", operation);
            finish.put("good", String.valueOf(30 * hours));
            operator(plant, finish, "12:00");
        }
        pilots.forEach(p -> waitForTheRollups(p.plant().data.planner()));
        JsonPath filed = json(Api.as("bureau").post("/api/kpi/bureau/snapshots/" + MONTH));
        assertTrue(filed.getInt("filed") >= 3, "the three pilots' month was filed: " + filed.prettify());
    }

    @Test
    @Order(1)
    void theBureauSeesEachEnterprisesPercentileWithinItsIndustryAndItsManufacturingType() {
        threePilots();
        JsonPath peers = json(Api.as("bureau").queryParam("month", MONTH.toString()).get("/api/kpi/bureau/peers"));
        String[] expected = {"16.7", "50.0", "83.3"}; // (worse × 2 + 1) × 50 / 3 for the 1 h, 2 h and 3 h pilot
        for (int i = 0; i < 3; i++) {
            String kpi = "enterprises.find { it.code == '" + pilots.get(i).code() + "' }.kpis.find { it.code == 'AVAILABILITY' }";
            assertDecimal(expected[i], peers.get(kpi + ".industryPercentile"));
            assertNotNull(peers.get(kpi + ".typePercentile"));
        }
        String industry = "groups.find { it.dimension == 'INDUSTRY' && it.group == '" + INDUSTRY + "' }";
        assertEquals(3, peers.<Integer>get(industry + ".enterprises"));
        BigDecimal median = new BigDecimal(peers.get(industry + ".kpis.find { it.code == 'AVAILABILITY' }.median").toString());
        assertDecimal(median.toPlainString(), peers.get("enterprises.find { it.code == '" + pilots.get(1).code()
                + "' }.kpis.find { it.code == 'AVAILABILITY' }.value"));
        assertNotNull(peers.get("groups.find { it.dimension == 'MANUFACTURING_TYPE' && it.group == 'PROCESS' }"));
    }

    @Test
    @Order(1)
    void theBureauReadsAnEnterprisesTrendFromItsRollupsAndNothingBelowTheEnterprise() {
        threePilots();
        Pilot third = pilots.get(2);
        // the roll-ups begin with the first history, on DAY
        JsonPath trend = json(Api.as("bureau").queryParams(Map.of("grain", "DAY", "from", at("00:00").minus(Duration.ofDays(1))
                .toString(), "to", at("00:00").plus(Duration.ofDays(2)).toString()))
                .get("/api/kpi/bureau/enterprises/" + third.code() + "/trend"));
        assertEquals("ENTERPRISE", trend.get("level"));
        assertEquals(List.of(DAY.toString(), DAY.plusDays(1).toString()), trend.getList("buckets.label"));
        assertDecimal("10800", trend.get("buckets[0].timeElements.find { it.code == 'APT' }.seconds"));
        assertDecimal("0", trend.get("buckets[1].timeElements.find { it.code == 'APT' }.seconds"));
        Api.as("bureau").queryParams(Map.of("grain", "DAY", "from", at("00:00").toString(), "to",
                at("00:00").plus(Duration.ofDays(1)).toString())).get("/api/kpi/bureau/enterprises/nobody/trend")
                .then().statusCode(404);
        third.plant().enterprise.as("manager").queryParams(Map.of("grain", "DAY", "from", at("00:00").toString(), "to",
                at("00:00").plus(Duration.ofDays(1)).toString())).get("/api/kpi/bureau/enterprises/" + third.code()
                + "/trend").then().statusCode(403);
    }

    @Test
    @Order(2)
    void anEnterpriseSeesItsOwnRankAmongItsPeersButNoPeersValue() {
        threePilots();
        Pilot first = pilots.get(0);
        Response own = first.plant().enterprise.as("manager").queryParam("month", MONTH.toString()).get("/api/kpi/peers");
        JsonPath standing = json(own);
        assertEquals(first.code(), standing.get("enterprise"));
        assertEquals(3, standing.<Integer>get("kpis.find { it.code == 'AVAILABILITY' }.industry.rank"));
        assertEquals(3, standing.<Integer>get("kpis.find { it.code == 'AVAILABILITY' }.industry.of"));
        assertDecimal("16.7", standing.get("kpis.find { it.code == 'AVAILABILITY' }.industry.percentile"));
        assertEquals(Set.of("code", "nameEn", "nameZh", "value", "unit", "industry", "manufacturingType"),
                standing.<Map<String, Object>>get("kpis[0]").keySet());
        for (Pilot other : pilots.subList(1, 3)) {
            assertFalse(own.asString().contains(other.code()), "no peer is named");
        }
        // the side-by-side values are the bureau's: refused to an enterprise, whatever it asks for
        for (String path : List.of("/api/kpi/bureau/peers?month=" + MONTH, "/api/kpi/bureau/snapshots/" + MONTH,
                "/api/kpi/bureau/snapshots/" + MONTH + "/workbook", "/api/kpi/bureau/enterprises?from="
                        + at("00:00") + "&to=" + at("00:00").plus(Duration.ofDays(1)))) {
            for (String role : List.of("admin", "manager", "planner")) {
                first.plant().enterprise.as(role).get(path).then().statusCode(403)
                        .contentType("application/problem+json");
            }
        }
        first.plant().enterprise.as("admin").post("/api/kpi/bureau/snapshots/" + MONTH).then().statusCode(403);
        first.plant().enterprise.as("manager").queryParam("month", "March").get("/api/kpi/peers").then().statusCode(400)
                .body("errors[0].field", is("month"));
    }

    @Test
    @Order(3)
    void aFiledMonthDoesNotChangeWhenLateDataArrivesAndShowsTheDifference() {
        threePilots();
        Pilot first = pilots.get(0);
        String mine = "enterprises.find { it.code == '" + first.code() + "' }";
        JsonPath before = json(Api.as("bureau").get("/api/kpi/bureau/snapshots/" + MONTH));
        assertEquals(false, before.get(mine + ".changedSinceFiled"));
        BigDecimal filedAvailability = new BigDecimal(before.get(mine
                + ".kpis.find { it.code == 'AVAILABILITY' }.filed").toString());

        // late data: the machine ran an hour more (10:00-11:00, the order still running), delivered now
        ingest(first.plant(), List.of(state(first.machine(), 4, "NOT_EXECUTING", "EXECUTING", "PROCESSING", at("10:00")),
                state(first.machine(), 5, "EXECUTING", "NOT_EXECUTING", "NONE", at("11:00"))));
        first.plant().enterprise.as("admin").delete("/api/gateway/bindings/" + first.binding()).then().statusCode(204);
        waitForTheRollups(first.plant().data.planner());

        JsonPath after = json(Api.as("bureau").get("/api/kpi/bureau/snapshots/" + MONTH));
        String availability = mine + ".kpis.find { it.code == 'AVAILABILITY' }";
        assertDecimal(filedAvailability.toPlainString(), after.get(availability + ".filed"));
        assertEquals(before.<Object>get(mine + ".filedAt"), after.get(mine + ".filedAt"));
        assertEquals(true, after.get(mine + ".changedSinceFiled"));
        BigDecimal current = new BigDecimal(after.get(availability + ".current").toString());
        assertTrue(current.compareTo(filedAvailability) > 0, "the roll-up counts the late hour");
        assertDecimal(current.subtract(filedAvailability).toPlainString(), after.get(availability + ".difference"));
        assertDecimal("3600", after.get(mine + ".timeElements.find { it.code == 'APT' }.difference"));
        // filing again changes nothing
        Api.as("bureau").post("/api/kpi/bureau/snapshots/" + MONTH).then().statusCode(200);
        assertDecimal(filedAvailability.toPlainString(), json(Api.as("bureau").get("/api/kpi/bureau/snapshots/" + MONTH))
                .get(availability + ".filed"));
        Api.as("bureau").post("/api/kpi/bureau/snapshots/" + YearMonth.now(PLANT).plusMonths(1)).then().statusCode(422)
                .body("type", is("https://pilotline.org/problems/month-not-over"));
    }

    @Test
    @Order(4)
    void theWorkbookHasZhAndEnHeadersTheDefinitionsAndTheFiguresOfTheReport() throws Exception {
        threePilots();
        JsonPath report = json(Api.as("bureau").get("/api/kpi/bureau/snapshots/" + MONTH));
        Response download = Api.as("bureau").get("/api/kpi/bureau/snapshots/" + MONTH + "/workbook");
        download.then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download.asByteArray()))) {
            Sheet kpis = book.getSheet("KPI 指标");
            assertEquals("企业代码", kpis.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Enterprise", kpis.getRow(1).getCell(0).getStringCellValue());
            List<String> zh = new ArrayList<>();
            List<String> en = new ArrayList<>();
            kpis.getRow(0).forEach(c -> zh.add(c.getStringCellValue()));
            kpis.getRow(1).forEach(c -> en.add(c.getStringCellValue()));
            assertTrue(zh.contains("设备综合效率 (%)"), zh.toString());
            assertTrue(en.contains("Overall equipment effectiveness (%)"), en.toString());
            List<String> codes = report.getList("enterprises.code");
            assertEquals(codes.size(), kpis.getLastRowNum() - 1, "a row per filed enterprise");
            for (Pilot pilot : pilots) {
                Row row = rowOf(kpis, pilot.code());
                String mine = "enterprises.find { it.code == '" + pilot.code() + "' }";
                List<Map<String, Object>> figures = report.getList(mine + ".kpis");
                for (int i = 0; i < figures.size(); i++) {
                    Object filed = figures.get(i).get("filed");
                    Cell cell = row.getCell(5 + i);
                    if (filed == null) {
                        assertTrue(cell == null || cell.getCellType() == org.apache.poi.ss.usermodel.CellType.BLANK,
                                figures.get(i).get("code") + " has no value");
                    } else {
                        assertEquals(0, new BigDecimal(filed.toString()).compareTo(
                                BigDecimal.valueOf(cell.getNumericCellValue())), figures.get(i).get("code") + " of "
                                + pilot.code());
                    }
                }
                Row time = rowOf(book.getSheet("时间要素 Time elements"), pilot.code());
                assertEquals(0, new BigDecimal(report.get(mine + ".timeElements.find { it.code == 'APT' }.filed")
                        .toString()).compareTo(BigDecimal.valueOf(time.getCell(5 + 3).getNumericCellValue())));
            }
            Sheet definitions = book.getSheet("指标定义 Definitions");
            assertEquals(17, definitions.getLastRowNum() - 1);
            assertEquals("OEE", definitions.getRow(5).getCell(0).getStringCellValue());
            assertEquals("设备综合效率", definitions.getRow(5).getCell(1).getStringCellValue());
            assertEquals("(APT / PBT) × (PRI × PQ / APT) × (GQ / PQ)", definitions.getRow(5).getCell(4)
                    .getStringCellValue());
            assertNotNull(book.getSheet("差异 Differences"));
        }
    }

    @Test
    @Order(5)
    void theBureauGets403OnEveryRawResource() {
        threePilots();
        Pilot pilot = pilots.get(0);
        String day = "from=" + at("00:00") + "&to=" + at("00:00").plus(Duration.ofDays(1));
        List<String> raw = List.of("/api/kpi/work-units/" + pilot.unit() + "?" + day,
                "/api/kpi/work-units/" + pilot.unit() + "/provenance?" + day,
                "/api/kpi/work-centers/" + pilot.workCenter() + "?" + day, "/api/kpi/enterprise?" + day,
                "/api/kpi/rollups?level=ENTERPRISE&grain=DAY&" + day, "/api/kpi/rollups/status",
                "/api/kpi/peers?month=" + MONTH, "/api/mes/work-units/" + pilot.unit() + "/machine-history?" + day,
                "/api/mes/work-orders", "/api/work-units", "/api/work-centers", "/api/items", "/api/stock/balances",
                "/api/production-orders", "/api/sales-orders", "/api/gateway/bindings");
        List<String> answered = new ArrayList<>();
        for (String path : raw) {
            int status = Api.as("bureau").get(path).statusCode();
            if (status != 403) {
                answered.add(path + " → " + status);
            }
        }
        assertEquals(List.of(), answered);
        Api.as("bureau").post("/api/kpi/rollups/recompute").then().statusCode(403);
    }

    // ---- helpers ----

    private static Row rowOf(Sheet sheet, String code) {
        for (Row row : sheet) {
            if (row.getRowNum() > 1 && code.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + code + " in " + sheet.getSheetName());
    }

    private static Instant at(String localTime) {
        return DAY.atTime(LocalTime.parse(localTime)).atZone(PLANT).toInstant();
    }

    private static Map<String, Object> state(String machine, long sequence, String from, String to, String mode,
                                             Instant at) {
        return Map.of("kind", "state-changed", "machine", machine, "sequence", sequence, "from", from, "to", to,
                "operationMode", mode, "sourceTime", at.toString(), "serverTime", at.toString());
    }

    private static long bind(ShopFloorFixture plant, String machine, long unit) {
        return ((Number) plant.enterprise.as("admin").body(Map.of("machineCode", machine, "workUnitId", unit,
                "endpointUrl", "opc.tcp://localhost:1/edge", "securityPolicy", "None", "securityMode", "None",
                "identityKind", "ANONYMOUS", "stateMapping", "MACHINERY", "itemStateNode",
                "nsu=" + PlcSimulator.NAMESPACE_URI + ";s=X/MachineryItemState/CurrentState"))
                .post("/api/gateway/bindings").then().statusCode(201).extract().path("id")).longValue();
    }

    private static void ingest(ShopFloorFixture plant, List<Map<String, Object>> events) {
        plant.enterprise.as("operator").body(Map.of("batchId", UUID.randomUUID().toString(), "tenant",
                plant.enterprise.code, "events", events)).post("/api/gateway/ingest").then().statusCode(200)
                .body("accepted", is(events.size()));
    }

    private static void operator(ShopFloorFixture plant, Map<String, Object> report, String localTime) {
        report.put("occurredAt", at(localTime).toString());
        plant.enterprise.as("operator").body(report).post("/api/mes/reports").then().statusCode(200);
    }
}
