package org.pilotline.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class OperationsTest {

    @Test
    void readinessReportsTheDatabaseAndTheProcessEngineUp() {
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Database connections health check", "Camunda process engine"))
                .body("checks.find { it.name == 'Camunda process engine' }.data.jobExecutorActive", is(true));
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void theOpenApiDocumentDescribesTheApiAndSwaggerUiIsServed() {
        RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/sites'.get.summary", is("List sites"))
                .body("paths.'/api/enterprises'.post.summary", is("Register a pilot enterprise"));
        RestAssured.get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        RestAssured.get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
