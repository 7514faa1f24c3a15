package org.pilotline.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.pilotline.erp.security.BrowserSecurity;
import org.pilotline.testing.Api;
import org.pilotline.testing.TestEnterprise;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser session and the login under attack (OWASP ASVS level 2): security headers and the content security
 * policy, the session cookie's flags, cross-site request forgery refused, password guessing throttled, and the
 * administrators' actions and lock-outs in the security audit — readable by the platform administrator and by the
 * enterprise's own administrator only.
 */
@QuarkusTest
class BrowserSecurityTest {

    private static final String AJAX = "X-Requested-With";

    private static Response formLogin(String username, String password, Map<String, String> headers) {
        return RestAssured.given().contentType(ContentType.URLENC).headers(headers)
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
    }

    private static String sessionCookie(String username, String password) {
        Response login = formLogin(username, password, Map.of(AJAX, "XMLHttpRequest"));
        login.then().statusCode(200);
        return login.getCookie("quarkus-credential");
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndTheUiItsContentSecurityPolicy() {
        RestAssured.given().get("/").then().statusCode(200)
                .header("Content-Security-Policy", is(BrowserSecurity.CSP))
                .header("X-Content-Type-Options", is("nosniff"))
                .header("X-Frame-Options", is("DENY"))
                .header("Referrer-Policy", is("same-origin"))
                .header("Strict-Transport-Security", nullValue()); // plain HTTP here
        Api.as("demo-planner").get("/api/me").then().statusCode(200)
                .header("X-Content-Type-Options", is("nosniff"))
                .header("Content-Security-Policy", is(BrowserSecurity.CSP));
        // Swagger UI runs inline scripts: /q/ keeps the other headers but no policy that would break it
        RestAssured.given().get("/q/openapi").then().statusCode(200)
                .header("X-Content-Type-Options", is("nosniff"))
                .header("Content-Security-Policy", nullValue());
        RestAssured.given().header("X-Forwarded-Proto", "https").get("/").then()
                .header("Strict-Transport-Security", containsString("max-age="));
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndSecureWhenTheRequestCameOverTls() {
        Response plain = formLogin("demo-planner", Api.DEMO_PASSWORD, Map.of(AJAX, "XMLHttpRequest"));
        String cookie = plain.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("quarkus-credential=")).findFirst().orElseThrow();
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertFalse(cookie.contains("Secure"), "over plain HTTP the browser would drop a Secure cookie: " + cookie);

        Response behindTls = formLogin("demo-planner", Api.DEMO_PASSWORD,
                Map.of(AJAX, "XMLHttpRequest", "X-Forwarded-Proto", "https"));
        String secure = behindTls.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("quarkus-credential=")).findFirst().orElseThrow();
        assertTrue(secure.contains("; Secure"), secure);
        assertTrue(secure.toLowerCase(java.util.Locale.ROOT).contains("httponly") && secure.contains("SameSite=Strict"), secure);
    }

