package org.pilotline.kpi;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.pilotline.kpi.bureau.SnapshotWorkbook;
import org.pilotline.kpi.indicator.Kpi;
import org.pilotline.mes.ShopFloorFixture;
import org.pilotline.testing.Api;
import org.pilotline.testing.TestEnterprise;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.kpi.KpiAnswers.assertDecimal;
import static org.pilotline.kpi.KpiAnswers.json;

/**
 * On-time delivery in the roll-ups: an enterprise of its own (Asia/Shanghai, UTC+8: its days begin at 16:00 UTC of the
 * day before) with one work unit and sales order lines promised on given plant days, shipped before or after them.
 * <ul>
 *   <li>the previous month P: a line (3 pieces) is shipped and its stock move dated the
 *   10th of P at 09:00 plant time (history made by hand: shipments through the API happen now), so P counts 1 due,
 *   1 on time: 100 %. The month is filed. A line promised on the 12th of P confirmed afterwards (never shipped) makes
 *   P's roll-up 2 due, 1 on time (50 %) within seconds, while the filed snapshot stays 100 % and shows −50.</li>
 *   <li>today T (plant day): line 10 promised yesterday (5), lines 20 (5) and 30 (4) promised today, line 40 (2)
 *   promised tomorrow. Confirmed: yesterday 1 due 0 on time, today 2 due 0 on time. 20 and 40 shipped in full and 30
 *   partly (2 of 4): today 1 on time. Later 10 (late) and the rest of 30: today 2 on time, yesterday still 0. A
 *   second order promised today (1 piece) makes today 3 due; moving its promise to tomorrow makes it 2 again.</li>
 * </ul>
 * Every day, week and month row of the enterprise then holds exactly the hand-listed lines whose promised plant day
 * lies in it, and equals a recomputation from the raw history.
 */
@QuarkusTest
class DeliveryRollupTest {

    private static final ZoneId PLANT = ZoneId.of("Asia/Shanghai");

    @Inject
    AgroalDataSource dataSource;

    /** A hand-listed line: its promised plant day and whether it ends up shipped in full by then. */
    private record Line(LocalDate promised, boolean onTime) {
    }

    @Test
    void deliveriesAreRolledUpByPlantDayKeptCurrentWithinSecondsAndEqualARecomputation() throws Exception {
        ShopFloorFixture plant = new ShopFloorFixture(TestEnterprise.create("DISCRETE",
                "otd-" + UUID.randomUUID().toString().substring(0, 8)));
        long center = plant.workCenter("OTD");
        plant.data.workUnit(center, "OTD-1");
        long customer = plant.data.partner("CUST", true, false);
        long item = plant.data.item("GOODS").made().create();
        plant.receive(item, "1000", plant.finishedGoods, null, null);

        LocalDate today = LocalDate.now(PLANT);
        YearMonth previous = YearMonth.from(today).minusMonths(1);
        LocalDate pastDay = previous.atDay(10);
        List<Line> lines = new ArrayList<>();

        // ---- the previous month: shipped on its day (the move dated by hand), then rolled up from the raw history
        long past = order(plant, customer, item, List.of(line(10, "3", pastDay)));
        confirm(plant, past);
        ship(plant, past, Map.of(10, "3"));
        String pastNumber = plant.data.planner().get("/api/sales-orders/" + past).then().statusCode(200).extract()
                .path("number");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update stock_move set moved_at = ? where tenant_id = ? and reference = ?")) {
            s.setObject(1, java.time.LocalDateTime.ofInstant(pastDay.atTime(9, 0).atZone(PLANT).toInstant(),
                    java.time.ZoneOffset.UTC));
            s.setString(2, plant.enterprise.code);
            s.setString(3, pastNumber + "/10");
            assertEquals(1, s.executeUpdate());
        }
        lines.add(new Line(pastDay, true));
        Instant from = previous.atDay(1).atStartOfDay(PLANT).toInstant();
        plant.enterprise.as("admin").queryParam("from", from.toString()).post("/api/kpi/rollups/recompute").then()
                .statusCode(200);
        JsonPath month = await(plant, "MONTH", previous.toString(), r -> r.get("linesDue") != null
                && ((Number) r.get("linesDue")).intValue() == 1);
        assertEquals(1, month.<Integer>get("buckets.find { it.label == '" + previous + "' }.linesOnTime"));
        assertDecimal("100", month.get("buckets.find { it.label == '" + previous + "' }.kpis.find { it.code =="
                + " 'ON_TIME_DELIVERY' }.value"));

