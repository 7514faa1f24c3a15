package org.pilotline.erp;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.LoadClient;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real threads against the real database: no lost update, no forbidden negative stock, no 5xx. */
@QuarkusTest
class InventoryConcurrencyTest {

    private static final int THREADS = 16;
    private static final int MOVES_PER_THREAD = 500;

    private static MasterData data;
    private static long warehouse;

    /** Lazily, in the first test: Quarkus points REST Assured at the application only before each test. */
    @BeforeEach
    void enterprise() {
        if (data != null) {
            return;
        }
        data = new MasterData(TestEnterprise.create());
        warehouse = data.warehouse("WH");
    }

    @Test
    void sixteenThreadsOfRandomMovesLeaveBalancesEqualToTheLedgerAndNoForbiddenNegativeStock() throws Exception {
        List<Long> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            items.add(data.bought("C" + i, "1"));
        }
        long negativeAllowed = data.item("CNEG").bought().with("allowNegativeStock", true).create();
        items.add(negativeAllowed);
        List<Long> locations = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            locations.add(data.location(warehouse, "C" + i));
        }
        for (long item : items) {
            for (long location : locations) {
                data.planner().body(InventoryTest.move("RECEIPT", "OPENING_BALANCE", item, "40", null, location))
                        .post("/api/stock/moves").then().statusCode(201);
            }
        }

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        LoadClient planner = new LoadClient(data.enterprise().code + "-planner", TestEnterprise.PASSWORD);
        LoadClient operator = new LoadClient(data.enterprise().code + "-operator", TestEnterprise.PASSWORD);
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(1000 + t);
            LoadClient client = t % 2 == 0 ? planner : operator;
            workers.add(pool.submit(() -> {
                start.await();
                for (int m = 0; m < MOVES_PER_THREAD; m++) {
                    int status = client.post("/api/stock/moves", randomMove(random, items, locations));
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(15, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertTrue(statuses.keySet().stream().allMatch(s -> s == 201 || s == 409), "only 201 and 409 expected: " + statuses);
        assertEquals(THREADS * MOVES_PER_THREAD, statuses.values().stream().mapToInt(AtomicInteger::get).sum());
        assertTrue(statuses.getOrDefault(409, new AtomicInteger()).get() > 0, "the mix should hit some shortages: " + statuses);

        // recompute every balance from the raw ledger and compare with the stored balances
        Map<String, BigDecimal> fromLedger = new HashMap<>();
        int moves = 0;
        for (long item : items) {
            for (int page = 0; ; page++) {
                List<Map<String, Object>> rows = data.planner().queryParam("itemId", item).queryParam("size", 1000)
                        .queryParam("page", page).get("/api/stock/moves").then().statusCode(200).extract().path("items");
                for (Map<String, Object> row : rows) {
                    BigDecimal quantity = new BigDecimal(row.get("quantity").toString());
                    if (row.get("toLocationId") != null) {
                        fromLedger.merge(item + ":" + row.get("toLocationId"), quantity, BigDecimal::add);
                    }
                    if (row.get("fromLocationId") != null) {
                        fromLedger.merge(item + ":" + row.get("fromLocationId"), quantity.negate(), BigDecimal::add);
                    }
                }
                moves += rows.size();
                if (rows.size() < 1000) {
                    break;
                }
            }
        }
        assertEquals(items.size() * locations.size() + statuses.get(201).get(), moves, "one ledger line per accepted move");
        List<Map<String, Object>> balances = data.planner().queryParam("warehouseId", warehouse).queryParam("size", 1000)
                .get("/api/stock/balances").then().statusCode(200).extract().path("items");
        assertEquals(items.size() * locations.size(), balances.size());
        for (Map<String, Object> balance : balances) {
            String key = balance.get("itemId") + ":" + balance.get("locationId");
            BigDecimal stored = new BigDecimal(balance.get("quantity").toString());
            assertEquals(0, fromLedger.getOrDefault(key, BigDecimal.ZERO).compareTo(stored), "balance " + key);
            if (((Number) balance.get("itemId")).longValue() != negativeAllowed) {
                assertTrue(stored.signum() >= 0, "negative stock of an item that forbids it: " + balance);
            }
        }
        data.enterprise().as("admin").get("/api/stock/integrity").then().statusCode(200)
                .body("mismatches", empty());
    }

    @Test
    void twentyConcurrentIssuesOfOneFromAStockOfTenLeaveExactlyTenAccepted() throws Exception {
        long item = data.bought("OVERSELL", "1");
        long location = data.location(data.warehouse("OVERSELL"), "OV");
        data.planner().body(InventoryTest.move("RECEIPT", "PURCHASE_RECEIPT", item, "10", null, location))
                .post("/api/stock/moves").then().statusCode(201);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> issues = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            issues.add(pool.submit(() -> {
                start.await();
                return data.planner().body(InventoryTest.move("ISSUE", "SALES_ISSUE", item, "1", location, null))
                        .post("/api/stock/moves").statusCode();
            }));
        }
        start.countDown();
        Map<Integer, Integer> counts = new HashMap<>();
        for (Future<Integer> issue : issues) {
            counts.merge(issue.get(2, TimeUnit.MINUTES), 1, Integer::sum);
        }
        pool.shutdown();
        assertEquals(Map.of(201, 10, 409, 10), counts);
        data.planner().queryParam("itemId", item).get("/api/stock/balances").then()
                .body("items[0].quantity", org.hamcrest.Matchers.is(0));
    }

    private static Map<String, Object> randomMove(Random random, List<Long> items, List<Long> locations) {
        long item = items.get(random.nextInt(items.size()));
        long from = locations.get(random.nextInt(locations.size()));
        long to = locations.get(random.nextInt(locations.size()));
        while (to == from) {
            to = locations.get(random.nextInt(locations.size()));
        }
        String quantity = String.valueOf(1 + random.nextInt(8));
        return switch (random.nextInt(5)) {
            case 0 -> InventoryTest.move("RECEIPT", "PURCHASE_RECEIPT", item, quantity, null, to);
            case 1 -> InventoryTest.move("ISSUE", "PRODUCTION_ISSUE", item, quantity, from, null);
            case 2, 3 -> InventoryTest.move("TRANSFER", "RELOCATION", item, quantity, from, to);
            default -> random.nextBoolean()
                    ? InventoryTest.move("ADJUSTMENT", "COUNT_CORRECTION", item, quantity, from, null)
                    : InventoryTest.move("ADJUSTMENT", "COUNT_CORRECTION", item, quantity, null, to);
        };
    }
}
