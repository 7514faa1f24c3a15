package org.pilotline.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.Api;
import org.pilotline.testing.ObservedStatuses;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document tells the truth about statuses: every (operation, status) that the test suite saw the server
 * answer ({@link ObservedStatuses} records them) is documented for that operation, and no operation answered 500.
 * It runs after every other test class ({@code @Order} last, with the annotation orderer of
 * {@code junit-platform.properties}), so it judges what the whole run exercised; run alone, it judges its own requests.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class OpenApiMatchesObservedStatusesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyStatusTheTestsSawAnOperationAnswerIsDocumentedForThatOperation() throws Exception {
        JsonNode document = document();
        Map<String, String> observed = ObservedStatuses.observed();

        List<String> undocumented = undocumented(document, observed);

        // What the run exercised, for whoever documents the next status: target/observed-statuses.txt.
        java.nio.file.Files.write(java.nio.file.Path.of("target", "observed-statuses.txt"), observed.entrySet().stream()
                .map(e -> e.getKey() + "\t" + e.getValue()).toList());
        assertFalse(observed.isEmpty(), "the recorder saw no response");
        assertTrue(undocumented.isEmpty(), () -> undocumented.size() + " (operation, status) observed in the tests but"
                + " not in /q/openapi, each with a request that answered it; document the status on the operation, or"
                + " fix the bug (a 500 always is one):\n" + String.join("\n", undocumented));
        assertEquals(Map.of(), ObservedStatuses.createdWithoutLocation(),
                "201 and 202 answers say where the new thing is (the document promises a Location header)");
    }

    @Test
    void removingADocumentedStatusThatTheTestsSawMakesTheComparisonFail() throws Exception {
        Api.anonymous().get("/api/me").then().statusCode(401);
        JsonNode document = document();
        assertTrue(undocumented(document, ObservedStatuses.observed()).stream()
                .noneMatch(line -> line.startsWith("GET /api/me 401")));

        ObjectNode withoutIt = document.deepCopy();
        ((ObjectNode) withoutIt.path("paths").path("/api/me").path("get").path("responses")).remove("401");

        assertTrue(undocumented(withoutIt, ObservedStatuses.observed()).stream()
                .anyMatch(line -> line.startsWith("GET /api/me 401")));
    }

    @Test
    void everyErrorResponseIsAProblemDocumentAndEveryCreatedResponseSaysWhere() throws Exception {
        JsonNode document = document();
        List<String> wrong = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                boolean succeeds = false;
                for (Iterator<String> statuses = op.getValue().path("responses").fieldNames(); statuses.hasNext(); ) {
                    succeeds |= statuses.next().startsWith("2");
                }
                if (!succeeds) {
                    wrong.add(name + " documents no success status");
                }
                for (Iterator<Map.Entry<String, JsonNode>> responses = op.getValue().path("responses").fields();
                     responses.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    String status = response.getKey();
                    if (status.startsWith("4") || status.startsWith("5")) {
                        JsonNode problem = response.getValue().path("content").path("application/problem+json");
                        if (!"#/components/schemas/Problem".equals(problem.path("schema").path("$ref").asText())) {
                            wrong.add(name + " " + status + " is not application/problem+json with the Problem schema");
                        }
                        if (response.getValue().path("content").size() != 1) {
                            wrong.add(name + " " + status + " has another media type besides application/problem+json");
                        }
                    }
                    if (status.equals("201") && response.getValue().path("headers").path("Location").isMissingNode()) {
                        wrong.add(name + " 201 does not document its Location header");
                    }
                }
            }
        }
        JsonNode problem = document.path("components").path("schemas").path("Problem").path("properties");
        for (String field : List.of("type", "title", "status", "detail", "instance", "errors", "errorId",
                "currentVersion")) {
            if (!problem.has(field)) {
                wrong.add("the Problem schema lacks " + field + ", which ProblemMappers writes");
            }
        }
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
    }

    private static JsonNode document() throws Exception {
        String body = RestAssured.given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        return JSON.readTree(body);
    }

    /**
     * Observed entries ("POST /api/items 201" → "POST /api/items") whose status the document does not give for the
     * operation, or whose operation it lacks; a 500 is reported whatever the document says.
     */
    static List<String> undocumented(JsonNode document, Map<String, String> observed) {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> entry : observed.entrySet()) {
            String[] key = entry.getKey().split(" ");
            String method = key[0];
            String path = key[1];
            String status = key[2];
            if (method.equals("HEAD") || method.equals("OPTIONS")) {
                continue;
            }
            JsonNode operation = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
            if (operation.isMissingNode()) {
                wrong.add(entry.getKey() + " (operation not in the document; e.g. " + entry.getValue() + ")");
            } else if (status.equals("500")) {
                wrong.add(entry.getKey() + " (a bug; e.g. " + entry.getValue() + ")");
            } else if (!operation.path("responses").has(status)) {
                wrong.add(entry.getKey() + " (e.g. " + entry.getValue() + ")");
            }
        }
        return wrong;
    }
}
