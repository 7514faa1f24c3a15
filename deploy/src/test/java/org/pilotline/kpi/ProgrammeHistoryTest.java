package org.pilotline.kpi;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pilotline.app.bootstrap.DemoProgrammeGenerator;
import org.pilotline.testing.Api;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo programme's generator at a small size (two enterprises, three days) in the shared test boot, where it does
 * not run by itself: a run cut short is continued by the next without writing anything twice; the history is the
 * simulator's machine model with work orders whose quantities fit the machine's running time; the roll-ups it leaves
 * are what a recomputation from the raw history gives; the bureau sees the new enterprises' aggregates and the
 * progress, and the enterprises see nothing of each other.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProgrammeHistoryTest {

    private static final String FIRST = "nb-valve";
    private static final String SECOND = "cz-auto";
    private static final String HISTORY_TABLES = "mes_machine_interval,mes_data_loss,mes_report,mes_operation,"
            + "mes_work_order,production_order";

    private static boolean generated;

    @Inject
    DemoProgrammeGenerator generator;

    @Inject
    AgroalDataSource dataSource;

    private void generate() throws Exception {
        if (generated) {
            return;
        }
        // cut short after two of the three days of each enterprise, as a stop would leave it
        generator.generate(2, 3, 2).get(10, TimeUnit.MINUTES);
        JsonPath cut = Api.as("bureau").get("/api/programme/demo-history").then().statusCode(200).extract().jsonPath();
        assertEquals("INCOMPLETE", cut.getString("state"), cut.prettify());
        assertEquals(4, cut.getInt("daysGenerated"), cut.prettify());
        assertEquals(0, cut.getInt("enterprisesComplete"), cut.prettify());
        Instant end = Instant.parse(cut.getString("enterprises[0].historyEnd"));
        long firstTwoDays = count("select count(*) from mes_machine_interval where tenant_id = ? and started_at < ?",
                FIRST, java.sql.Timestamp.from(end.minusSeconds(1)));

        generator.generate(2, 3).get(10, TimeUnit.MINUTES);
        generated = true;
        assertEquals(firstTwoDays, count("select count(*) from mes_machine_interval where tenant_id = ? and started_at"
                + " < ?", FIRST, java.sql.Timestamp.from(end.minusSeconds(1))) - lastDayIntervals(FIRST),
                "the days written before the stop are not written again");
    }

    @Test
    @Order(1)
    void aGenerationCutShortIsContinuedAndTheBureauSeesItsProgress() throws Exception {
        generate();
        JsonPath done = Api.as("bureau").get("/api/programme/demo-history").then().statusCode(200).extract().jsonPath();
        assertEquals("COMPLETE", done.getString("state"), done.prettify());
        assertEquals(2, done.getInt("enterprisesComplete"));
        assertEquals(6, done.getInt("daysGenerated"));
        assertEquals(List.of(FIRST, SECOND), done.getList("enterprises.enterprise"));
        assertEquals(List.of("COMPLETE", "COMPLETE"), done.getList("enterprises.state"));
        Api.as(FIRST + "-admin").get("/api/programme/demo-history").then().statusCode(403)
                .contentType("application/problem+json");
        // the enterprises joined the 2024 pilot cohort
        List<Map<String, Object>> cohorts = Api.as("bureau").get("/api/programme/cohorts").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.year == 2024 && it.type == 'PILOT' }");
        assertEquals(1, cohorts.size());
        assertTrue(((List<?>) cohorts.get(0).get("enterprises")).containsAll(List.of(FIRST, SECOND)));
    }

    @Test
    @Order(2)
    void aSecondRunChangesNothing() throws Exception {
        generate();
        List<Long> before = counts();
        generator.generate(2, 3).get(10, TimeUnit.MINUTES);
        assertEquals(before, counts());
    }

    @Test
    @Order(3)
    void theHistoryIsMachineStatesAndOrdersWhoseQuantitiesFitTheRunningTime() throws Exception {
        generate();
        for (String enterprise : List.of(FIRST, SECOND)) {
            assertTrue(count("select count(*) from mes_machine_interval where tenant_id = ?", enterprise) > 0);
            assertTrue(count("select count(*) from mes_report where tenant_id = ? and kind = 'FINISH'", enterprise) > 0);
            assertEquals(0, count("select count(*) from mes_machine_interval a join mes_machine_interval b"
                    + " on a.tenant_id = b.tenant_id and a.work_unit_id = b.work_unit_id and a.id < b.id"
                    + " and a.started_at < b.ended_at and b.started_at < a.ended_at where a.tenant_id = ?", enterprise),
                    "a machine is in one state at a time");
            assertEquals(0, count("select count(*) from mes_operation o where o.tenant_id = ? and o.good_quantity"
                    + " + o.scrap_quantity + o.rework_quantity <> (select coalesce(sum(coalesce(r.good_quantity, 0)"
                    + " + coalesce(r.scrap_quantity, 0) + coalesce(r.rework_quantity, 0)), 0) from mes_report r"
                    + " where r.operation_id = o.id)", enterprise), "an operation's quantities are its reports'");
            // the routing's time for what was made, against the time the machines executed: the simulator's cycles
            // vary around a cycle no faster than the routing's, so the ratio is at most about one
            BigDecimal ratio = decimal("select sum((o.good_quantity + o.scrap_quantity + o.rework_quantity)"
                    + " * o.run_minutes_per_unit * 60) / (select sum(timestampdiff(second, i.started_at, i.ended_at))"
                    + " from mes_machine_interval i where i.tenant_id = ?1 and i.state = 'EXECUTING')"
                    + " from mes_operation o where o.tenant_id = ?1", enterprise);
            assertTrue(ratio.compareTo(new BigDecimal("0.5")) > 0 && ratio.compareTo(new BigDecimal("1.05")) < 0,
                    enterprise + ": planned run time / executing time = " + ratio);
        }
    }

    @Test
    @Order(4)
    void theRollupsAreWhatARecomputationFromTheRawHistoryGives() throws Exception {
        generate();
        Instant end = Instant.parse(Api.as("bureau").get("/api/programme/demo-history").then().extract().jsonPath()
                .getString("enterprises[0].historyEnd"));
        List<String> kept = rollups(FIRST, end);
        assertTrue(kept.size() > 100, "buckets of every grain and level: " + kept.size());
        Api.as(FIRST + "-admin").post("/api/kpi/rollups/recompute").then().statusCode(200)
                .body("enterprise", is(FIRST));
        assertEquals(kept, rollups(FIRST, end));
    }

    @Test
    @Order(5)
    void theBureauSeesTheNewEnterprisesAggregatesAndTheyNeverSeeEachOther() throws Exception {
        generate();
        JsonPath progress = Api.as("bureau").get("/api/programme/demo-history").then().extract().jsonPath();
        Instant end = Instant.parse(progress.getString("enterprises[0].historyEnd"));
        Instant from = end.minusSeconds(2 * 86_400);
        JsonPath comparison = Api.as("bureau").queryParams(Map.of("from", from.toString(), "to", end.toString()))
                .get("/api/kpi/bureau/enterprises").then().statusCode(200).extract().jsonPath();
        for (String enterprise : List.of(FIRST, SECOND)) {
            String mine = "enterprises.find { it.code == '" + enterprise + "' }";
            assertNotNull(comparison.get(mine), comparison.prettify());
            assertTrue(new BigDecimal(comparison.get(mine + ".timeElements.find { it.code == 'APT' }.seconds")
                    .toString()).signum() > 0, enterprise + " has production time");
            assertNotNull(comparison.get(mine + ".kpis.find { it.code == 'OEE' }.value"), enterprise + " has an OEE");
        }
        long otherUnit = count("select min(id) from work_unit where tenant_id = ?", SECOND);
        Api.as(FIRST + "-admin").queryParams(Map.of("level", "WORK_UNIT", "id", otherUnit, "grain", "DAY", "from",
                from.toString(), "to", end.toString())).get("/api/kpi/rollups").then().statusCode(404)
                .contentType("application/problem+json");
        JsonPath own = Api.as(FIRST + "-admin").queryParams(Map.of("level", "ENTERPRISE", "grain", "DAY", "from",
                from.toString(), "to", end.toString())).get("/api/kpi/rollups").then().statusCode(200).extract().jsonPath();
        assertFalse(own.getList("buckets").isEmpty());
        assertEquals(FIRST, own.getString("code"));
    }

    @Test
    @Order(6)
    void theBureausComparisonFromTheRollupsIsWhatTheRawHistoryGivesTimeElementsAndKpis() throws Exception {
        generate();
        Instant end = Instant.parse(Api.as("bureau").get("/api/programme/demo-history").then().extract().jsonPath()
                .getString("enterprises[0].historyEnd"));
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        java.time.LocalDate lastDay = end.minusSeconds(1).atZone(zone).toLocalDate();
        List<Instant[]> periods = List.of(
                // whole days of the generated history
                new Instant[]{lastDay.minusDays(2).atStartOfDay(zone).toInstant(), end},
                // whole days with hours and minutes at both edges
                new Instant[]{lastDay.minusDays(2).atTime(7, 23).atZone(zone).toInstant(),
                        lastDay.atTime(16, 41).atZone(zone).toInstant()});
        for (Instant[] p : periods) {
            Map<String, Object> q = Map.of("from", p[0].toString(), "to", p[1].toString());
            JsonPath bureau = Api.as("bureau").queryParams(q).get("/api/kpi/bureau/enterprises").then().statusCode(200)
                    .extract().jsonPath(io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                            .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
            for (String enterprise : List.of(FIRST, SECOND)) {
                JsonPath raw = Api.as(enterprise + "-admin").queryParams(q).get("/api/kpi/enterprise").then()
                        .statusCode(200).extract().jsonPath(io.restassured.path.json.config.JsonPathConfig
                                .jsonPathConfig().numberReturnType(io.restassured.path.json.config.JsonPathConfig
                                        .NumberReturnType.BIG_DECIMAL));
                String mine = "enterprises.find { it.code == '" + enterprise + "' }";
                String what = enterprise + " " + p[0] + " .. " + p[1];
                assertEquals(raw.<Object>getList("timeElements"), bureau.getList(mine + ".timeElements"), what);
                assertEquals(raw.<Object>get("quantities"), bureau.get(mine + ".quantities"), what);
                assertEquals(raw.<Object>get("failures"), bureau.get(mine + ".failures"), what);
                assertEquals(raw.<Object>getList("kpis"), bureau.getList(mine + ".kpis"), what);
                assertTrue(new BigDecimal(raw.get("timeElements.find { it.code == 'APT' }.seconds").toString())
                        .signum() > 0, what + " has production time");
            }
        }
    }

    // ---- reading the database ----

    private List<Long> counts() throws SQLException {
        List<Long> counts = new ArrayList<>();
        for (String table : HISTORY_TABLES.split(",")) {
            for (String enterprise : List.of(FIRST, SECOND)) {
                counts.add(count("select count(*) from " + table + " where tenant_id = ?", enterprise));
            }
        }
        counts.add(count("select count(*) from enterprise where code in (?, ?)", FIRST, SECOND));
        counts.add(count("select count(*) from work_unit where tenant_id in (?, ?)", FIRST, SECOND));
        counts.add(count("select count(*) from programme_cohort_enterprise where enterprise_code in (?, ?)", FIRST,
                SECOND));
        return counts;
    }

    private long lastDayIntervals(String enterprise) throws SQLException {
        return count("select count(*) from mes_machine_interval i where i.tenant_id = ? and i.started_at >="
                + " (select timestamp(max(day)) - interval 8 hour from demo_history_day d where d.tenant_id = i.tenant_id)",
                enterprise);
    }

    /** Every roll-up row of buckets that ended by {@code end}, all columns but when it was computed. */
    private List<String> rollups(String enterprise, Instant end) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select * from kpi_rollup where tenant_id = ? and bucket_end <= ?"
                     + " order by level, node_id, grain, bucket_start")) {
            s.setString(1, enterprise);
            s.setTimestamp(2, java.sql.Timestamp.from(end));
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        if (!meta.getColumnName(i).equalsIgnoreCase("computed_at")) {
                            row.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                        }
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }

    private long count(String sql, Object... parameters) throws SQLException {
        return decimal(sql, parameters).longValue();
    }

    private BigDecimal decimal(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql.replace("?1", "?"))) {
            int marks = (int) sql.replace("?1", "?").chars().filter(ch -> ch == '?').count();
            for (int i = 0; i < marks; i++) {
                s.setObject(i + 1, parameters[Math.min(i, parameters.length - 1)]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                BigDecimal value = rs.getBigDecimal(1);
                return value == null ? BigDecimal.ZERO : value;
            }
        }
    }
}
