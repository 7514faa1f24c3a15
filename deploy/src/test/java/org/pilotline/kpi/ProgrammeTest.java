package org.pilotline.kpi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.mes.ShopFloorFixture;
import org.pilotline.testing.Api;
import org.pilotline.testing.TestEnterprise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.testing.MasterData.id;
import static org.pilotline.mes.ShopFloorFixture.operations;
import static org.pilotline.mes.ShopFloorFixture.quantity;
import static org.pilotline.mes.ShopFloorFixture.report;

/**
 * The programme's records through the HTTP API: the bureau manages cohorts, pairings, projects, training and model
 * cases and reads aggregates only; experts log visits only for the enterprises paired with them; an enterprise's
 * manager submits its CMMM self-assessment, read beside the usage the suite measured from real MRP runs and reports.
 */
@QuarkusTest
class ProgrammeTest {

    private static final String HEADER = "PilotLine-Enterprise";
    private static final AtomicInteger YEARS = new AtomicInteger(2030 + ThreadLocalRandom.current().nextInt(30));

    private static TestEnterprise a;
    private static TestEnterprise b;
    private static String expert;
    private static String otherExpert;
    private static int thisYear;

    @BeforeEach
    void programme() {
        if (a != null) {
            return;
        }
        a = TestEnterprise.create("DISCRETE");
        b = TestEnterprise.create("PROCESS");
        expert = newExpert();
        otherExpert = newExpert();
        thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        pair(expert, a.code, LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(30), null).then().statusCode(201);
    }

    @Test
    void theBureauSelectsACohortAndAnEnterpriseBelongsToOneCohortOnly() {
        int year = YEARS.incrementAndGet();
        TestEnterprise c = TestEnterprise.create();
        Response created = bureau().body(cohort(year, "PILOT", c.code)).post("/api/programme/cohorts");
        created.then().statusCode(201).header("Location", containsString("/api/programme/cohorts/"))
                .body("enterprises", is(List.of(c.code))).body("nameZh", is("第" + year + "批试点"));
        long id = id(created);
        long version = created.then().extract().<Number>path("version").longValue();

        bureau().body(cohort(year, "PILOT", b.code)).post("/api/programme/cohorts").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("duplicate-cohort"));
        bureau().body(cohort(year, "DEMONSTRATION", c.code)).post("/api/programme/cohorts").then().statusCode(409)
                .body("type", containsString("enterprise-in-cohort")).body("errors[0].field", is("enterprises[0]"));
        bureau().body(cohort(year, "DEMONSTRATION", "no-such-enterprise")).post("/api/programme/cohorts").then()
                .statusCode(400).body("errors[0].field", is("enterprises[0]"));
        bureau().body(Map.of("year", year, "nameEn", "x", "type", "PILOT", "enterprises", List.of()))
                .post("/api/programme/cohorts").then().statusCode(400).body("errors.field", hasItem("nameZh"));

        Map<String, Object> change = cohort(year, "PILOT", c.code);
        change.put("nameEn", "Pilots of " + year + ", renamed");
        change.put("version", version);
        bureau().body(change).put("/api/programme/cohorts/" + id).then().statusCode(200)
                .body("nameEn", is("Pilots of " + year + ", renamed"));
        bureau().body(change).put("/api/programme/cohorts/" + id).then().statusCode(409)
                .body("type", containsString("stale-version"));
        bureau().get("/api/programme/cohorts").then().statusCode(200).body("items.id", hasItem((int) id))
                .body("page", is(0)).body("size", is(50)).body("total", greaterThanOrEqualTo(1));

