package org.pilotline.kpi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
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
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;
import static org.pilotline.mes.ShopFloorFixture.report;

/**
 * The bureau's drill-down from an enterprise to its work centers ({@code /api/kpi/bureau/enterprises/{code}/work-centers}):
 * each work center's month roll-up, equal to what the enterprise itself reads from {@code /api/kpi/work-centers/{id}}
 * for the same month, and nothing below the work center. One enterprise, on the fifth of the month before last (round
 * the clock, no calendar): work center A's machine executes 08:00–10:00 for an order (40 good, 2 scrap, finished at 12:00), work center
 * B's machine executes 09:00–10:00 without an order and is out of service 10:00–10:30 (one failure); work center C has
 * no work unit.
 */
@QuarkusTest
class BureauWorkCentersTest {

    private static final ZoneId PLANT = ZoneId.of("Asia/Shanghai");
    private static final YearMonth MONTH = YearMonth.now(PLANT).minusMonths(2);
    private static final LocalDate DAY = MONTH.atDay(5);
    private static final JsonPathConfig DECIMALS = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private static ShopFloorFixture plant;
    private static final Map<String, Long> centers = new HashMap<>();
    private static final Map<String, String> machines = new HashMap<>();

    private static synchronized void onePlant() {
        if (plant != null) {
            return;
        }
        plant = new ShopFloorFixture(TestEnterprise.create("PROCESS", "drill-" + UUID.randomUUID().toString()
                .substring(0, 8)));
        long a = plant.workCenter("CELL-A");
        long b = plant.workCenter("CELL-B");
        centers.put(plant.data.code("CELL-A"), a);
        centers.put(plant.data.code("CELL-B"), b);
        centers.put(plant.data.code("CELL-C"), plant.workCenter("CELL-C"));
        String machineA = machine(plant.data.workUnit(a, "A-1"));
        String machineB = machine(plant.data.workUnit(b, "B-1"));
        ingest(List.of(state(machineA, 1, "NOT_AVAILABLE", "NOT_EXECUTING", "NONE", at("07:00")),
                state(machineA, 2, "NOT_EXECUTING", "EXECUTING", "PROCESSING", at("08:00")),
                state(machineA, 3, "EXECUTING", "NOT_EXECUTING", "NONE", at("10:00")),
                state(machineB, 1, "NOT_AVAILABLE", "NOT_EXECUTING", "NONE", at("07:00")),
                state(machineB, 2, "NOT_EXECUTING", "EXECUTING", "PROCESSING", at("09:00")),
                state(machineB, 3, "EXECUTING", "OUT_OF_SERVICE", "PROCESSING", at("10:00")),
                state(machineB, 4, "OUT_OF_SERVICE", "NOT_EXECUTING", "NONE", at("10:30"))));
        long component = plant.data.bought("RAW", "1");
        plant.receive(component, "1000", plant.staging, null, null);
        long operation = id(operations(plant.release(plant.product("PART", a, component), "100")).get(0));
        operator(report("SETUP_START", operation), "07:50");
        operator(report("SETUP_END", operation), "08:00");
        Map<String, Object> finish = report("FINISH", operation);
        finish.put("good", "40");
        finish.put("scrap", "2");
        finish.put("reasonCode", "SCRAP-DEFECT");
        operator(finish, "12:00");
        waitForTheRollups();
    }

