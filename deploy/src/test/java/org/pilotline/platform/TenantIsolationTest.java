package org.pilotline.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pilotline.testing.Api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A user of enterprise {@code demo} gets 404 for every id of {@code demo2} — on read, update and delete — and never
 * sees demo2's rows in a list; the bureau reads no raw enterprise data. Every tenant-owned resource is listed in
 * {@link #resources()}; a new resource joins the list to inherit the whole contract.
 */
@QuarkusTest
class TenantIsolationTest {

    /** A tenant-owned resource: where it lives, a valid new body, and a valid full update of a created one. */
    record TenantResource(String path, Function<String, Map<String, Object>> newBody,
                          Function<Response, Map<String, Object>> updateBody) {
        @Override
        public String toString() {
            return path;
        }
    }

    static Stream<TenantResource> resources() {
        return Stream.of(
                new TenantResource("/api/sites",
                        unique -> Map.of("code", "S" + unique, "name", "Site " + unique),
                        created -> Map.of("code", created.path("code"), "name", "Renamed",
                                "version", created.path("version"))),
                new TenantResource("/api/gateway/bindings", org.pilotline.gateway.Bindings::newBody, org.pilotline.gateway.Bindings::updateBody));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void anotherEnterprisesRowsAreNotFoundOnReadUpdateAndDelete(TenantResource resource) {
        Response created = Api.as("demo2-admin").body(resource.newBody().apply(unique()))
                .post(resource.path()).then().statusCode(201).extract().response();
        Object id = created.path("id");
        String item = resource.path() + "/" + id;

        Api.as("demo-admin").get(item).then().statusCode(404).contentType("application/problem+json");
        Api.as("demo-admin").body(resource.updateBody().apply(created)).put(item)
                .then().statusCode(404).contentType("application/problem+json");
        Api.as("demo-admin").delete(item).then().statusCode(404).contentType("application/problem+json");

        // the row is untouched and still visible to its own enterprise
        Api.as("demo2-admin").get(item).then().statusCode(200).body("version", equalTo(created.path("version")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void listsNeverShowAnotherEnterprisesRows(TenantResource resource) {
        Object demo2Id = Api.as("demo2-admin").body(resource.newBody().apply(unique()))
                .post(resource.path()).then().statusCode(201).extract().path("id");
        Object demoId = Api.as("demo-admin").body(resource.newBody().apply(unique()))
                .post(resource.path()).then().statusCode(201).extract().path("id");

        List<Object> seenByDemo = Api.as("demo-admin").queryParam("size", 1000).get(resource.path())
                .then().statusCode(200).extract().path("items.id");
        assertEquals(true, seenByDemo.contains(demoId));
        assertEquals(false, seenByDemo.contains(demo2Id));
        Api.as("demo2-admin").queryParam("size", 1000).get(resource.path())
                .then().body("items.id", hasItem(demo2Id)).body("items.id", not(hasItem(demoId)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void theBureauReadsNoRawEnterpriseData(TenantResource resource) {
        Api.as("bureau").get(resource.path()).then().statusCode(403).contentType("application/problem+json");
        Api.as("bureau").body(resource.newBody().apply(unique())).post(resource.path()).then().statusCode(403);
    }

    @Test
    void anExpertReadsOnlyTheEnterpriseChosenAmongThoseAssigned() {
        Api.as("expert").header("PilotLine-Enterprise", "demo2").get("/api/sites")
                .then().statusCode(200).body("items.code", hasItem("SZ1")).body("items.code", not(hasItem("HZ1")));
        // without a choice among two assignments the expert acts for no enterprise
        Api.as("expert").get("/api/sites").then().statusCode(403).body("type", is("https://pilotline.org/problems/enterprise-required"));
        // an enterprise not assigned cannot be chosen
        Api.as("expert").header("PilotLine-Enterprise", "not-assigned").get("/api/sites").then().statusCode(403);
        // and experts are read-only
        Api.as("expert").header("PilotLine-Enterprise", "demo").body(Map.of("code", "EX" + unique(), "name", "x"))
                .post("/api/sites").then().statusCode(403);
    }

    @Test
    void aClientCannotChooseItsTenantByHeader() {
        Api.as("demo-planner").header("PilotLine-Enterprise", "demo2").get("/api/sites")
                .then().statusCode(200).body("items.code", everyItem(not(equalTo("SZ1"))));
    }

    @Test
    void enterpriseProfilesOfOthersAreNotFoundButTheBureauSeesAll() {
        Api.as("demo-planner").get("/api/enterprises/demo2").then().statusCode(404);
        Api.as("demo-planner").get("/api/enterprises").then().statusCode(200).body("items.code", equalTo(List.of("demo")));
        Api.as("bureau").get("/api/enterprises/demo2").then().statusCode(200).body("code", is("demo2"));
    }

    @Test
    void anEnterpriseAdministratorCannotSeeOrManageAnotherEnterprisesUsers() {
        Api.as("demo-admin").get("/api/admin/users/demo2-planner").then().statusCode(404);
        Api.as("demo-admin").get("/api/admin/users").then().statusCode(200)
                .body("items.enterprise", everyItem(is("demo")));
        Api.as("demo-admin").body(Map.of("username", "intruder" + unique().toLowerCase(), "displayName", "x",
                        "password", "long-enough-1", "enterprise", "demo2", "roles", List.of("planner")))
                .post("/api/admin/users").then().statusCode(403).contentType("application/problem+json");
    }

    private static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }
}
