package org.pilotline.testing;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds master data of one test enterprise through the REST API, as its planner: units, items, structures, routings,
 * equipment, warehouses. Every code gets a unique suffix so that tests never collide.
 */
public final class MasterData {

    private final TestEnterprise enterprise;
    private final java.util.function.Supplier<RequestSpecification> planner;
    private final java.util.function.Supplier<RequestSpecification> admin;
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final Map<String, Long> units = new HashMap<>();
    private Long areaId;

    public MasterData(TestEnterprise enterprise) {
        this.enterprise = enterprise;
        this.planner = () -> enterprise.as("planner");
        this.admin = () -> enterprise.as("admin");
    }

    private MasterData(String user, String password) {
        this.enterprise = null;
        this.planner = () -> Api.as(user, password);
        this.admin = planner;
    }

    /** Master data built as one existing user (for example a demo enterprise's administrator). */
    public static MasterData asUser(String user, String password) {
        return new MasterData(user, password);
    }

    public TestEnterprise enterprise() {
        return enterprise;
    }

    public RequestSpecification planner() {
        return planner.get();
    }

    /** Waits (up to 90 s) until the planner's solve has ended, and answers it as it ended. */
    public JsonPath awaitSolve(Object solveId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            JsonPath solve = planner().get("/api/scheduling/solves/" + solveId).then().statusCode(200).extract()
                    .jsonPath();
            String status = solve.getString("status");
            if (!"QUEUED".equals(status) && !"RUNNING".equals(status)) {
                return solve;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("solve " + solveId + " still " + status);
            }
            pause(200);
        }
    }

    public String code(String base) {
        return base + "-" + suffix;
    }

    /** The id of one of the enterprise's standard units (pcs, kg, g, box …). */
    public long unit(String code) {
        return units.computeIfAbsent(code, c -> {
            List<Map<String, Object>> found = planner().queryParam("q", c).queryParam("size", 100).get("/api/units")
                    .then().statusCode(200).extract().path("items");
            return found.stream().filter(u -> c.equals(u.get("code"))).findFirst()
                    .map(u -> ((Number) u.get("id")).longValue()).orElseThrow(() -> new AssertionError("no unit " + c));
        });
    }

    public ItemBuilder item(String code) {
        return new ItemBuilder(code(code));
    }

    /** A bought item with a standard cost, in pcs. */
    public long bought(String code, String cost) {
        return item(code).bought().cost(cost).create();
    }

    /** A made item in pcs. */
    public long made(String code) {
        return item(code).made().create();
    }

    public long workCenter(String code, String hourlyRate) {
        return workCenter(code, hourlyRate, null);
    }

    public long workCenter(String code, String hourlyRate, Long calendarId) {
        Map<String, Object> body = new HashMap<>(Map.of("areaId", area(), "code", code(code), "name", code,
                "parallelUnits", 1, "hourlyRate", hourlyRate));
        if (calendarId != null) {
            body.put("calendarId", calendarId);
        }
        return id(planner().body(body).post("/api/work-centers"));
    }

    public long workUnit(long workCenterId, String code) {
        return id(planner().body(Map.of("workCenterId", workCenterId, "code", code(code), "name", code))
                .post("/api/work-units"));
    }

    public BomBuilder bom(long parentId) {
        return new BomBuilder(parentId);
    }

    public long routing(long itemId, Object... operations) {
        List<Map<String, Object>> ops = new ArrayList<>();
        for (Object operation : operations) {
            @SuppressWarnings("unchecked")
            Map<String, Object> op = (Map<String, Object>) operation;
            ops.add(op);
        }
        return id(planner().body(Map.of("itemId", itemId, "revision", "A", "validFrom", "2020-01-01", "operations", ops))
                .post("/api/routings"));
    }

    public static Map<String, Object> operation(int number, long workCenterId, String setupMinutes, String runMinutes) {
        return Map.of("operationNo", number, "name", "op " + number, "workCenterId", workCenterId,
                "setupMinutes", setupMinutes, "runMinutes", runMinutes);
    }

    public long warehouse(String code) {
        return id(planner().body(Map.of("code", code(code), "name", code)).post("/api/warehouses"));
    }

    public long location(long warehouseId, String code) {
        return id(planner().body(Map.of("warehouseId", warehouseId, "code", code, "name", code)).post("/api/locations"));
    }

    public long partner(String code, boolean customer, boolean supplier) {
        return id(planner().body(Map.of("code", code(code), "name", code, "customer", customer, "supplier", supplier))
                .post("/api/partners"));
    }

    private long area() {
        if (areaId == null) {
            long site = id(admin.get().body(Map.of("code", code("S"), "name", "site")).post("/api/sites"));
            areaId = id(planner().body(Map.of("siteId", site, "code", code("AREA"), "name", "area")).post("/api/areas"));
        }
        return areaId;
    }

    /**
     * Starts a regenerative MRP run from {@code start} over {@code weeks} and waits (up to a minute) until it completed;
     * a run that fails or stops elsewhere fails the test.
     */
    public long mrpRun(String start, int weeks) {
        long run = ((Number) planner().body(Map.of("start", start, "weeks", weeks)).post("/api/mrp/runs")
                .then().statusCode(202).extract().path("id")).longValue();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (true) {
            String status = planner().get("/api/mrp/runs/" + run).then().statusCode(200).extract().path("status");
            if (status.equals("COMPLETED")) {
                return run;
            }
            if (!List.of("QUEUED", "RUNNING").contains(status) || System.nanoTime() > deadline) {
                throw new AssertionError("MRP run " + run + " is " + status);
            }
            pause(100);
        }
    }

    /** The id of a record just created (201). */
    public static long id(io.restassured.response.Response response) {
        response.then().statusCode(201);
        return ((Number) response.path("id")).longValue();
    }

    public final class ItemBuilder {
        private final Map<String, Object> body = new HashMap<>();

        ItemBuilder(String code) {
            body.put("code", code);
            body.put("name", code);
            body.put("type", "RAW");
            body.put("sourcing", "BUY");
            body.put("stockUnitId", MasterData.this.unit("pcs"));
            body.put("leadTimeDays", 0);
        }

        public ItemBuilder made() {
            body.put("sourcing", "MAKE");
            body.put("type", "SEMI_FINISHED");
            return this;
        }

        public ItemBuilder bought() {
            body.put("sourcing", "BUY");
            body.put("type", "RAW");
            return this;
        }

        public ItemBuilder cost(String cost) {
            body.put("standardCost", cost);
            return this;
        }

        public ItemBuilder lotSize(String standardLotSize) {
            body.put("standardLotSize", standardLotSize);
            return this;
        }

        public ItemBuilder unit(String unitCode) {
            body.put("stockUnitId", MasterData.this.unit(unitCode));
            return this;
        }

        public ItemBuilder with(String field, Object value) {
            body.put(field, value);
            return this;
        }

        public long create() {
            return id(planner().body(body).post("/api/items"));
        }
    }

    public final class BomBuilder {
        private final Map<String, Object> body = new HashMap<>();
        private final List<Map<String, Object>> lines = new ArrayList<>();

        BomBuilder(long parentId) {
            body.put("itemId", parentId);
            body.put("revision", "A");
            body.put("validFrom", "2020-01-01");
        }

        public BomBuilder revision(String revision, String validFrom, String validTo) {
            body.put("revision", revision);
            body.put("validFrom", validFrom);
            if (validTo != null) {
                body.put("validTo", validTo);
            }
            return this;
        }

        public BomBuilder base(String baseQuantity) {
            body.put("baseQuantity", baseQuantity);
            return this;
        }

        public BomBuilder line(long componentId, String quantity) {
            return line(componentId, quantity, "0", false);
        }

        public BomBuilder line(long componentId, String quantity, String scrap, boolean phantom) {
            lines.add(Map.of("componentId", componentId, "quantity", quantity, "scrapFactor", scrap, "phantom", phantom));
            return this;
        }

        public Map<String, Object> body() {
            body.put("lines", lines);
            return body;
        }

        public long create() {
            return id(planner().body(body()).post("/api/boms"));
        }
    }

    /** Between two polls of a test: sleeps, and turns an interruption into a failure. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
