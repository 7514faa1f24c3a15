package org.pilotline.kpi;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.math.BigDecimal;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the KPI API's answers in the KPI tests: figures as exact decimals, and waiting for the roll-up worker. */
final class KpiAnswers {

    private static final JsonPathConfig DECIMALS = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private KpiAnswers() {
    }

    /** The body of a 200 answer, its numbers read as {@link BigDecimal}. */
    static JsonPath json(Response response) {
        response.then().statusCode(200);
        return response.jsonPath(DECIMALS);
    }

    /** The figure equals the expected decimal, whatever its scale. */
    static void assertDecimal(String expected, Object actual) {
        assertNotNull(actual);
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())),
                "expected " + expected + ", was " + actual);
    }

    /** Waits until the enterprise of {@code user} has no touches left for the roll-up worker (at most 5 minutes). */
    static void waitForTheRollups(RequestSpecification user) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (((Number) user.get("/api/kpi/rollups/status").then().statusCode(200).extract()
                .path("pendingTouches")).longValue() > 0) {
            assertTrue(System.nanoTime() < deadline, "the roll-ups did not catch up within 5 minutes");
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
