package org.pilotline.mes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.Api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;
import static org.pilotline.mes.ShopFloorFixture.quantity;
import static org.pilotline.mes.ShopFloorFixture.report;

/**
 * Every shop-floor endpoint the OpenAPI document lists is called with the ids of another enterprise's records — as
 * each role of a second enterprise, as a terminal of it, as the bureau: nothing is found, changed or shown. And every
 * body an endpoint takes, sent wrong, is a 400 problem naming the field.
 */
@QuarkusTest
class ShopFloorSweepTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROLES = List.of("admin", "planner", "manager", "quality", "operator");

    /** The first enterprise and the ids of one record of every kind it has on the shop floor. */
    private static ShopFloorFixture first;
    private static Map<String, Object> ids;
    private static ShopFloorFixture.Terminal firstTerminal;
    /** The second enterprise, and a terminal of its own. */
    private static ShopFloorFixture second;
    private static ShopFloorFixture.Terminal secondTerminal;
    private static JsonNode openApi;

    @BeforeEach
    void enterprises() throws Exception {
        if (first != null) {
            return;
        }
        first = new ShopFloorFixture();
        long workCenter = first.workCenter("CUT");
        long workUnit = first.data.workUnit(workCenter, "CUT-1");
        long blank = first.data.item("BLANK").bought().with("tracking", "LOT").create();
        String componentLot = first.data.code("LOT");
        first.receive(blank, "50", first.staging, componentLot, null);
        long product = first.data.item("PART").made().with("tracking", "LOT").create();
        first.data.bom(product).line(blank, "1").create();
        long routing = first.data.routing(product, ShopFloorFixture.routingStep(10, workCenter, null));
        long routingOperation = ((Number) first.data.planner().get("/api/routings/" + routing).path("operations[0].id"))
                .longValue();
        first.enterprise.as("quality").body(Map.of("routingOperationId", routingOperation, "characteristic", "width",
                "upperLimit", "10", "sampleSize", 1)).post("/api/mes/inspection-plans").then().statusCode(201);
        Response workOrder = first.release(product, "20");
        long operation = id(operations(workOrder).get(0));
        firstTerminal = first.terminal("T-CUT", workCenter);
        firstTerminal.send(report("START", operation)).then().statusCode(200);
        String productLot = firstTerminal.send(quantity(operation, "2")).then().statusCode(200)
                .extract().path("received[0].lotNumber");
        long characteristic = ((Number) first.enterprise.as("quality").queryParam("operationId", operation)
                .get("/api/mes/characteristics").path("[0].id")).longValue();
        Map<String, Object> inspection = report("INSPECTION", operation);
        inspection.put("characteristicId", characteristic);
        inspection.put("measured", "11");
        inspection.put("concernsQuantity", "2");
        firstTerminal.send(inspection).then().statusCode(200).body("inspection.withinLimits", is(false));
        long nonConformance = ((Number) first.enterprise.as("quality").get("/api/mes/nonconformances")
                .path("items[0].id")).longValue();
        // a machine of the first enterprise with a stop in its history
        String machine = first.data.code("M");
        first.enterprise.as("admin").body(Map.of("machineCode", machine, "workUnitId", workUnit, "endpointUrl",
                "opc.tcp://localhost:1/none", "securityPolicy", "None", "securityMode", "None", "identityKind", "ANONYMOUS",
                "stateMapping", "MACHINERY", "itemStateNode", "ns=2;s=X")).post("/api/gateway/bindings").then().statusCode(201);
        Instant stop = Instant.now().minusSeconds(60);
        first.enterprise.as("operator").body(Map.of("batchId", UUID.randomUUID().toString(), "tenant", first.enterprise.code,
                "events", List.of(Map.of("kind", "state-changed", "machine", machine, "sequence", 1, "from", "EXECUTING",
                        "to", "NOT_EXECUTING", "operationMode", "PROCESSING", "sourceTime", stop.toString(),
                        "serverTime", stop.toString())))).post("/api/gateway/ingest").then().statusCode(200);
        long machineInterval = ((Number) first.data.planner().queryParam("from", stop.minusSeconds(5).toString())
                .queryParam("to", Instant.now().toString()).get("/api/mes/work-units/" + workUnit + "/machine-history")
                .path("intervals[0].id")).longValue();

        ids = new HashMap<>();
        ids.put("workOrder", workOrder.then().extract().<Number>path("id").longValue());
        ids.put("operation", operation);
        ids.put("workCenter", workCenter);
        ids.put("workUnit", workUnit);
        ids.put("routingOperation", routingOperation);
        ids.put("nonConformance", nonConformance);
        ids.put("terminal", firstTerminal.id);
        ids.put("reason", first.reasonId("DOWN-JAM"));
        ids.put("product", product);
        ids.put("productLot", productLot);
        ids.put("component", blank);
        ids.put("componentLot", componentLot);
        ids.put("machineInterval", machineInterval);
        ids.put("operator", first.enterprise.code + "-operator");

        second = new ShopFloorFixture();
        secondTerminal = second.terminal("T-OWN", second.workCenter("OWN"));
        openApi = JSON.readTree(RestAssured.given().accept("application/json").get("/q/openapi?format=json").asString());
    }

    /**
     * How to call one endpoint with the first enterprise's ids, and which answers are no leak; {@code missing} names a
     * record that exists nowhere where {@code record} names the first enterprise's, for endpoints that must answer both
     * alike.
     */
    private record Probe(String path, Map<String, Object> query, Supplier<Map<String, Object>> body, Set<Integer> allowed,
                         String record, String missing) {

        Probe(String path, Map<String, Object> query, Supplier<Map<String, Object>> body, Set<Integer> allowed) {
            this(path, query, body, allowed, null, null);
        }

        /** The same call naming a record that does not exist. */
        Probe ofMissing() {
            return new Probe(path.replace(record, missing), query, body, allowed);
        }
    }

    private static final Set<Integer> NOT_FOUND = Set.of(403, 404);
    /** A body naming another enterprise's record: a reference to nothing (400 naming the field), or not found. */
    private static final Set<Integer> BAD_REFERENCE = Set.of(400, 403, 404);
    /** The caller's own records (a list, its settings, its terminal), none of the first enterprise's. */
    private static final Set<Integer> OWN_LIST = Set.of(200, 403);
    /** A list filtered by another enterprise's record: empty, or the record is not found. */
    private static final Set<Integer> FILTERED = Set.of(200, 403, 404);

    private static Map<String, List<Probe>> probes() {
        Map<String, List<Probe>> probes = new LinkedHashMap<>();
        Object wo = ids.get("workOrder");
        probes.put("GET /api/mes/work-orders", List.of(probe("/api/mes/work-orders", Map.of("itemId", ids.get("product")), FILTERED)));
        probes.put("GET /api/mes/work-orders/{id}", List.of(probe("/api/mes/work-orders/{}", wo)));
        probes.put("GET /api/mes/work-orders/operations/{id}", List.of(probe("/api/mes/work-orders/operations/{}", ids.get("operation"))));
        probes.put("POST /api/mes/work-orders/{id}/close", List.of(probe("/api/mes/work-orders/{}/close", wo, Map.of("version", 0))));
        probes.put("GET /api/mes/dispatch-list", List.of(probe("/api/mes/dispatch-list", Map.of("workCenterId", ids.get("workCenter")), FILTERED)));
        probes.put("GET /api/mes/genealogy/items/{itemId}/lots/components", List.of(probe("/api/mes/genealogy/items/"
                + ids.get("product") + "/lots/components", Map.of("lot", ids.get("productLot")), NOT_FOUND)));
        probes.put("GET /api/mes/genealogy/items/{itemId}/lots/where-used", List.of(probe("/api/mes/genealogy/items/"
                + ids.get("component") + "/lots/where-used", Map.of("lot", ids.get("componentLot")), NOT_FOUND)));
        probes.put("GET /api/mes/inspection-plans", List.of(probe("/api/mes/inspection-plans", Map.of("routingOperationId", ids.get("routingOperation")), FILTERED)));
        probes.put("POST /api/mes/inspection-plans", List.of(new Probe("/api/mes/inspection-plans", Map.of(), () -> Map.of(
                "routingOperationId", ids.get("routingOperation"), "characteristic", "width", "sampleSize", 1), BAD_REFERENCE)));
        probes.put("GET /api/mes/characteristics", List.of(probe("/api/mes/characteristics", Map.of("operationId", ids.get("operation")), NOT_FOUND)));
        probes.put("GET /api/mes/inspection-results", List.of(probe("/api/mes/inspection-results", Map.of("operationId", ids.get("operation")), NOT_FOUND)));
        probes.put("GET /api/mes/nonconformances", List.of(probe("/api/mes/nonconformances", Map.of("workOrderId", wo), FILTERED)));
        probes.put("POST /api/mes/nonconformances", List.of(new Probe("/api/mes/nonconformances", Map.of(), () -> Map.of(
                "itemId", ids.get("product"), "workOrderId", wo, "operationId", ids.get("operation"), "quantity", "1",
                "description", "found bad"), BAD_REFERENCE)));
        probes.put("GET /api/mes/nonconformances/{id}", List.of(probe("/api/mes/nonconformances/{}", ids.get("nonConformance"))));
        probes.put("POST /api/mes/nonconformances/{id}/close", List.of(probe("/api/mes/nonconformances/{}/close",
                ids.get("nonConformance"), Map.of("version", 0))));
        probes.put("GET /api/mes/work-units/{id}/machine-history", List.of(probe("/api/mes/work-units/{}/machine-history", ids.get("workUnit"),
                Map.of("from", Instant.now().minusSeconds(3600).toString(), "to", Instant.now().toString()))));
        probes.put("GET /api/mes/reasons", List.of(probe("/api/mes/reasons", Map.of(), OWN_LIST)));
        probes.put("GET /api/mes/machines", List.of(probe("/api/mes/machines", Map.of(), OWN_LIST)));
        probes.put("POST /api/mes/reasons", List.of(new Probe("/api/mes/reasons", Map.of(), () -> Map.of("parentId", ids.get("reason"),
                "code", "X" + UUID.randomUUID().toString().substring(0, 8), "purpose", "DOWNTIME", "planned", false,
                "nameZh", "x", "nameEn", "x"), BAD_REFERENCE)));
        probes.put("PUT /api/mes/reasons/{id}", List.of(new Probe("/api/mes/reasons/" + ids.get("reason"), Map.of(),
                () -> Map.of("code", "DOWN-JAM", "purpose", "DOWNTIME", "planned", true, "nameZh", "stolen",
                        "nameEn", "stolen", "version", 0), NOT_FOUND, "/" + ids.get("reason"), "/987654321")));
        probes.put("POST /api/mes/reports", List.of(
                new Probe("/api/mes/reports", Map.of(), () -> withSequence(quantity((Long) ids.get("operation"), "1")), NOT_FOUND),
                new Probe("/api/mes/reports", Map.of(), () -> {
                    Map<String, Object> down = withSequence(report("DOWNTIME", 0));
                    down.remove("operationId");
                    down.put("machineIntervalId", ids.get("machineInterval"));
                    down.put("reasonCode", "DOWN-JAM");
                    return down;
                }, BAD_REFERENCE),
                new Probe("/api/mes/reports", Map.of(), () -> {
                    Map<String, Object> down = withSequence(report("DOWNTIME", 0));
                    down.remove("operationId");
                    down.put("workUnitId", ids.get("workUnit"));
                    down.put("from", Instant.now().minusSeconds(600).toString());
                    down.put("reasonCode", "DOWN-JAM");
                    return down;
                }, BAD_REFERENCE)));
        probes.put("GET /api/mes/settings", List.of(probe("/api/mes/settings", Map.of(), OWN_LIST)));
        probes.put("PUT /api/mes/settings", List.of(new Probe("/api/mes/settings", Map.of(), () -> Map.of(
                "overDeliveryTolerance", "0.5"), Set.of(200, 400, 403, 409))));
        probes.put("GET /api/mes/work-centers/{id}/settings", List.of(probe("/api/mes/work-centers/{}/settings", ids.get("workCenter"))));
        probes.put("PUT /api/mes/work-centers/{id}/settings", List.of(new Probe("/api/mes/work-centers/" + ids.get("workCenter")
                + "/settings", Map.of(), () -> Map.of("countingSource", "MACHINE", "version", 0), NOT_FOUND,
                "/" + ids.get("workCenter") + "/", "/987654321/")));
        probes.put("POST /api/mes/terminals", List.of(new Probe("/api/mes/terminals", Map.of(), () -> Map.of(
                "code", "X" + UUID.randomUUID().toString().substring(0, 8), "name", "intruder",
                "workCenterId", ids.get("workCenter")), BAD_REFERENCE)));
        probes.put("GET /api/mes/terminals", List.of(probe("/api/mes/terminals", Map.of("workCenterId", ids.get("workCenter")), FILTERED)));
        probes.put("GET /api/mes/terminals/{id}", List.of(probe("/api/mes/terminals/{}", ids.get("terminal"))));
        probes.put("POST /api/mes/terminals/{id}/revoke", List.of(probe("/api/mes/terminals/{}/revoke", ids.get("terminal"))));
        probes.put("POST /api/mes/terminals/{id}/token", List.of(probe("/api/mes/terminals/{}/token", ids.get("terminal"))));
        probes.put("PUT /api/mes/operators/{username}/badge", List.of(new Probe("/api/mes/operators/" + ids.get("operator")
                + "/badge", Map.of(), () -> Map.of("badgeNumber", "STOLEN", "pin", "1234"), NOT_FOUND,
                "/" + ids.get("operator") + "/", "/nobody-" + UUID.randomUUID().toString().substring(0, 8) + "/")));
        probes.put("GET /api/mes/operators/badges", List.of(probe("/api/mes/operators/badges", Map.of(), OWN_LIST)));
        probes.put("DELETE /api/mes/operators/{username}/badge", List.of(probe("/api/mes/operators/{}/badge", ids.get("operator"))));
        probes.put("GET /api/mes/terminal", List.of(probe("/api/mes/terminal", Map.of(), OWN_LIST)));
        // another enterprise's badge and PIN do not sign anyone in here
        probes.put("POST /api/mes/terminal/sign-in", List.of(new Probe("/api/mes/terminal/sign-in", Map.of(), () -> Map.of(
                "badgeNumber", "B-" + first.enterprise.code, "pin", "4711"), Set.of(400, 403))));
        probes.put("POST /api/mes/terminal/sign-out", List.of(probe("/api/mes/terminal/sign-out", Map.of(), OWN_LIST)));
        return probes;
    }

    @Test
    void everyShopFloorEndpointAnswersAnotherEnterpriseWithNothingOfThisOne() {
        Map<String, List<Probe>> probes = probes();
        Set<String> endpoints = mesEndpoints();
        Set<String> unprobed = new TreeSet<>(endpoints);
        unprobed.removeAll(probes.keySet());
        assertEquals(Set.of(), unprobed, "every /api/mes endpoint of the OpenAPI document is swept; add a probe");

        List<String> problems = new ArrayList<>();
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            for (Probe probe : probes.get(endpoint)) {
                boolean pastTheRoleCheck = false;
                Map<String, Supplier<RequestSpecification>> callers = new LinkedHashMap<>();
                for (String role : ROLES) {
                    callers.put(role, () -> second.enterprise.as(role));
                }
                callers.put("terminal", secondTerminal::request);
                for (Map.Entry<String, Supplier<RequestSpecification>> caller : callers.entrySet()) {
                    Response answer = call(caller.getValue().get(), method, probe);
                    String where = endpoint + " as " + caller.getKey() + ": " + answer.statusCode() + " " + answer.asString();
                    if (!probe.allowed().contains(answer.statusCode())) {
                        problems.add(where);
                    }
                    if (leaks(answer.asString(), probe)) {
                        problems.add("leak: " + where);
                    }
                    if (probe.record() != null) {
                        Response missing = call(caller.getValue().get(), method, probe.ofMissing());
                        if (!alike(answer, probe.record(), missing, probe.missing())) {
                            problems.add("tells another enterprise's record from a missing one: " + where + " — missing: "
                                    + missing.statusCode() + " " + missing.asString());
                        }
                    }
                    if (answer.statusCode() == 400 && !answer.asString().contains("\"errors\"")) {
                        problems.add("a 400 names no field: " + where);
                    }
                    if (answer.statusCode() == 200 && probe.allowed() == FILTERED && !empty(answer.asString())) {
                        problems.add("a filter by another enterprise's record matched: " + where);
                    }
                    pastTheRoleCheck |= !(answer.statusCode() == 403 && answer.asString().contains("/forbidden"));
                }
                if (!pastTheRoleCheck) {
                    problems.add(endpoint + ": no role of the second enterprise may call it, so the sweep proves nothing");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTheFirstEnterpriseIsUnchanged();
        System.out.printf("tenant sweep: %d shop-floor endpoints, %d calls each as 5 roles and a terminal%n",
                endpoints.size(), probes.values().stream().mapToInt(List::size).sum());
    }

    @Test
    void theMachineBoardStreamShowsTheCallersOwnBoardOnly() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, java.net.http.HttpRequest> request = user -> java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/mes/machines/stream"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (user + ":" + org.pilotline.testing.TestEnterprise.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream").build();
        // the first event is the whole board of the caller's enterprise: the second enterprise sees none of the first's
        String own = firstEvent(client, request.apply(first.enterprise.code + "-planner"));
        String other = firstEvent(client, request.apply(second.enterprise.code + "-planner"));
        String suffix = first.data.code("").substring(1);
        assertTrue(own.contains(suffix), "the first enterprise's board names its work units: " + own);
        assertTrue(!other.contains(suffix) && !other.contains(first.enterprise.code), "leak: " + other);
        java.net.http.HttpResponse<Void> bureau = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        RestAssured.baseURI + ":" + RestAssured.port + "/api/mes/machines/stream"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("bureau:" + Api.DEMO_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream").build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals(403, bureau.statusCode(), "the bureau reads no machine board");
    }

    private static String firstEvent(java.net.http.HttpClient client, java.net.http.HttpRequest request) throws Exception {
        java.net.http.HttpResponse<java.util.stream.Stream<String>> response = client.sendAsync(request,
                java.net.http.HttpResponse.BodyHandlers.ofLines()).get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        try (java.util.stream.Stream<String> lines = response.body()) {
            return lines.filter(line -> line.startsWith("data:")).findFirst().orElseThrow();
        }
    }

    @Test
    void theBureauMayUseNoShopFloorEndpoint() {
        Map<String, List<Probe>> probes = probes();
        List<String> problems = new ArrayList<>();
        for (String endpoint : mesEndpoints()) {
            for (Probe probe : probes.getOrDefault(endpoint, List.of())) {
                Response answer = call(Api.as("bureau"), endpoint.substring(0, endpoint.indexOf(' ')), probe);
                if (answer.statusCode() != 403 || leaks(answer.asString(), probe)) {
                    problems.add(endpoint + ": " + answer.statusCode() + " " + answer.asString());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void badInputToEveryShopFloorBodyIs400NamingTheField() {
        Map<String, List<Probe>> probes = probes();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String endpoint : mesEndpoints()) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            JsonNode schema = requestSchema(endpoint);
            if (schema == null) {
                continue;
            }
            Probe probe = probes.get(endpoint).get(0);
            Supplier<RequestSpecification> caller = allowedCaller(method, probe);
            List<Map.Entry<String, Object>> cases = new ArrayList<>();
            Iterator<String> properties = schema.path("properties").fieldNames();
            while (properties.hasNext()) {
                String property = properties.next();
                cases.add(Map.entry(property, Map.of(property, Map.of("wrong", true))));
            }
            cases.add(Map.entry("colour", Map.of("colour", "red")));
            for (JsonNode required : schema.path("required")) {
                cases.add(Map.entry(required.asText(), Map.of()));
            }
            for (Map.Entry<String, Object> c : cases) {
                Response answer = call(caller.get().body(c.getValue()), method, new Probe(probe.path(), probe.query(), null, null));
                checked++;
                JsonNode body = parse(answer.asString());
                List<String> fields = new ArrayList<>();
                body.path("errors").forEach(e -> fields.add(e.path("field").asText()));
                if (answer.statusCode() != 400 || !answer.contentType().startsWith("application/problem+json")
                        || fields.stream().noneMatch(f -> f.equals(c.getKey()) || f.startsWith(c.getKey() + ".")
                        || f.startsWith(c.getKey() + "["))) {
                    problems.add(endpoint + " with " + c.getValue() + ": " + answer.statusCode() + " " + answer.asString());
                }
            }
            Response noBody = call(caller.get(), method, new Probe(probe.path(), probe.query(), null, null));
            if (noBody.statusCode() != 400) {
                problems.add(endpoint + " without a body: " + noBody.statusCode() + " " + noBody.asString());
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked > 40, "bodies of the shop floor checked: " + checked);
        System.out.printf("bad input: %d bodies sent to the shop floor's POST and PUT endpoints%n", checked);
    }

    // ---- the sweep's tools ----

    /** "METHOD /path" of every /api/mes endpoint in the OpenAPI document. */
    private static Set<String> mesEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        openApi.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/mes")) {
                path.getValue().fieldNames().forEachRemaining(method -> {
                    boolean stream = path.getValue().path(method).path("responses").path("200").path("content")
                            .has("text/event-stream"); // never ends: theMachineBoardStreamShowsTheCallersOwnBoardOnly
                    if (Set.of("get", "post", "put", "delete", "patch").contains(method) && !stream) {
                        endpoints.add(method.toUpperCase() + " " + path.getKey());
                    }
                });
            }
        });
        assertTrue(endpoints.size() > 25, "the MES endpoints of the OpenAPI document: " + endpoints);
        return endpoints;
    }

    /** The JSON schema of an endpoint's request body, or null when it takes none. */
    private static JsonNode requestSchema(String endpoint) {
        String[] parts = endpoint.split(" ");
        JsonNode schema = openApi.path("paths").path(parts[1]).path(parts[0].toLowerCase()).path("requestBody")
                .path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return null;
        }
        String ref = schema.path("$ref").asText();
        return ref.isEmpty() ? schema : openApi.at(ref.substring(1));
    }

    /** A caller of the second enterprise whose role may use the endpoint. */
    private static Supplier<RequestSpecification> allowedCaller(String method, Probe probe) {
        for (String role : ROLES) {
            Response answer = call(second.enterprise.as(role), method, probe);
            if (!(answer.statusCode() == 403 && answer.asString().contains("/forbidden"))) {
                return () -> second.enterprise.as(role);
            }
        }
        return secondTerminal::request;
    }

    private static Response call(RequestSpecification request, String method, Probe probe) {
        RequestSpecification r = request.queryParams(probe.query());
        if (probe.body() != null) {
            r = r.body(probe.body().get());
        }
        return r.request(method, probe.path());
    }

    /** A record of the first enterprise named in the path: not found, exactly like one that does not exist. */
    private static Probe probe(String template, Object record) {
        return probe(template, record, Map.of());
    }

    private static Probe probe(String template, Object record, Map<String, Object> query) {
        String missing = record instanceof String ? "nobody-" + UUID.randomUUID().toString().substring(0, 8) : "987654321";
        return new Probe(template.replace("{}", String.valueOf(record)), query, null, NOT_FOUND, "/" + record,
                "/" + missing);
    }

    private static Probe probe(String path, Map<String, Object> query, Set<Integer> allowed) {
        return new Probe(path, query, null, allowed);
    }

    private static Map<String, Object> withSequence(Map<String, Object> report) {
        report.put("sequence", Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + 1);
        return report;
    }

    /**
     * Whether an answer shows anything of the first enterprise — its code or the suffix all its codes carry — beyond
     * what the caller sent itself (the path, the query, the body) and the answer echoes.
     */
    private static boolean leaks(String body, Probe probe) {
        String rest = body.replace(probe.path(), "");
        for (Object value : probe.query().values()) {
            rest = rest.replace(String.valueOf(value), "");
        }
        for (String segment : probe.path().split("/")) {
            if (!segment.isEmpty()) {
                rest = rest.replace(segment, "");
            }
        }
        String suffix = first.data.code("").substring(1);
        return rest.contains(first.enterprise.code) || rest.contains(suffix);
    }

    /** The same answer but for the record named: same status, same problem type and detail. */
    private static boolean alike(Response answer, String record, Response missing, String missingRecord) {
        String id = record.replace("/", "");
        String otherId = missingRecord.replace("/", "");
        JsonNode a = parse(answer.asString());
        JsonNode b = parse(missing.asString());
        return answer.statusCode() == missing.statusCode()
                && a.path("type").asText().equals(b.path("type").asText())
                && a.path("detail").asText().replace(id, "{}").equals(b.path("detail").asText().replace(otherId, "{}"));
    }

    private static boolean empty(String body) {
        JsonNode json = parse(body);
        return (json.isArray() && json.isEmpty()) || (json.has("total") && json.path("total").asLong() == 0);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    /** Nothing the sweep sent changed the first enterprise: its terminal, badge, settings and reason are as they were. */
    private static void assertTheFirstEnterpriseIsUnchanged() {
        firstTerminal.request().get("/api/mes/terminal").then().statusCode(200)
                .body("operator", is(first.enterprise.code + "-operator"));
        firstTerminal.request().body(Map.of("badgeNumber", "B-" + first.enterprise.code, "pin", "4711"))
                .post("/api/mes/terminal/sign-in").then().statusCode(200);
        first.enterprise.as("admin").get("/api/mes/work-centers/" + ids.get("workCenter") + "/settings").then()
                .body("countingSource", is("TERMINAL"));
        first.data.planner().get("/api/mes/work-orders/" + ids.get("workOrder")).then().body("state", is("IN_PROGRESS"));
        first.enterprise.as("quality").get("/api/mes/nonconformances/" + ids.get("nonConformance")).then()
                .body("status", is("OPEN"));
        List<Map<String, Object>> reasons = first.data.planner().get("/api/mes/reasons").then().extract().path("$");
        assertTrue(reasons.stream().anyMatch(r -> "DOWN-JAM".equals(r.get("code")) && "reason DOWN-JAM".equals(r.get("nameEn"))
                && ((List<?>) r.get("children")).isEmpty()), "the reason tree is untouched: " + reasons);
        first.data.planner().get("/api/mes/work-orders/operations/" + ids.get("operation")).then().body("goodQuantity", is(2));
    }
}
