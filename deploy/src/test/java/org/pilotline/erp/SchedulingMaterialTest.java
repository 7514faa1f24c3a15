package org.pilotline.erp;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a planner found on a first real plant (issue 16): the late-order explanation follows the real chain across
 * non-working time, and orders wait for the orders (and purchase lines) that supply their components — through REST,
 * MRP and the real solver on the real database.
 */
@QuarkusTest
class SchedulingMaterialTest {

    /** Monday 7 January 2030, 00:00 UTC: the horizon of every solve here. The plant's zone is Asia/Shanghai. */
    private static final Instant MONDAY = Instant.parse("2030-01-07T00:00:00Z");

    @Test
    void theExplanationFollowsTheChainAcrossANightAndABreakOnATwoShiftPlant() {
        MasterData data = new MasterData(TestEnterprise.create());
        // two shifts on weekdays (UTC): 06:00–14:00 with a break at 10:00, 14:00–22:00 with a break at 18:00
        List<Map<String, Object>> shifts = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            shifts.add(Map.of("weekday", day, "name", "early", "start", "06:00", "end", "14:00",
                    "breaks", List.of(Map.of("start", "10:00", "end", "10:30"))));
            shifts.add(Map.of("weekday", day, "name", "late", "start", "14:00", "end", "22:00",
                    "breaks", List.of(Map.of("start", "18:00", "end", "18:30"))));
        }
        long calendar = MasterData.id(data.planner().body(Map.of("code", data.code("2SHIFT"), "name", "two shifts",
                "timeZone", "UTC", "shifts", shifts)).post("/api/calendars"));
        // operations on both work centers run in one piece between breaks
        long cutting = workCenter(data, "CUT", calendar);
        long assembly = workCenter(data, "ASM", calendar);
        long componentA = data.bought("COMP-A", "1");
        long componentB = data.bought("COMP-B", "1");
        long sub = data.made("SUB");
        long finished = data.made("FG");
        bom(data, sub, line(componentA, null), line(componentB, null));
        bom(data, finished, line(sub, 20));
        data.routing(sub, MasterData.operation(10, cutting, "0", "20"), MasterData.operation(20, assembly, "0", "3"));
        data.routing(finished, MasterData.operation(10, cutting, "0", "15"), MasterData.operation(20, assembly, "0", "20"));
        long customer = data.partner("CUS", true, false);
        long salesOrder = MasterData.id(data.planner().body(Map.of("customerId", customer, "lines", List.of(
                Map.of("itemId", finished, "quantity", "10", "date", "2030-01-07")))).post("/api/sales-orders"));
        data.planner().post("/api/sales-orders/" + salesOrder + "/confirm").then().statusCode(200);

        // MRP plans the finished good and its sub-assembly; the planner converts both, the finished good first
        long run = data.mrpRun("2030-01-07", 4);
        long finishedOrder = convert(data, run, finished);
        long subOrder = convert(data, run, sub);

        long scheduleId = solve(data, null, List.of(finishedOrder, subOrder));
        JsonPath gantt = gantt(data, scheduleId);
        // the sub-assembly is cut first (06:00–09:20), then the finished good's cutting waits for the break to end
        assertEquals("2030-01-07T06:00:00Z", start(gantt, subOrder, 10));
        assertEquals("2030-01-07T10:30:00Z", start(gantt, finishedOrder, 10));
        assertEquals("2030-01-07T13:00:00Z", start(gantt, finishedOrder, 20));
        // the finished good's assembly consumes the sub-assembly (its BOM line names operation 20), linked at conversion
        List<Map<String, Object>> waits = gantt.getList("orders.find { it.orderId == " + finishedOrder
                + " }.operations.find { it.operationNo == 20 }.waitsFor");
        assertEquals(1, waits.size(), "" + waits);
        assertEquals("PRODUCTION_ORDER", waits.get(0).get("kind"));
        assertEquals(subOrder, ((Number) waits.get(0).get("orderId")).longValue());
        assertEquals("2030-01-07T09:50:00Z", waits.get(0).get("availableAt"));

