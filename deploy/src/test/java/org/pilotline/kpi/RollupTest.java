package org.pilotline.kpi;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pilotline.mes.ShopFloorFixture;
import org.pilotline.plc.simulator.PlcSimulator;
import org.pilotline.testing.Api;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;
import static org.pilotline.mes.ShopFloorFixture.report;

/**
 * Roll-ups over generated months of history: two machines in two work centers of two areas of two sites (and two work
 * units without any history, in work centers of their own), a seeded random walk of machine states with data-loss spans from the first day of the
 * month before last until an hour ago, work orders set up, run, paused and finished on them, and a planned downtime —
 * all through the real paths (/api/gateway/ingest, /api/mes/reports). The roll-ups the background worker kept from the
 * MES's touches must equal (1) the on-demand KPIs computed from the raw history for the same period, (2) the sums of
 * the level below, and (3) a recomputation from the raw history, before and after late data arrives.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollupTest {

    private static final ZoneId PLANT = ZoneId.of("Asia/Shanghai");
    private static final JsonPathConfig DECIMALS = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final List<String> GRAINS = List.of("HOUR", "SHIFT", "DAY", "WEEK", "MONTH");

    private static ShopFloorFixture plant;
    private static Instant start;
    private static Instant end;
    private static final Map<String, Long> nodes = new LinkedHashMap<>();
    private static final Map<Long, String> machines = new HashMap<>();
    private static final Map<Long, Long> sequences = new HashMap<>();
    /** A work unit without history in a work center without a calendar: all its time is planned, and unknown. */
    private static long idleRoundTheClock;

    private static void history() {
        if (plant != null) {
            return;
        }
        plant = new ShopFloorFixture();
        plant.reason(null, "DOWN-PM", "DOWNTIME", true);
        long calendar = ((Number) plant.data.planner().body(Map.of("code", plant.data.code("CAL"), "name", "two shifts",
                "timeZone", PLANT.getId(), "shifts", twoShiftsMondayToSaturday())).post("/api/calendars").then()
                .statusCode(201).extract().path("id")).longValue();
        long centerA = plant.data.workCenter("MILL", "60", calendar);
        long siteB = ((Number) plant.enterprise.as("admin").body(Map.of("code", plant.data.code("S2"), "name", "plant 2"))
                .post("/api/sites").then().statusCode(201).extract().path("id")).longValue();
        long areaB = ((Number) plant.data.planner().body(Map.of("siteId", siteB, "code", plant.data.code("A2"),
                "name", "hall 2")).post("/api/areas").then().statusCode(201).extract().path("id")).longValue();
        long centerB = ((Number) plant.data.planner().body(Map.of("areaId", areaB, "code", plant.data.code("PRESS"),
                "name", "press", "parallelUnits", 1, "hourlyRate", "50")).post("/api/work-centers").then()
                .statusCode(201).extract().path("id")).longValue();
        for (long center : List.of(centerA, centerB)) {
            plant.enterprise.as("admin").body(Map.of("stagingLocationId", plant.staging, "receiptLocationId",
                    plant.finishedGoods, "countingSource", "TERMINAL")).put("/api/mes/work-centers/" + center + "/settings")
                    .then().statusCode(200);
        }
        long unitA = plant.data.workUnit(centerA, "MILL-1");
        long unitB = plant.data.workUnit(centerB, "PRESS-1");
        // the idle units in work centers of their own: a release places its operation on the work center's only unit
        long centerIdle = plant.data.workCenter("GRIND", "40", calendar);
        long centerIdleRoundTheClock = ((Number) plant.data.planner().body(Map.of("areaId", areaB, "code",
                plant.data.code("SAW"), "name", "saw", "parallelUnits", 1, "hourlyRate", "30")).post("/api/work-centers")
                .then().statusCode(201).extract().path("id")).longValue();
        long idle = plant.data.workUnit(centerIdle, "GRIND-1");
        idleRoundTheClock = plant.data.workUnit(centerIdleRoundTheClock, "SAW-1");
        long areaA = ((Number) plant.data.planner().get("/api/work-centers/" + centerA).then().statusCode(200)
                .extract().path("areaId")).longValue();
        long siteA = ((Number) plant.data.planner().get("/api/areas/" + areaA).then().statusCode(200)
                .extract().path("siteId")).longValue();
        nodes.put("WORK_UNIT:" + unitA, unitA);
        nodes.put("WORK_UNIT:" + unitB, unitB);
        nodes.put("WORK_UNIT:" + idle, idle);
        nodes.put("WORK_UNIT:" + idleRoundTheClock, idleRoundTheClock);
        nodes.put("WORK_CENTER:" + centerA, centerA);
        nodes.put("WORK_CENTER:" + centerB, centerB);
        nodes.put("WORK_CENTER:" + centerIdle, centerIdle);
        nodes.put("WORK_CENTER:" + centerIdleRoundTheClock, centerIdleRoundTheClock);
        nodes.put("AREA:" + areaA, areaA);
        nodes.put("AREA:" + areaB, areaB);
        nodes.put("SITE:" + siteA, siteA);
        nodes.put("SITE:" + siteB, siteB);
        nodes.put("ENTERPRISE:0", 0L);

        LocalDate firstDay = LocalDate.now(PLANT).withDayOfMonth(1).minusMonths(2);
        start = firstDay.atStartOfDay(PLANT).toInstant();
        end = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        Random random = new Random(22400);
        List<Long> bindings = new ArrayList<>();
        for (long unit : List.of(unitA, unitB)) {
            String machine = "R-" + UUID.randomUUID().toString().substring(0, 8);
            machines.put(unit, machine);
            bindings.add(bind(machine, unit));
            ingest(walk(random, machine, unit));
        }

        long component = plant.data.bought("STEEL", "1");
        plant.receive(component, "100000", plant.staging, null, null);
        int day = 2;
        for (long center : List.of(centerA, centerB)) {
            long product = plant.product(plant.data.code("P") + center, center, component);
            for (int k = 0; k < 4; k++, day += 7) {
                long operation = id(operations(plant.release(product, "100")).get(0));
                LocalDate date = firstDay.plusDays(day);
                operator(report("SETUP_START", operation), date, "06:40");
                operator(report("SETUP_END", operation), date, "07:05");
                operator(quantities(report("QUANTITY", operation), "40", "1", "2"), date, "11:00");
                Map<String, Object> pause = report("PAUSE", operation);
                pause.put("reasonCode", "PAUSE-BREAK");
                operator(pause, date, "12:00");
                operator(report("RESUME", operation), date, "12:25");
                operator(quantities(report("FINISH", operation), "35", "2", "0"), date.plusDays(1), "09:30");
            }
        }
        Map<String, Object> maintenance = new HashMap<>(Map.of("clientId", UUID.randomUUID().toString(),
                "kind", "DOWNTIME", "reasonCode", "DOWN-PM", "workUnitId", unitA,
                "from", firstDay.plusDays(20).atTime(8, 0).atZone(PLANT).toInstant().toString(),
                "to", firstDay.plusDays(20).atTime(9, 30).atZone(PLANT).toInstant().toString()));
        plant.enterprise.as("operator").body(maintenance).post("/api/mes/reports").then().statusCode(200);
        // deliveries: lines promised in the generated months and today, two of them shipped now (one late, one on
        // time), so that the delivery counts of the day, week and month rows are compared with a recomputation too
        long customer = plant.data.partner("CUST", true, false);
        long sale = ((Number) plant.data.planner().body(Map.of("customerId", customer, "lines", List.of(
                Map.of("lineNo", 10, "itemId", component, "quantity", "1", "date", firstDay.plusDays(3).toString(),
                        "unitPrice", "5"),
                Map.of("lineNo", 20, "itemId", component, "quantity", "2", "date", firstDay.plusDays(40).toString(),
                        "unitPrice", "5"),
                Map.of("lineNo", 30, "itemId", component, "quantity", "1", "date", LocalDate.now(PLANT).toString(),
                        "unitPrice", "5")))).post("/api/sales-orders").then().statusCode(201).extract().path("id"))
                .longValue();
        plant.data.planner().post("/api/sales-orders/" + sale + "/confirm").then().statusCode(200);
        plant.data.planner().body(Map.of("lines", List.of(Map.of("lineNo", 10, "quantity", "1", "locationId",
                plant.staging), Map.of("lineNo", 30, "quantity", "1", "locationId", plant.staging))))
                .post("/api/sales-orders/" + sale + "/shipments").then().statusCode(201);
        // the histories stay; the application's gateway stops trying to reach the test's machines
        bindings.forEach(b -> plant.enterprise.as("admin").delete("/api/gateway/bindings/" + b).then().statusCode(204));
        waitForTheRollups();
    }

    @Test
    @Order(1)
    void aMonthsRollupOfAWorkUnitIsWhatTheRawHistoryGivesForThatMonth() {
        history();
        Instant monthStart = start;
        Instant monthEnd = start.atZone(PLANT).plusMonths(1).toInstant();
        for (String node : List.of("WORK_UNIT", "WORK_CENTER")) {
            for (Map.Entry<String, Long> n : nodes.entrySet()) {
                if (!n.getKey().startsWith(node + ":")) {
                    continue;
                }
                JsonPath rollup = json(plant.data.planner().queryParams(Map.of("level", node, "id", n.getValue(),
                        "grain", "MONTH", "from", monthStart.toString(), "to", monthEnd.toString()))
                        .get("/api/kpi/rollups"));
                assertEquals(1, rollup.getList("buckets").size(), n.getKey());
                String path = node.equals("WORK_UNIT") ? "/api/kpi/work-units/" : "/api/kpi/work-centers/";
                JsonPath direct = json(plant.data.planner().queryParams(Map.of("from", monthStart.toString(),
                        "to", monthEnd.toString())).get(path + n.getValue()));
                assertEquals(direct.<Object>getList("timeElements"), rollup.getList("buckets[0].timeElements"),
                        n.getKey());
                assertEquals(direct.<Object>get("quantities"), rollup.get("buckets[0].quantities"), n.getKey());
                assertEquals(direct.<Object>getList("kpis"), rollup.getList("buckets[0].kpis"), n.getKey());
                assertEquals(direct.<Object>get("failures"), rollup.get("buckets[0].failures"), n.getKey());
            }
        }
        JsonPath enterprise = json(plant.data.planner().queryParams(Map.of("level", "ENTERPRISE", "grain", "MONTH",
                "from", monthStart.toString(), "to", monthEnd.toString())).get("/api/kpi/rollups"));
        JsonPath direct = json(plant.enterprise.as("manager").queryParams(Map.of("from", monthStart.toString(),
                "to", monthEnd.toString())).get("/api/kpi/enterprise"));
        assertEquals(direct.<Object>getList("timeElements"), enterprise.getList("buckets[0].timeElements"));
        assertEquals(direct.<Object>get("quantities"), enterprise.get("buckets[0].quantities"));
        // not a comparison of empty months: machine states were classified and pieces produced (on whichever unit
        // the live schedule placed the orders)
        BigDecimal classified = BigDecimal.ZERO;
        for (String element : List.of("APT", "ASUT", "ADET", "ADOT")) {
            classified = classified.add(new BigDecimal(direct.get("timeElements.find { it.code == '" + element
                    + "' }.seconds").toString()));
        }
        assertTrue(classified.signum() > 0, "the month has machine states in planned busy time");
        assertTrue(new BigDecimal(direct.get("quantities.produced").toString()).signum() > 0, "the month produced");
    }

    /**
     * The roll-ups read many work units' histories at once, over the union of their stretches: each unit's must be
     * exactly what reading it alone over its own stretch gives — stretches that differ per unit, cut through shifts,
     * setups, pauses, quantities, work orders and data-loss spans.
     */
    @Test
    @Order(1)
    void manyWorkUnitsHistoriesReadTogetherAreEachWhatReadingItAloneGives() {
        history();
        List<Long> units = nodes.entrySet().stream().filter(e -> e.getKey().startsWith("WORK_UNIT:"))
                .map(Map.Entry::getValue).toList();
        LocalDate firstDay = LocalDate.ofInstant(start, PLANT);
        Instant[][] stretches = {
                {start, firstDay.plusDays(40).atStartOfDay(PLANT).toInstant()},
                {firstDay.plusDays(2).atTime(9, 17).atZone(PLANT).toInstant(),
                        firstDay.plusDays(3).atTime(10, 3).atZone(PLANT).toInstant()},
                {firstDay.plusDays(9).atStartOfDay(PLANT).toInstant(), end},
                {end.minus(Duration.ofHours(5)), end.plus(Duration.ofMinutes(30))}};
        org.pilotline.kpi.time.TimeModelService models = io.quarkus.arc.Arc.container()
                .instance(org.pilotline.kpi.time.TimeModelService.class).get();
        for (int shift = 0; shift < stretches.length; shift++) {
            Map<Long, Instant[]> together = new LinkedHashMap<>();
            for (int i = 0; i < units.size(); i++) {
                together.put(units.get(i), stretches[(i + shift) % stretches.length]);
            }
            var read = org.pilotline.platform.tenancy.TenantContext.callAs(plant.enterprise.code,
                    () -> models.histories(together));
            assertEquals(together.keySet(), read.keySet());
            // the roll-ups' quantities of whole minutes, summed per minute by the database: the same sums
            var minutes = org.pilotline.platform.tenancy.TenantContext.callAs(plant.enterprise.code,
                    () -> models.quantityMinutes(together));
            boolean someRecords = false;
            for (var e : together.entrySet()) {
                var alone = org.pilotline.platform.tenancy.TenantContext.callAs(plant.enterprise.code,
                        () -> models.history(e.getKey(), e.getValue()[0], e.getValue()[1]));
                assertEquals(alone, read.get(e.getKey()), "work unit " + e.getKey() + " over " + e.getValue()[0]
                        + " to " + e.getValue()[1]);
                var byReport = org.pilotline.kpi.time.Quantities.of(alone.quantityReports());
                var byMinute = org.pilotline.kpi.time.Quantities.of(List.of(), minutes.getOrDefault(e.getKey(),
                        List.of()));
                assertEquals(java.util.Arrays.asList(byReport.unit(), byReport.produced(), byReport.good(),
                        byReport.scrap(), byReport.rework(), byReport.plannedRunSeconds()),
                        java.util.Arrays.asList(byMinute.unit(), byMinute.produced(),
                        byMinute.good(), byMinute.scrap(), byMinute.rework(), byMinute.plannedRunSeconds()),
                        "work unit " + e.getKey() + "'s quantities by minute");
                someRecords |= !alone.machineIntervals().isEmpty() && !alone.orderSegments().isEmpty()
                        && !alone.quantityReports().isEmpty() && !alone.workOrders().isEmpty();
            }
            assertTrue(someRecords, "some unit's stretch holds machine states, order phases, quantities and orders");
        }
    }

    @Test
    @Order(2)
    void eachLevelIsTheSumOfTheLevelBelowAndADayTheSumOfItsHours() {
        history();
        Map<String, List<Map<String, Object>>> days = new LinkedHashMap<>();
        nodes.forEach((key, id) -> days.put(key, series(key, "DAY", start, end)));
        String[][] sums = {{"ENTERPRISE", "SITE"}, {"SITE", "AREA"}, {"AREA", "WORK_CENTER"}, {"ENTERPRISE", "WORK_UNIT"}};
        for (String[] pair : sums) {
            List<Map<String, Object>> above = days.entrySet().stream().filter(e -> e.getKey().startsWith(pair[0] + ":"))
                    .flatMap(e -> e.getValue().stream()).toList();
            BigDecimal total = sum(above, "APT").add(sum(above, "UNKNOWN"));
            List<Map<String, Object>> below = days.entrySet().stream().filter(e -> e.getKey().startsWith(pair[1] + ":"))
                    .flatMap(e -> e.getValue().stream()).toList();
            assertEquals(0, total.compareTo(sum(below, "APT").add(sum(below, "UNKNOWN"))), pair[0] + " = Σ " + pair[1]);
        }
        String unit = nodes.keySet().iterator().next();
        Map<String, Object> day = days.get(unit).get(10);
        Instant dayStart = Instant.parse((String) day.get("start"));
        List<Map<String, Object>> hours = series(unit, "HOUR", dayStart, Instant.parse((String) day.get("end")));
        assertEquals(24, hours.size());
        for (String element : List.of("POT", "PDOT", "APT", "ASUT", "ADET", "ADOT", "UNKNOWN")) {
            assertEquals(0, sum(List.of(day), element).compareTo(sum(hours, element)), element + " of a day = Σ hours");
        }
    }

    @Test
    @Order(3)
    void theRollupsKeptFromTheEventsEqualARecomputationFromTheRawHistoryAlsoAfterLateData() {
        history();
        // buckets that began before the hour under way a few minutes ago: the worker creates an hour's buckets within a
        // minute of its start, a recomputation at once
        Instant until = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> kept = everything(until);
        // the delivery columns are compared too, and are not all zero: three lines due, the one of today on time
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> months = (List<Map<String, Object>>) kept.get("ENTERPRISE:0/MONTH");
        assertEquals(3, months.stream().mapToInt(m -> ((Number) m.get("linesDue")).intValue()).sum());
        assertEquals(1, months.stream().mapToInt(m -> ((Number) m.get("linesOnTime")).intValue()).sum());
        recompute();
        assertEquals(kept, everything(until), "kept incrementally = recomputed");

        // late data: a data-loss span and a state change forty days back, delivered now
        long unit = machines.keySet().iterator().next();
        String machine = "L-" + UUID.randomUUID().toString().substring(0, 8);
        long binding = bind(machine, unit);
        Instant late = start.plus(Duration.ofDays(40)).plus(Duration.ofHours(9));
        ingest(List.of(Map.of("kind", "data-loss", "machine", machine, "sequence", 1, "from", late.toString(),
                "to", late.plus(Duration.ofMinutes(50)).toString(), "reason", "late upload")));
        plant.enterprise.as("admin").delete("/api/gateway/bindings/" + binding).then().statusCode(204);
        waitForTheRollups();
        Map<String, Object> afterLateData = everything(until);
        assertNotEquals(kept, afterLateData, "the late span changed the buckets it touched");
        recompute();
        assertEquals(afterLateData, everything(until), "kept incrementally after late data = recomputed");
    }

    @Test
    @Order(4)
    void aNewEventReachesTheRollupsWithinSeconds() {
        history();
        long unit = idleRoundTheClock;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> q = Map.of("level", "WORK_UNIT", "id", unit, "grain", "HOUR", "from",
                now.minus(Duration.ofHours(1)).toString(), "to", now.plus(Duration.ofHours(1)).toString());
        List<Map<String, Object>> before = series("WORK_UNIT:" + unit, "HOUR", now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(1)));
        assertEquals(0, sum(before, "ADOT").signum(), "no history: no down time, only unknown time");
        String machine = "N-" + UUID.randomUUID().toString().substring(0, 8);
        long binding = bind(machine, unit);
        Instant at = now.minusSeconds(5);
        ingest(List.of(state(machine, 1, "EXECUTING", "OUT_OF_SERVICE", "PROCESSING", at)));
        plant.enterprise.as("admin").delete("/api/gateway/bindings/" + binding).then().statusCode(204);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<Map<String, Object>> buckets = json(plant.data.planner().queryParams(q).get("/api/kpi/rollups"))
                    .getList("buckets");
            // the hour under way has no bucket until the worker has written one: wait for it as for its figures
            Map<String, Object> current = buckets.isEmpty() ? null : buckets.get(buckets.size() - 1);
            if (current != null && sum(List.of(current), "ADOT").signum() > 0) {
                assertEquals(false, current.get("complete"));
                assertEquals(1, ((Number) current.get("failures")).intValue(), "the machine is out of service");
                break;
            }
            assertTrue(System.nanoTime() < deadline, "the hour under way did not count the new state within 30 s");
            MasterData.pause(250);
        }
    }

    @Test
    @Order(5)
    void rollupsAreTheEnterprisesOwnTheBureauGets403AndABadQueryIsRefusedNamingTheField() {
        history();
        Map<String, Object> q = Map.of("level", "ENTERPRISE", "grain", "DAY", "from", start.toString(),
                "to", start.plus(Duration.ofDays(3)).toString());
        Api.as("bureau").queryParams(q).get("/api/kpi/rollups").then().statusCode(403)
                .contentType("application/problem+json");
        Api.as("bureau").post("/api/kpi/rollups/recompute").then().statusCode(403);
        plant.data.planner().post("/api/kpi/rollups/recompute").then().statusCode(403);
        TestEnterprise other = TestEnterprise.create();
        long unit = machines.keySet().iterator().next();
        other.as("manager").queryParams(Map.of("level", "WORK_UNIT", "id", unit, "grain", "DAY", "from",
                start.toString(), "to", end.toString())).get("/api/kpi/rollups").then().statusCode(404);
        other.as("manager").queryParams(q).get("/api/kpi/rollups").then().statusCode(200).body("buckets", is(List.of()));
        plant.data.planner().queryParams(Map.of("level", "ENTERPRISE", "grain", "FORTNIGHT", "from", start.toString(),
                "to", end.toString())).get("/api/kpi/rollups").then().statusCode(400).body("errors[0].field", is("grain"));
        plant.data.planner().queryParams(Map.of("level", "WORK_UNIT", "grain", "DAY", "from", start.toString(),
                "to", end.toString())).get("/api/kpi/rollups").then().statusCode(400).body("errors[0].field", is("id"));
        plant.data.planner().queryParams(Map.of("level", "ENTERPRISE", "grain", "HOUR", "from", start.toString(),
                "to", end.toString())).get("/api/kpi/rollups").then().statusCode(400).body("errors[0].field", is("to"));
    }

    @Test
    @Order(6)
    void theBureausComparisonFromTheRollupsIsWhatTheRawHistoryGivesForWholeAndPartialMonths() {
        history();
        waitForTheRollups();
        LocalDate lastMonth = LocalDate.now(PLANT).withDayOfMonth(1).minusMonths(1);
        ZoneId zone = PLANT;
        List<Instant[]> periods = List.of(
                // a whole month: one month roll-up
                new Instant[]{lastMonth.atStartOfDay(zone).toInstant(), lastMonth.plusMonths(1).atStartOfDay(zone)
                        .toInstant()},
                // across a month's end, starting and ending inside shifts and between hours: days, hours and minutes
                new Instant[]{lastMonth.minusDays(3).atTime(6, 40).atZone(zone).toInstant(),
                        lastMonth.plusDays(4).atTime(14, 25).atZone(zone).toInstant()},
                // days and hours, every boundary inside a day of two shifts
                new Instant[]{lastMonth.plusDays(9).atTime(9, 0).atZone(zone).toInstant(),
                        lastMonth.plusDays(20).atTime(17, 0).atZone(zone).toInstant()},
                // less than an hour: the raw history only
                new Instant[]{lastMonth.plusDays(5).atTime(10, 5).atZone(zone).toInstant(),
                        lastMonth.plusDays(5).atTime(10, 50).atZone(zone).toInstant()},
                // twenty-five whole days, not a month: day roll-ups only, failures across midnights counted once
                new Instant[]{WHOLE_DAYS_FROM.apply(lastMonth), WHOLE_DAYS_TO.apply(lastMonth)},
                // whole days across a month's end
                new Instant[]{lastMonth.plusMonths(1).minusDays(3).atStartOfDay(zone).toInstant(),
                        lastMonth.plusMonths(1).plusDays(2).atStartOfDay(zone).toInstant()},
                // whole hours and days with sub-hour edges inside a shift: hours, days and two raw edges
                new Instant[]{lastMonth.plusDays(11).atTime(8, 17).atZone(zone).toInstant(),
                        lastMonth.plusDays(15).atTime(19, 48).atZone(zone).toInstant()});
        for (Instant[] p : periods) {
            Map<String, Object> q = Map.of("from", p[0].toString(), "to", p[1].toString());
            JsonPath bureau = json(Api.as("bureau").queryParams(q).get("/api/kpi/bureau/enterprises"));
            String mine = "enterprises.find { it.code == '" + plant.enterprise.code + "' }";
            JsonPath raw = json(plant.enterprise.as("manager").queryParams(q).get("/api/kpi/enterprise"));
            String period = p[0] + " .. " + p[1];
            assertEquals(raw.<Object>getList("timeElements"), bureau.getList(mine + ".timeElements"), period);
            assertEquals(raw.<Object>get("quantities"), bureau.get(mine + ".quantities"), period);
            assertEquals(raw.<Object>get("failures"), bureau.get(mine + ".failures"), period);
            assertEquals(raw.<Object>getList("kpis"), bureau.getList(mine + ".kpis"), period);
            assertTrue(new BigDecimal(raw.get("timeElements.find { it.code == 'POT' }.seconds").toString()).signum() > 0,
                    period + " has planned operation time");
        }
        // the whole days' comparison had something to correct: its days count more failures than the period has
        Instant from = WHOLE_DAYS_FROM.apply(lastMonth);
        Instant to = WHOLE_DAYS_TO.apply(lastMonth);
        int days = series("ENTERPRISE:0", "DAY", from, to).stream().mapToInt(b -> ((Number) b.get("failures"))
                .intValue()).sum();
        int period = ((Number) json(plant.enterprise.as("manager").queryParams(Map.of("from", from.toString(), "to",
                to.toString())).get("/api/kpi/enterprise")).get("failures")).intValue();
        assertTrue(days > period, "an out-of-service episode crosses a midnight: " + days + " in days, " + period
                + " in the period");
    }

    private static final java.util.function.Function<LocalDate, Instant> WHOLE_DAYS_FROM =
            month -> month.plusDays(2).atStartOfDay(PLANT).toInstant();
    private static final java.util.function.Function<LocalDate, Instant> WHOLE_DAYS_TO =
            month -> month.plusDays(27).atStartOfDay(PLANT).toInstant();

    // ---- reading ----

    /** Every bucket of every node and grain, without the moment it was computed. */
    private static Map<String, Object> everything(Instant until) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String node : nodes.keySet()) {
            for (String grain : GRAINS) {
                if (grain.equals("HOUR") && !node.startsWith("WORK_UNIT") && !node.startsWith("ENTERPRISE")) {
                    continue; // hours of the levels between are sums like their days, which are compared
                }
                all.put(node + "/" + grain, series(node, grain, start.minus(Duration.ofDays(7)), until));
            }
        }
        return all;
    }

    /**
     * The hours under way count their quantities from minutes the roll-ups keep between batches (QuantityMinutes): a
     * report that arrives late, for a minute already kept, is counted, and so is one whose touch another replica
     * applied (here: written without a touch, the lock row naming another process), because this process then reads
     * every minute again.
     */
    @Test
    @Order(7)
    void theHoursUnderWayCountEveryQuantityAlsoLateOnesAndThoseAnotherReplicaApplied() throws Exception {
        history();
        long center = plant.workCenter("LATHE");
        long unit = plant.data.workUnit(center, "LATHE-1");
        long bar = plant.data.bought("BAR", "1");
        plant.receive(bar, "1000", plant.staging, null, null);
        long operation = id(operations(plant.release(plant.product(plant.data.code("SHAFT"), center, bar), "100")).get(0));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        at(report("START", operation), now.minus(Duration.ofMinutes(20)));
        at(quantities(report("QUANTITY", operation), "5", "1", "0"), now.minus(Duration.ofMinutes(15)));
        waitForTheDueTouches();
        at(quantities(report("QUANTITY", operation), "7", "0", "1"), now.minus(Duration.ofMinutes(1)));
        waitForTheDueTouches();
        // late: a minute the roll-ups have kept since
        at(quantities(report("QUANTITY", operation), "3", "0", "0"), now.minus(Duration.ofMinutes(10)));
        waitForTheDueTouches();
        Instant from = now.minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.HOURS);
        Instant to = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        assertHoursCountWhatTheRawHistoryGives(unit, from, to, "15");
        // applied by "another replica": a report whose touch this process never reads, the lock row naming another one.
        // It lies in the hour the last report below touches, as this process recomputes no other: five minutes before
        // now, or that hour's start when the hour began less than five minutes ago (a full run began this test at
        // 12:01, put the report in the hour before, which no touch recomputed, and counted 17)
        Instant anotherReplicas = now.minus(Duration.ofMinutes(5));
        Instant lastHour = now.minus(Duration.ofSeconds(30)).truncatedTo(ChronoUnit.HOURS);
        anotherReplicas = anotherReplicas.isBefore(lastHour) ? lastHour : anotherReplicas;
        try (java.sql.Connection db = io.quarkus.arc.Arc.container().instance(io.agroal.api.AgroalDataSource.class).get()
                .getConnection()) {
            try (java.sql.PreparedStatement insert = db.prepareStatement("insert into mes_report (tenant_id, client_id,"
                    + " kind, operation_id, work_unit_id, good_quantity, scrap_quantity, rework_quantity, occurred_at,"
                    + " received_at, status, outcome, negative_stock) values (?, ?, 'QUANTITY', ?, ?, 4, 0, 0, ?, ?, 200,"
                    + " '{}', false)")) {
                insert.setString(1, plant.enterprise.code);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setLong(3, operation);
                insert.setLong(4, unit);
                insert.setObject(5, java.time.LocalDateTime.ofInstant(anotherReplicas, ZoneId.of("UTC")));
                insert.setObject(6, java.time.LocalDateTime.ofInstant(now, ZoneId.of("UTC")));
                insert.executeUpdate();
            }
            try (java.sql.PreparedStatement writer = db.prepareStatement("update kpi_rollup_lock set writer = 'another'"
                    + " where tenant_id = ?")) {
                writer.setString(1, plant.enterprise.code);
                assertEquals(1, writer.executeUpdate());
            }
        }
        at(quantities(report("QUANTITY", operation), "2", "0", "0"), now.minus(Duration.ofSeconds(30)));
        waitForTheDueTouches();

        // 5 + 7 + 3 late + 4 another replica's + 2
        assertHoursCountWhatTheRawHistoryGives(unit, from, to, "21");
    }

    private static void assertHoursCountWhatTheRawHistoryGives(long unit, Instant from, Instant to, String good) {
        List<Map<String, Object>> hours = series("WORK_UNIT:" + unit, "HOUR", from, to);
        Map<String, Object> computed = json(plant.data.planner().queryParams(Map.of("from", from.toString(), "to",
                to.toString())).get("/api/kpi/work-units/" + unit)).getMap("quantities");
        for (String quantity : List.of("good", "scrap", "rework", "produced", "plannedRunSeconds")) {
            BigDecimal kept = hours.stream().map(h -> new BigDecimal(((Map<?, ?>) h.get("quantities")).get(quantity)
                    .toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, kept.compareTo(new BigDecimal(computed.get(quantity).toString())),
                    quantity + ": the hours' roll-ups " + kept + ", the raw history " + computed.get(quantity));
        }
        assertEquals(0, new BigDecimal(computed.get("good").toString()).compareTo(new BigDecimal(good)),
                "the good quantity reported: " + computed);
    }

    private static void at(Map<String, Object> report, Instant occurredAt) {
        report.put("occurredAt", occurredAt.toString());
        plant.enterprise.as("operator").body(report).post("/api/mes/reports").then().statusCode(200);
    }

    /** Waits until the touches due now are applied (those of days, weeks and months come a minute later). */
    private static void waitForTheDueTouches() {
        waitUntilNone("dueTouches");
    }

    private static List<Map<String, Object>> series(String node, String grain, Instant from, Instant to) {
        String[] key = node.split(":");
        List<Map<String, Object>> buckets = new ArrayList<>();
        Duration window = Duration.ofDays(grain.equals("HOUR") ? 31 : 400);
        for (Instant a = from; a.isBefore(to); a = a.plus(window)) {
            Instant b = a.plus(window).isAfter(to) ? to : a.plus(window);
            Map<String, Object> q = new HashMap<>(Map.of("level", key[0], "grain", grain, "from", a.toString(),
                    "to", b.toString()));
            if (!key[0].equals("ENTERPRISE")) {
                q.put("id", Long.parseLong(key[1]));
            }
            Response response = plant.data.planner().queryParams(q).get("/api/kpi/rollups");
            response.then().statusCode(200);
            for (Map<String, Object> bucket : read(response.asString())) {
                Map<String, Object> copy = new LinkedHashMap<>(bucket);
                copy.remove("computedAt");
                copy.remove("complete");
                buckets.add(copy);
            }
        }
        return buckets;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> read(String series) {
        try {
            return (List<Map<String, Object>>) JSON.readValue(series, Map.class).get("buckets");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static BigDecimal sum(List<Map<String, Object>> buckets, String element) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map<String, Object> b : buckets) {
            for (Object e : (List<?>) b.get("timeElements")) {
                Map<?, ?> te = (Map<?, ?>) e;
                if (element.equals(te.get("code"))) {
                    total = total.add(new BigDecimal(te.get("seconds").toString()));
                }
            }
        }
        return total;
    }

    private static void recompute() {
        // from the earliest history on, as the command does by default
        plant.enterprise.as("admin").post("/api/kpi/rollups/recompute").then().statusCode(200).body("enterprise", is(plant.enterprise.code));
    }

    private static void waitForTheRollups() {
        waitUntilNone("pendingTouches");
    }

    /** Waits (up to 10 minutes) until the roll-up status counts no touches of this kind. */
    private static void waitUntilNone(String touches) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (((Number) plant.data.planner().get("/api/kpi/rollups/status").then().statusCode(200).extract()
                .path(touches)).longValue() > 0) {
            assertTrue(System.nanoTime() < deadline, "the roll-ups left " + touches + " for 10 minutes");
            MasterData.pause(250);
        }
    }

    private static JsonPath json(Response response) {
        response.then().statusCode(200);
        return response.jsonPath(DECIMALS);
    }

    // ---- generating the history ----

    /** A seeded random walk of states, every 20 minutes to 4 hours, with a data-loss span now and then. */
    private static List<Map<String, Object>> walk(Random random, String machine, long unit) {
        String[][] states = {{"EXECUTING", "PROCESSING"}, {"EXECUTING", "PROCESSING"}, {"EXECUTING", "PROCESSING"},
                {"NOT_EXECUTING", "NONE"}, {"OUT_OF_SERVICE", "PROCESSING"}, {"EXECUTING", "SETUP"},
                {"NOT_EXECUTING", "SETUP"}};
        List<Map<String, Object>> events = new ArrayList<>();
        String previous = "NOT_AVAILABLE";
        Instant at = start.plus(Duration.ofMinutes(random.nextInt(300)));
        while (at.isBefore(end)) {
            if (random.nextInt(40) == 0) {
                events.add(Map.of("kind", "data-loss", "machine", machine, "sequence", next(unit), "from", at.toString(),
                        "to", at.plus(Duration.ofMinutes(5 + random.nextInt(60))).toString(), "reason", "link down"));
            }
            String[] s = states[random.nextInt(states.length)];
            events.add(state(machine, next(unit), previous, s[0], s[1], at));
            previous = s[0];
            at = at.plus(Duration.ofMinutes(20 + random.nextInt(220)));
        }
        return events;
    }

    private static long next(long unit) {
        return sequences.merge(unit, 1L, Long::sum);
    }

    private static Map<String, Object> state(String machine, long sequence, String from, String to, String mode,
                                             Instant at) {
        return Map.of("kind", "state-changed", "machine", machine, "sequence", sequence, "from", from, "to", to,
                "operationMode", mode, "sourceTime", at.toString(), "serverTime", at.toString());
    }

    private static long bind(String machine, long unit) {
        return ((Number) plant.enterprise.as("admin").body(Map.of("machineCode", machine, "workUnitId", unit,
                "endpointUrl", "opc.tcp://localhost:1/edge", "securityPolicy", "None", "securityMode", "None",
                "identityKind", "ANONYMOUS", "stateMapping", "MACHINERY", "itemStateNode",
                "nsu=" + PlcSimulator.NAMESPACE_URI + ";s=X/MachineryItemState/CurrentState"))
                .post("/api/gateway/bindings").then().statusCode(201).extract().path("id")).longValue();
    }

    private static void ingest(List<Map<String, Object>> events) {
        for (int i = 0; i < events.size(); i += 500) {
            List<Map<String, Object>> batch = events.subList(i, Math.min(events.size(), i + 500));
            plant.enterprise.as("operator").body(Map.of("batchId", UUID.randomUUID().toString(), "tenant",
                    plant.enterprise.code, "events", batch)).post("/api/gateway/ingest").then().statusCode(200)
                    .body("accepted", is(batch.size()));
        }
    }

    private static void operator(Map<String, Object> report, LocalDate date, String localTime) {
        report.put("occurredAt", date.atTime(LocalTime.parse(localTime)).atZone(PLANT).toInstant().toString());
        plant.enterprise.as("operator").body(report).post("/api/mes/reports").then().statusCode(200);
    }

    private static Map<String, Object> quantities(Map<String, Object> report, String good, String scrap, String rework) {
        report.put("good", good);
        report.put("scrap", scrap);
        report.put("rework", rework);
        report.put("reasonCode", "SCRAP-DEFECT");
        return report;
    }

    private static List<Map<String, Object>> twoShiftsMondayToSaturday() {
        List<Map<String, Object>> shifts = new ArrayList<>();
        for (int day = 1; day <= 6; day++) {
            shifts.add(Map.of("weekday", day, "name", "early", "start", "06:00", "end", "14:00",
                    "breaks", List.of(Map.of("start", "10:00", "end", "10:30"))));
            shifts.add(Map.of("weekday", day, "name", "late", "start", "14:00", "end", "22:00",
                    "breaks", List.of(Map.of("start", "18:00", "end", "18:30"))));
        }
        return shifts;
    }
}