    @Test
    void theBureauSeesEachWorkCentersMonthAsTheEnterpriseComputesItAndNothingBelowIt() {
        onePlant();
        Response answer = Api.as("bureau").queryParam("month", MONTH.toString())
                .get("/api/kpi/bureau/enterprises/" + plant.enterprise.code + "/work-centers");
        JsonPath bureau = json(answer);
        assertEquals(plant.enterprise.code, bureau.get("code"));
        assertEquals(MONTH.toString(), bureau.get("month"));
        assertEquals("Asia/Shanghai", bureau.get("zone"));
        Instant from = MONTH.atDay(1).atStartOfDay(PLANT).toInstant();
        Instant to = MONTH.plusMonths(1).atDay(1).atStartOfDay(PLANT).toInstant();
        assertEquals(from, Instant.parse(bureau.get("from")));
        assertEquals(to, Instant.parse(bureau.get("to")));
        assertEquals(true, bureau.get("complete"));
        assertEquals(true, bureau.get("current"));

        // every work center the enterprise has, by code, and no other enterprise's
        List<String> own = plant.enterprise.as("manager").queryParam("size", 100).get("/api/work-centers").then()
                .statusCode(200).extract().path("items.code");
        assertEquals(own.stream().sorted().toList(), bureau.getList("workCenters.code"));
        assertEquals(Set.copyOf(centers.keySet()), Set.copyOf(bureau.getList("workCenters.code")));

        // hand-computed figures, so that equal-to-the-enterprise's cannot pass on two empty answers
        String a = "workCenters.find { it.code == '" + plant.data.code("CELL-A") + "' }";
        String b = "workCenters.find { it.code == '" + plant.data.code("CELL-B") + "' }";
        String c = "workCenters.find { it.code == '" + plant.data.code("CELL-C") + "' }";
        assertDecimal("7200", bureau.get(a + ".timeElements.find { it.code == 'APT' }.seconds"));
        assertDecimal("40", bureau.get(a + ".quantities.good"));
        assertDecimal("2", bureau.get(a + ".quantities.scrap"));
        assertEquals(1, bureau.<Integer>get(a + ".workUnits"));
        assertEquals(1, bureau.<Integer>get(b + ".failures"));
        assertDecimal("1800", String.valueOf(bureau.<Object>get(b + ".repairSeconds")));
        assertEquals(false, bureau.get(c + ".figures"));
        assertEquals(0, bureau.<Integer>get(c + ".workUnits"));

        for (String code : List.of(plant.data.code("CELL-A"), plant.data.code("CELL-B"))) {
            JsonPath mine = json(plant.enterprise.as("manager").queryParams(Map.of("from", from.toString(), "to",
                    to.toString())).get("/api/kpi/work-centers/" + centers.get(code)));
            String wc = "workCenters.find { it.code == '" + code + "' }";
            assertEquals(true, bureau.get(wc + ".figures"));
            assertEquals(byCode(mine.getList("timeElements"), "seconds"), byCode(bureau.getList(wc + ".timeElements"),
                    "seconds"), code + "'s time elements");
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

        // aggregates only: no work unit, machine, interval, report, operator or order
        assertEquals(Set.of("code", "name", "areaCode", "areaName", "workUnits", "figures", "timeElements",
                "quantities", "aoetSeconds", "failures", "repairSeconds", "operationsFinished", "operationsOnTime",
                "kpis", "computedAt"), bureau.<Map<String, Object>>get("workCenters[0]").keySet());
        String text = answer.asString();
        for (String raw : List.of(plant.data.code("A-1"), plant.data.code("B-1"), machines.get("A"),
                machines.get("B"), plant.enterprise.code + "-operator")) {
            assertFalse(text.contains(raw), "the answer names " + raw);
        }
    }

    @Test
    void everyoneButTheBureauIsRefusedAndAnEnterpriseOutsideTheBureausScopeIsNotFound() {
        onePlant();
        String path = "/api/kpi/bureau/enterprises/" + plant.enterprise.code + "/work-centers";
        for (String role : List.of("admin", "manager", "planner", "quality", "operator")) {
            plant.enterprise.as(role).queryParam("month", MONTH.toString()).get(path).then().statusCode(403)
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

    private static String machine(long unit) {
        String machine = "W-" + UUID.randomUUID().toString().substring(0, 8);
        machines.put(machines.isEmpty() ? "A" : "B", machine);
        long binding = ((Number) plant.enterprise.as("admin").body(Map.of("machineCode", machine, "workUnitId", unit,
                "endpointUrl", "opc.tcp://localhost:1/edge", "securityPolicy", "None", "securityMode", "None",
                "identityKind", "ANONYMOUS", "stateMapping", "MACHINERY", "itemStateNode",
                "nsu=" + PlcSimulator.NAMESPACE_URI + ";s=X/MachineryItemState/CurrentState"))
                .post("/api/gateway/bindings").then().statusCode(201).extract().path("id")).longValue();
        assertTrue(binding > 0);
        return machine;
    }

    private static void waitForTheRollups() {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (((Number) plant.data.planner().get("/api/kpi/rollups/status").then().statusCode(200).extract()
                .path("pendingTouches")).longValue() > 0) {
            assertTrue(System.nanoTime() < deadline, "the roll-ups did not catch up within 5 minutes");
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void assertDecimal(String expected, Object actual) {
        assertNotNull(actual);
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())),
                "expected " + expected + ", was " + actual);
    }

    private static JsonPath json(Response response) {
        response.then().statusCode(200);
        return response.jsonPath(DECIMALS);
    }

    private static Instant at(String localTime) {
        return DAY.atTime(LocalTime.parse(localTime)).atZone(PLANT).toInstant();
    }

    private static Map<String, Object> state(String machine, long sequence, String from, String to, String mode,
                                             Instant at) {
        return Map.of("kind", "state-changed", "machine", machine, "sequence", sequence, "from", from, "to", to,
                "operationMode", mode, "sourceTime", at.toString(), "serverTime", at.toString());
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
}