        JsonPath explanation = data.planner().get("/api/scheduling/schedules/" + scheduleId + "/orders/"
                + finishedOrder + "/explanation").then().statusCode(200).extract().jsonPath();
        assertTrue(explanation.getBoolean("late"), "due at the end of 7 January in Shanghai (16:00 UTC), ends 16:20");
        List<Map<String, Object>> chain = explanation.getList("chain");
        assertEquals(3, chain.size(), explanation.prettify());
        // released at midnight, the sub-assembly's cutting waits for the night to end
        assertLink(chain.get(0), subOrder, 10, "RELEASE", null, "2030-01-07T00:00:00Z");
        assertGap(chain.get(0), "OUTSIDE_WORKING_TIME", null, "2030-01-07T06:00:00Z");
        // the finished good's cutting waits on the saw for the sub-assembly's order, then for the break to end:
        // its 150 minutes do not fit between 09:20 and the break at 10:00
        assertLink(chain.get(1), finishedOrder, 10, "MACHINE_PREDECESSOR", subOrder + "/10", "2030-01-07T09:20:00Z");
        assertGap(chain.get(1), "TOO_SHORT_BEFORE_BREAK", "2030-01-07T10:00:00Z", "2030-01-07T10:30:00Z");
        // times in sentences are the plant's (Shanghai): the break at 10:00 UTC is at 18:00 there
        assertTrue(((String) chain.get(1).get("explanation")).contains("before the break at 2030-01-07 18:00"),
                "" + chain.get(1).get("explanation"));
        // and its assembly waits for its own cutting
        assertLink(chain.get(2), finishedOrder, 20, "ROUTING_PREDECESSOR", finishedOrder + "/10", "2030-01-07T13:00:00Z");
        assertNull(chain.get(2).get("gap"));
    }

    @Test
    void anOperationWaitsForTheOrderMakingItsComponentAndForItsPurchaseLineAndTheGanttAndExplanationSaySo() {
        MasterData data = new MasterData(TestEnterprise.create());
        long wx = workCenter(data, "WX", null);
        long wy = workCenter(data, "WY", null);
        long part = data.bought("PART", "1");
        long bracket = data.made("BRACKET");
        long frame = data.made("FRAME");
        bom(data, bracket, line(part, null));
        bom(data, frame, line(bracket, 20));
        data.routing(bracket, MasterData.operation(10, wx, "0", "60"));
        data.routing(frame, MasterData.operation(10, wy, "0", "30"), MasterData.operation(20, wx, "0", "60"));
        long bracketOrder = productionOrder(data, bracket);
        long frameOrder = productionOrder(data, frame);
        long supplier = data.partner("SUP", false, true);
        // the part arrives on 9 January (plant time): from 2030-01-08T16:00Z
        Response purchase = data.planner().body(Map.of("supplierId", supplier, "lines", List.of(Map.of("itemId", part,
                "quantity", "1", "date", "2030-01-09")))).post("/api/purchase-orders");
        long purchaseOrder = MasterData.id(purchase);
        String purchaseNumber = purchase.path("number");
        // MRP pegs the frame's bracket to the bracket order, and the bracket's part to the purchase order line
        data.mrpRun("2030-01-07", 4);

        long scheduleId = solve(data, null, List.of(bracketOrder, frameOrder));
        JsonPath gantt = gantt(data, scheduleId);
        assertEquals("2030-01-08T16:00:00Z", start(gantt, bracketOrder, 10), "not before its part arrives");
        assertEquals("2030-01-07T00:00:00Z", start(gantt, frameOrder, 10), "the frame's first step needs no bracket");
        assertEquals("2030-01-08T17:00:00Z", start(gantt, frameOrder, 20), "not before the bracket is made");
        Map<String, Object> partWait = gantt.getMap("orders.find { it.orderId == " + bracketOrder
                + " }.operations[0].waitsFor[0]");
        assertEquals("PURCHASE_ORDER", partWait.get("kind"));
        assertEquals(purchaseOrder, ((Number) partWait.get("orderId")).longValue());
        assertEquals(10, partWait.get("lineNo"));
        assertEquals(data.code("PART"), partWait.get("itemCode"));
        assertEquals("2030-01-08T16:00:00Z", partWait.get("availableAt"));
        Map<String, Object> bracketWait = gantt.getMap("orders.find { it.orderId == " + frameOrder
                + " }.operations.find { it.operationNo == 20 }.waitsFor[0]");
        assertEquals("PRODUCTION_ORDER", bracketWait.get("kind"));
        assertEquals(bracketOrder, ((Number) bracketWait.get("orderId")).longValue());
        assertEquals("2030-01-08T17:00:00Z", bracketWait.get("availableAt"));
        assertEquals(List.of(), gantt.getList("orders.find { it.orderId == " + frameOrder
                + " }.operations.find { it.operationNo == 10 }.waitsFor"));

        List<Map<String, Object>> chain = data.planner().get("/api/scheduling/schedules/" + scheduleId + "/orders/"
                + frameOrder + "/explanation").then().statusCode(200).extract().jsonPath().getList("chain");
        assertEquals(2, chain.size(), "" + chain);
        assertLink(chain.get(0), bracketOrder, 10, "MATERIAL", null, "2030-01-08T16:00:00Z");
        assertEquals(purchaseNumber, material(chain.get(0)).get("orderNumber"));
        assertTrue(((String) chain.get(0).get("explanation")).contains(purchaseNumber + " line 10"));
        assertLink(chain.get(1), frameOrder, 20, "MATERIAL", bracketOrder + "/10", "2030-01-08T17:00:00Z");
        assertEquals(bracketOrder, ((Number) material(chain.get(1)).get("orderId")).longValue());

        // solved without the bracket order, the frame waits for the bracket order's due time (end of 9 January)
        long whatIf = MasterData.id(data.planner().body(Map.of("name", "frame alone")).post("/api/scheduling/schedules"));
        solve(data, whatIf, List.of(frameOrder));
        assertEquals("2030-01-09T16:00:00Z", start(gantt(data, whatIf), frameOrder, 20));
    }

    // --- fixtures

    private static void assertLink(Map<String, Object> link, long orderId, int operationNo, String reason,
                                   String waitedFor, String readyAt) {
        assertEquals(orderId, ((Number) link.get("orderId")).longValue(), "" + link);
        assertEquals(operationNo, link.get("operationNo"), "" + link);
        assertEquals(reason, link.get("reason"), "" + link);
        assertEquals(readyAt, link.get("readyAt"), "" + link);
        @SuppressWarnings("unchecked")
        Map<String, Object> waited = (Map<String, Object>) link.get("waitedFor");
        if (waitedFor == null) {
            assertNull(waited, "" + link);
        } else {
            assertEquals(waitedFor, ((Number) waited.get("orderId")).longValue() + "/" + waited.get("operationNo"));
        }
        assertTrue(link.get("explanation") instanceof String text && !text.isBlank());
    }

    private static void assertGap(Map<String, Object> link, String kind, String windowEndsAt, String nextWindowAt) {
        @SuppressWarnings("unchecked")
        Map<String, Object> gap = (Map<String, Object>) link.get("gap");
        assertEquals(kind, gap.get("kind"), "" + link);
        assertEquals(windowEndsAt, gap.get("windowEndsAt"), "" + link);
        assertEquals(nextWindowAt, gap.get("nextWindowAt"), "" + link);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> material(Map<String, Object> link) {
        List<Map<String, Object>> material = (List<Map<String, Object>>) link.get("material");
        assertEquals(1, material.size(), "" + link);
        return material.get(0);
    }

    private static String start(JsonPath gantt, long orderId, int operationNo) {
        return gantt.getString("orders.find { it.orderId == " + orderId + " }.operations.find { it.operationNo == "
                + operationNo + " }.start");
    }

    private static long workCenter(MasterData data, String code, Long calendar) {
        Map<String, Object> body = new HashMap<>(Map.of("areaId", area(data), "code", data.code(code), "name", code,
                "parallelUnits", 1, "hourlyRate", "50", "breaksInterrupt", false));
        if (calendar != null) {
            body.put("calendarId", calendar);
        }
        long center = MasterData.id(data.planner().body(body).post("/api/work-centers"));
        MasterData.id(data.planner().body(Map.of("workCenterId", center, "code", data.code(code + "-1"), "name", code + "-1"))
                .post("/api/work-units"));
        return center;
    }

    private static final Map<MasterData, Long> AREAS = new HashMap<>();

    private static long area(MasterData data) {
        return AREAS.computeIfAbsent(data, d -> {
            long site = MasterData.id(d.enterprise().as("admin").body(Map.of("code", d.code("SITE"), "name", "site"))
                    .post("/api/sites"));
            return MasterData.id(d.planner().body(Map.of("siteId", site, "code", d.code("AREA"), "name", "area"))
                    .post("/api/areas"));
        });
    }

    private static Map<String, Object> line(long component, Integer operationNo) {
        Map<String, Object> line = new HashMap<>(Map.of("componentId", component, "quantity", "1", "scrapFactor", "0",
                "phantom", false));
        if (operationNo != null) {
            line.put("operationNo", operationNo);
        }
        return line;
    }

    @SafeVarargs
    private static void bom(MasterData data, long parent, Map<String, Object>... lines) {
        MasterData.id(data.planner().body(Map.of("itemId", parent, "revision", "A", "validFrom", "2020-01-01",
                "lines", List.of(lines))).post("/api/boms"));
    }

    private static long productionOrder(MasterData data, long item) {
        return MasterData.id(data.planner().body(Map.of("itemId", item, "quantity", "1", "startDate", "2030-01-07",
                "dueDate", "2030-01-09")).post("/api/production-orders"));
    }

    /** Converts the item's first planned order of the run into a production order. */
    private static long convert(MasterData data, long run, long item) {
        return ((Number) data.planner().body(Map.of()).post("/api/mrp/runs/" + run + "/planned-orders/" + item
                + "/1/convert").then().statusCode(201).extract().path("orderId")).longValue();
    }

    private static long solve(MasterData data, Long scheduleId, List<Long> orders) {
        Map<String, Object> body = new HashMap<>(Map.of("orderIds", orders, "objective", "MAKESPAN",
                "timeLimitSeconds", 2, "seed", 1, "horizonStart", MONDAY.toString()));
        if (scheduleId != null) {
            body.put("scheduleId", scheduleId);
        }
        Object id = data.planner().body(body).post("/api/scheduling/solves").then().statusCode(202).extract().path("id");
        JsonPath solve = data.awaitSolve(id);
        assertEquals("FINISHED", solve.getString("status"), solve.prettify());
        return solve.getLong("scheduleId");
    }

    private static JsonPath gantt(MasterData data, long scheduleId) {
        return data.planner().get("/api/scheduling/schedules/" + scheduleId + "/gantt").then().statusCode(200)
                .extract().jsonPath();
    }
}
