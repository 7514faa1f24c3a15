package org.pilotline.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.Api;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** Bad input gets a 400 problem naming the field, and nothing is written. */
@QuarkusTest
class RequestValidationTest {

    @Test
    void malformedJsonIs400Problem() {
        Api.as("demo-planner").body("{\"code\": \"M1\", \"name\": ").post("/api/sites").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", containsString("malformed-json")).body("detail", containsString("line 1"));
    }

    @Test
    void aWrongTypeIs400NamingTheField() {
        Api.as("demo-admin").body("{\"code\":\"wt\",\"name\":\"x\",\"creditCode\":\"x\",\"industry\":\"x\","
                        + "\"manufacturingType\":\"DISCRETE\",\"pilotSince\":\"not a date\"}")
                .post("/api/enterprises").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("pilotSince"));
        Api.as("demo-planner").body("{\"code\":\"WT1\",\"name\":{\"nested\":true}}").post("/api/sites")
                .then().statusCode(400).body("errors[0].field", is("name"));
    }

    @Test
    void anUnknownEnumValueIs400NamingTheFieldAndTheAllowedValues() {
        Api.as("admin").body(Map.of("code", "enum1", "name", "x", "creditCode", "x", "industry", "x",
                        "manufacturingType", "ARTISANAL", "pilotSince", "2026-01-01"))
                .post("/api/enterprises").then().statusCode(400)
                .body("errors[0].field", is("manufacturingType"))
                .body("errors[0].message", containsString("DISCRETE"));
    }

    @Test
    void missingFieldsAre400NamingEachField() {
        Api.as("demo-planner").body("{}").post("/api/sites").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("code", "name"));
    }

    @Test
    void aMissingBodyIs400() {
        Api.as("demo-planner").post("/api/sites").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anExtraFieldIs400NamingIt() {
        Api.as("demo-planner").body(Map.of("code", "EXTRA1", "name", "x", "colour", "red")).post("/api/sites")
                .then().statusCode(400).body("errors[0].field", is("colour"));
        Api.as("demo-planner").get("/api/sites?q=EXTRA1").then().body("items.code", not(hasItems("EXTRA1")));
    }

    @Test
    void aDomainRuleNamesItsField() {
        Api.as("admin").body(Map.of("code", "badcc", "name", "x", "creditCode", "91330100MA2H7XQ40X", "industry", "x",
                        "manufacturingType", "PROCESS", "pilotSince", "2026-01-01"))
                .post("/api/enterprises").then().statusCode(400)
                .body("errors[0].field", is("creditCode")).body("errors[0].message", containsString("check character"));
    }

    @Test
    void anUnknownSortOrPageSizeIs400() {
        Api.as("demo-planner").get("/api/sites?sort=secret_column").then().statusCode(400).body("errors[0].field", is("sort"));
        Api.as("demo-planner").get("/api/sites?size=100000").then().statusCode(400).body("errors[0].field", is("size"));
        Api.as("demo-planner").get("/api/sites?page=abc").then().statusCode(400).body("errors[0].field", is("page"));
    }

    @Test
    void aPathOrQueryParameterOfTheWrongTypeIs400NamingIt() {
        Api.as("demo-planner").get("/api/items/abc").then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("invalid-parameter")).body("errors[0].field", is("id"))
                .body("errors[0].message", containsString("'abc' is not a number"));
        Api.as("demo-planner").get("/api/mes/characteristics?operationId=12x").then().statusCode(400)
                .body("errors[0].field", is("operationId"));
        // a number that is well-formed but names nothing stays a 404
        Api.as("demo-planner").get("/api/items/999999999").then().statusCode(404);
    }

    @Test
    void aStaleUpdateIs409AndDoesNotOverwrite() {
        var created = Api.as("demo-planner").body(Map.of("code", "STALE" + System.nanoTime() % 100000, "name", "first"))
                .post("/api/sites").then().statusCode(201).extract().response();
        int id = created.path("id");
        String code = created.path("code");
        Api.as("demo-planner").body(Map.of("code", code, "name", "second", "version", 0)).put("/api/sites/" + id)
                .then().statusCode(200).body("version", is(1));
        Api.as("demo-planner").body(Map.of("code", code, "name", "lost update", "version", 0)).put("/api/sites/" + id)
                .then().statusCode(409).contentType("application/problem+json").body("type", containsString("stale-version"));
        Api.as("demo-planner").get("/api/sites/" + id).then().body("name", is("second"));
    }

    @Test
    void anUnknownPathIs404ProblemAndNoStackTraceLeaks() {
        Api.as("demo-planner").get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json")
                .body(not(containsString("Exception"))).body(not(containsString("at org.")));
    }
}
