package org.pilotline.kpi;

import org.pilotline.mes.ShopFloorFixture;
import org.pilotline.plc.simulator.PlcSimulator;
import org.pilotline.testing.TestEnterprise;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;
import static org.pilotline.mes.ShopFloorFixture.report;

/**
 * An enterprise of its own with one day of history in three work centers (round the clock, no calendar, Asia/Shanghai),
 * for the bureau's drill-down to work centers: work center A's machine executes 08:00–10:00 for an order (40 good,
 * 2 scrap, finished at 12:00), work center B's machine executes 09:00–10:00 without an order and is out of service
 * 10:00–10:30 (one failure); work center C has no work unit. Returns once the roll-ups have caught up.
 */
public final class WorkCenterPlant {

    public static final ZoneId PLANT = ZoneId.of("Asia/Shanghai");

    public final ShopFloorFixture plant;
    public final LocalDate day;
    /** Work center code → id. */
    public final Map<String, Long> centers = new HashMap<>();
    /** "A", "B" → the machine code bound to the work center's unit. */
    public final Map<String, String> machines = new HashMap<>();

    private WorkCenterPlant(ShopFloorFixture plant, LocalDate day) {
        this.plant = plant;
        this.day = day;
    }

    public String code() {
        return plant.enterprise.code;
    }

    /** The code of the work center or unit called {@code base} in this enterprise (CELL-A, CELL-B, CELL-C; A-1, B-1). */
    public String code(String base) {
        return plant.data.code(base);
    }

    public static WorkCenterPlant create(String manufacturingType, String industry, LocalDate day) {
        WorkCenterPlant p = new WorkCenterPlant(new ShopFloorFixture(TestEnterprise.create(manufacturingType, industry)),
                day);
        long a = p.plant.workCenter("CELL-A");
        long b = p.plant.workCenter("CELL-B");
        p.centers.put(p.code("CELL-A"), a);
        p.centers.put(p.code("CELL-B"), b);
        p.centers.put(p.code("CELL-C"), p.plant.workCenter("CELL-C"));
        String machineA = p.machine("A", p.plant.data.workUnit(a, "A-1"));
        String machineB = p.machine("B", p.plant.data.workUnit(b, "B-1"));
        p.ingest(List.of(state(machineA, 1, "NOT_AVAILABLE", "NOT_EXECUTING", "NONE", p.at("07:00")),
                state(machineA, 2, "NOT_EXECUTING", "EXECUTING", "PROCESSING", p.at("08:00")),
                state(machineA, 3, "EXECUTING", "NOT_EXECUTING", "NONE", p.at("10:00")),
                state(machineB, 1, "NOT_AVAILABLE", "NOT_EXECUTING", "NONE", p.at("07:00")),
                state(machineB, 2, "NOT_EXECUTING", "EXECUTING", "PROCESSING", p.at("09:00")),
                state(machineB, 3, "EXECUTING", "OUT_OF_SERVICE", "PROCESSING", p.at("10:00")),
                state(machineB, 4, "OUT_OF_SERVICE", "NOT_EXECUTING", "NONE", p.at("10:30"))));
        long component = p.plant.data.bought("RAW", "1");
        p.plant.receive(component, "1000", p.plant.staging, null, null);
        long operation = id(operations(p.plant.release(p.plant.product("PART", a, component), "100")).get(0));
        p.operator(report("SETUP_START", operation), "07:50");
        p.operator(report("SETUP_END", operation), "08:00");
        Map<String, Object> finish = report("FINISH", operation);
        finish.put("good", "40");
        finish.put("scrap", "2");
        finish.put("reasonCode", "SCRAP-DEFECT");
        p.operator(finish, "12:00");
        KpiAnswers.waitForTheRollups(p.plant.data.planner());
        return p;
    }

    public Instant at(String localTime) {
        return day.atTime(LocalTime.parse(localTime)).atZone(PLANT).toInstant();
    }

    private String machine(String key, long unit) {
        String machine = "W-" + UUID.randomUUID().toString().substring(0, 8);
        machines.put(key, machine);
        plant.enterprise.as("admin").body(Map.of("machineCode", machine, "workUnitId", unit,
                "endpointUrl", "opc.tcp://localhost:1/edge", "securityPolicy", "None", "securityMode", "None",
                "identityKind", "ANONYMOUS", "stateMapping", "MACHINERY", "itemStateNode",
                "nsu=" + PlcSimulator.NAMESPACE_URI + ";s=X/MachineryItemState/CurrentState"))
                .post("/api/gateway/bindings").then().statusCode(201);
        return machine;
    }

    private static Map<String, Object> state(String machine, long sequence, String from, String to, String mode,
                                             Instant at) {
        return Map.of("kind", "state-changed", "machine", machine, "sequence", sequence, "from", from, "to", to,
                "operationMode", mode, "sourceTime", at.toString(), "serverTime", at.toString());
    }

    private void ingest(List<Map<String, Object>> events) {
        plant.enterprise.as("operator").body(Map.of("batchId", UUID.randomUUID().toString(), "tenant",
                plant.enterprise.code, "events", events)).post("/api/gateway/ingest").then().statusCode(200)
                .body("accepted", is(events.size()));
    }

    private void operator(Map<String, Object> report, String localTime) {
        report.put("occurredAt", at(localTime).toString());
        plant.enterprise.as("operator").body(report).post("/api/mes/reports").then().statusCode(200);
    }
}
