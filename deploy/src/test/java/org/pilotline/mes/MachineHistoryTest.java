package org.pilotline.mes;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.mes.machine.MachineCounting;
import org.pilotline.plc.contract.MachineryItemState;
import org.pilotline.plc.contract.MachineryOperationMode;
import org.pilotline.plc.simulator.PlcSimulator;
import org.pilotline.plc.simulator.ScenarioSettings;
import org.pilotline.plc.simulator.SimulatorSettings;
import org.pilotline.plc.simulator.Transition;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;
import static org.pilotline.mes.ShopFloorFixture.report;

/**
 * Machine-state history from real machine events: a PLC simulator of the test's own (so that it can be faulted) with
 * machines bound through the API to work units of a test enterprise, acquired by the application's gateway and
 * delivered in-process; and batches an edge gateway posts, delivered twice. Every transition the simulator made is
 * one interval of the work unit's history, a fault is a data-loss span, a stop takes one downtime reason, and part
 * counts of a machine-counted work center become the running operation's good quantity once.
 */
@QuarkusTest
class MachineHistoryTest {

    private static final String NODES = "nsu=" + PlcSimulator.NAMESPACE_URI + ";s=";
    /** Eventful but not frantic: a few transitions a second per machine, setups every 25 parts. */
    private static final ScenarioSettings SCENARIO = new ScenarioSettings(11, 150, 0.3, 200, 0.05, 400, 25, 400, 0.1,
            4_294_967_296L);

    @Inject
    MachineCounting counting;

    private static ShopFloorFixture plant;
    private static PlcSimulator simulator;
    private static long mill;
    private static final List<Long> bindings = new ArrayList<>();

    @BeforeEach
    void plant() throws Exception {
        if (plant != null) {
            return;
        }
        plant = new ShopFloorFixture();
        mill = plant.workCenter("MILL");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        simulator = new PlcSimulator(SimulatorSettings.local(port, List.of("A1", "A2", "A3", "A4", "A5"), SCENARIO)
                .withTick(10)).start();
    }

    /** The application's gateway stops acquiring the test's machines. */
    @AfterEach
    void unbind() {
        for (long binding : bindings) {
            plant.enterprise.as("admin").delete("/api/gateway/bindings/" + binding).then().statusCode(204);
        }
        bindings.clear();
    }

    @AfterAll
    static void stopTheSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void everyTransitionTheSimulatorMadeIsOneIntervalAndASessionLossIsADataLossSpan() throws Exception {
        long unit = plant.data.workUnit(mill, "MILL-1");
        String machine = bind("A1", unit);
        awaitConnected(machine);
        Instant first = await(() -> intervals(unit).size() > 0 ? start(intervals(unit).get(0)) : null, "a first interval");

        Thread.sleep(5_000);
        Instant fault = Instant.now();
        simulator.killSessions(true);
        await(() -> history(unit).getList("dataLosses").stream().map(l -> (Map<?, ?>) l)
                .filter(l -> Instant.parse((String) l.get("to")).isAfter(fault)).findFirst().orElse(null),
                "a data-loss span after the session was killed");
        Thread.sleep(4_000);
        // everything up to this second has been delivered once a later interval is in the history
        Instant until = Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        await(() -> intervals(unit).stream().anyMatch(i -> start(i).isAfter(until.plusSeconds(1))) ? true : null,
                "an interval after " + until);

        JsonPath history = history(unit);
        List<Map<String, Object>> intervals = history.getList("intervals");
        assertContiguousAndInOrder(intervals);
        List<Span> losses = history.<Map<String, Object>>getList("dataLosses").stream()
                .map(l -> new Span(Instant.parse((String) l.get("from")), Instant.parse((String) l.get("to")))).toList();
        assertTrue(losses.stream().anyMatch(l -> l.to().isAfter(fault)), "the killed session is a data-loss span");

        // the application stores whole seconds: compare per second how many of each change were made and recorded
        List<Transition> made = simulator.machine("A1").transitions();
        Instant firstSecond = first.truncatedTo(ChronoUnit.SECONDS);
        Map<String, Integer> simulated = new HashMap<>();
        for (Transition t : made) {
            Instant second = t.at().truncatedTo(ChronoUnit.SECONDS);
            if (second.isAfter(firstSecond) && !second.isAfter(until)) {
                simulated.merge(key(second, t.kind().name(), t.value()), 1, Integer::sum);
            }
        }
        Map<String, Integer> recorded = new HashMap<>();
        for (int i = 1; i < intervals.size(); i++) {
            Map<String, Object> previous = intervals.get(i - 1);
            Map<String, Object> interval = intervals.get(i);
            Instant second = start(interval);
            if (!second.isAfter(firstSecond) || second.isAfter(until)) {
                continue;
            }
            if (!Objects.equals(previous.get("state"), interval.get("state"))) {
                recorded.merge(key(second, "ITEM_STATE", MachineryItemState.valueOf((String) interval.get("state"))
                        .browseName()), 1, Integer::sum);
            }
            if (interval.get("operationMode") != null
                    && !Objects.equals(previous.get("operationMode"), interval.get("operationMode"))) {
                recorded.merge(key(second, "OPERATION_MODE", MachineryOperationMode.valueOf(
                        (String) interval.get("operationMode")).browseName()), 1, Integer::sum);
            }
        }
        List<String> problems = new ArrayList<>();
        int transitions = 0;
        for (Map.Entry<String, Integer> e : simulated.entrySet()) {
            transitions += e.getValue();
            int seen = recorded.getOrDefault(e.getKey(), 0);
            boolean lost = losses.stream().anyMatch(l -> l.covers(Instant.parse(e.getKey().split(" ")[0])));
            if (seen > e.getValue() || (seen < e.getValue() && !lost)) {
                problems.add(e.getKey() + ": made " + e.getValue() + ", recorded " + seen);
            }
        }
        recorded.forEach((k, n) -> {
            if (!simulated.containsKey(k)) {
                problems.add(k + ": recorded " + n + " without a transition");
            }
        });
        assertEquals(List.of(), problems.stream().sorted().limit(10).toList(), transitions + " transitions audited");
        assertTrue(transitions > 15, "the scenario should have made many transitions, made " + transitions);
        System.out.printf("machine history: %d transitions audited against %d intervals, %d data-loss span(s)%n",
                transitions, intervals.size(), losses.size());
        assertTrue(intervals.stream().allMatch(i -> i.get("machine").equals(machine)));
    }

