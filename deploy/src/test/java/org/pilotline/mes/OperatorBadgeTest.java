package org.pilotline.mes;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.Api;
import org.pilotline.testing.TestEnterprise;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The enterprise administrator's list of operators with their badges, and taking a lost badge away: it no longer signs
 * in, the operator is signed out where they were signed in, both the issue and the removal are in the security audit,
 * and neither another enterprise's administrator nor another role of the enterprise reads or removes anything.
 */
@QuarkusTest
class OperatorBadgeTest {

    @Test
    void theAdministratorListsTheOperatorsBadgesAndTakesALostOneAwaySigningTheOperatorOut() {
        ShopFloorFixture plant = new ShopFloorFixture();
        ShopFloorFixture other = new ShopFloorFixture();
        String code = plant.enterprise.code;
        String operator = code + "-operator";
        String newcomer = code + "-operator2";
        Api.as("admin").body(Map.of("username", newcomer, "displayName", "second operator", "password",
                        TestEnterprise.PASSWORD, "enterprise", code, "roles", List.of("operator")))
                .post("/api/admin/users").then().statusCode(201);
        ShopFloorFixture.Terminal terminal = plant.terminal("T-BADGE", plant.workCenter("BADGE"));

        plant.enterprise.as("admin").get("/api/mes/operators/badges").then().statusCode(200)
                .body("username", contains(operator, newcomer))
                .body("badgeNumber", contains("B-" + code, null))
                .body("enabled", contains(true, true))
                .body("[0].keySet()", containsInAnyOrder("userId", "username", "displayName", "enabled", "badgeNumber"));
        other.enterprise.as("admin").get("/api/mes/operators/badges").then().statusCode(200)
                .body("username", contains(other.enterprise.code + "-operator"));
        plant.enterprise.as("planner").get("/api/mes/operators/badges").then().statusCode(403);
        Api.as("bureau").get("/api/mes/operators/badges").then().statusCode(403);

        other.enterprise.as("admin").delete("/api/mes/operators/" + operator + "/badge").then().statusCode(404)
                .contentType("application/problem+json");
        plant.enterprise.as("planner").delete("/api/mes/operators/" + operator + "/badge").then().statusCode(403);
        plant.enterprise.as("admin").delete("/api/mes/operators/" + newcomer + "/badge").then().statusCode(404);
        terminal.request().get("/api/mes/terminal").then().statusCode(200).body("operator", is(operator));

        plant.enterprise.as("admin").delete("/api/mes/operators/" + operator + "/badge").then().statusCode(204);
        terminal.request().get("/api/mes/terminal").then().statusCode(200).body("operator", nullValue());
        terminal.request().body(Map.of("badgeNumber", "B-" + code, "pin", "4711")).post("/api/mes/terminal/sign-in")
                .then().statusCode(400).body("errors.field", hasItem("pin"));
        plant.enterprise.as("admin").get("/api/mes/operators/badges").then()
                .body("badgeNumber", contains(nullValue(), nullValue()));
        plant.enterprise.as("admin").delete("/api/mes/operators/" + operator + "/badge").then().statusCode(404);

        // a new badge signs in again; the old number is free for anyone
        plant.badge(operator, "B2-" + code, "2468");
        plant.badge(newcomer, "B-" + code, "1357");
        terminal.request().body(Map.of("badgeNumber", "B2-" + code, "pin", "2468")).post("/api/mes/terminal/sign-in")
                .then().statusCode(200).body("operator", is(operator));
        plant.enterprise.as("admin").get("/api/mes/operators/badges").then()
                .body("badgeNumber", contains("B2-" + code, "B-" + code));

        plant.enterprise.as("admin").queryParam("size", 100).queryParam("enterprise", code)
                .get("/api/security/audit").then().statusCode(200)
                .body("items.findAll { it.action.startsWith('badge-') }.action",
                        contains("badge-issued", "badge-removed", "badge-issued", "badge-issued"))
                .body("items.findAll { it.action == 'badge-removed' }.target", contains("user:" + operator))
                .body("items.findAll { it.action == 'badge-removed' }.actor", contains(code + "-admin"))
                .body("items.findAll { it.action == 'badge-removed' }[0].detail", containsString("B-" + code));
        other.enterprise.as("admin").queryParam("size", 100).get("/api/security/audit").then().statusCode(200)
                .body("items.target", not(hasItem("user:" + operator)));
    }
}
