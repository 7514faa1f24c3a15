package org.pilotline.mes;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.MasterData;
import org.pilotline.testing.TestEnterprise;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;
import static org.pilotline.mes.ShopFloorFixture.report;

/**
 * Recalls on the real database through several levels of made items, through sub-assemblies that carry no lot and
 * through every operation of a serial-tracked product, down to the customer's shipment.
 */
@QuarkusTest
class GenealogyTraceTest {

    private static ShopFloorFixture plant;
    /** Makes sub-assemblies from what is staged and receives them back into staging, for the next level. */
    private static long machining;
    private static long assembly;
    private static ShopFloorFixture.Terminal machiningTerminal;
    private static ShopFloorFixture.Terminal assemblyTerminal;
    private static long customer;

    @BeforeEach
    void plant() {
        if (plant != null) {
            return;
        }
        plant = new ShopFloorFixture();
        machining = plant.data.workCenter("MCH", "60");
        plant.enterprise.as("admin").body(Map.of("stagingLocationId", plant.staging, "receiptLocationId", plant.staging,
                "countingSource", "TERMINAL")).put("/api/mes/work-centers/" + machining + "/settings").then().statusCode(200);
        assembly = plant.workCenter("ASM");
        machiningTerminal = plant.terminal("T-MCH", machining);
        assemblyTerminal = plant.terminal("T-ASM", assembly);
        customer = plant.data.partner("CUS", true, false);
    }

    @Test
    void aSupplierLotIsRecalledThroughAnUntrackedAndATrackedSubAssemblyToTheCustomersShipment() {
        long casting = plant.data.item("CAST").bought().with("tracking", "LOT").create();
        long seal = plant.data.item("SEAL").bought().with("tracking", "LOT").create();
        long body = plant.data.item("BODY").made().create(); // not lot-tracked
        long seat = plant.data.item("SEAT").made().with("tracking", "LOT").create();
        long valve = plant.data.item("VALVE").made().with("tracking", "LOT").create();
        plant.data.bom(body).line(casting, "1").create();
        plant.data.routing(body, ShopFloorFixture.routingStep(10, machining, null));
        plant.data.bom(seat).line(seal, "2").create();
        plant.data.routing(seat, ShopFloorFixture.routingStep(10, machining, null));
        plant.data.bom(valve).line(body, "1").line(seat, "1").create();
        plant.data.routing(valve, ShopFloorFixture.routingStep(10, assembly, null));

        // two bodies bought in before any casting was machined: the valves made of them cannot hold the heat
        plant.receive(body, "2", plant.staging, null, null);
        plant.receive(seat, "2", plant.staging, "SEAT-OLD", null);
        String earlyValves = run(valve, "2", assemblyTerminal);

        plant.receive(casting, "4", plant.staging, "HEAT-1", null);
        plant.receive(seal, "8", plant.staging, "SEAL-7", null);
        String bodies = run(body, "4", machiningTerminal);
        String seats = run(seat, "4", machiningTerminal);
        String valves = run(valve, "4", assemblyTerminal);

        long order = ((Number) plant.data.planner().body(Map.of("customerId", customer, "lines", List.of(
                        Map.of("itemId", valve, "quantity", "3", "date", "2026-12-15", "unitPrice", "420"))))
                .post("/api/sales-orders").then().statusCode(201).extract().path("id")).longValue();
        plant.data.planner().post("/api/sales-orders/" + order + "/confirm").then().statusCode(200);
        plant.data.planner().body(Map.of("lines", List.of(Map.of("lineNo", 10, "quantity", "3",
                        "locationId", plant.finishedGoods, "lotNumber", valves))))
                .post("/api/sales-orders/" + order + "/shipments").then().statusCode(201);

        // the heat: machined into bodies (exact), which carry no lot, so every valve assembled of bodies after they
        // were received is named, and marked as possible rather than certain
        plant.data.planner().queryParam("lot", "HEAT-1").get("/api/mes/genealogy/items/" + casting + "/lots/where-used")
                .then().statusCode(200).body("exact", is(false))
                .body("untrackedSteps.itemCode", is(List.of(plant.data.code("BODY"))))
                .body("untrackedSteps[0].depth", is(2))
                .body("links.findAll { it.depth == 1 }.producedItemId", is(List.of((int) body)))
                .body("links.findAll { it.depth == 1 }.producedLot", is(java.util.Arrays.asList((String) null)))
                .body("links.findAll { it.depth == 1 }.quantity", is(List.of(4)))
                .body("links.findAll { it.depth == 1 }.workOrderNumber", is(List.of(bodies)))
                .body("links.findAll { it.depth == 1 }.exact", is(List.of(true)))
                .body("links.findAll { it.depth == 2 }.producedLot", is(List.of(valves)))
                .body("links.findAll { it.depth == 2 }.consumedItemId", is(List.of((int) body)))
                .body("links.findAll { it.depth == 2 }.exact", is(List.of(false)))
                .body("links.producedLot", not(hasItem(earlyValves)))
                .body("shipments.lotNumber", is(List.of(valves)))
                .body("shipments.quantity", is(List.of(3)))
                .body("shipments[0].reference", containsString("/10"))
                .body("shipments.exact", is(List.of(false)));

        // the seal's batch goes through lot-tracked seats: exact at every level, the shipment too
        plant.data.planner().queryParam("lot", "SEAL-7").get("/api/mes/genealogy/items/" + seal + "/lots/where-used")
                .then().statusCode(200).body("exact", is(true)).body("untrackedSteps", empty())
                .body("links.findAll { it.depth == 1 }.producedLot", is(List.of(seats)))
                .body("links.findAll { it.depth == 1 }.quantity", is(List.of(8)))
                .body("links.findAll { it.depth == 2 }.producedLot", is(List.of(valves)))
                .body("links.findAll { it.depth == 2 }.consumedLot", is(List.of(seats)))
                .body("links.findAll { it.depth == 2 }.quantity", is(List.of(4)))
                .body("links.exact", everyItem(is(true)))
                .body("shipments.lotNumber", is(List.of(valves))).body("shipments.exact", is(List.of(true)));

        // and back: the valve lot holds its seats' seal batch exactly, and the heat through the untracked bodies
        plant.data.planner().queryParam("lot", valves).get("/api/mes/genealogy/items/" + valve + "/lots/components")
                .then().statusCode(200).body("exact", is(false))
                .body("untrackedSteps.itemCode", is(List.of(plant.data.code("BODY"))))
                .body("links.findAll { it.depth == 1 }.consumedItemId", is(List.of((int) body, (int) seat)))
                .body("links.findAll { it.depth == 2 && it.consumedLot == 'SEAL-7' }.exact", is(List.of(true)))
                .body("links.findAll { it.depth == 2 && it.consumedLot == 'SEAL-7' }.producedLot", is(List.of(seats)))
                .body("links.findAll { it.depth == 2 && it.consumedLot == 'HEAT-1' }.exact", is(List.of(false)))
                .body("links.findAll { it.depth == 2 && it.consumedLot == 'HEAT-1' }.workOrderNumber", is(List.of(bodies)))
                .body("shipments", empty());
        // the valves made before the heat was machined hold bought bodies: no heat in them
        plant.data.planner().queryParam("lot", earlyValves).get("/api/mes/genealogy/items/" + valve + "/lots/components")
                .then().statusCode(200).body("links.consumedLot", not(hasItem("HEAT-1")))
                .body("links.consumedLot", hasItem("SEAT-OLD"));
    }

