package org.pilotline.mes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.LoadClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;
import static org.pilotline.mes.ShopFloorFixture.report;

/**
 * Exactly once under load: four terminals at four work centers send 1,000 quantity reports between them, each report
 * three times — twice at the same moment from two threads of its terminal, once more at another time — while all four
 * backflush the same components from one staging location. Exactly 1,000 are applied: quantities, stock moves and
 * balances count each report once, the oldest-expiring lots go first, and the ledger still equals the balances.
 */
@QuarkusTest
class ReportingConcurrencyTest {

    private static final int TERMINALS = 4;
    private static final int REPORTS_PER_TERMINAL = 250;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One terminal's work: its client, the operation it reports against and its report bodies. */
    private record Station(ShopFloorFixture.Terminal terminal, LoadClient client, long workOrder, long productionOrder,
                           long operation, long product, List<String> reports) {
    }

    @Test
    void aThousandReportsEachDeliveredThreeTimesFromFourTerminalsAtOnceAreAppliedExactlyOnce() throws Exception {
        ShopFloorFixture plant = new ShopFloorFixture();
        long frame = plant.data.item("FRAME").bought().with("tracking", "LOT").create();
        long bolt = plant.data.bought("BOLT", "0.01");
        plant.receive(frame, "400", plant.staging, "F-1", "2027-01-01");
        plant.receive(frame, "400", plant.staging, "F-2", "2027-03-01");
        plant.receive(frame, "400", plant.staging, "F-3", "2027-06-01");
        plant.receive(bolt, "2500", plant.staging, null, null);

        List<Station> stations = new ArrayList<>();
        for (int t = 0; t < TERMINALS; t++) {
            long workCenter = plant.workCenter("WC" + t);
            long product = plant.data.item("P" + t).made().with("tracking", "LOT").create();
            plant.data.bom(product).line(frame, "1").line(bolt, "2").create();
            plant.data.routing(product, ShopFloorFixture.routingStep(10, workCenter, null));
            ShopFloorFixture.Terminal terminal = plant.terminal("T" + t, workCenter);
            var workOrder = plant.release(product, String.valueOf(REPORTS_PER_TERMINAL));
            long operation = id(operations(workOrder).get(0));
            terminal.send(report("START", operation)).then().statusCode(200).body("operation.state", is("RUNNING"));
            List<String> reports = new ArrayList<>();
            for (int r = 0; r < REPORTS_PER_TERMINAL; r++) {
                reports.add(JSON.writeValueAsString(Map.of("clientId", UUID.randomUUID().toString(),
                        "sequence", 1_000 + r, "kind", "QUANTITY", "operationId", operation, "good", "1")));
            }
            stations.add(new Station(terminal, LoadClient.bearer(terminal.token),
                    workOrder.then().extract().<Number>path("id").longValue(),
                    workOrder.then().extract().<Number>path("productionOrderId").longValue(), operation, product, reports));
        }

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger replayed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(TERMINALS * 2);
        List<Future<?>> running = new ArrayList<>();
        Random random = new Random(7);
        for (Station station : stations) {
            List<String[]> rounds = rounds(station.reports(), random);
            CyclicBarrier together = new CyclicBarrier(2);
            for (int lane = 0; lane < 2; lane++) {
                int mine = lane;
                running.add(pool.submit(() -> {
                    for (String[] round : rounds) {
                        together.await(60, TimeUnit.SECONDS);
                        LoadClient.Reply reply = station.client().post("/api/mes/reports", round[mine]);
                        statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
                        if (reply.status() != 200) {
                            unexpected.add(reply.status() + " " + reply.body());
                            continue;
                        }
                        (JSON.readTree(reply.body()).path("replayed").asBoolean() ? replayed : applied).incrementAndGet();
                    }
                    return null;
                }));
            }
        }
        for (Future<?> f : running) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        int total = TERMINALS * REPORTS_PER_TERMINAL;
        assertEquals(List.of(), unexpected.stream().limit(5).toList(), "every delivery answered 200: " + statuses);
        assertEquals(total, applied.get(), "applied once each");
        assertEquals(2 * total, replayed.get(), "every other delivery answered as a replay");

        for (Station station : stations) {
            plant.data.planner().get("/api/mes/work-orders/operations/" + station.operation()).then().statusCode(200)
                    .body("goodQuantity", is(REPORTS_PER_TERMINAL)).body("state", is("RUNNING"));
            plant.data.planner().get("/api/mes/work-orders/" + station.workOrder()).then()
                    .body("goodQuantity", is(REPORTS_PER_TERMINAL));
            plant.data.planner().get("/api/production-orders/" + station.productionOrder()).then()
                    .body("completedQuantity", is(REPORTS_PER_TERMINAL));
            assertEquals(REPORTS_PER_TERMINAL, moves(plant, station.product(), "RECEIPT"));
            assertEquals(String.valueOf(REPORTS_PER_TERMINAL), plant.stock(station.product(), plant.finishedGoods, null));
        }
        assertEquals(total, moves(plant, frame, "ISSUE"), "one frame issue per report: no lot boundary falls inside one");
        assertEquals(total, moves(plant, bolt, "ISSUE"));
        // first expired, first out: the two older lots are used up, the newest keeps the rest
        assertEquals("0", plant.stock(frame, plant.staging, "F-1"));
        assertEquals("0", plant.stock(frame, plant.staging, "F-2"));
        assertEquals("200", plant.stock(frame, plant.staging, "F-3"));
        assertEquals("500", plant.stock(bolt, plant.staging, null));
        plant.enterprise.as("manager").get("/api/stock/integrity").then().statusCode(200)
                .body("mismatches.size()", is(0));
    }

    /**
     * Pairs of deliveries sent at the same moment by the terminal's two threads: each report once as a pair with
     * itself, and once more paired with another report's third delivery; the rounds in random order.
     */
    private static List<String[]> rounds(List<String> reports, Random random) {
        List<String[]> rounds = new ArrayList<>();
        for (String report : reports) {
            rounds.add(new String[]{report, report});
        }
        List<String> thirds = new ArrayList<>(reports);
        Collections.shuffle(thirds, random);
        for (int i = 0; i < thirds.size(); i += 2) {
            rounds.add(new String[]{thirds.get(i), thirds.get(i + 1)});
        }
        Collections.shuffle(rounds, random);
        return rounds;
    }

    private static long moves(ShopFloorFixture plant, long item, String type) {
        return ((Number) plant.data.planner().queryParam("itemId", item).queryParam("type", type).queryParam("size", 1)
                .get("/api/stock/moves").then().statusCode(200).extract().path("total")).longValue();
    }
}
