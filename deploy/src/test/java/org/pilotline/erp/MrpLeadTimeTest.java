package org.pilotline.erp;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MRP warns when a lead time is impossible (issue 16): a planned production order whose routing, at its quantity, needs
 * more working time than lies between the start of its release date and the end of its due date carries
 * LEAD_TIME_SHORT with the working minutes needed — through REST, on the real database.
 */
@QuarkusTest
class MrpLeadTimeTest {

    @Test
    void aPlannedOrderWhoseRoutingNeedsMoreWorkingTimeThanItsLeadTimeAllowsCarriesLeadTimeShort() {
        MasterData data = new MasterData(TestEnterprise.create());
        // one shift of eight hours on weekdays, in the plant's zone
        List<Map<String, Object>> shifts = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            shifts.add(Map.of("weekday", day, "name", "day", "start", "08:00", "end", "16:00"));
        }
        long calendar = MasterData.id(data.planner().body(Map.of("code", data.code("DAY"), "name", "day shift",
                "timeZone", "Asia/Shanghai", "shifts", shifts)).post("/api/calendars"));
        long press = data.workCenter("PRESS", "40", calendar);
        long raw = data.bought("SHEET", "1");
        long part = data.item("PART").made().with("leadTimeDays", 1).create();
        data.bom(part).line(raw, "1").create();
        // an hour per piece
        data.routing(part, MasterData.operation(10, press, "0", "60"));
        long customer = data.partner("CUS", true, false);
        // 20 pieces due Wednesday 9 January: released Tuesday, two days of 480 minutes leave 960 for 1200 needed;
        // 8 pieces due Wednesday 16 January need 480 of 960
        long salesOrder = MasterData.id(data.planner().body(Map.of("customerId", customer, "lines", List.of(
                Map.of("itemId", part, "quantity", "20", "date", "2030-01-09"),
                Map.of("itemId", part, "quantity", "8", "date", "2030-01-16")))).post("/api/sales-orders"));
        data.planner().post("/api/sales-orders/" + salesOrder + "/confirm").then().statusCode(200);

        long run = data.mrpRun("2030-01-07", 4);

        JsonPath orders = data.planner().get("/api/mrp/runs/" + run + "/planned-orders?itemId=" + part).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(2, orders.getList("items").size(), orders.prettify());
        assertEquals("2030-01-08", orders.getString("items[0].releaseDate"));
        assertEquals("2030-01-09", orders.getString("items[0].dueDate"));
        assertTrue(orders.getList("items[0].exceptions").contains("LEAD_TIME_SHORT"), orders.prettify());
        assertEquals(List.of(), orders.getList("items[1].exceptions"), orders.prettify());
        List<Object> shortOnes = data.planner().get("/api/mrp/runs/" + run + "/planned-orders?exception=LEAD_TIME_SHORT")
                .then().statusCode(200).extract().path("items.number");
        assertEquals(List.of(1), shortOnes);

        JsonPath exceptions = data.planner().get("/api/mrp/runs/" + run + "/exceptions?kind=LEAD_TIME_SHORT").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1, exceptions.getList("items").size(), exceptions.prettify());
        Map<String, Object> message = exceptions.getMap("items[0]");
        assertEquals(data.code("PART") + "#1", message.get("reference"));
        assertEquals(1200, ((Number) message.get("workingMinutesNeeded")).intValue());
        assertEquals("2030-01-09", message.get("date"), "the due date");
        // from Tuesday 08:00: 480 minutes on Tuesday, 480 on Wednesday, the last 240 on Thursday
        assertEquals("2030-01-10", message.get("suggestedDate"), "done on Thursday at the earliest");
        assertEquals(20, ((Number) message.get("quantity")).intValue());
        // other kinds carry no working time
        List<Object> minutes = data.planner().get("/api/mrp/runs/" + run + "/exceptions").then().statusCode(200)
                .extract().path("items.findAll { it.kind != 'LEAD_TIME_SHORT' }.workingMinutesNeeded");
        assertTrue(minutes.stream().allMatch(value -> value == null), "" + minutes);
    }
}
