package org.pilotline.app.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.pilotline.erp.enterprise.UnifiedSocialCreditCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

/**
 * The terminal benchmark's plant, built through the REST API like a customer would: a fresh enterprise; per station a
 * work center with one machine (work unit: its operations start there, so reports touch the KPI roll-ups), its own
 * staging location, a lot-tracked product made in two operations there (op 10 consumes one
 * lot-tracked frame, op 20 four screws and receives the product), a terminal with its own operator signed in, and
 * released work orders. Components are staged in two lots of different expiry (first-expired-first-out moves from the
 * first to the second during the run).
 */
final class TerminalPlant {

    static final String PASSWORD = "bench-password-1";
    static final String PAUSE_REASON = "PAUSE-BREAK";
    static final int SCREWS_PER_UNIT = 4;

    /** A released work order: its two operations. */
    record Order(long workOrderId, long productionOrderId, long op10, long op20) {
    }

    /** A work center with its terminal, product and work orders. */
    record Station(int index, long workCenterId, long stagingId, long productId, long terminalId, String token,
                   List<Order> orders) {
    }

    final String enterprise;
    final long frame;
    final long screw;
    final long finishedGoods;
    final List<Station> stations;

    private TerminalPlant(String enterprise, long frame, long screw, long finishedGoods, List<Station> stations) {
        this.enterprise = enterprise;
        this.frame = frame;
        this.screw = screw;
        this.finishedGoods = finishedGoods;
        this.stations = stations;
    }

    static TerminalPlant seed(String base, int terminals, int ordersPerTerminal, int orderQuantity, int threads)
            throws Exception {
        return seed(base, "demo", terminals, ordersPerTerminal, orderQuantity, threads);
    }

