package org.pilotline.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.Api;
import org.pilotline.testing.TestEnterprise;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class AuthenticationAndRolesTest {

    @Test
    void noCredentialsIs401ProblemWithABasicChallenge() {
        Api.anonymous().get("/api/sites").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"))
                .body("status", is(401)).body("title", notNullValue()).body("type", containsString("unauthenticated"));
    }

    @Test
    void aBrowserScriptGetsNoChallengeThatWouldOpenTheBrowsersDialog() {
        Api.anonymous().header("X-Requested-With", "XMLHttpRequest").get("/api/sites").then().statusCode(401)
                .header("WWW-Authenticate", nullValue());
    }

    @Test
    void aWrongPasswordIs401Problem() {
        Api.as("demo-planner", "not-the-password").get("/api/sites").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownUserIs401ProblemLikeAWrongPassword() {
        Api.as("nobody-at-all", "whatever").get("/api/sites").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void theWrongRoleIs403Problem() {
        Api.as("demo-operator").body(Map.of("code", "OPS1", "name", "x")).post("/api/sites").then().statusCode(403)
                .contentType("application/problem+json").body("status", is(403)).body("title", notNullValue());
        Api.as("demo-planner").get("/api/admin/users").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void onlyThePlatformAdministratorRegistersEnterprises() {
        Api.as("demo-admin").body(Map.of("code", "sneaky", "name", "x", "creditCode", TestEnterprise.creditCode(),
                        "industry", "x", "manufacturingType", "DISCRETE", "pilotSince", "2026-01-01"))
                .post("/api/enterprises").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aBrowserLogsInWithTheFormAndUsesTheSessionCookie() {
        var login = RestAssured.given().contentType(ContentType.URLENC).header("X-Requested-With", "XMLHttpRequest")
                .formParam("j_username", "demo-planner").formParam("j_password", "demo")
                .post("/j_security_check");
        login.then().statusCode(200).cookie("quarkus-credential", notNullValue());
        RestAssured.given().cookie("quarkus-credential", login.getCookie("quarkus-credential"))
                .get("/api/me").then().statusCode(200).body("username", is("demo-planner")).body("enterprise", is("demo"));
    }

    @Test
    void aFailedFormLoginIs401() {
        RestAssured.given().contentType(ContentType.URLENC).header("X-Requested-With", "XMLHttpRequest")
                .formParam("j_username", "demo-planner").formParam("j_password", "wrong")
                .post("/j_security_check").then().statusCode(401);
    }

    @Test
    void aDisabledAccountIsRefusedAtOnceAndAChangedPasswordTakesEffect() {
        TestEnterprise enterprise = TestEnterprise.create();
        String user = enterprise.code + "-quality";
        enterprise.as("quality").get("/api/me").then().statusCode(200);

        Api.as("admin").body(Map.of("newPassword", "another-password-2")).put("/api/admin/users/" + user + "/password")
                .then().statusCode(204);
        enterprise.as("quality").get("/api/me").then().statusCode(401);
        Api.as(user, "another-password-2").get("/api/me").then().statusCode(200);

        int version = Api.as("admin").get("/api/admin/users/" + user).then().extract().path("version");
        Api.as(enterprise.code + "-admin", TestEnterprise.PASSWORD)
                .body(Map.of("displayName", "gone", "roles", List.of("quality"), "enabled", false, "version", version))
                .put("/api/admin/users/" + user).then().statusCode(200).body("enabled", is(false));
        Api.as(user, "another-password-2").get("/api/me").then().statusCode(401);
    }

    @Test
    void passwordsAreStoredAsBcryptHashesOnly() {
        // the API never returns a hash, and a weak password is refused naming the field
        Api.as("admin").get("/api/admin/users/demo-planner").then().statusCode(200)
                .body("passwordHash", nullValue()).body("password", nullValue());
        Api.as("admin").body(Map.of("newPassword", "short")).put("/api/admin/users/demo-operator/password")
                .then().statusCode(400).body("errors[0].field", is("password"));
    }
}
