package org.pilotline.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** REST Assured requests as a given user (HTTP Basic, sent pre-emptively). */
public final class Api {

    public static final String DEMO_PASSWORD = "demo";

    private Api() {
    }

    /** As one of the demo users (password "demo"). */
    public static RequestSpecification as(String username) {
        return as(username, DEMO_PASSWORD);
    }

    public static RequestSpecification as(String username, String password) {
        return RestAssured.given().auth().preemptive().basic(username, password).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** A number of a JSON response read exactly (REST Assured's own path() reads floats). */
    public static java.math.BigDecimal decimal(io.restassured.response.ResponseBodyExtractionOptions response, String path) {
        return new java.math.BigDecimal(response.jsonPath(io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                .getString(path));
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
