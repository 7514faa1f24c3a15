package org.pilotline.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pilotline.testing.Api;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Administration in a real Chromium: an enterprise's administrator manages accounts (in Chinese and in English; the
 * server's refusals shown next to the fields they name, the API's accounts checked after each step), registers a
 * terminal (its token shown once works, then is revoked), gives an operator a badge (then takes it away), binds a machine with a node picked
 * from the OPC UA simulator's browse tree and unbinds it, and grows the reason tree; a planner sees no administration
 * and the API refuses them.
 */
@QuarkusTest
class BrowserAdministrationTest {

    private static final String NODES = "nsu=urn:pilotline:plc-simulator;s=M01/";

    @TestHTTPResource("/")
    URL base;

    @Test
    void anAdministratorManagesAccountsInChinese() {
        accounts("zh-CN", "系统管理", "此项必填");
    }

    @Test
    void anAdministratorManagesAccountsInEnglish() {
        accounts("en", "Administration", "Required");
    }

    private void accounts(String language, String title, String required) {
        TestEnterprise e = TestEnterprise.create();
        TestEnterprise other = TestEnterprise.create();
        String user = e.code + "-new";
        try (Browser browser = Browser.open(language)) {
            signIn(browser, e.code + "-admin");
            browser.click("#menu-admin");
            assertEquals(title, browser.text("h2"));
            browser.waitFor("#users-table tr[data-username='" + e.code + "-planner']");
            browser.assertOneLanguage(language, "the accounts");

            // no role: the server's refusal next to the roles, nothing created
            browser.type("#new-username", user);
            browser.type("#new-displayName", "New planner");
            browser.type("#new-password", "long-enough-1");
            browser.click("#create-user");
            assertEquals(required, browser.text("#error-new-roles"));
            browser.assertOneLanguage(language, "the account form with the server's refusal");
            e.as("admin").get("/api/admin/users/" + user).then().statusCode(404);

            browser.click("input[name='new-role'][value='planner']");
            browser.click("#create-user");
            browser.waitFor("#users-table tr[data-username='" + user + "']");
            e.as("admin").get("/api/admin/users/" + user).then().statusCode(200)
                    .body("displayName", is("New planner")).body("enterprise", is(e.code))
                    .body("roles", contains("planner")).body("enabled", is(true));

            // roles changed on the chosen account
            browser.click("#users-table tr[data-username='" + user + "']");
            browser.waitFor("#user-detail[data-username='" + user + "']");
            browser.click("input[name='edit-role'][value='quality']");
            browser.click("#save-user");
            browser.waitUntil(d -> e.as("admin").get("/api/admin/users/" + user).then().extract()
                    .<List<String>>path("roles").size() == 2 ? true : null);
            e.as("admin").get("/api/admin/users/" + user).then().body("roles", containsInAnyOrder("planner", "quality"));

            // a password too short: refused next to it; then a good one works
            browser.type("#reset-password-input", "short");
            browser.click("#reset-password");
            browser.waitFor("#error-edit-password");
            browser.type("#reset-password-input", "another-password-2");
            browser.click("#reset-password");
            browser.waitFor("#admin-notice[data-key='admin.users.passwordSet']");
            Api.as(user, "another-password-2").get("/api/me").then().statusCode(200).body("roles", containsInAnyOrder("planner", "quality"));

            // disabled: the account can no longer sign in
            browser.click("#toggle-enabled");
            browser.waitFor("#user-detail .badge");
            e.as("admin").get("/api/admin/users/" + user).then().statusCode(200).body("enabled", is(false));
            Api.as(user, "another-password-2").get("/api/me").then().statusCode(401);
            browser.assertOneLanguage(language, "the account after the changes");
            browser.screenshot("admin-users-" + language);
        }
        // another enterprise's administrator does not see the account
        other.as("admin").get("/api/admin/users/" + user).then().statusCode(404);
        other.as("admin").queryParam("size", 1000).get("/api/admin/users").then().statusCode(200)
                .body("items.findAll { it.username == '" + user + "' }.size()", is(0));
    }

    @Test
    void aPlannerSeesNoAdministrationAndTheApiRefusesThem() {
        TestEnterprise e = TestEnterprise.create();
        try (Browser browser = Browser.open("zh-CN")) {
            signIn(browser, e.code + "-planner");
            browser.waitFor("#menu-items");
            assertTrue(browser.all("#menu-admin").isEmpty(), "no administration in a planner's menu");
            browser.get(base + "#/admin");
            browser.waitFor("section.home");
            assertTrue(browser.all("pl-admin").isEmpty(), "the administration screen is not shown to a planner");
        }
        e.as("planner").get("/api/admin/users").then().statusCode(403);
        e.as("planner").body(Map.of("code", "X1", "name", "x", "workCenterId", 1)).post("/api/mes/terminals").then().statusCode(403);
        e.as("planner").body(Map.of("endpointUrl", "opc.tcp://localhost:1", "securityPolicy", "None", "securityMode", "None",
                "identityKind", "ANONYMOUS")).post("/api/gateway/browse").then().statusCode(403);
    }

