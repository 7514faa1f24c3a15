package org.pilotline.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.pilotline.mes.ShopFloorFixture;
import org.pilotline.testing.Api;
import org.pilotline.testing.OpenApiWalker;
import org.pilotline.testing.OpenApiWalker.Operation;
import org.pilotline.testing.OpenApiWalker.Parameter;
import org.pilotline.testing.TestEnterprise;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the OpenAPI document is sent malformed input derived from its schema — each field of the wrong
 * JSON type, each required field missing, unknown fields, huge, negative, zero and fractional numbers, long and odd
 * Unicode strings, bad path ids, bad paging and sorting, malformed JSON, a wrong content type — with valid
 * credentials: never a 5xx, and every refusal is {@code application/problem+json}. The cases are derived
 * deterministically (a seed per operation) and bounded per operation. It acts for an enterprise of its own (and, for
 * the platform's and the bureau's operations, as those), so whatever it happens to create disturbs no other test.
 */
@QuarkusTest
class OpenApiFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CASES_PER_OPERATION = 60;
    /** Written into a JSON text where a lone surrogate escape goes (Jackson would not write one). */
    private static final String LONE_SURROGATE = "LONE-SURROGATE-4d9f";
    private static final String LONG = "长".repeat(5_000) + "x".repeat(5_000);
    private static final List<String> ODD_STRINGS = List.of(LONG, "", "   ", "\u202Eevil\u202C", "nul\u0000byte",
            "😀🏭🔩", LONE_SURROGATE, "' OR 1=1 --", "<script>x</script>", "..\\..\\etc", "%00%2F", "\uFEFF\u200B");
    private static final List<String> BAD_PATH_VALUES = List.of("-1", "0", "99999999999999999999999", "abc",
            "..%2F..%2Fapi%2Fme", "%F0%9F%98%80", "1.5", "9223372036854775807", "%E2%80%AE1", "%20", "1e3",
            "x".repeat(2_000));
    private static final List<String> BAD_QUERY_VALUES = List.of("-1", "0", "99999999999999999999999", "abc", "1.5",
            "", "NaN", "2026-13-45", "x".repeat(3_000), "\u202E\u0000😀", "../../etc");

    record Case(String name, Supplier<Response> send) {
    }

    @Test
    void everyOperationAnswersMalformedInputWithA4xxProblemAndNeverA5xx() {
        io.restassured.config.RestAssuredConfig before = RestAssured.config;
        RestAssured.config = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 60_000).setParam("http.connection.timeout", 10_000));
        try {
            fuzz();
        } finally {
            RestAssured.config = before;
        }
    }

    private static void fuzz() {
        OpenApiWalker walker = OpenApiWalker.live();
        List<Operation> operations = walker.operations();
        assertTrue(operations.size() > 100, "operations in the document: " + operations.size());

        TestEnterprise enterprise = TestEnterprise.create();
        ShopFloorFixture floor = new ShopFloorFixture(enterprise);
        long workCenter = floor.workCenter("FUZZ");
        ShopFloorFixture.Terminal terminal = floor.terminal("T-FUZZ", workCenter);
        // records of every common kind, so that the fuzzed input reaches the services behind existing records
        long component = floor.data.bought("FZC", "2");
        floor.receive(component, "100", floor.staging, null, null);
        floor.release(floor.product("FZP", workCenter, component), "5");
        floor.order(floor.data.made("FZM"), "3");
        floor.data.partner("FZCU", true, true);
        floor.data.workUnit(workCenter, "FZU");
        Map<String, Supplier<RequestSpecification>> callers = new LinkedHashMap<>();
        for (String role : List.of("admin", "planner", "quality", "manager", "operator")) {
            callers.put(role, () -> enterprise.as(role));
        }
        callers.put("terminal", terminal::request);
        callers.put("platform admin", () -> Api.as("admin"));
        callers.put("bureau", () -> Api.as("bureau"));

        // one record of every kind the enterprise has (not its terminal: revoking it would end the terminal's calls)
        Map<String, String> ids = walker.discover(List.of(() -> enterprise.as("admin"), () -> enterprise.as("planner"),
                () -> enterprise.as("quality"), () -> enterprise.as("operator")), (list, row) -> { });
        ids.remove("terminal");
        // deletions last, so that the records stay for the other operations
        operations = new ArrayList<>(operations);
        operations.sort(java.util.Comparator.comparing((Operation o) -> o.method().equals("DELETE")));

        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        for (Operation operation : operations) {
            Supplier<RequestSpecification> caller = callerOf(operation, callers);
            List<Case> cases = cases(walker, operation, caller, ids);
            Collections.shuffle(cases, new Random(operation.key().hashCode()));
            for (Case c : cases.subList(0, Math.min(MAX_CASES_PER_OPERATION, cases.size()))) {
                Response answer;
                try {
                    answer = c.send().get();
                } catch (RuntimeException e) {
                    wrong.add(operation.key() + " [" + c.name() + "]: no answer: " + e);
                    continue;
                }
                requests++;
                statuses.merge(answer.statusCode(), 1, Integer::sum);
                if (answer.statusCode() >= 500) {
                    wrong.add(operation.key() + " [" + c.name() + "]: " + answer.statusCode() + " " + snippet(answer));
                } else if (answer.statusCode() >= 400 && !OpenApiWalker.isProblem(answer)) {
                    wrong.add(operation.key() + " [" + c.name() + "]: " + answer.statusCode() + " as "
                            + answer.contentType() + " " + snippet(answer));
                }
            }
        }
        System.out.printf("OpenAPI fuzz: %d operations, %d requests, statuses %s%n", operations.size(), requests, statuses);
        assertEquals(List.of(), wrong, () -> wrong.size() + " answers to malformed input were a 5xx or not a problem");
    }

    /** The first caller whose role may use the operation (the others are refused before the input is read). */
    private static Supplier<RequestSpecification> callerOf(Operation operation,
                                                           Map<String, Supplier<RequestSpecification>> callers) {
        for (Supplier<RequestSpecification> caller : callers.values()) {
            Response answer = OpenApiWalker.raw(caller.get()).request(operation.method(), operation.expand(Map.of()));
            if (answer.statusCode() != 403) {
                return caller;
            }
        }
        return callers.values().iterator().next();
    }

    private static List<Case> cases(OpenApiWalker walker, Operation op, Supplier<RequestSpecification> caller,
                                    Map<String, String> ids) {
        List<Case> cases = new ArrayList<>();
        Map<String, String> existing = new java.util.HashMap<>();
        for (Parameter p : op.in("path")) {
            String id = OpenApiWalker.idFor(ids, op.path(), p.name());
            if (id != null) {
                existing.put(p.name(), encode(id));
            }
        }
        String path = op.expand(existing);
        // bad path ids
        for (Parameter p : op.in("path")) {
            for (String value : BAD_PATH_VALUES) {
                Map<String, String> values = new java.util.HashMap<>(existing);
                values.put(p.name(), value);
                String bad = op.expand(values);
                cases.add(new Case("path " + p.name() + "=" + abbreviate(value), () -> send(caller, op, bad, null, null)));
            }
        }
        // bad query parameters, and bad paging and sorting where the operation pages
        List<Map.Entry<String, String>> queries = new ArrayList<>();
        for (Parameter p : op.in("query")) {
            for (String value : BAD_QUERY_VALUES) {
                queries.add(Map.entry(p.name(), value));
            }
            if (p.schema().has("enum")) {
                queries.add(Map.entry(p.name(), "NOT_A_VALUE"));
            }
        }
        if (op.in("query").stream().anyMatch(p -> p.name().equals("sort"))) {
            for (String sort : List.of("secret_column", "-", ",,,", "id;drop table item", "code,-code,code",
                    "-".repeat(500), "name desc")) {
                queries.add(Map.entry("sort", sort));
            }
        }
        if (op.in("query").stream().anyMatch(p -> p.name().equals("page"))) {
            for (String paging : List.of("2147483647", "2147483648", "-2147483648")) {
                queries.add(Map.entry("page", paging));
                queries.add(Map.entry("size", paging));
            }
        }
        queries.add(Map.entry("unknownParameter", "1"));
        for (Map.Entry<String, String> q : queries) {
            String query = path + "?" + encode(q.getKey()) + "=" + encode(q.getValue());
            cases.add(new Case("query " + q.getKey() + "=" + abbreviate(q.getValue()),
                    () -> send(caller, op, query, null, null)));
        }
        if (op.in("query").size() > 1) {
            StringBuilder all = new StringBuilder(path).append('?');
            for (Parameter p : op.in("query")) {
                all.append(encode(p.name())).append("=-1&").append(encode(p.name())).append("=abc&");
            }
            cases.add(new Case("every query parameter twice", () -> send(caller, op, all.toString(), null, null)));
        }
        // bodies
        if (op.body() != null && "application/json".equals(op.mediaType())) {
            cases.add(new Case("no body", () -> send(caller, op, path, null, null)));
            for (String text : List.of("{\"a\":", "[]", "null", "\"text\"", "123", "{}", "{\"a\":1}}", "\u0000",
                    "[".repeat(5_000), "{\"x\":" + "9".repeat(5_000) + "}")) {
                cases.add(new Case("body " + abbreviate(text), () -> send(caller, op, path, text, "application/json")));
            }
            cases.add(new Case("text/plain body", () -> send(caller, op, path, "code=x", "text/plain")));
            cases.add(new Case("xml body", () -> send(caller, op, path, "<a/>", "application/xml")));
            if ("object".equals(OpenApiWalker.type(op.body()))) {
                ObjectNode plausible = (ObjectNode) walker.plausible(op.body(), null,
                        name -> OpenApiWalker.idOfField(ids, name), 0);
                cases.add(new Case("plausible body", () -> send(caller, op, path, write(plausible), "application/json")));
                ObjectNode extra = plausible.deepCopy();
                extra.put("colour", "red");
                cases.add(new Case("unknown field", () -> send(caller, op, path, write(extra), "application/json")));
                for (String required : OpenApiWalker.required(op.body())) {
                    ObjectNode missing = plausible.deepCopy();
                    missing.remove(required);
                    cases.add(new Case("missing " + required, () -> send(caller, op, path, write(missing), "application/json")));
                    ObjectNode nulled = plausible.deepCopy();
                    nulled.putNull(required);
                    cases.add(new Case("null " + required, () -> send(caller, op, path, write(nulled), "application/json")));
                }
                walker.properties(op.body()).forEach((field, schema) -> {
                    for (Map.Entry<String, JsonNode> bad : badValues(walker, schema).entrySet()) {
                        ObjectNode body = plausible.deepCopy();
                        body.set(field, bad.getValue());
                        cases.add(new Case(field + " " + bad.getKey(), () -> send(caller, op, path, write(body),
                                "application/json")));
                    }
                });
            }
        }
        return cases;
    }

    /** Wrong and extreme values for a field of the schema, each with a name for the report. */
    private static Map<String, JsonNode> badValues(OpenApiWalker walker, JsonNode schema) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Map<String, JsonNode> bad = new LinkedHashMap<>();
        String type = OpenApiWalker.type(schema);
        bad.put("as an object", f.objectNode().put("wrong", true));
        switch (type) {
            case "integer", "number" -> {
                bad.put("as text", f.textNode("abc"));
                bad.put("as an array", f.arrayNode().add(1));
                bad.put("huge", f.numberNode(new java.math.BigInteger("9".repeat(40))));
                bad.put("huge as text", f.textNode("9".repeat(40)));
                bad.put("just over a long", f.numberNode(new java.math.BigInteger("9223372036854775808")));
                bad.put("negative", f.numberNode(-1));
                bad.put("minimum long", f.numberNode(Long.MIN_VALUE));
                bad.put("zero", f.numberNode(0));
                bad.put("fractional", f.numberNode(new java.math.BigDecimal("0.0000000000000000000001")));
                bad.put("1e400", f.numberNode(new java.math.BigDecimal("1e400")));
                bad.put("-1e-400", f.numberNode(new java.math.BigDecimal("-1e-400")));
                bad.put("NaN", f.textNode("NaN"));
                bad.put("Infinity", f.textNode("-Infinity"));
                bad.put("boolean", f.booleanNode(true));
            }
            case "boolean" -> {
                bad.put("as text", f.textNode("maybe"));
                bad.put("as a number", f.numberNode(2));
            }
            case "array" -> {
                bad.put("as text", f.textNode("x"));
                bad.put("with null", f.arrayNode().addNull());
                bad.put("of wrong items", f.arrayNode().add(f.arrayNode().add(1)));
                bad.put("empty", f.arrayNode());
                JsonNode item = walker.resolve(schema.path("items"));
                if ("object".equals(OpenApiWalker.type(item))) {
                    ObjectNode plausible = (ObjectNode) walker.plausible(item, null, name -> null, 1);
                    walker.properties(item).forEach((field, s) -> {
                        String t = OpenApiWalker.type(s);
                        ObjectNode wrongItem = plausible.deepCopy();
                        wrongItem.set(field, t.equals("string") ? f.objectNode() : f.textNode("abc"));
                        bad.put("item." + field + " wrong", f.arrayNode().add(wrongItem));
                        ObjectNode extremeItem = plausible.deepCopy();
                        extremeItem.set(field, t.equals("string") ? f.textNode(LONG)
                                : f.numberNode(new java.math.BigInteger("9".repeat(30))));
                        bad.put("item." + field + " extreme", f.arrayNode().add(extremeItem));
                    });
                    bad.put("1000 items", f.arrayNode().addAll(Collections.nCopies(1000, plausible)));
                }
            }
            case "object" -> {
                bad.put("as text", f.textNode("x"));
                bad.put("as an array", f.arrayNode());
            }
            default -> {
                bad.put("as a number", f.numberNode(12));
                bad.put("as an array", f.arrayNode().add("x"));
                bad.put("as a boolean", f.booleanNode(true));
                for (String odd : ODD_STRINGS) {
                    bad.put("odd " + abbreviate(odd), f.textNode(odd));
                }
                if (schema.has("enum")) {
                    bad.put("not of the enum", f.textNode("NOT_A_VALUE"));
                    bad.put("enum in lower case", f.textNode(schema.path("enum").get(0).asText().toLowerCase()));
                }
                String format = schema.path("format").asText("");
                if (!format.isEmpty()) {
                    bad.put("not a " + format, f.textNode("2026-02-30T25:61:00"));
                    bad.put("year 99999", f.textNode("+99999-01-01"));
                    bad.put("year 0", f.textNode("0000-01-01T00:00:00Z"));
                }
            }
        }
        return bad;
    }

    private static Response send(Supplier<RequestSpecification> caller, Operation op, String path, String body,
                                 String contentType) {
        RequestSpecification request = OpenApiWalker.raw(caller.get()).accept(ContentType.JSON);
        if (body != null) {
            request = request.contentType(contentType).body(body.replace(LONE_SURROGATE, "\\ud800x\\udfff"));
        }
        return request.request(op.method(), path);
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String value) {
        return value.length() > 24 ? value.substring(0, 12) + "…(" + value.length() + ")" : value;
    }

    private static String snippet(Response answer) {
        String body = answer.asString();
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