    @Test
    void aChangeSentWithTheSessionCookieFromAnotherSiteIsRefused() {
        String session = sessionCookie("demo-planner", Api.DEMO_PASSWORD);
        // a form of another site can post with the victim's cookie, but cannot add X-Requested-With
        RestAssured.given().cookie("quarkus-credential", session).contentType(ContentType.JSON).body("{}")
                .post("/api/items").then().statusCode(403).contentType("application/problem+json")
                .body("type", is("https://pilotline.org/problems/csrf-refused"));
        // a script of another site that somehow sends the header is refused by its Origin
        RestAssured.given().cookie("quarkus-credential", session).header(AJAX, "XMLHttpRequest")
                .header("Origin", "https://evil.example").contentType(ContentType.JSON).body("{}")
                .delete("/api/items/1").then().statusCode(403)
                .body("type", is("https://pilotline.org/problems/csrf-refused"));
        // PilotLine's own page: the request reaches the API (here: refused for its empty body, naming fields)
        String self = RestAssured.baseURI.replaceFirst("/$", "") + ":" + RestAssured.port;
        RestAssured.given().cookie("quarkus-credential", session).header(AJAX, "XMLHttpRequest")
                .header("Origin", self).contentType(ContentType.JSON).body("{}")
                .post("/api/items").then().statusCode(400).body("errors.field", hasItem("code"));
        // reading needs no header; HTTP Basic (no cookie) is no browser session and needs none either
        RestAssured.given().cookie("quarkus-credential", session).get("/api/me").then().statusCode(200);
        Api.as("demo-planner").body("{}").contentType(ContentType.JSON).post("/api/items").then().statusCode(400);
        // nor can another site log the victim in as someone else (login CSRF)
        formLogin("demo-planner", Api.DEMO_PASSWORD, Map.of()).then().statusCode(403)
                .body("type", is("https://pilotline.org/problems/csrf-refused"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOneAndTheAuditSaysSo() {
        TestEnterprise enterprise = TestEnterprise.create();
        TestEnterprise other = TestEnterprise.create();
        String victim = enterprise.code + "-quality";
        enterprise.as("quality").get("/api/me").then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            Api.as(victim, "guess-" + i).get("/api/me").then().statusCode(401);
        }
        // locked: the right password is refused too, over HTTP Basic and the form login alike
        enterprise.as("quality").get("/api/me").then().statusCode(401);
        formLogin(victim, TestEnterprise.PASSWORD, Map.of(AJAX, "XMLHttpRequest")).then().statusCode(401);
        // another account of the same enterprise is not affected
        enterprise.as("planner").get("/api/me").then().statusCode(200);

        List<Map<String, Object>> entries = enterprise.as("admin").queryParam("action", "login-locked")
                .get("/api/security/audit").then().statusCode(200).extract().path("items");
        assertTrue(entries.stream().anyMatch(e -> victim.equals(e.get("target"))
                && String.valueOf(e.get("detail")).contains("locked for 60 s")), entries.toString());
        Map<String, Object> entry = entries.stream().filter(e -> victim.equals(e.get("target"))).findFirst().orElseThrow();
        assertNotNull(entry.get("remoteAddress"));
        Api.as("admin").queryParam("enterprise", enterprise.code).queryParam("action", "login-locked")
                .get("/api/security/audit").then().statusCode(200).body("items.target", hasItem(victim));
        // another enterprise's administrator sees nothing of it, and no one but administrators reads the audit
        other.as("admin").get("/api/security/audit?size=500").then().statusCode(200)
                .body("items.enterprise", everyItem(is(other.code)))
                .body("items.target", not(hasItem(victim)));
        enterprise.as("manager").get("/api/security/audit").then().statusCode(403);
        Api.as("bureau").get("/api/security/audit").then().statusCode(403);
    }

    @Test
    void accountChangesByAdministratorsAreAuditedInTheTransactionThatMadeThem() {
        TestEnterprise enterprise = TestEnterprise.create();
        String newUser = enterprise.code + "-clerk";
        enterprise.as("admin").body(Map.of("username", newUser, "displayName", "Clerk", "password", "clerk-password-1",
                "enterprise", enterprise.code, "roles", List.of("planner"))).post("/api/admin/users")
                .then().statusCode(201);
        enterprise.as("admin").body(Map.of("newPassword", "clerk-password-2"))
                .put("/api/admin/users/" + newUser + "/password").then().statusCode(204);
        // a refused change leaves no entry
        enterprise.as("admin").body(Map.of("newPassword", "short"))
                .put("/api/admin/users/" + newUser + "/password").then().statusCode(400);

        List<Map<String, Object>> entries = enterprise.as("admin").queryParam("sort", "recordedAt")
                .get("/api/security/audit").then().statusCode(200).extract().path("items");
        List<Map<String, Object>> about = entries.stream().filter(e -> newUser.equals(e.get("target"))).toList();
        assertTrue(about.size() == 2, about.toString());
        assertTrue("user-created".equals(about.get(0).get("action"))
                && (enterprise.code + "-admin").equals(about.get(0).get("actor"))
                && String.valueOf(about.get(0).get("detail")).contains("planner"), about.toString());
        assertTrue("password-changed".equals(about.get(1).get("action"))
                && "by an administrator".equals(about.get(1).get("detail")), about.toString());
    }

    @Test
    void reasonChangesAreAuditedBecauseTheyDecideWhatCountsAsPlannedTime() {
        TestEnterprise enterprise = TestEnterprise.create();
        String code = "AUD-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> reason = new java.util.HashMap<>(Map.of("code", code, "purpose", "DOWNTIME",
                "planned", false, "nameZh", "换刀", "nameEn", "Tool change"));
        int id = enterprise.as("admin").body(reason).post("/api/mes/reasons").then().statusCode(201)
                .extract().path("id");
        int version = enterprise.as("admin").get("/api/mes/reasons").then().statusCode(200).extract()
                .<List<Map<String, Object>>>path("$").stream().filter(r -> code.equals(r.get("code")))
                .map(r -> (Integer) r.get("version")).findFirst().orElseThrow();
        reason.put("planned", true);
        reason.put("version", version);
        enterprise.as("admin").body(reason).put("/api/mes/reasons/" + id).then().statusCode(200);

        List<Map<String, Object>> about = enterprise.as("admin").queryParam("sort", "recordedAt").queryParam("size", 500)
                .get("/api/security/audit").then().statusCode(200).extract().<List<Map<String, Object>>>path("items")
                .stream().filter(e -> ("reason:" + code).equals(e.get("target"))).toList();
        assertTrue(about.size() == 2 && "reason-created".equals(about.get(0).get("action"))
                && "reason-updated".equals(about.get(1).get("action"))
                && String.valueOf(about.get(0).get("detail")).contains("unplanned")
                && String.valueOf(about.get(1).get("detail")).contains(", planned")
                && (enterprise.code + "-admin").equals(about.get(1).get("actor")), about.toString());
    }
}