    @Test
    void anAdministratorSetsUpTerminalsBadgesMachinesAndReasons() {
        TestEnterprise e = TestEnterprise.create();
        MasterData data = new MasterData(e);
        long center = data.workCenter(data.code("WC"), "60");
        long unit = data.workUnit(center, data.code("WU"));
        String terminal = "T" + UUID.randomUUID().toString().substring(0, 6);
        String badge = "B" + UUID.randomUUID().toString().substring(0, 6);
        String machine = "M-" + UUID.randomUUID().toString().substring(0, 6);
        String category = "C" + UUID.randomUUID().toString().substring(0, 6);
        String reason = "R" + UUID.randomUUID().toString().substring(0, 6);

        try (Browser browser = Browser.open("zh-CN")) {
            signIn(browser, e.code + "-admin");
            browser.click("#menu-admin");

            // a terminal: refused without a code, then registered; its token, shown once, lets the device in
            browser.click("#admin-tab-terminals");
            browser.waitFor("#no-terminals");
            browser.type("#terminal-name", "Press line tablet");
            browser.choose("#terminal-workCenter", String.valueOf(center));
            browser.click("#register-terminal");
            assertEquals("此项必填", browser.text("#error-terminal-code"));
            e.as("admin").get("/api/mes/terminals").then().statusCode(200).body("total", is(0));
            browser.type("#terminal-code", terminal);
            browser.click("#register-terminal");
            String token = browser.text("#terminal-token");
            assertTrue(token.startsWith("plt_"), token);
            browser.waitFor("#terminals-table tr[data-code='" + terminal + "']");
            browser.assertOneLanguage("zh-CN", "the terminals with a new token");
            device(token).get("/api/mes/terminal").then().statusCode(200).body("terminalCode", is(terminal))
                    .body("workCenterId", is((int) center));

            // a badge: a PIN of two digits is refused next to it; then the operator signs in at the terminal with it
            browser.choose("#badge-operator", e.code + "-operator");
            browser.type("#badge-number", badge);
            browser.type("#badge-pin", "12");
            browser.click("#save-badge");
            browser.waitFor("#error-badge-pin");
            browser.type("#badge-pin", "4711");
            browser.click("#save-badge");
            browser.waitFor("#badge-saved");
            device(token).body(Map.of("badgeNumber", badge, "pin", "4711")).post("/api/mes/terminal/sign-in").then()
                    .statusCode(200).body("operator", is(e.code + "-operator"));
            // the operators' list shows the badge; taken away, it no longer signs in and its operator is signed out
            String row = "#badges-table tr[data-username='" + e.code + "-operator'] ";
            browser.waitUntil(d -> badge.equals(d.findElement(By.cssSelector(row + ".badge-number")).getText()) ? true : null);
            browser.click(row + ".remove-badge");
            browser.waitUntil(d -> "无工牌".equals(d.findElement(By.cssSelector(row + ".badge-number")).getText()) ? true : null);
            browser.assertOneLanguage("zh-CN", "the operators without their badges");
            device(token).get("/api/mes/terminal").then().statusCode(200).body("operator", org.hamcrest.Matchers.nullValue());
            device(token).body(Map.of("badgeNumber", badge, "pin", "4711")).post("/api/mes/terminal/sign-in").then()
                    .statusCode(400);

            // revoked: the token no longer works
            browser.click("#terminals-table tr[data-code='" + terminal + "'] .revoke");
            browser.waitFor("#terminals-table tr[data-code='" + terminal + "'] .state span[data-v]");
            device(token).get("/api/mes/terminal").then().statusCode(401);
            browser.screenshot("admin-terminals-zh-CN");

            // a machine bound with nodes picked from the simulator's address space
            browser.click("#admin-tab-bindings");
            browser.waitFor("#binding-form");
            browser.click("#create-binding");
            assertEquals("此项必填", browser.text("#error-binding-machineCode"));
            assertEquals("此项必填", browser.text("#error-binding-endpointUrl"));
            browser.type("#binding-machineCode", machine);
            browser.choose("#binding-workUnit", String.valueOf(unit));
            browser.type("#binding-endpointUrl", "opc.tcp://localhost:48411/pilotline");
            browser.click("#browse");
            browser.click(".browse-tree li[data-name='Machines'] > .expand");
            browser.click(".browse-tree li[data-name='M01'] > .expand");
            browser.click(".browse-tree li[data-name='M01'] li[data-name='MachineryItemState'] > .expand");
            browser.choose("#browse-target", "itemStateNode");
            browser.click(".browse-tree li[data-name='MachineryItemState'] li[data-name='CurrentState'] > .use");
            assertEquals(NODES + "MachineryItemState/CurrentState", browser.waitFor("#binding-itemStateNode").getAttribute("value"));
            browser.click(".browse-tree li[data-name='M01'] li[data-name='Production'] > .expand");
            browser.choose("#browse-target", "totalCountNode");
            browser.click(".browse-tree li[data-name='Production'] li[data-name='TotalCount'] > .use");
            browser.assertOneLanguage("zh-CN", "the binding form with the browse tree");
            browser.click("#create-binding");
            browser.waitFor("#bindings-table tr[data-machine='" + machine + "']");
            e.as("admin").get("/api/gateway/bindings").then().statusCode(200).body("total", is(1))
                    .body("items[0].machineCode", is(machine)).body("items[0].workUnitId", is((int) unit))
                    .body("items[0].itemStateNode", is(NODES + "MachineryItemState/CurrentState"))
                    .body("items[0].totalCountNode", is(NODES + "Production/TotalCount"));
            browser.screenshot("admin-bindings-zh-CN");

            // copied as a second machine: the connection and the nodes come along, the machine code and unit do not
            String copy = machine + "B";
            browser.click("#bindings-table tr[data-machine='" + machine + "'] .copy-binding");
            // the form is filled once the binding is read again (asynchronously): wait for it, then check it
            fieldsBecome(browser, Map.of("#binding-endpointUrl", "opc.tcp://localhost:48411/pilotline",
                    "#binding-machineCode", ""));
            browser.type("#binding-machineCode", copy);
            browser.click("#create-binding");
            browser.waitFor("#bindings-table tr[data-machine='" + copy + "']");
            e.as("admin").get("/api/gateway/bindings").then().statusCode(200).body("total", is(2));
            Map<String, Object> copied = binding(e, copy);
            assertEquals(NODES + "MachineryItemState/CurrentState", copied.get("itemStateNode"));
            assertEquals(NODES + "Production/TotalCount", copied.get("totalCountNode"));
            assertEquals("opc.tcp://localhost:48411/pilotline", copied.get("endpointUrl"));
            assertNull(copied.get("workUnitId"));

            // changed: a change made meanwhile by someone else is not overwritten (409, nothing written); read again,
            // the change is saved, and what the form does not show (the sampling interval) is kept
            browser.click("#bindings-table tr[data-machine='" + machine + "'] .edit-binding");
            fieldsBecome(browser, Map.of("#binding-machineCode", machine));
            assertEquals(NODES + "Production/TotalCount", browser.waitFor("#binding-totalCountNode").getAttribute("value"));
            Map<String, Object> meanwhile = new HashMap<>(binding(e, machine));
            Object id = meanwhile.remove("id");
            meanwhile.remove("passwordSet");
            meanwhile.put("samplingIntervalMs", 250.0);
            e.as("admin").body(meanwhile).put("/api/gateway/bindings/" + id).then().statusCode(200);
            browser.type("#binding-goodCountNode", NODES + "Production/GoodCount");
            browser.click("#create-binding");
            assertEquals("stale-version", browser.waitFor("#binding-form-refusal").getAttribute("data-type"));
            assertNull(binding(e, machine).get("goodCountNode"));
            browser.click("#bindings-table tr[data-machine='" + machine + "'] .edit-binding");
            browser.type("#binding-goodCountNode", NODES + "Production/GoodCount");
            browser.assertOneLanguage("zh-CN", "changing a binding");
            browser.click("#create-binding");
            browser.waitFor("#binding-saved");
            Map<String, Object> changed = binding(e, machine);
            assertEquals(NODES + "Production/GoodCount", changed.get("goodCountNode"));
            assertEquals(NODES + "Production/TotalCount", changed.get("totalCountNode"));
            assertEquals(250.0, ((Number) changed.get("samplingIntervalMs")).doubleValue());
            assertEquals((int) unit, changed.get("workUnitId"));
            browser.click("#bindings-table tr[data-machine='" + copy + "'] .delete-binding");
            browser.waitUntil(d -> d.findElements(org.openqa.selenium.By.cssSelector(
                    "#bindings-table tr[data-machine='" + copy + "']")).isEmpty() ? true : null);
            browser.click("#bindings-table tr[data-machine='" + machine + "'] .delete-binding");
            browser.waitFor("#no-bindings");
            e.as("admin").get("/api/gateway/bindings").then().statusCode(200).body("total", is(0));

            // the reason tree: an unplanned category, a downtime reason under it (its English name first missing), renamed
            browser.click("#admin-tab-reasons");
            browser.waitFor("#reason-form");
            browser.type("#reason-code", category);
            browser.choose("#reason-purpose", "CATEGORY");
            browser.type("#reason-nameZh", "设备问题");
            browser.type("#reason-nameEn", "Equipment problems");
            browser.click("#add-reason");
            browser.click("#reasons-unplanned li[data-code='" + category + "'] > .add-under");
            browser.type("#reason-code", reason);
            browser.choose("#reason-purpose", "DOWNTIME");
            browser.type("#reason-nameZh", "主轴故障");
            browser.click("#add-reason");
            assertEquals("此项必填", browser.text("#error-reason-nameEn"));
            browser.type("#reason-nameEn", "Spindle fault");
            browser.click("#add-reason");
            browser.waitFor("#reasons-unplanned li[data-code='" + category + "'] li[data-code='" + reason + "']");
            browser.click("li[data-code='" + reason + "'] > .rename");
            browser.type("li[data-code='" + reason + "'] .rename-zh", "主轴卡死");
            browser.type("li[data-code='" + reason + "'] .rename-en", "Spindle seized");
            browser.click("li[data-code='" + reason + "'] .save-rename");
            browser.waitUntil(d -> "主轴卡死".equals(d.findElement(org.openqa.selenium.By.cssSelector(
                    "li[data-code='" + reason + "'] > .reason-name")).getText()) ? true : null);
            browser.assertOneLanguage("zh-CN", "the reason tree");
            browser.screenshot("admin-reasons-zh-CN");
            Map<String, Object> added = find(e.as("admin").get("/api/mes/reasons").then().statusCode(200).extract()
                    .<List<Map<String, Object>>>path("$"), reason).orElseThrow();
            assertEquals("DOWNTIME", added.get("purpose"));
            assertEquals(false, added.get("planned"));
            assertEquals("主轴卡死", added.get("nameZh"));
            assertEquals("Spindle seized", added.get("nameEn"));
            Map<String, Object> parent = find(e.as("admin").get("/api/mes/reasons").then().extract()
                    .<List<Map<String, Object>>>path("$"), category).orElseThrow();
            assertEquals(parent.get("id"), added.get("parentId"));

            // the same tree in English
            browser.choose("#language", "en");
            browser.waitUntil(d -> "Spindle seized".equals(d.findElement(org.openqa.selenium.By.cssSelector(
                    "li[data-code='" + reason + "'] > .reason-name")).getText()) ? true : null);
            browser.assertOneLanguage("en", "the reason tree");
        }
        // another enterprise has none of it
        TestEnterprise other = TestEnterprise.create();
        assertTrue(find(other.as("admin").get("/api/mes/reasons").then().statusCode(200).extract()
                .<List<Map<String, Object>>>path("$"), reason).isEmpty());
        other.as("admin").get("/api/mes/terminals").then().statusCode(200).body("total", is(0));
    }