    @Test
    void aBatchAnEdgeGatewayDeliversAgainIsStoredOnce() {
        long unit = plant.data.workUnit(mill, "EDGE-1");
        String machine = bindUnreachable("EDGE", unit);
        Instant t0 = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> first = List.of(
                stateChanged(machine, 1, "EXECUTING", "NOT_EXECUTING", t0),
                partCount(machine, 2, 5, 4, 1, t0.plusSeconds(1)),
                stateChanged(machine, 3, "NOT_EXECUTING", "EXECUTING", t0.plusSeconds(2)),
                dataLoss(machine, 4, t0.plusSeconds(3), t0.plusSeconds(5)),
                stateChanged(machine, 5, "EXECUTING", "OUT_OF_SERVICE", t0.plusSeconds(6)));
        ingest(first).then().statusCode(200).body("accepted", is(5)).body("duplicates", is(0));
        ingest(first).then().statusCode(200).body("accepted", is(0)).body("duplicates", is(5));
        // a retry that overlaps: what was delivered is left out, the rest stored
        ingest(List.of(first.get(3), first.get(4), stateChanged(machine, 6, "OUT_OF_SERVICE", "EXECUTING",
                t0.plusSeconds(8)), partCount(machine, 7, 3, 3, 0, t0.plusSeconds(9))))
                .then().statusCode(200).body("accepted", is(2)).body("duplicates", is(2));

        JsonPath history = history(unit);
        assertEquals(List.of("NOT_EXECUTING", "EXECUTING", "OUT_OF_SERVICE", "EXECUTING"), history.getList("intervals.state"));
        assertEquals(List.of(t0, t0.plusSeconds(2), t0.plusSeconds(6), t0.plusSeconds(8)),
                history.<String>getList("intervals.start").stream().map(Instant::parse).toList());
        assertContiguousAndInOrder(history.getList("intervals"));
        assertEquals(List.of(4, 3), history.getList("partCounts.good"));
        assertEquals(1, history.getList("dataLosses").size());
    }

    @Test
    void oneBatchEndsEachMachinesOpenIntervalAtThatMachinesOwnChange() {
        long unitA = plant.data.workUnit(mill, "EDGE-A");
        long unitB = plant.data.workUnit(mill, "EDGE-B");
        String a = bindUnreachable("EDGEA", unitA);
        String b = bindUnreachable("EDGEB", unitB);
        Instant t0 = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.SECONDS);
        ingest(List.of(stateChanged(a, 1, "NOT_EXECUTING", "EXECUTING", t0),
                stateChanged(b, 1, "NOT_EXECUTING", "EXECUTING", t0.plusSeconds(1))))
                .then().statusCode(200).body("accepted", is(2));
        // the stored open intervals of both machines are closed in one batch, each by its own machine's first change
        ingest(List.of(stateChanged(b, 2, "EXECUTING", "NOT_EXECUTING", t0.plusSeconds(20)),
                stateChanged(a, 2, "EXECUTING", "OUT_OF_SERVICE", t0.plusSeconds(10)),
                stateChanged(a, 3, "OUT_OF_SERVICE", "EXECUTING", t0.plusSeconds(15))))
                .then().statusCode(200).body("accepted", is(3));

