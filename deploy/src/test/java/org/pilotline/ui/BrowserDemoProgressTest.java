package org.pilotline.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.Api;

import java.net.URL;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bureau's dashboard says how far the demo programme's generated history got while it is generated, and nothing
 * once it is complete or where it does not run: the line follows {@code GET /api/programme/demo-history}.
 */
@QuarkusTest
class BrowserDemoProgressTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theBureauSeesTheDemoProgrammesFillOnlyWhileItRuns() {
        try (Browser browser = Browser.open("zh-CN")) {
            browser.signIn(base.toString(), "bureau", Api.DEMO_PASSWORD);
            browser.click("#menu-bureau");
            browser.waitFor("#bureau-table tbody tr");
            JsonPath progress = Api.as("bureau").get("/api/programme/demo-history").then().statusCode(200).extract().jsonPath();
            String state = progress.getString("state");
            if (Set.of("GENERATING", "INCOMPLETE").contains(state)) {
                assertEquals(state, browser.waitFor("#demo-progress").getAttribute("data-state"));
                assertTrue(browser.text("#demo-progress .demo-enterprises").endsWith(" / " + progress.getInt("enterprisesPlanned")));
            } else {
                assertTrue(browser.all("#demo-progress").isEmpty(), "no line where the demo programme is " + state);
            }
            browser.assertOneLanguage("zh-CN", "the bureau's dashboard");
        }
        Api.as("demo-admin").get("/api/programme/demo-history").then().statusCode(403);
    }
}
