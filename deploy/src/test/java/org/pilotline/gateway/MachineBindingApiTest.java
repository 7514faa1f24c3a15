package org.pilotline.gateway;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.pilotline.platform.tenancy.TenantContext;
import org.pilotline.plc.contract.MachineDirectory;
import org.pilotline.plc.contract.MachineEventBatch;
import org.pilotline.plc.contract.MachineStateChanged;
import org.pilotline.testing.Api;
import org.pilotline.testing.TestEnterprise;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MachineBindingApiTest {

    private static TestEnterprise enterprise;

    private static synchronized TestEnterprise enterprise() {
        if (enterprise == null) {
            enterprise = TestEnterprise.create();
        }
        return enterprise;
    }

    @Inject
    RecordedBatches recorded;

    @Inject
    MachineDirectory directory;

    @Test
    void anAdministratorBindsAMachineAndReadsItBackWithoutThePassword() {
        Map<String, Object> body = Bindings.newBody(unique());
        body.put("identityKind", "USERNAME");
        body.put("username", "operator");
        body.put("password", "operator-password");
        int id = enterprise().as("admin").body(body).post("/api/gateway/bindings")
                .then().statusCode(201).body("passwordSet", is(true)).body("$", not(hasKey("password")))
                .extract().path("id");
        enterprise().as("planner").get("/api/gateway/bindings/" + id).then().statusCode(200)
                .body("machineCode", equalTo(body.get("machineCode"))).body("stateMapping", is("MACHINERY"));
    }

    @Test
    void bindingChangesAreInTheSecurityAuditWithoutThePassword() {
        Map<String, Object> body = Bindings.newBody(unique());
        String code = (String) body.get("machineCode");
        body.put("identityKind", "USERNAME");
        body.put("username", "operator");
        body.put("password", "audit-secret-42");
        int id = enterprise().as("admin").body(body).post("/api/gateway/bindings").then().statusCode(201)
                .extract().path("id");
        int version = enterprise().as("admin").get("/api/gateway/bindings/" + id).then().statusCode(200)
                .extract().path("version");
        body.put("version", version);
        body.put("endpointUrl", "opc.tcp://127.0.0.1:4999/audited");
        enterprise().as("admin").body(body).put("/api/gateway/bindings/" + id).then().statusCode(200);
        enterprise().as("admin").delete("/api/gateway/bindings/" + id).then().statusCode(204);

        List<Map<String, Object>> about = enterprise().as("admin").queryParam("sort", "recordedAt")
                .queryParam("size", 500).get("/api/security/audit").then().statusCode(200).extract()
                .<List<Map<String, Object>>>path("items").stream()
                .filter(e -> ("machine:" + code).equals(e.get("target"))).toList();
        assertEquals(List.of("machine-binding-created", "machine-binding-updated", "machine-binding-deleted"),
                about.stream().map(e -> e.get("action")).toList(), about.toString());
        assertTrue(String.valueOf(about.get(1).get("detail")).contains("opc.tcp://127.0.0.1:4999/audited"), about.toString());
        assertTrue(about.stream().noneMatch(e -> String.valueOf(e.get("detail")).contains("audit-secret-42")), about.toString());
        assertTrue(about.stream().allMatch(e -> (enterprise().code + "-admin").equals(e.get("actor"))), about.toString());
    }

    @Test
    void aMachineCodeIsBoundOnlyOncePerEnterprise() {
        Map<String, Object> body = Bindings.newBody(unique());
        enterprise().as("admin").body(body).post("/api/gateway/bindings").then().statusCode(201);
        enterprise().as("admin").body(body).post("/api/gateway/bindings").then().statusCode(409)
                .contentType("application/problem+json").body("type", is("https://pilotline.org/problems/duplicate-code"));
    }

    @Test
    void anInvalidNodeIdOrAMissingStateNodeIsRefusedNamingTheField() {
        Map<String, Object> body = Bindings.newBody(unique());
        body.put("itemStateNode", "not a node id");
        body.put("stateMapping", "PACKML");
        enterprise().as("admin").body(body).post("/api/gateway/bindings").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("packMlStateNode"));
        Map<String, Object> missing = Bindings.newBody(unique());
        missing.remove("endpointUrl");
        enterprise().as("admin").body(missing).post("/api/gateway/bindings").then().statusCode(400)
                .body("errors.field", hasItem("endpointUrl"));
    }

    @Test
    void aStaleUpdateIs409AndLeavesTheBindingUntouched() {
        var created = enterprise().as("admin").body(Bindings.newBody(unique())).post("/api/gateway/bindings")
                .then().statusCode(201).extract().response();
        Map<String, Object> update = Bindings.updateBody(created);
        enterprise().as("admin").body(update).put("/api/gateway/bindings/" + created.path("id")).then().statusCode(200);
        enterprise().as("admin").body(update).put("/api/gateway/bindings/" + created.path("id")).then().statusCode(409)
                .body("type", is("https://pilotline.org/problems/stale-version"));
    }

    @Test
    void plannersReadBindingsButOnlyAdministratorsAndManagersChangeThem() {
        enterprise().as("planner").get("/api/gateway/bindings").then().statusCode(200);
        enterprise().as("planner").body(Bindings.newBody(unique())).post("/api/gateway/bindings").then().statusCode(403);
        enterprise().as("manager").body(Bindings.newBody(unique())).post("/api/gateway/bindings").then().statusCode(201);
        Api.as("admin").get("/api/gateway/bindings").then().statusCode(403)
                .body("type", is("https://pilotline.org/problems/enterprise-required"));
    }

    @Test
    void theDemoMachinesAreConnectedToTheSimulatorAndDeliverStateChangesInProcess() throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        List<String> machines = List.of();
        while (System.currentTimeMillis() < deadline) {
            machines = Api.as("demo-admin").get("/api/gateway/connections").then().statusCode(200)
                    .extract().path("findAll { it.state == 'CONNECTED' }.machines.flatten()");
            if (machines.containsAll(List.of("HZ1-CNC-01", "HZ1-CNC-02", "HZ1-CNC-03", "HZ1-CNC-04"))) {
                break;
            }
            Thread.sleep(250);
        }
        assertTrue(machines.containsAll(List.of("HZ1-CNC-01", "HZ1-CNC-04")), "connected: " + machines);
        assertTrue(machines.stream().noneMatch(m -> m.startsWith("SZ1")), "demo sees no demo2 machine");
        Api.as("demo-admin").get("/api/gateway/bindings").then().body("items.machineCode",
                hasItems("HZ1-CNC-01", "HZ1-CNC-02", "HZ1-CNC-03", "HZ1-CNC-04"));
        // delivered in-process from the gateway's own thread (no request), as the enterprise the machines belong to
        long delivered = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < delivered && recorded.all().stream().noneMatch(b -> b.tenant().equals("demo")
                && b.events().stream().anyMatch(e -> e.machine().startsWith("HZ1-CNC-")))) {
            Thread.sleep(250);
        }
        assertTrue(recorded.all().stream().anyMatch(b -> b.tenant().equals("demo")
                && b.events().stream().anyMatch(e -> e.machine().startsWith("HZ1-CNC-"))),
                "the demo machines' events reach the suite's observers in-process");
    }

    @Test
    void browsingWalksTheSimulatorsAddressSpace() {
        Map<String, Object> request = Map.of("endpointUrl", Bindings.SIMULATOR, "securityPolicy", "None",
                "securityMode", "None", "identityKind", "ANONYMOUS");
        String machines = Api.as("demo-admin").body(request).post("/api/gateway/browse").then().statusCode(200)
                .body("browseName", hasItem("Machines")).extract().path("find { it.browseName == 'Machines' }.nodeId");
        Map<String, Object> deeper = new java.util.HashMap<>(request);
        deeper.put("nodeId", machines);
        Api.as("demo-admin").body(deeper).post("/api/gateway/browse").then().statusCode(200)
                .body("browseName", hasItems("M01", "M06"));
        Api.as("demo-planner").body(request).post("/api/gateway/browse").then().statusCode(403);
    }

    @Test
    void anEdgeBatchIsDeliveredOnceAndOnlyForTheCallersOwnMachines() {
        String batchId = UUID.randomUUID().toString();
        long base = System.nanoTime();
        Map<String, Object> event = Map.of("kind", "state-changed", "machine", "HZ1-CNC-01", "sequence", base,
                "from", "EXECUTING", "to", "NOT_EXECUTING", "operationMode", "PROCESSING",
                "sourceTime", Instant.now().toString(), "serverTime", Instant.now().toString());
        Map<String, Object> loss = Map.of("kind", "data-loss", "machine", "HZ1-CNC-01", "sequence", base + 1,
                "from", Instant.now().minusSeconds(60).toString(), "to", Instant.now().toString(), "reason", "test");
        Map<String, Object> batch = Map.of("batchId", batchId, "tenant", "demo", "events", List.of(event, loss));

        Api.as("demo-operator").body(batch).post("/api/gateway/ingest").then().statusCode(200)
                .body("accepted", is(2)).body("duplicates", is(0));
        Api.as("demo-operator").body(batch).post("/api/gateway/ingest").then().statusCode(200)
                .body("accepted", is(0)).body("duplicates", is(2));
        List<MachineEventBatch> fired = recorded.all().stream().filter(b -> b.batchId().equals(batchId)).toList();
        assertEquals(1, fired.size());
        assertTrue(fired.get(0).events().get(0) instanceof MachineStateChanged);

        Api.as("demo-operator").body(Map.of("batchId", batchId, "tenant", "demo2", "events", List.of()))
                .post("/api/gateway/ingest").then().statusCode(403);
        Map<String, Object> foreign = Map.of("kind", "data-loss", "machine", "SZ1-MIX-01", "sequence", 1,
                "from", Instant.now().toString(), "to", Instant.now().toString(), "reason", "x");
        Api.as("demo-operator").body(Map.of("batchId", batchId, "tenant", "demo", "events", List.of(foreign)))
                .post("/api/gateway/ingest").then().statusCode(422).body("type", is("https://pilotline.org/problems/unknown-machine"));
        Api.as("demo-planner").body(batch).post("/api/gateway/ingest").then().statusCode(403);
    }

    @Test
    void theMachineDirectoryNamesTheWorkUnitOfEachMachineBoundToOne() {
        Map<String, Object> placed = Bindings.newBody(unique());
        placed.put("workUnitId", 4242);
        Map<String, Object> unplaced = Bindings.newBody(unique());
        enterprise().as("admin").body(placed).post("/api/gateway/bindings").then().statusCode(201);
        enterprise().as("admin").body(unplaced).post("/api/gateway/bindings").then().statusCode(201);

        Map<String, Long> units = TenantContext.callAs(enterprise().code, () -> directory.workUnitsOf(enterprise().code));
        assertEquals(4242L, units.get((String) placed.get("machineCode")));
        assertTrue(!units.containsKey((String) unplaced.get("machineCode")), "a machine bound to no work unit is left out");
        assertTrue(TenantContext.callAs("demo", () -> directory.workUnitsOf("demo")).keySet().stream()
                .noneMatch(code -> code.equals(placed.get("machineCode"))), "another enterprise's directory");

        List<String> named = List.of((String) placed.get("machineCode"), (String) unplaced.get("machineCode"), "NO-SUCH-MACHINE");
        assertEquals(Map.of((String) placed.get("machineCode"), 4242L),
                TenantContext.callAs(enterprise().code, () -> directory.workUnitsOf(enterprise().code, named)),
                "the named machines only: bound to a work unit, not unplaced or unknown ones");
        assertTrue(TenantContext.callAs("demo", () -> directory.workUnitsOf("demo", named)).isEmpty(),
                "another enterprise's machines are not in its directory");
    }

    private static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }
}