        JsonPath historyA = history(unitA);
        assertEquals(List.of("EXECUTING", "OUT_OF_SERVICE", "EXECUTING"), historyA.getList("intervals.state"));
        assertEquals(List.of(t0, t0.plusSeconds(10), t0.plusSeconds(15)),
                historyA.<String>getList("intervals.start").stream().map(Instant::parse).toList());
        assertContiguousAndInOrder(historyA.getList("intervals"));
        JsonPath historyB = history(unitB);
        assertEquals(List.of("EXECUTING", "NOT_EXECUTING"), historyB.getList("intervals.state"));
        assertEquals(List.of(t0.plusSeconds(1), t0.plusSeconds(20)),
                historyB.<String>getList("intervals.start").stream().map(Instant::parse).toList());
        assertContiguousAndInOrder(historyB.getList("intervals"));
    }

    @Test
    void aStopTakesOneDowntimeReasonWhichTheHistoryShows() throws Exception {
        long unit = plant.data.workUnit(mill, "EDGE-2");
        String machine = bindUnreachable("STOPS", unit);
        Instant t0 = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.SECONDS);
        ingest(List.of(stateChanged(machine, 1, "EXECUTING", "NOT_EXECUTING", t0),
                stateChanged(machine, 2, "NOT_EXECUTING", "EXECUTING", t0.plusSeconds(40)),
                stateChanged(machine, 3, "EXECUTING", "OUT_OF_SERVICE", t0.plusSeconds(60)),
                stateChanged(machine, 4, "OUT_OF_SERVICE", "EXECUTING", t0.plusSeconds(90)))).then().statusCode(200);
        List<Map<String, Object>> intervals = intervals(unit);
        long jam = id(intervals.get(0));
        long running = id(intervals.get(1));
        long breakdown = id(intervals.get(2));
        long reason = plant.reasonId("DOWN-JAM");

        plant.enterprise.as("operator").body(downtime(jam)).post("/api/mes/reports").then().statusCode(200);
        Map<String, Object> annotated = intervals(unit).get(0);
        assertEquals(reason, ((Number) annotated.get("downtimeReasonId")).longValue());
        assertNull(intervals(unit).get(1).get("downtimeReasonId"));
        plant.enterprise.as("operator").body(downtime(jam)).post("/api/mes/reports").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("already-annotated"))
                .body("errors[0].field", is("machineIntervalId"));
        plant.enterprise.as("operator").body(downtime(running)).post("/api/mes/reports").then().statusCode(422)
                .body("type", containsString("not-a-stop"));

        // two operators annotate the same stop at the same moment: one reason, one refusal, no 5xx
        List<CompletableFuture<Integer>> both = List.of(
                CompletableFuture.supplyAsync(() -> plant.enterprise.as("operator").body(downtime(breakdown))
                        .post("/api/mes/reports").statusCode()),
                CompletableFuture.supplyAsync(() -> plant.enterprise.as("operator").body(downtime(breakdown))
                        .post("/api/mes/reports").statusCode()));
        List<Integer> statuses = both.stream().map(CompletableFuture::join).sorted().toList();
        assertEquals(List.of(200, 409), statuses);
        assertEquals(reason, ((Number) intervals(unit).get(2).get("downtimeReasonId")).longValue());
    }

    @Test
    void aMachineCountedWorkCenterTurnsPartCountsIntoTheRunningOperationsGoodQuantityOnce() throws Exception {
        long press = plant.workCenter("PRESS");
        int version = plant.enterprise.as("admin").get("/api/mes/work-centers/" + press + "/settings").path("version");
        plant.enterprise.as("admin").body(Map.of("stagingLocationId", plant.staging, "receiptLocationId",
                plant.finishedGoods, "countingSource", "MACHINE", "version", version))
                .put("/api/mes/work-centers/" + press + "/settings").then().statusCode(200);
        long unit = plant.data.workUnit(press, "PRESS-1");
        long blank = plant.data.bought("SHEET", "1");
        plant.receive(blank, "1000000", plant.staging, null, null);
        long product = plant.product("PANEL", press, blank);
        long order = plant.order(product, "100000");
        // the live schedule places the operation on the press's work unit
        long solve = ((Number) plant.data.planner().body(Map.of("orderIds", List.of(order), "objective", "MAKESPAN",
                "timeLimitSeconds", 1, "seed", 7)).post("/api/scheduling/solves").then().statusCode(202)
                .extract().path("id")).longValue();
        await(() -> "FINISHED".equals(plant.data.planner().get("/api/scheduling/solves/" + solve).path("status"))
                ? true : null, "the solve");
        Response workOrder = plant.release(order);
        long operation = id(operations(workOrder).get(0));
        assertEquals(unit, ((Number) operations(workOrder).get(0).get("workUnitId")).longValue());

        // the longest code a binding allows: the counts' report ids must still fit
        String machine = bind("A3", unit, 64);
        awaitConnected(machine);
        plant.enterprise.as("operator").body(report("START", operation)).post("/api/mes/reports").then().statusCode(200);
        Instant started = Instant.now();
        await(() -> partCounts(unit).stream().anyMatch(p -> Objects.equals(operationOf(p), operation)
                && Instant.parse((String) p.get("at")).isAfter(started.plusSeconds(2))) ? true : null, "counts while running");
        simulator.machine("A3").pauseScenario();
        Thread.sleep(2_000);

        long counted = await(() -> {
            long sum = partCounts(unit).stream().filter(p -> Objects.equals(operationOf(p), operation))
                    .mapToLong(p -> ((Number) p.get("good")).longValue()).sum();
            Number good = plant.data.planner().get("/api/mes/work-orders/operations/" + operation).path("goodQuantity");
            return sum > 0 && good.longValue() == sum ? sum : null;
        }, "the operation's good quantity equal to the parts its machine counted");

        // the gateway's batches delivered again change nothing
        List<Map<String, Object>> again = partCounts(unit).stream().map(p -> partCount(machine,
                ((Number) p.get("sequence")).longValue(), ((Number) p.get("total")).longValue(),
                ((Number) p.get("good")).longValue(), ((Number) p.get("reject")).longValue(),
                Instant.parse((String) p.get("at")))).toList();
        ingest(again).then().statusCode(200).body("accepted", is(0)).body("duplicates", is(again.size()));
        Thread.sleep(1_000);
        plant.data.planner().get("/api/mes/work-orders/operations/" + operation).then()
                .body("goodQuantity", is((int) counted)).body("state", is("RUNNING"));
        assertEquals(String.valueOf(counted), plant.stock(product, plant.finishedGoods, null));
    }

    /**
     * The report that applies the counts fails in the database the first time (a trigger refuses the machine's report
     * rows, as a failing disk or a killed connection would): the counts stay PENDING, and once the database takes
     * reports again the sweep applies them — once, even when four sweeps run at the same time (as on four replicas),
     * a count's mark is lost after its report committed (as if the server stopped between the two) or the batch is
     * delivered again.
     */
    @Test
    void countsWhoseFirstApplicationFailedAreAppliedByTheSweepExactlyOnce() throws Exception {
        MachineCounted press = machineCounted("SWEEP");
        String machine = bindUnreachable("SWEEP", press.unit());
        plant.enterprise.as("operator").body(report("START", press.operation())).post("/api/mes/reports").then()
                .statusCode(200);
        Instant t0 = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> batch = List.of(partCount(machine, 1, 4, 4, 0, t0),
                partCount(machine, 2, 4, 3, 1, t0.plusSeconds(5)));
        String trigger = "fail_machine_reports_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection db = database(); java.sql.Statement ddl = db.createStatement()) {
            ddl.execute(refusingTrigger(trigger, machine));
            try {
                ingest(batch).then().statusCode(200).body("accepted", is(2));
                // the history is stored; the counts wait, nothing of them applied
                assertEquals(List.of("PENDING", "PENDING"), history(press.unit()).getList("partCounts.counting"));
                assertGood(press, 0);
            } finally {
                ddl.execute("drop trigger " + trigger);
            }
        }

        List<CompletableFuture<Integer>> sweeps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sweeps.add(CompletableFuture.supplyAsync(counting::sweep));
        }
        sweeps.forEach(CompletableFuture::join);
        List<Long> reports = await(() -> {
            JsonPath history = history(press.unit());
            return history.getList("partCounts.counting").equals(List.of("APPLIED", "APPLIED"))
                    ? history.<Number>getList("partCounts.reportId").stream().map(Number::longValue).toList() : null;
        }, "the sweep applying the pending counts");
        assertGood(press, 7);
        assertEquals(2L, machineReports(machine), "one report per count");

        // the first count's mark lost after its report committed: the sweep sends it again, which replays the report
        try (Connection db = database();
             PreparedStatement unmark = db.prepareStatement("update mes_part_count set counting = 'PENDING',"
                     + " report_id = null where tenant_id = ? and machine_code = ? and sequence_no = 1")) {
            unmark.setString(1, plant.enterprise.code);
            unmark.setString(2, machine);
            assertEquals(1, unmark.executeUpdate());
        }
        assertEquals(reports, await(() -> {
            JsonPath history = history(press.unit());
            return history.getList("partCounts.counting").equals(List.of("APPLIED", "APPLIED"))
                    ? history.<Number>getList("partCounts.reportId").stream().map(Number::longValue).toList() : null;
        }, "the sweep settling the unmarked count"), "settled by the reports that applied the counts first");
        // the batch delivered again is stored and counted once
        ingest(batch).then().statusCode(200).body("accepted", is(0)).body("duplicates", is(2));
        assertGood(press, 7);
        assertEquals("7", plant.stock(press.product(), plant.finishedGoods, null));
        assertEquals(2L, machineReports(machine), "one report per count");
    }

    /**
     * Counts that keep failing (a trigger refuses their machine's reports for as long as the check runs) are tried
     * again every round, but hold up no count stored after them: a sweep pages through every PENDING count (the test
     * profile reads pages of {@code pilotline.mes.machine-counting.sweep-page} = 4), so a count behind more than two
     * pages of them is applied by the same round. Once the database takes their reports, they are applied too.
     */
    @Test
    void countsThatKeepFailingHoldUpNoCountStoredAfterThem() throws Exception {
        MachineCounted stuck = machineCounted("STUCK");
        MachineCounted later = machineCounted("LATER");
        String stuckMachine = bindUnreachable("STUCK", stuck.unit());
        String laterMachine = bindUnreachable("LATER", later.unit());
        for (MachineCounted counted : List.of(stuck, later)) {
            plant.enterprise.as("operator").body(report("START", counted.operation())).post("/api/mes/reports").then()
                    .statusCode(200);
        }
        int page = ConfigProvider.getConfig().getValue("pilotline.mes.machine-counting.sweep-page", Integer.class);
        int stuckCounts = 2 * page + 1;
        Instant t0 = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> stuckBatch = new ArrayList<>();
        for (int i = 1; i <= stuckCounts; i++) {
            stuckBatch.add(partCount(stuckMachine, i, i, i, 0, t0.plusSeconds(i)));
        }
        String keepFailing = "fail_machine_reports_" + UUID.randomUUID().toString().substring(0, 8);
        String failOnce = "fail_machine_reports_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection db = database(); java.sql.Statement ddl = db.createStatement()) {
            ddl.execute(refusingTrigger(keepFailing, stuckMachine));
            try {
                ddl.execute(refusingTrigger(failOnce, laterMachine));
                try {
                    ingest(stuckBatch).then().statusCode(200).body("accepted", is(stuckCounts));
                    ingest(List.of(partCount(laterMachine, 1, 3, 3, 0, t0.plusSeconds(30)))).then().statusCode(200)
                            .body("accepted", is(1));
                    // checked while the trigger still refuses it: the periodic sweep may apply it any time after
                    assertEquals(List.of("PENDING"), history(later.unit()).getList("partCounts.counting"));
                } finally {
                    ddl.execute("drop trigger " + failOnce);
                }

                counting.sweep();
                // settled by this round, or by the periodic sweep running beside it (which holds the row meanwhile)
                await(() -> history(later.unit()).getList("partCounts.counting").equals(List.of("APPLIED")) ? true
                        : null, "the count behind the failing ones applied");
                assertGood(later, 3);
                assertEquals(java.util.Collections.nCopies(stuckCounts, "PENDING"),
                        history(stuck.unit()).getList("partCounts.counting"), "the failing counts wait");
                assertGood(stuck, 0);
            } finally {
                ddl.execute("drop trigger " + keepFailing);
            }
        }

        counting.sweep();
        await(() -> history(stuck.unit()).getList("partCounts.counting")
                .equals(java.util.Collections.nCopies(stuckCounts, "APPLIED")) ? true : null, "the failing counts applied");
        assertGood(stuck, (long) stuckCounts * (stuckCounts + 1) / 2);
        assertEquals(stuckCounts, machineReports(stuckMachine), "one report per count");
    }

    /** A trigger that refuses the machine's QUANTITY reports, as a failing disk or a killed connection would. */
    private static String refusingTrigger(String name, String machine) {
        return "create trigger " + name + " before insert on mes_report for each row begin"
                + " if new.client_id like 'machine:" + machine + ":%' then"
                + " signal sqlstate '45000' set message_text = 'injected: the database refuses the report'; end if; end";
    }

    /**
     * A count that cannot be applied is kept as such, not retried and not counted later: parts counted while no
     * operation ran on the unit, and parts counted while the operation was being set up (its QUANTITY report refused:
     * an operation in setup takes no quantities).
     */
    @Test
    void countsThatCannotBeAppliedAreKeptAsSuchAndNeverCountedLater() throws Exception {
        MachineCounted press = machineCounted("IDLE");
        String machine = bindUnreachable("IDLE", press.unit());
        Instant t0 = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        ingest(List.of(partCount(machine, 1, 2, 2, 0, t0))).then().statusCode(200);
        plant.enterprise.as("operator").body(report("SETUP_START", press.operation())).post("/api/mes/reports").then()
                .statusCode(200);
        ingest(List.of(partCount(machine, 2, 5, 5, 0, t0.plusSeconds(10)))).then().statusCode(200);
        plant.enterprise.as("operator").body(report("SETUP_END", press.operation())).post("/api/mes/reports").then()
                .statusCode(200).body("operation.state", is("RUNNING"));
        ingest(List.of(partCount(machine, 3, 1, 1, 0, t0.plusSeconds(20)))).then().statusCode(200);

        JsonPath history = history(press.unit());
        assertEquals(List.of("NO_OPERATION", "REFUSED", "APPLIED"), history.getList("partCounts.counting"));
        Number refusal = history.<Number>getList("partCounts.reportId").get(1);
        assertNotNull(refusal, "the refused count names the report that keeps its refusal");
        assertNull(history.getList("partCounts.reportId").get(0));
        Thread.sleep(6_000); // a sweep later
        assertEquals(List.of("NO_OPERATION", "REFUSED", "APPLIED"), history(press.unit()).getList("partCounts.counting"));
        assertGood(press, 1);
        assertEquals(2L, machineReports(machine), "the refused count's report and the applied one");
    }

    @Test
    void aTerminalsGoodQuantityAtAMachineCountedWorkCenterIsRefusedWhileScrapAndReworkGoThrough() {
        MachineCounted press = machineCounted("TERM");
        ShopFloorFixture.Terminal terminal = plant.terminal("T-TERM", press.center());
        terminal.send(report("START", press.operation())).then().statusCode(200);

        Map<String, Object> good = ShopFloorFixture.quantity(press.operation(), "2");
        terminal.send(good).then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("counted-by-machine")).body("errors[0].field", is("good"));
        terminal.send(good).then().statusCode(422).body("type", containsString("counted-by-machine"))
                .body("replayed", is(true));
        // an operator's own login is no way round it, nor good pieces reported with the finish
        plant.enterprise.as("operator").body(ShopFloorFixture.quantity(press.operation(), "1")).post("/api/mes/reports")
                .then().statusCode(422).body("errors[0].field", is("good"));
        Map<String, Object> finish = ShopFloorFixture.quantity(press.operation(), "1");
        finish.put("kind", "FINISH");
        terminal.send(finish).then().statusCode(422).body("type", containsString("counted-by-machine"));
        assertGood(press, 0);
        assertEquals("1000", plant.stock(press.component(), plant.staging, null), "nothing consumed");

        Map<String, Object> scrap = report("QUANTITY", press.operation());
        scrap.put("scrap", "1");
        scrap.put("rework", "2");
        scrap.put("reasonCode", "SCRAP-DEFECT");
        terminal.send(scrap).then().statusCode(200).body("operation.scrap", is(1)).body("operation.rework", is(2))
                .body("operation.good", is(0)).body("operation.state", is("RUNNING"));
        // nor can a person's report take the id of a machine count still to come
        Map<String, Object> squatter = report("QUANTITY", press.operation());
        squatter.put("clientId", "machine:TERM-1:1");
        squatter.put("scrap", "1");
        squatter.put("reasonCode", "SCRAP-DEFECT");
        terminal.send(squatter).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("clientId"));
    }

    /** A work center counting by machine with one work unit, and a released operation of 100 pieces there. */
    private record MachineCounted(long center, long unit, long product, long component, long operation) {
    }

    private static MachineCounted machineCounted(String code) {
        long center = plant.workCenter(code);
        int version = plant.enterprise.as("admin").get("/api/mes/work-centers/" + center + "/settings").path("version");
        plant.enterprise.as("admin").body(Map.of("stagingLocationId", plant.staging, "receiptLocationId",
                plant.finishedGoods, "countingSource", "MACHINE", "version", version))
                .put("/api/mes/work-centers/" + center + "/settings").then().statusCode(200);
        long unit = plant.data.workUnit(center, code + "-1"); // the only unit: the operation starts there
        long component = plant.data.bought(code + "-RM", "1");
        plant.receive(component, "1000", plant.staging, null, null);
        long product = plant.product(code + "-FG", center, component);
        long operation = id(operations(plant.release(product, "100")).get(0));
        return new MachineCounted(center, unit, product, component, operation);
    }

    private static void assertGood(MachineCounted counted, long good) {
        plant.data.planner().get("/api/mes/work-orders/operations/" + counted.operation()).then().statusCode(200)
                .body("goodQuantity", is((int) good));
    }

    /** The reports stored under the machine's counts' client ids. */
    private static long machineReports(String machine) throws Exception {
        try (Connection db = database();
             PreparedStatement count = db.prepareStatement("select count(*) from mes_report where tenant_id = ?"
                     + " and client_id like ?")) {
            count.setString(1, plant.enterprise.code);
            count.setString(2, "machine:" + machine + ":%");
            try (java.sql.ResultSet r = count.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * A delivery links its rows to the operation running on the machine's work unit, but does not lock that operation:
     * terminal reports update the operation's row all the time, and on a database cluster one sent through another
     * replica (another node) aborted every delivery holding a lock on it (docs/benchmarks/cluster.md, run 6). Here a
     * transaction of our own holds the row, as an uncommitted report would, while the machine's events are delivered.
     */
    @Test
    void aDeliveryLinksTheRunningOperationWithoutWaitingForATransactionThatHoldsIt() throws Exception {
        long lathe = plant.workCenter("LATHE");
        long unit = plant.data.workUnit(lathe, "LATHE-1"); // the work center's only unit: the operation starts there
        long bar = plant.data.bought("BAR", "1");
        plant.receive(bar, "1000", plant.staging, null, null);
        long operation = id(operations(plant.release(plant.product("SHAFT", lathe, bar), "10")).get(0));
        plant.enterprise.as("operator").body(report("START", operation)).post("/api/mes/reports").then().statusCode(200);
        String machine = bindUnreachable("LOCKED", unit);
        Instant t0 = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);

        Response answer;
        try (Connection other = database()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select id from mes_operation where id = ? for update")) {
                lock.setLong(1, operation);
                lock.executeQuery().close();
            }
            CompletableFuture<Response> delivery = CompletableFuture.supplyAsync(() -> ingest(List.of(
                    stateChanged(machine, 1, "NOT_EXECUTING", "EXECUTING", t0),
                    partCount(machine, 2, 3, 3, 0, t0.plusSeconds(5)),
                    stateChanged(machine, 3, "EXECUTING", "NOT_EXECUTING", t0.plusSeconds(10)))));
            try {
                answer = delivery.get(20, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("the delivery waited for the transaction holding the operation's row", e);
            } finally {
                other.rollback();
            }
        }
        answer.then().statusCode(200).body("accepted", is(3));
        JsonPath history = history(unit);
        assertEquals(List.of("EXECUTING", "NOT_EXECUTING"), history.getList("intervals.state"));
        assertEquals(List.of(operation, operation), history.<Map<String, Object>>getList("intervals").stream()
                .map(MachineHistoryTest::operationOf).toList());
        assertEquals(List.of(operation), history.<Map<String, Object>>getList("partCounts").stream()
                .map(MachineHistoryTest::operationOf).toList());
    }

    @Test
    void aMachineBoundToAWorkUnitThatIsNotTheEnterprisesHoldsUpNoOnesHistory() throws Exception {
        long unit = plant.data.workUnit(mill, "MILL-5");
        String stray = bind("A4", 999_999_999L);
        String machine = bind("A5", unit);
        awaitConnected(stray);
        awaitConnected(machine);
        Instant bound = Instant.now();
        // the stray machine changes state (its events cannot be placed on a work unit) …
        await(() -> simulator.machine("A4").transitions().stream().filter(t -> t.at().isAfter(bound.plusSeconds(1)))
                .count() >= 3 ? true : null, "state changes of the stray machine");
        Instant later = Instant.now();
        // … while the other machine's history goes on
        await(() -> intervals(unit).stream().anyMatch(i -> start(i).isAfter(later.plusSeconds(1))) ? true : null,
                "intervals of the well-bound machine after the stray one changed state");
    }

    // ---- bindings and the history ----

    private static String bind(String simulated, long workUnit) {
        return bind(simulated, workUnit, 9);
    }

    /** Binds a simulated machine under a unique code of the given length. */
    private static String bind(String simulated, long workUnit, int codeLength) {
        String unique = simulated + "-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        Map<String, Object> body = binding((unique + "X".repeat(codeLength)).substring(0, codeLength), workUnit,
                simulator.endpointUrl(), simulated);
        body.put("operationModeNode", NODES + simulated + "/MachineryOperationMode/CurrentState");
        body.put("totalCountNode", NODES + simulated + "/Production/TotalCount");
        body.put("goodCountNode", NODES + simulated + "/Production/GoodCount");
        body.put("rejectCountNode", NODES + simulated + "/Production/RejectCount");
        body.put("samplingIntervalMs", 0);
        body.put("publishingIntervalMs", 100);
        return register(body);
    }

    /** A machine whose events come only from an edge gateway: its endpoint here answers nothing. */
    private static String bindUnreachable(String code, long workUnit) {
        return register(binding(code + "-" + UUID.randomUUID().toString().substring(0, 6), workUnit,
                "opc.tcp://localhost:1/edge", "X"));
    }

    private static Map<String, Object> binding(String code, long workUnit, String endpoint, String simulated) {
        return new HashMap<>(Map.of("machineCode", code, "workUnitId", workUnit, "endpointUrl", endpoint,
                "securityPolicy", "None", "securityMode", "None", "identityKind", "ANONYMOUS", "stateMapping", "MACHINERY",
                "itemStateNode", NODES + simulated + "/MachineryItemState/CurrentState"));
    }

    private static String register(Map<String, Object> binding) {
        bindings.add(((Number) plant.enterprise.as("admin").body(binding).post("/api/gateway/bindings").then()
                .statusCode(201).extract().path("id")).longValue());
        return (String) binding.get("machineCode");
    }

    private static void awaitConnected(String machine) throws InterruptedException {
        await(() -> plant.enterprise.as("admin").get("/api/gateway/connections").then().statusCode(200).extract()
                .<List<String>>path("findAll { it.state == 'CONNECTED' }.machines.flatten()").contains(machine)
                ? true : null, machine + " connected");
    }

    private static Response ingest(List<Map<String, Object>> events) {
        return plant.enterprise.as("operator").body(Map.of("batchId", UUID.randomUUID().toString(),
                "tenant", plant.enterprise.code, "events", events)).post("/api/gateway/ingest");
    }

    private static Map<String, Object> stateChanged(String machine, long sequence, String from, String to, Instant at) {
        return Map.of("kind", "state-changed", "machine", machine, "sequence", sequence, "from", from, "to", to,
                "operationMode", "PROCESSING", "sourceTime", at.toString(), "serverTime", at.toString());
    }

    private static Map<String, Object> partCount(String machine, long sequence, long total, long good, long reject,
                                                 Instant at) {
        return Map.of("kind", "part-count", "machine", machine, "sequence", sequence, "total", total, "good", good,
                "reject", reject, "sourceTime", at.toString(), "serverTime", at.toString());
    }

    private static Map<String, Object> dataLoss(String machine, long sequence, Instant from, Instant to) {
        return Map.of("kind", "data-loss", "machine", machine, "sequence", sequence, "from", from.toString(),
                "to", to.toString(), "reason", "edge gateway restarted");
    }

    private static Map<String, Object> downtime(long machineInterval) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", UUID.randomUUID().toString());
        body.put("kind", "DOWNTIME");
        body.put("machineIntervalId", machineInterval);
        body.put("reasonCode", "DOWN-JAM");
        return body;
    }

    private static Connection database() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    private static JsonPath history(long unit) {
        return plant.data.planner().queryParam("from", Instant.now().minus(Duration.ofHours(1)).toString())
                .queryParam("to", Instant.now().plus(Duration.ofHours(1)).toString())
                .get("/api/mes/work-units/" + unit + "/machine-history").then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> intervals(long unit) {
        return history(unit).getList("intervals");
    }

    private static List<Map<String, Object>> partCounts(long unit) {
        return history(unit).getList("partCounts");
    }

    private static Long operationOf(Map<String, Object> row) {
        return row.get("operationId") == null ? null : ((Number) row.get("operationId")).longValue();
    }

    private static Instant start(Map<String, Object> interval) {
        return Instant.parse((String) interval.get("start"));
    }

    /** Each interval ends where the next begins, the last is open; ids (the order they were stored in) ascend. */
    private static void assertContiguousAndInOrder(List<Map<String, Object>> intervals) {
        for (int i = 1; i < intervals.size(); i++) {
            Map<String, Object> previous = intervals.get(i - 1);
            Map<String, Object> next = intervals.get(i);
            assertNotNull(previous.get("end"), "only the last interval is open: " + previous);
            assertEquals(start(next), Instant.parse((String) previous.get("end")), "contiguous at " + next);
            assertTrue(id(next) > id(previous), "stored in the order they began: " + next);
        }
        assertNull(intervals.get(intervals.size() - 1).get("end"), "the machine is in its last interval now");
    }

    private record Span(Instant from, Instant to) {
        boolean covers(Instant second) {
            return !second.isBefore(from.truncatedTo(ChronoUnit.SECONDS)) && !second.isAfter(to);
        }
    }

    private static String key(Instant second, String kind, String value) {
        return second + " " + kind + " " + value;
    }

    private static <T> T await(java.util.function.Supplier<T> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (System.nanoTime() < deadline) {
            T value = condition.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within 45 s: " + what);
    }
}