    @Test
    void aComponentConsumedAtTheFirstOperationIsInEverySerialNumberOfTheWorkOrder() {
        long board = plant.data.item("PCB").bought().with("tracking", "LOT").create();
        long meter = plant.data.item("METER").made().with("tracking", "SERIAL").create();
        plant.data.planner().body(Map.of("itemId", meter, "revision", "A", "validFrom", "2020-01-01", "lines", List.of(
                        Map.of("componentId", board, "quantity", "1", "operationNo", 10))))
                .post("/api/boms").then().statusCode(201);
        plant.data.routing(meter, ShopFloorFixture.routingStep(10, machining, null),
                ShopFloorFixture.routingStep(20, assembly, null));
        plant.receive(board, "5", plant.staging, "PCB-1", null);

        List<Map<String, Object>> ops = operations(plant.release(meter, "2"));
        long op10 = id(ops.get(0));
        long op20 = id(ops.get(1));
        machiningTerminal.send(report("START", op10)).then().statusCode(200);
        Map<String, Object> boards = report("FINISH", op10);
        boards.put("good", "2");
        machiningTerminal.send(boards).then().statusCode(200).body("consumed.lotNumber", is(List.of("PCB-1")));
        assemblyTerminal.send(report("START", op20)).then().statusCode(200);
        Map<String, Object> meters = report("FINISH", op20);
        meters.put("good", "2");
        meters.put("serials", List.of("SN-1", "SN-2"));
        assemblyTerminal.send(meters).then().statusCode(200).body("consumed", empty())
                .body("received.lotNumber", is(List.of("SN-1", "SN-2")));

        for (String serial : List.of("SN-1", "SN-2")) {
            plant.data.planner().queryParam("lot", serial).get("/api/mes/genealogy/items/" + meter + "/lots/components")
                    .then().statusCode(200).body("exact", is(true))
                    .body("links.consumedLot", is(List.of("PCB-1"))).body("links.quantity", is(List.of(1)))
                    .body("links.producedLot", is(List.of(serial)));
        }
        plant.data.planner().queryParam("lot", "PCB-1").get("/api/mes/genealogy/items/" + board + "/lots/where-used")
                .then().statusCode(200).body("links.producedLot", is(List.of("SN-1", "SN-2")))
                .body("links.quantity", is(List.of(1, 1)));
    }

    @Test
    void anotherEnterprisesLotIsNotFoundEitherWay() {
        long casting = plant.data.item("CAST-T").bought().with("tracking", "LOT").create();
        plant.receive(casting, "1", plant.staging, "HEAT-T", null);
        plant.data.planner().queryParam("lot", "HEAT-T").get("/api/mes/genealogy/items/" + casting + "/lots/where-used")
                .then().statusCode(200).body("links", empty()).body("exact", is(true));

        MasterData other = new MasterData(TestEnterprise.create());
        for (String way : List.of("components", "where-used")) {
            other.planner().queryParam("lot", "HEAT-T").get("/api/mes/genealogy/items/" + casting + "/lots/" + way)
                    .then().statusCode(404).contentType(containsString("application/problem+json"));
        }
    }

    /**
     * Releases an order of the item and runs its one operation with the whole quantity; the work order's number, which
     * is also the number of its lot when the item is lot-tracked.
     */
    private static String run(long item, String quantity, ShopFloorFixture.Terminal terminal) {
        long op = id(operations(plant.release(item, quantity)).get(0));
        terminal.send(report("START", op)).then().statusCode(200);
        Map<String, Object> finish = report("FINISH", op);
        finish.put("good", quantity);
        return terminal.send(finish).then().statusCode(200).body("workOrder.state", is("COMPLETED"))
                .body("received.quantity", is(List.of(Integer.parseInt(quantity))))
                .extract().path("workOrder.number");
    }
}