        c.as("manager").body(cohort(year + 100, "PILOT", c.code)).post("/api/programme/cohorts").then().statusCode(403)
                .contentType("application/problem+json");
        c.as("manager").get("/api/programme/cohorts").then().statusCode(403);
        Api.as(expert, TestEnterprise.PASSWORD).get("/api/programme/cohorts").then().statusCode(403);
    }

    @Test
    void anExpertLogsVisitsOnlyForTheEnterprisesPairedWithThemAndARepeatedRequestIsLoggedOnce() {
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> visit = visit(requestId, LocalDate.of(thisYear, 1, 15));
        Response first = asExpert(expert, a.code).body(visit).post("/api/programme/visits");
        first.then().statusCode(201).header("Location", containsString("/api/programme/visits/"))
                .body("expert", is(expert)).body("enterprise", is(a.code)).body("followUps.size()", is(2));
        long visitId = id(first);
        asExpert(expert, a.code).body(visit).post("/api/programme/visits").then().statusCode(200)
                .body("id", is((int) visitId));
        assertEquals(1, asExpert(expert, a.code).get("/api/programme/visits").then().statusCode(200).extract()
                .<List<Object>>path("items.findAll { it.requestId == '" + requestId + "' }").size());

        // not assigned at all: the expert acts for no enterprise
        asExpert(expert, b.code).body(visit(UUID.randomUUID().toString(), LocalDate.of(thisYear, 1, 16)))
                .post("/api/programme/visits").then().statusCode(403).contentType("application/problem+json");
        asExpert(otherExpert, a.code).body(visit(UUID.randomUUID().toString(), LocalDate.of(thisYear, 1, 16)))
                .post("/api/programme/visits").then().statusCode(403);
        // assigned (the pairing lets them read b) but the pairing starts tomorrow: not paired today
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        pair(otherExpert, b.code, tomorrow, null).then().statusCode(201).body("current", is(false));
        asExpert(otherExpert, b.code).body(visit(UUID.randomUUID().toString(), LocalDate.of(thisYear, 1, 16)))
                .post("/api/programme/visits").then().statusCode(403).body("type", containsString("not-paired"));
        asExpert(otherExpert, b.code).get("/api/programme/visits").then().statusCode(200);
        // a manager of the enterprise writes none, and another enterprise never sees the entry
        a.as("manager").body(visit(UUID.randomUUID().toString(), LocalDate.of(thisYear, 1, 16)))
                .post("/api/programme/visits").then().statusCode(403);
        a.as("manager").get("/api/programme/visits/" + visitId).then().statusCode(200).body("topics", is("MRP rollout"));
        a.as("admin").get("/api/programme/visits").then().statusCode(200).body("items.id", hasItem((int) visitId));
        b.as("manager").get("/api/programme/visits/" + visitId).then().statusCode(404);
        b.as("manager").get("/api/programme/visits").then().statusCode(200)
                .body("items.id", not(hasItem((int) visitId)));
        a.as("planner").get("/api/programme/visits").then().statusCode(403);

        // the author closes a follow-up
        long version = first.then().extract().<Number>path("version").longValue();
        asExpert(expert, a.code).body(Map.of("version", version, "followUps", List.of(
                        Map.of("action", "Clean the item master", "due", LocalDate.of(thisYear, 2, 1).toString(), "done", true))))
                .put("/api/programme/visits/" + visitId + "/follow-ups").then().statusCode(200)
                .body("followUps[0].done", is(true)).body("followUps.size()", is(1));
        asExpert(expert, a.code).body(Map.of("version", version, "followUps", List.of()))
                .put("/api/programme/visits/" + visitId + "/follow-ups").then().statusCode(409)
                .body("type", containsString("stale-version"));
        asExpert(expert, a.code).body(Map.of("requestId", "has spaces", "visitDate", "2026-01-01", "topics", "t",
                "findings", "f")).post("/api/programme/visits").then().statusCode(400).body("errors[0].field", is("requestId"));
    }

    @Test
    void theBureauSeesAggregatesAndIsRefusedEveryRawResource() {
        TestEnterprise d = TestEnterprise.create();
        bureau().body(cohort(YEARS.incrementAndGet(), "PILOT", d.code)).post("/api/programme/cohorts").then().statusCode(201);
        pair(expert, d.code, LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1), null).then().statusCode(201);
        asExpert(expert, d.code).body(visit(UUID.randomUUID().toString(), LocalDate.of(thisYear, 3, 1)))
                .post("/api/programme/visits").then().statusCode(201);
        long visitId = id(asExpert(expert, d.code).body(visit(UUID.randomUUID().toString(), LocalDate.of(thisYear, 3, 8)))
                .post("/api/programme/visits"));
        bureau().body(training("ENGINEERING", d.code, 5, "20")).post("/api/programme/trainings").then().statusCode(201);
        bureau().body(training("MANAGEMENT", d.code, 2, "7.5")).post("/api/programme/trainings").then().statusCode(201);
        bureau().body(training("ENGINEERING", d.code, 1, "4.25")).post("/api/programme/trainings").then().statusCode(201);
        bureau().body(Map.of("enterprise", d.code, "manufacturingType", "DISCRETE", "year", thisYear,
                "citation", "数字化车间示范 / digital workshop")).post("/api/programme/model-cases").then().statusCode(201);
        bureau().body(Map.of("enterprise", d.code, "manufacturingType", "DISCRETE", "year", thisYear,
                "citation", "again")).post("/api/programme/model-cases").then().statusCode(409)
                .body("type", containsString("duplicate-model-case"));
        bureau().body(project(d.code, expert)).post("/api/programme/projects").then().statusCode(201);
        d.as("manager").body(Map.of("levels", List.of(Map.of("domain", "PRODUCTION", "level", 3),
                Map.of("domain", "PERSONNEL", "level", 2)))).put("/api/programme/cmmm/" + thisYear).then().statusCode(201);

        Response overview = bureau().queryParam("year", thisYear).get("/api/programme/overview");
        overview.then().statusCode(200);
        String row = "enterprises.find { it.enterprise == '" + d.code + "' }";
        overview.then().body(row + ".visits", is(2)).body(row + ".openFollowUps", is(4))
                .body(row + ".experts", is(List.of(expert))).body(row + ".projects.PROPOSED", is(1))
                .body(row + ".cmmmLevels.PRODUCTION", is(3)).body(row + ".cmmmLevels.PERSONNEL", is(2))
                .body(row + ".modelCases", is(List.of("DISCRETE " + thisYear)))
                .body(row + ".usage.mrpRuns", is(0));
        assertEquals(new BigDecimal("24.25"), Api.decimal(overview, row + ".trainingPersonHours.ENGINEERING"));
        assertEquals(new BigDecimal("7.5"), Api.decimal(overview, row + ".trainingPersonHours.MANAGEMENT"));
        bureau().queryParam("from", thisYear + "-03-01").queryParam("to", thisYear + "-03-31")
                .get("/api/programme/visit-counts").then().statusCode(200)
                .body("find { it.enterprise == '" + d.code + "' }.visits", is(2));
        bureau().queryParam("from", thisYear + "-03-31").queryParam("to", thisYear + "-03-01")
                .get("/api/programme/visit-counts").then().statusCode(400).body("errors[0].field", is("to"));
        bureau().queryParam("year", "next").get("/api/programme/overview").then().statusCode(400)
                .body("errors[0].field", is("year"));

        for (String raw : List.of("/api/programme/visits", "/api/programme/visits/" + visitId,
                "/api/programme/cmmm/" + thisYear, "/api/programme/usage?month=" + thisYear + "-03",
                "/api/programme/training-totals?year=" + thisYear)) {
            bureau().header(HEADER, d.code).get(raw).then().statusCode(403).contentType("application/problem+json");
        }
        bureau().body(visit(UUID.randomUUID().toString(), LocalDate.of(thisYear, 3, 9))).post("/api/programme/visits")
                .then().statusCode(403);
        d.as("manager").get("/api/programme/overview?year=" + thisYear).then().statusCode(403);
        d.as("manager").get("/api/programme/visit-counts?from=2026-01-01&to=2026-12-31").then().statusCode(403);
        Response session = bureau().body(training("MANAGEMENT", d.code, 3, "9")).post("/api/programme/trainings");
        long sessionId = id(session);
        Map<String, Object> moved = new java.util.HashMap<>(training("MANAGEMENT", d.code, 3, "9"));
        moved.put("date", LocalDate.of(thisYear - 1, 12, 2).toString());
        moved.put("version", session.then().extract().<Number>path("version").longValue());
        bureau().body(moved).put("/api/programme/trainings/" + sessionId).then().statusCode(200)
                .body("date", is((thisYear - 1) + "-12-02"));
        bureau().body(moved).put("/api/programme/trainings/" + sessionId).then().statusCode(409)
                .body("type", containsString("stale-version"));
        bureau().body(training("MANAGEMENT", "no-such", 3, "9")).post("/api/programme/trainings").then()
                .statusCode(400).body("errors[0].field", is("attendance[0].enterprise"));
        bureau().get("/api/programme/trainings/" + sessionId).then().statusCode(200).body("attendance[0].attendees", is(3));
        bureau().get("/api/programme/cohorts/999999999").then().statusCode(404).contentType("application/problem+json");
        long spare = id(bureau().body(Map.of("enterprise", d.code, "manufacturingType", "PROCESS", "year", thisYear,
                "citation", "withdrawn")).post("/api/programme/model-cases"));
        bureau().delete("/api/programme/model-cases/" + spare).then().statusCode(204);
        bureau().get("/api/programme/model-cases/" + spare).then().statusCode(404);
        d.as("manager").queryParam("year", thisYear).get("/api/programme/training-totals").then().statusCode(200)
                .body("find { it.level == 'ENGINEERING' }.sessions", is(2))
                .body("find { it.level == 'ENGINEERING' }.attendees", is(6));
    }

    @Test
    void aResearchProjectMovesOnlyAlongItsLifeAndItsExpertsRecordMilestones() {
        Response created = bureau().body(project(a.code, expert)).post("/api/programme/projects");
        created.then().statusCode(201).body("status", is("PROPOSED")).body("milestones.size()", is(2));
        long id = id(created);
        long version = created.then().extract().<Number>path("version").longValue();

        bureau().body(Map.of("status", "COMPLETED", "version", version)).post("/api/programme/projects/" + id + "/status")
                .then().statusCode(409).body("type", containsString("invalid-transition"))
                .body("currentStatus", is("PROPOSED"));
        Response active = bureau().body(Map.of("status", "ACTIVE", "version", version))
                .post("/api/programme/projects/" + id + "/status");
        active.then().statusCode(200).body("status", is("ACTIVE"));
        version = active.then().extract().<Number>path("version").longValue();

        Api.as(expert, TestEnterprise.PASSWORD).get("/api/programme/projects").then().statusCode(200)
                .body("items.id", hasItem((int) id));
        Api.as(otherExpert, TestEnterprise.PASSWORD).get("/api/programme/projects").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        Api.as(otherExpert, TestEnterprise.PASSWORD).body(Map.of("doneOn", thisYear + "-02-01", "version", version))
                .put("/api/programme/projects/" + id + "/milestones/0").then().statusCode(404);
        Response done = Api.as(expert, TestEnterprise.PASSWORD).body(Map.of("doneOn", thisYear + "-02-01", "version", version))
                .put("/api/programme/projects/" + id + "/milestones/0");
        done.then().statusCode(200).body("milestones[0].doneOn", is(thisYear + "-02-01"))
                .body("milestones[1].doneOn", nullValue());
        Api.as(expert, TestEnterprise.PASSWORD).body(Map.of("doneOn", thisYear + "-02-02", "version", version))
                .put("/api/programme/projects/" + id + "/milestones/0").then().statusCode(409);
        Api.as(expert, TestEnterprise.PASSWORD).body(Map.of("status", "CANCELLED", "version", version))
                .post("/api/programme/projects/" + id + "/status").then().statusCode(403);
        Api.as(expert, TestEnterprise.PASSWORD).body(Map.of("doneOn", thisYear + "-02-01", "version", version))
                .put("/api/programme/projects/" + id + "/milestones/7").then().statusCode(404);

        Map<String, Object> bad = project(a.code, "nobody-" + UUID.randomUUID());
        bureau().body(bad).post("/api/programme/projects").then().statusCode(400).body("errors[0].field", is("experts[0]"));
    }

    @Test
    void theCmmmSelfAssessmentIsValidatedOnePerYearAndShownBesideUsageMeasuredFromRealRunsAndReports() {
        ShopFloorFixture plant = new ShopFloorFixture();
        TestEnterprise e = plant.enterprise;
        // two MRP runs and three applied reports, two of them from a terminal
        plant.data.mrpRun("2027-03-01", 4);
        plant.data.mrpRun("2027-03-01", 4);
        long workCenter = plant.workCenter("PRG");
        long component = plant.data.bought("PRG-C", "1");
        long product = plant.product("PRG-P", workCenter, component);
        plant.receive(component, "10", plant.staging, null, null);
        long op = id(operations(plant.release(product, "5")).get(0));
        ShopFloorFixture.Terminal terminal = plant.terminal("PRG-T", workCenter);
        terminal.send(report("START", op)).then().statusCode(200);
        terminal.send(quantity(op, "1")).then().statusCode(200);
        e.as("operator").body(quantity(op, "1")).post("/api/mes/reports").then().statusCode(200);
        // two process instances on the engine, as the enterprise's tenant
        e.as("admin").body(Map.of("goal", "usage")).post("/api/processes/onboarding").then().statusCode(201);
        e.as("admin").body(Map.of("goal", "usage again")).post("/api/processes/onboarding").then().statusCode(201);

        String zone = e.as("admin").get("/api/enterprises/" + e.code).then().statusCode(200).extract().path("timeZone");
        YearMonth month = YearMonth.now(ZoneId.of(zone));
        e.as("manager").queryParam("month", month.toString()).get("/api/programme/usage").then().statusCode(200)
                .body("mrpRuns", is(2)).body("reports", is(3)).body("terminalReports", is(2))
                .body("machinesBound", is(0)).body("machinesReporting", is(0)).body("processesStarted", is(2));
        assertEquals(new BigDecimal("0.6667"), Api.decimal(e.as("manager").queryParam("month", month.toString())
                .get("/api/programme/usage"), "terminalShare"));
        e.as("manager").queryParam("month", "March").get("/api/programme/usage").then().statusCode(400)
                .body("errors[0].field", is("month"));
        a.as("manager").queryParam("month", month.toString()).get("/api/programme/usage").then().statusCode(200)
                .body("mrpRuns", is(0)).body("reports", is(0)).body("terminalShare", nullValue())
                .body("processesStarted", is(0));

        int year = month.getYear();
        String path = "/api/programme/cmmm/" + year;
        e.as("manager").body(Map.of("levels", List.of(Map.of("domain", "PRODUCTION", "level", 3),
                Map.of("domain", "ROBOTS", "level", 2)))).put(path).then().statusCode(400)
                .body("errors[0].field", is("levels[1].domain"));
        e.as("manager").body(Map.of("levels", List.of(Map.of("domain", "PRODUCTION", "level", 6)))).put(path).then()
                .statusCode(400).body("errors[0].field", is("levels[0].level"));
        e.as("manager").get(path).then().statusCode(200).body("assessment", nullValue());
        e.as("planner").body(Map.of("levels", List.of(Map.of("domain", "PRODUCTION", "level", 2)))).put(path).then()
                .statusCode(403);

        Response first = e.as("manager").body(Map.of("levels", List.of(Map.of("domain", "PRODUCTION", "level", 2),
                Map.of("domain", "LOGISTICS", "level", 1)))).put(path);
        first.then().statusCode(201).header("Location", containsString(path)).body("levels[0].domain", is("PRODUCTION"))
                .body("levels[0].nameZh", is("生产"));
        long version = first.then().extract().<Number>path("version").longValue();
        e.as("admin").body(Map.of("levels", List.of(Map.of("domain", "PRODUCTION", "level", 3)), "version", version))
                .put(path).then().statusCode(200).body("levels.size()", is(1)).body("levels[0].level", is(3));
        e.as("admin").body(Map.of("levels", List.of(Map.of("domain", "PRODUCTION", "level", 4)), "version", version))
                .put(path).then().statusCode(409).body("type", containsString("stale-version"));

        Response shown = e.as("manager").get(path);
        shown.then().statusCode(200).body("assessment.levels[0].level", is(3)).body("usage.size()", is(month.getMonthValue()))
                .body("usage[" + (month.getMonthValue() - 1) + "].mrpRuns", is(2))
                .body("usage[" + (month.getMonthValue() - 1) + "].terminalReports", is(2));
        a.as("manager").get(path).then().statusCode(200).body("assessment", nullValue());
        Api.anonymous().get("/api/programme/cmmm/domains").then().statusCode(401);
        e.as("operator").get("/api/programme/cmmm/domains").then().statusCode(200).body("size()", is(8))
                .body("find { it.domain == 'PERSONNEL' }.nameZh", is("人员"));
    }

    @Test
    void pairingsNameARealExpertAndEndingOneWithdrawsTheExpertsAccess() {
        TestEnterprise f = TestEnterprise.create();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        pair(f.code + "-manager", f.code, today, null).then().statusCode(400).body("errors[0].field", is("expert"));
        pair(otherExpert, "no-such", today, null).then().statusCode(400).body("errors[0].field", is("enterprise"));
        pair(otherExpert, f.code, today, today.minusDays(1)).then().statusCode(400).body("errors[0].field", is("validTo"));
        Response created = pair(otherExpert, f.code, today.minusDays(10), null);
        created.then().statusCode(201).body("current", is(true));
        pair(otherExpert, f.code, today.minusDays(10), null).then().statusCode(409)
                .body("type", containsString("duplicate-pairing"));
        asExpert(otherExpert, f.code).get("/api/programme/visits").then().statusCode(200);
        asExpert(otherExpert, f.code).body(visit(UUID.randomUUID().toString(), today)).post("/api/programme/visits")
                .then().statusCode(201);

        long id = id(created);
        long version = created.then().extract().<Number>path("version").longValue();
        bureau().body(Map.of("expert", otherExpert, "enterprise", f.code, "validFrom", today.minusDays(10).toString(),
                        "validTo", today.minusDays(1).toString(), "version", version))
                .put("/api/programme/pairings/" + id).then().statusCode(200).body("current", is(false));
        asExpert(otherExpert, f.code).get("/api/programme/visits").then().statusCode(403);
        asExpert(otherExpert, f.code).body(visit(UUID.randomUUID().toString(), today)).post("/api/programme/visits")
                .then().statusCode(403);
        Api.as(otherExpert, TestEnterprise.PASSWORD).get("/api/programme/pairings").then().statusCode(200)
                .body("items.enterprise", hasItem(f.code)).body("items.expert", not(hasItem(expert)));
        f.as("admin").get("/api/programme/pairings").then().statusCode(403);
    }

    @Test
    void theDemoEnterprisesFormTheSeededPilotCohortWithTheDemoExpertsVisits() {
        Response overview = bureau().queryParam("year", 2026).get("/api/programme/overview");
        overview.then().statusCode(200);
        String demo = "enterprises.find { it.enterprise == 'demo' }";
        // at least what was seeded: other tests may add to the demo enterprises' programme
        overview.then().body(demo + ".cohortYear", is(2026)).body(demo + ".experts", hasItem("expert"))
                .body(demo + ".visits", greaterThanOrEqualTo(2)).body(demo + ".projects.ACTIVE", greaterThanOrEqualTo(1))
                .body(demo + ".modelCases", hasItem("DISCRETE 2026")).body(demo + ".cmmmLevels.size()", is(8))
                .body("enterprises.find { it.enterprise == 'demo2' }.visits", greaterThanOrEqualTo(1));
        Api.as("expert").header(HEADER, "demo").get("/api/programme/visits").then().statusCode(200)
                .body("items.requestId", hasItem("demo-visit-1")).body("items.requestId", hasItem("demo-visit-2"));
        Api.as("demo2-admin").get("/api/programme/cmmm/2026").then().statusCode(200)
                .body("assessment.submittedBy", is("demo2-admin")).body("assessment.levels.size()", is(8));
    }

    private static RequestSpecification bureau() {
        return Api.as("bureau");
    }

    private static RequestSpecification asExpert(String username, String enterprise) {
        return Api.as(username, TestEnterprise.PASSWORD).header(HEADER, enterprise);
    }

    private static String newExpert() {
        String username = "x" + UUID.randomUUID().toString().substring(0, 8) + "-expert";
        Api.as("admin").body(Map.of("username", username, "displayName", "Expert " + username,
                "password", TestEnterprise.PASSWORD, "roles", List.of("expert"), "assignedEnterprises", List.of()))
                .post("/api/admin/users").then().statusCode(201);
        return username;
    }

    private static Response pair(String expert, String enterprise, LocalDate from, LocalDate to) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("expert", expert, "enterprise", enterprise,
                "validFrom", from.toString()));
        if (to != null) {
            body.put("validTo", to.toString());
        }
        return bureau().body(body).post("/api/programme/pairings");
    }

    private static Map<String, Object> cohort(int year, String type, String... enterprises) {
        return new java.util.HashMap<>(Map.of("year", year, "nameZh", "第" + year + "批试点", "nameEn",
                "Pilots of " + year, "type", type, "enterprises", List.of(enterprises)));
    }

    private static Map<String, Object> visit(String requestId, LocalDate date) {
        return Map.of("requestId", requestId, "visitDate", date.toString(), "topics", "MRP rollout",
                "findings", "BOMs incomplete for 3 items; planners still use spreadsheets",
                "followUps", List.of(
                        Map.of("action", "Clean the item master", "due", date.plusDays(14).toString()),
                        Map.of("action", "Run MRP weekly", "due", date.plusDays(30).toString(), "done", false)));
    }

    @Test
    void theProgrammesListsArePagesOfTheAskedSizeWithTheirTotalAndABadPageIsRefusedNamingTheParameter() {
        TestEnterprise e = TestEnterprise.create();
        List<Integer> created = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(bureau().body(training("ENGINEERING", e.code, 1 + i, "2")).post("/api/programme/trainings")
                    .then().statusCode(201).extract().path("id"));
        }
        int total = bureau().get("/api/programme/trainings").then().statusCode(200).body("page", is(0))
                .body("size", is(50)).extract().path("total");
        assertTrue(total >= 3);
        List<Integer> seen = new java.util.ArrayList<>();
        for (int page = 0; page * 2 < total; page++) {
            List<Integer> ids = bureau().queryParam("page", page).queryParam("size", 2).queryParam("sort", "-id")
                    .get("/api/programme/trainings").then().statusCode(200).body("page", is(page)).body("size", is(2))
                    .body("total", is(total)).extract().path("items.id");
            assertTrue(ids.size() <= 2 && !ids.isEmpty(), "page " + page + " of " + total + ": " + ids);
            seen.addAll(ids);
        }
        assertEquals(total, seen.size(), "every training once over the pages");
        assertEquals(total, new java.util.HashSet<>(seen).size());
        assertEquals(seen.stream().sorted(java.util.Comparator.reverseOrder()).toList(), seen, "sorted by -id");
        assertTrue(seen.containsAll(created));

        bureau().queryParam("size", 0).get("/api/programme/cohorts").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("size"));
        bureau().queryParam("page", "x").get("/api/programme/model-cases").then().statusCode(400)
                .body("errors[0].field", is("page"));
        bureau().queryParam("sort", "secret").get("/api/programme/pairings").then().statusCode(400)
                .body("errors[0].field", is("sort"));
        // an expert's page counts only their own projects
        bureau().body(project(e.code, expert)).post("/api/programme/projects").then().statusCode(201);
        bureau().body(project(e.code, otherExpert)).post("/api/programme/projects").then().statusCode(201);
        int mine = Api.as(expert, TestEnterprise.PASSWORD).queryParam("size", 1).get("/api/programme/projects").then()
                .statusCode(200).body("items.size()", is(1)).extract().path("total");
        int theirs = Api.as(otherExpert, TestEnterprise.PASSWORD).get("/api/programme/projects").then().statusCode(200)
                .extract().path("total");
        int all = bureau().get("/api/programme/projects").then().statusCode(200).extract().path("total");
        assertTrue(mine >= 1 && theirs >= 1 && mine < all && theirs < all, mine + " and " + theirs + " of " + all);
    }

    private static Map<String, Object> training(String level, String enterprise, int attendees, String personHours) {
        return Map.of("level", level, "topic", "MES terminals", "date", LocalDate.of(thisYear, 4, 2).toString(),
                "hours", "4", "trainer", "Expert team", "attendance", List.of(Map.of("enterprise", enterprise,
                        "attendees", attendees, "personHours", personHours)));
    }

    private static Map<String, Object> project(String enterprise, String expert) {
        return Map.of("titleZh", "离散制造排产研究", "titleEn", "Finite scheduling in discrete manufacturing",
                "enterprises", List.of(enterprise), "experts", List.of(expert), "milestones", List.of(
                        Map.of("title", "Baseline measured", "due", LocalDate.of(thisYear, 3, 1).toString()),
                        Map.of("title", "Schedule live", "due", LocalDate.of(thisYear, 9, 1).toString())));
    }
}