    /** As {@link #seed(String, int, int, int, int)}, as the platform administrator {@code admin} with this password. */
    static TerminalPlant seed(String base, String adminPassword, int terminals, int ordersPerTerminal, int orderQuantity,
                              int threads) throws Exception {
        String code = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        BenchmarkRest platform = BenchmarkRest.as(base, "admin", adminPassword);
        platform.post("/api/enterprises", Map.of("code", code, "name", "Terminal benchmark " + code,
                "creditCode", creditCode(), "industry", "benchmark", "manufacturingType", "DISCRETE",
                "pilotSince", "2026-01-01"), 201);
        for (String role : List.of("admin", "planner", "manager")) {
            user(platform, code, code + "-" + role, role);
        }
        BenchmarkRest admin = BenchmarkRest.as(base, code + "-admin", PASSWORD);
        BenchmarkRest planner = BenchmarkRest.as(base, code + "-planner", PASSWORD);

        long pcs = 0;
        for (JsonNode unit : planner.get("/api/units?q=pcs&size=100").get("items")) {
            if ("pcs".equals(unit.get("code").asText())) {
                pcs = unit.get("id").asLong();
            }
        }
        long site = admin.post("/api/sites", Map.of("code", "S1", "name", "benchmark site"), 201).get("id").asLong();
        long area = planner.post("/api/areas", Map.of("siteId", site, "code", "A1", "name", "benchmark area"), 201)
                .get("id").asLong();
        long warehouse = planner.post("/api/warehouses", Map.of("code", "WH", "name", "plant store"), 201).get("id").asLong();
        long finishedGoods = location(planner, warehouse, "FG");
        admin.post("/api/mes/reasons", Map.of("code", PAUSE_REASON, "purpose", "PAUSE", "planned", true,
                "nameZh", "休息", "nameEn", "break"), 201);
        long frame = item(planner, "FRAME", pcs, "RAW", "BUY", "LOT");
        long screw = item(planner, "SCREW", pcs, "RAW", "BUY", "NONE");
        long unitId = pcs;

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Station> stations = all(pool, terminals, i -> {
                String n = String.format("%03d", i);
                long workCenter = planner.post("/api/work-centers", Map.of("areaId", area, "code", "WC" + n,
                        "name", "work center " + n, "parallelUnits", 1, "hourlyRate", "60"), 201).get("id").asLong();
                // its machine: operations start on it, so every report touches its KPI roll-ups, as on a real floor
                planner.post("/api/work-units", Map.of("workCenterId", workCenter, "code", "M" + n,
                        "name", "machine " + n), 201);
                long staging = location(planner, warehouse, "STAGE-" + n);
                admin.put("/api/mes/work-centers/" + workCenter + "/settings", Map.of("stagingLocationId", staging,
                        "receiptLocationId", finishedGoods, "countingSource", "TERMINAL"), 200);
                long product = item(planner, "P" + n, unitId, "FINISHED", "MAKE", "LOT");
                planner.post("/api/boms", Map.of("itemId", product, "revision", "A", "validFrom", "2020-01-01",
                        "lines", List.of(Map.of("componentId", frame, "quantity", "1", "operationNo", 10),
                                Map.of("componentId", screw, "quantity", Integer.toString(SCREWS_PER_UNIT), "operationNo", 20))), 201);
                planner.post("/api/routings", Map.of("itemId", product, "revision", "A", "validFrom", "2020-01-01",
                        "operations", List.of(operation(10, workCenter), operation(20, workCenter))), 201);
                receive(planner, frame, "1000", staging, "F" + n + "-A", "2027-01-01");
                receive(planner, frame, "1000000", staging, "F" + n + "-B", "2027-06-01");
                receive(planner, screw, "10000000", staging, null, null);
                String operator = code + "-op" + n;
                user(platform, code, operator, "operator");
                admin.put("/api/mes/operators/" + operator + "/badge", Map.of("badgeNumber", "B" + n, "pin", "4711"), 200);
                JsonNode terminal = admin.post("/api/mes/terminals", Map.of("code", "T" + n, "name", "terminal " + n,
                        "workCenterId", workCenter), 201);
                String token = terminal.get("token").asText();
                BenchmarkRest.terminal(base, token).post("/api/mes/terminal/sign-in",
                        Map.of("badgeNumber", "B" + n, "pin", "4711"), 200);
                return new Station(i, workCenter, staging, product, terminal.get("id").asLong(), token, new ArrayList<>());
            });
            String start = LocalDate.now().toString();
            String due = LocalDate.now().plusDays(60).toString();
            List<Station> withOrders = all(pool, terminals, i -> {
                Station s = stations.get(i);
                Map<Long, Long> productionOrders = new HashMap<>();
                for (int k = 0; k < ordersPerTerminal; k++) {
                    long order = planner.post("/api/production-orders", Map.of("itemId", s.productId(),
                            "quantity", Integer.toString(orderQuantity), "startDate", start, "dueDate", due), 201)
                            .get("id").asLong();
                    planner.post("/api/production-orders/" + order + "/release", null, 200);
                    productionOrders.put(order, order);
                }
                List<Order> orders = new ArrayList<>();
                for (int page = 0; orders.size() < ordersPerTerminal; page++) {
                    JsonNode found = planner.get("/api/mes/work-orders?itemId=" + s.productId() + "&size=1000&page=" + page);
                    if (found.get("items").isEmpty()) {
                        break;
                    }
                    for (JsonNode listed : found.get("items")) {
                        JsonNode w = planner.get("/api/mes/work-orders/" + listed.get("id").asLong());
                        Map<Integer, Long> ops = new HashMap<>();
                        w.get("operations").forEach(o -> ops.put(o.get("operationNo").asInt(), o.get("id").asLong()));
                        orders.add(new Order(w.get("id").asLong(), w.get("productionOrderId").asLong(), ops.get(10), ops.get(20)));
                    }
                }
                orders.sort(Comparator.comparingLong(Order::workOrderId));
                if (orders.size() != ordersPerTerminal || !orders.stream().allMatch(o -> productionOrders.containsKey(o.productionOrderId()))) {
                    throw new IllegalStateException("station " + i + ": " + orders.size() + " work orders found, "
                            + ordersPerTerminal + " released");
                }
                return new Station(s.index(), s.workCenterId(), s.stagingId(), s.productId(), s.terminalId(), s.token(), orders);
            });
            return new TerminalPlant(code, frame, screw, finishedGoods, withOrders);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> List<T> all(ExecutorService pool, int count, IntFunction<T> task) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> task.apply(index)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    private static void user(BenchmarkRest platform, String enterprise, String username, String role) {
        platform.post("/api/admin/users", Map.of("username", username, "displayName", username, "password", PASSWORD,
                "enterprise", enterprise, "roles", List.of(role)), 201);
    }

    private static long location(BenchmarkRest planner, long warehouse, String code) {
        return planner.post("/api/locations", Map.of("warehouseId", warehouse, "code", code, "name", code), 201)
                .get("id").asLong();
    }

    private static long item(BenchmarkRest planner, String code, long unit, String type, String sourcing, String tracking) {
        return planner.post("/api/items", Map.of("code", code, "name", code, "type", type, "sourcing", sourcing,
                "stockUnitId", unit, "leadTimeDays", 0, "tracking", tracking), 201).get("id").asLong();
    }

    private static Map<String, Object> operation(int number, long workCenter) {
        return Map.of("operationNo", number, "name", "op " + number, "workCenterId", workCenter,
                "setupMinutes", "10", "runMinutes", "1");
    }

    private static void receive(BenchmarkRest planner, long item, String quantity, long location, String lot, String expiresOn) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "RECEIPT", "reason", "PURCHASE_RECEIPT", "itemId", item,
                "quantity", quantity, "toLocationId", location));
        if (lot != null) {
            body.put("lotNumber", lot);
            body.put("lotExpiresOn", expiresOn);
        }
        planner.post("/api/stock/moves", body, 201);
    }

    private static String creditCode() {
        StringBuilder first17 = new StringBuilder("91330100MA");
        while (first17.length() < 17) {
            first17.append(ThreadLocalRandom.current().nextInt(10));
        }
        return UnifiedSocialCreditCode.withCheckCharacter(first17.toString());
    }
}