        // filed; then a line promised in that month arrives late: the roll-up moves, the snapshot stays
        Api.as("bureau").post("/api/kpi/bureau/snapshots/" + previous).then().statusCode(200);
        String mine = "enterprises.find { it.code == '" + plant.enterprise.code + "' }";
        String otd = mine + ".kpis.find { it.code == 'ON_TIME_DELIVERY' }";
        JsonPath filed = json(Api.as("bureau").get("/api/kpi/bureau/snapshots/" + previous));
        assertDecimal("100", filed.get(otd + ".filed"));
        long latePast = order(plant, customer, item, List.of(line(10, "1", pastDay.plusDays(2))));
        confirm(plant, latePast);
        lines.add(new Line(pastDay.plusDays(2), false));
        await(plant, "MONTH", previous.toString(), r -> ((Number) r.get("linesDue")).intValue() == 2);
        JsonPath after = json(Api.as("bureau").get("/api/kpi/bureau/snapshots/" + previous));
        assertDecimal("100", after.get(otd + ".filed"));
        assertDecimal("50", after.get(otd + ".current"));
        assertDecimal("-50", after.get(otd + ".difference"));
        assertEquals(filed.<Object>get(mine + ".filedAt"), after.get(mine + ".filedAt"));
        assertEquals(true, after.get(mine + ".changedSinceFiled"));
        // the workbook carries the filed figure and the difference
        Response download = Api.as("bureau").get("/api/kpi/bureau/snapshots/" + previous + "/workbook");
        download.then().statusCode(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download.asByteArray()))) {
            int column = 5 + Kpi.ON_TIME_DELIVERY.ordinal();
            assertEquals(100.0, rowOf(book.getSheet(SnapshotWorkbook.KPIS), plant.enterprise.code).getCell(column)
                    .getNumericCellValue(), 1e-9);
            assertEquals(-50.0, rowOf(book.getSheet(SnapshotWorkbook.DIFFERENCES), plant.enterprise.code)
                    .getCell(column).getNumericCellValue(), 1e-9);
        }
        // peers and the bureau's comparison of the month read it from the month roll-up
        JsonPath peers = json(Api.as("bureau").queryParam("month", previous.toString()).get("/api/kpi/bureau/peers"));
        assertDecimal("50", peers.get(mine + ".kpis.find { it.code == 'ON_TIME_DELIVERY' }.value"));
        JsonPath compared = json(Api.as("bureau").queryParams(Map.of("from", from.toString(), "to",
                previous.plusMonths(1).atDay(1).atStartOfDay(PLANT).toInstant().toString()))
                .get("/api/kpi/bureau/enterprises"));
        assertDecimal("50", compared.get(otd + ".value"));
        assertEquals(2, compared.<Integer>get(otd + ".inputs.linesDue"));

        // ---- today: promised yesterday, today and tomorrow, shipped now
        LocalDate yesterday = today.minusDays(1);
        LocalDate tomorrow = today.plusDays(1);
        long current = order(plant, customer, item, List.of(line(10, "5", yesterday), line(20, "5", today),
                line(30, "4", today), line(40, "2", tomorrow)));
        confirm(plant, current);
        String todayLabel = today.toString();
        JsonPath days = await(plant, "DAY", todayLabel, r -> ((Number) r.get("linesDue")).intValue() == 2);
        // the plant's day begins at 16:00 UTC the day before
        assertEquals(today.atStartOfDay(PLANT).toInstant(), Instant.parse(days.get("buckets.find { it.label == '"
                + todayLabel + "' }.start")));
        assertEquals(0, days.<Integer>get("buckets.find { it.label == '" + todayLabel + "' }.linesOnTime"));
        assertEquals(1, days.<Integer>get("buckets.find { it.label == '" + yesterday + "' }.linesDue"));

        ship(plant, current, Map.of(20, "5", 30, "2", 40, "2"));
        days = await(plant, "DAY", todayLabel, r -> ((Number) r.get("linesOnTime")).intValue() == 1);
        assertDecimal("50", days.get("buckets.find { it.label == '" + todayLabel + "' }.kpis.find { it.code =="
                + " 'ON_TIME_DELIVERY' }.value"));

        // the late shipment of yesterday's line and the rest of line 30
        ship(plant, current, Map.of(10, "5", 30, "2"));
        days = await(plant, "DAY", todayLabel, r -> ((Number) r.get("linesOnTime")).intValue() == 2);
        assertEquals(1, days.<Integer>get("buckets.find { it.label == '" + yesterday + "' }.linesDue"));
        assertEquals(0, days.<Integer>get("buckets.find { it.label == '" + yesterday + "' }.linesOnTime"));
        lines.add(new Line(yesterday, false));
        lines.add(new Line(today, true));
        lines.add(new Line(today, true));
        lines.add(new Line(tomorrow, true));

        // a changed promise moves the line out of today
        long moved = order(plant, customer, item, List.of(line(10, "1", today)));
        confirm(plant, moved);
        await(plant, "DAY", todayLabel, r -> ((Number) r.get("linesDue")).intValue() == 3);
        Number version = plant.data.planner().get("/api/sales-orders/" + moved).then().statusCode(200).extract()
                .path("version");
        plant.data.planner().body(Map.of("customerId", customer, "version", version, "lines",
                        withItem(List.of(line(10, "1", tomorrow)), item))).put("/api/sales-orders/" + moved).then()
                .statusCode(200);
        await(plant, "DAY", todayLabel, r -> ((Number) r.get("linesDue")).intValue() == 2);
        lines.add(new Line(tomorrow, false));

        // every day, week and month row holds exactly the lines promised on its plant days
        Instant since = from.minus(Duration.ofDays(7));
        Instant until = Instant.now();
        Map<String, List<Map<String, Object>>> kept = new LinkedHashMap<>();
        for (String grain : List.of("DAY", "WEEK", "MONTH")) {
            List<Map<String, Object>> buckets = buckets(plant, grain, since, until);
            assertTrue(buckets.size() > 0, grain);
            for (Map<String, Object> b : buckets) {
                LocalDate first = Instant.parse((String) b.get("start")).atZone(PLANT).toLocalDate();
                LocalDate last = Instant.parse((String) b.get("end")).minusNanos(1).atZone(PLANT).toLocalDate();
                List<Line> in = lines.stream().filter(l -> !l.promised().isBefore(first)
                        && !l.promised().isAfter(last)).toList();
                assertEquals(in.size(), ((Number) b.get("linesDue")).intValue(), grain + " " + b.get("label"));
                assertEquals(in.stream().filter(Line::onTime).count(), ((Number) b.get("linesOnTime")).longValue(),
                        grain + " " + b.get("label"));
            }
            kept.put(grain, buckets);
        }
        // the on-demand report of today agrees
        JsonPath onDemand = json(plant.enterprise.as("manager").queryParams(Map.of("from",
                today.atStartOfDay(PLANT).toInstant().toString(), "to",
                tomorrow.atStartOfDay(PLANT).toInstant().toString())).get("/api/kpi/enterprise"));
        assertEquals(2, onDemand.<Integer>get("kpis.find { it.code == 'ON_TIME_DELIVERY' }.inputs.linesDue"));
        assertEquals(2, onDemand.<Integer>get("kpis.find { it.code == 'ON_TIME_DELIVERY' }.inputs.linesOnTime"));

        // what was kept from the changes equals a recomputation from the raw history
        plant.enterprise.as("admin").queryParam("from", from.toString()).post("/api/kpi/rollups/recompute").then()
                .statusCode(200);
        for (String grain : kept.keySet()) {
            assertEquals(kept.get(grain), buckets(plant, grain, since, until), grain + " kept = recomputed");
        }
        // hours carry no deliveries
        List<Map<String, Object>> hours = buckets(plant, "HOUR", until.minus(Duration.ofHours(3)), until);
        assertTrue(hours.size() > 0);
        hours.forEach(h -> assertNull(h.get("linesDue")));
    }

    // ---- helpers ----

    private static Map<String, Object> line(int lineNo, String quantity, LocalDate promised) {
        return Map.of("lineNo", lineNo, "itemId", 0L, "quantity", quantity, "date", promised.toString(),
                "unitPrice", "10");
    }

    private static List<Map<String, Object>> withItem(List<Map<String, Object>> lines, long item) {
        return lines.stream().map(l -> {
            Map<String, Object> copy = new LinkedHashMap<>(l);
            copy.put("itemId", item);
            return (Map<String, Object>) copy;
        }).toList();
    }

    private static long order(ShopFloorFixture plant, long customer, long item, List<Map<String, Object>> lines) {
        return ((Number) plant.data.planner().body(Map.of("customerId", customer, "lines", withItem(lines, item)))
                .post("/api/sales-orders").then().statusCode(201).extract().path("id")).longValue();
    }

    private static void confirm(ShopFloorFixture plant, long order) {
        plant.data.planner().post("/api/sales-orders/" + order + "/confirm").then().statusCode(200);
    }

    private static void ship(ShopFloorFixture plant, long order, Map<Integer, String> quantities) {
        List<Map<String, Object>> lines = new ArrayList<>();
        quantities.forEach((no, q) -> lines.add(Map.of("lineNo", no, "quantity", q, "locationId",
                plant.finishedGoods)));
        plant.data.planner().body(Map.of("lines", lines, "requestId", UUID.randomUUID().toString()))
                .post("/api/sales-orders/" + order + "/shipments").then().statusCode(201);
    }

    /**
     * The enterprise's buckets of a grain around the labelled one, once the labelled bucket satisfies {@code done}
     * (the worker compares the sales lines every five seconds; at most 15 s).
     */
    private static JsonPath await(ShopFloorFixture plant, String grain, String label,
                                  Predicate<Map<String, Object>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Instant to = Instant.now().plus(Duration.ofDays(1));
        Instant from = to.minus(Duration.ofDays(grain.equals("MONTH") ? 120 : 20));
        while (true) {
            JsonPath series = json(plant.data.planner().queryParams(Map.of("level", "ENTERPRISE", "grain", grain,
                    "from", from.toString(), "to", to.toString())).get("/api/kpi/rollups"));
            Map<String, Object> bucket = series.get("buckets.find { it.label == '" + label + "' }");
            if (bucket != null && bucket.get("linesDue") != null && done.test(bucket)) {
                return series;
            }
            assertTrue(System.nanoTime() < deadline, "the " + grain + " " + label + " roll-up did not follow within"
                    + " 15 s: " + bucket);
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The enterprise's buckets of a grain starting in [from, to), without when they were computed. */
    private static List<Map<String, Object>> buckets(ShopFloorFixture plant, String grain, Instant from, Instant to) {
        List<Map<String, Object>> all = new ArrayList<>();
        Duration window = Duration.ofDays(grain.equals("HOUR") ? 31 : 400);
        for (Instant a = from; a.isBefore(to); a = a.plus(window)) {
            Instant b = a.plus(window).isAfter(to) ? to : a.plus(window);
            List<Map<String, Object>> buckets = json(plant.data.planner().queryParams(Map.of("level", "ENTERPRISE",
                    "grain", grain, "from", a.toString(), "to", b.toString())).get("/api/kpi/rollups"))
                    .getList("buckets");
            for (Map<String, Object> bucket : buckets) {
                Map<String, Object> copy = new LinkedHashMap<>(bucket);
                copy.remove("computedAt");
                copy.remove("complete");
                all.add(copy);
            }
        }
        return all;
    }

    private static Row rowOf(Sheet sheet, String code) {
        for (Row row : sheet) {
            if (row.getRowNum() >= 2 && code.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError(code + " not in " + sheet.getSheetName());
    }
}