    private void signIn(Browser browser, String username) {
        browser.get(base.toString());
        browser.type("#username", username);
        browser.type("#password", TestEnterprise.PASSWORD);
        browser.click("#sign-in");
    }

    private static RequestSpecification device(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    private static Map<String, Object> binding(TestEnterprise e, String machine) {
        List<Map<String, Object>> items = e.as("admin").get("/api/gateway/bindings").then().statusCode(200).extract()
                .path("items");
        return items.stream().filter(b -> machine.equals(b.get("machineCode"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> find(List<Map<String, Object>> nodes, String code) {
        List<Map<String, Object>> all = new ArrayList<>();
        List<Map<String, Object>> todo = new ArrayList<>(nodes);
        while (!todo.isEmpty()) {
            Map<String, Object> n = todo.remove(0);
            all.add(n);
            if (n.get("children") != null) {
                todo.addAll((List<Map<String, Object>>) n.get("children"));
            }
        }
        return all.stream().filter(n -> code.equals(n.get("code"))).findFirst();
    }

    /** Waits until the form's fields show these values; fails (the browser's wait times out) if they never do. */
    private static void fieldsBecome(Browser browser, Map<String, String> values) {
        values.keySet().forEach(browser::waitFor);
        browser.waitUntil(d -> values.entrySet().stream().allMatch(v -> v.getValue().equals(
                d.findElement(By.cssSelector(v.getKey())).getAttribute("value"))) ? true : null);
    }
}
