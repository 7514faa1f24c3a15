package org.pilotline.mes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotline.testing.TestEnterprise;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotline.mes.ShopFloorFixture.id;
import static org.pilotline.mes.ShopFloorFixture.operations;
import static org.pilotline.mes.ShopFloorFixture.quantity;
import static org.pilotline.mes.ShopFloorFixture.report;

/**
 * The material side of reports on the real database: the item's negative-stock rule when staging holds less than a
 * report consumes (the move goes negative and the report is flagged, or 409 naming item, location and what is there
 * with nothing written), and a recipe's co- and by-products received into stock as lots of their own, with genealogy.
 */
@QuarkusTest
class MaterialRulesTest {

    private static ShopFloorFixture plant;
    private static long press;
    private static ShopFloorFixture.Terminal pressTerminal;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void plant() {
        if (plant != null) {
            return;
        }
        plant = new ShopFloorFixture();
        press = plant.workCenter("PRESS");
        pressTerminal = plant.terminal("T-PRESS", press);
    }

    @Test
    void anItemThatMayGoNegativeIsBackflushedBelowZeroAndTheReportIsFlagged() {
        long glue = plant.data.item("GLUE").bought().with("allowNegativeStock", true).create();
        long box = plant.data.item("BOX").made().create();
        plant.data.bom(box).line(glue, "2").create();
        plant.data.routing(box, ShopFloorFixture.routingStep(10, press, null));
        plant.receive(glue, "3", plant.staging, null, null);
        long op10 = id(operations(plant.release(box, "5")).get(0));
        pressTerminal.send(report("START", op10)).then().statusCode(200);

        // two boxes need four litres of glue, three are staged: all four are issued, one of them below zero
        Map<String, Object> twoBoxes = quantity(op10, "2");
        pressTerminal.send(twoBoxes).then().statusCode(200).body("negativeStock", is(true))
                .body("consumed.itemId", is(List.of((int) glue))).body("consumed[0].quantity", is(4))
                .body("received[0].quantity", is(2));
        assertEquals("-1", plant.stock(glue, plant.staging, null));
        assertEquals("2", plant.stock(box, plant.finishedGoods, null));
        assertEquals(List.of(200, true), reportRow(twoBoxes), "the report is stored as applied and flagged");
        // the ledger holds the moves that make the balance: 3 received, 4 issued
        List<Map<String, Object>> moves = plant.data.planner().queryParam("itemId", glue).queryParam("size", 100)
                .get("/api/stock/moves").then().statusCode(200).extract().path("items");
        assertEquals(List.of("ISSUE 4", "RECEIPT 3"), moves.stream().map(m -> m.get("type") + " " + m.get("quantity"))
                .sorted().toList());
        plant.enterprise.as("manager").get("/api/stock/integrity").then().statusCode(200).body("mismatches.size()", is(0));
        // sent again, it is answered with the first outcome, flag included, and moves nothing more
        pressTerminal.send(twoBoxes).then().statusCode(200).body("replayed", is(true)).body("negativeStock", is(true));
        assertEquals("-1", plant.stock(glue, plant.staging, null));

        // a report that the stock covers is not flagged
        plant.receive(glue, "5", plant.staging, null, null);
        pressTerminal.send(quantity(op10, "1")).then().statusCode(200).body("negativeStock", is(false));
        assertEquals("2", plant.stock(glue, plant.staging, null));
    }

    @Test
    void anItemThatMayNotGoNegativeRefusesTheReportNamingItemLocationAndWhatIsAvailableAndNothingIsWritten() {
        long paint = plant.data.bought("PAINT", "3");
        long panel = plant.data.item("PANEL").made().create();
        plant.data.bom(panel).line(paint, "2").create();
        plant.data.routing(panel, ShopFloorFixture.routingStep(10, press, null));
        plant.receive(paint, "3", plant.staging, null, null);
        Response workOrder = plant.release(panel, "5");
        long op10 = id(operations(workOrder).get(0));
        long productionOrder = workOrder.then().extract().<Number>path("productionOrderId").longValue();
        pressTerminal.send(report("START", op10)).then().statusCode(200);

        Map<String, Object> twoPanels = quantity(op10, "2");
        pressTerminal.send(twoPanels).then().statusCode(409).contentType("application/problem+json")
                .body("type", is("https://pilotline.org/problems/insufficient-stock"))
                .body("status", is(409))
                .body("itemCode", is(plant.data.code("PAINT")))
                .body("location", containsString("STAGE"))
                .body("available", is(3)).body("required", is(4))
                .body("errors[0].field", is("good"));

        // nothing written: the refusal is kept for a replay, not applied; no stock moved, no quantity counted
        assertEquals(List.of(409, false), reportRow(twoPanels));
        assertEquals("3", plant.stock(paint, plant.staging, null));
        assertEquals("0", plant.stock(panel, plant.finishedGoods, null));
        plant.data.planner().queryParam("itemId", panel).get("/api/stock/moves").then().statusCode(200)
                .body("items", is(empty()));
        plant.data.planner().get("/api/mes/work-orders/operations/" + op10).then()
                .body("goodQuantity", is(0)).body("state", is("RUNNING"));
        plant.data.planner().get("/api/production-orders/" + productionOrder).then().body("completedQuantity", is(0));
        plant.enterprise.as("manager").get("/api/stock/integrity").then().statusCode(200).body("mismatches.size()", is(0));
    }

    @Test
    void aRecipeReceivesItsCoAndByProductsAsNewLotsWithGenealogy() {
        ShopFloorFixture food = new ShopFloorFixture(TestEnterprise.create("PROCESS"));
        long mixing = food.workCenter("MIX");
        long packing = food.workCenter("PACK");
        long cocoa = food.data.item("COCOA").bought().unit("kg").with("tracking", "LOT").create();
        long sugar = food.data.item("SUGAR").bought().unit("kg").create();
        long powder = food.data.item("POWDER").made().unit("kg").with("tracking", "LOT").create();
        long granules = food.data.item("GRANULES").made().unit("kg").with("tracking", "LOT").create();
        long fines = food.data.item("FINES").made().unit("kg").with("tracking", "LOT").create();
        // a 125 kg batch yields 100 kg of powder (80 %), 10 kg of granules (co-product) and 5 kg of fines (by-product)
        food.data.planner().body(Map.of("itemId", powder, "revision", "R1", "batchSize", "125", "expectedYield", "0.8",
                        "costAllocation", "0.8", "validFrom", "2020-01-01",
                        "ingredients", List.of(Map.of("itemId", cocoa, "quantity", "25"), Map.of("itemId", sugar, "quantity", "100")),
                        "outputs", List.of(
                                Map.of("itemId", granules, "kind", "CO_PRODUCT", "quantity", "10", "costAllocation", "0.2"),
                                Map.of("itemId", fines, "kind", "BY_PRODUCT", "quantity", "5", "costAllocation", "0"))))
                .post("/api/recipes").then().statusCode(201);
        food.data.routing(powder, ShopFloorFixture.routingStep(10, mixing, null), ShopFloorFixture.routingStep(20, packing, null));
        food.receive(cocoa, "30", food.staging, "CC-1", "2027-06-01");
        food.receive(sugar, "120", food.staging, null, null);
        ShopFloorFixture.Terminal mixer = food.terminal("T-MIX", mixing);
        ShopFloorFixture.Terminal packer = food.terminal("T-PACK", packing);

        Response workOrder = food.release(powder, "100");
        String number = workOrder.then().statusCode(200).extract().path("number");
        long productionOrder = workOrder.then().extract().<Number>path("productionOrderId").longValue();
        long op10 = id(operations(workOrder).get(0));
        long op20 = id(operations(workOrder).get(1));
        mixer.send(report("START", op10)).then().statusCode(200);
        // the recipe's ingredients are taken at the last operation: mixing consumes and receives nothing
        mixer.send(quantity(op10, "100")).then().statusCode(200).body("consumed", is(empty())).body("received", is(empty()));
        mixer.send(report("FINISH", op10)).then().statusCode(200);

        packer.send(report("START", op20)).then().statusCode(200);
        packer.send(quantity(op20, "40")).then().statusCode(200)
                .body("consumed.find { it.itemId == " + cocoa + " }.quantity", is(10))
                .body("consumed.find { it.itemId == " + cocoa + " }.lotNumber", is("CC-1"))
                .body("consumed.find { it.itemId == " + sugar + " }.quantity", is(40))
                .body("received.find { it.itemId == " + powder + " }.quantity", is(40))
                .body("received.find { it.itemId == " + granules + " }.quantity", is(4))
                .body("received.find { it.itemId == " + fines + " }.quantity", is(2))
                .body("received", hasSize(3)).body("received.lotNumber", everyItem(is(number)));
        Map<String, Object> finish = report("FINISH", op20);
        finish.put("good", "60");
        packer.send(finish).then().statusCode(200).body("workOrder.state", is("COMPLETED"))
                .body("received.find { it.itemId == " + powder + " }.quantity", is(60))
                .body("received.find { it.itemId == " + granules + " }.quantity", is(6))
                .body("received.find { it.itemId == " + fines + " }.quantity", is(3));

        // every output is in stock as one new lot of the work order; the ingredients are down by one batch
        assertEquals("100", food.stock(powder, food.finishedGoods, number));
        assertEquals("10", food.stock(granules, food.finishedGoods, number));
        assertEquals("5", food.stock(fines, food.finishedGoods, number));
        for (long output : List.of(powder, granules, fines)) {
            food.data.planner().queryParam("itemId", output).get("/api/stock/balances").then().statusCode(200)
                    .body("items.findAll { it.quantity != 0 }.lotNumber", is(List.of(number)));
        }
        assertEquals("5", food.stock(cocoa, food.staging, "CC-1"));
        assertEquals("20", food.stock(sugar, food.staging, null));
        food.data.planner().get("/api/production-orders/" + productionOrder).then()
                .body("status", is("COMPLETED")).body("completedQuantity", is(100));
        food.enterprise.as("manager").get("/api/stock/integrity").then().statusCode(200).body("mismatches.size()", is(0));

        // genealogy: the cocoa lot went into the powder, the granules and the fines; each of them came from it
        food.data.planner().queryParam("lot", "CC-1").get("/api/mes/genealogy/items/" + cocoa + "/lots/where-used")
                .then().statusCode(200).body("links.producedItemId", hasItems((int) powder, (int) granules, (int) fines))
                .body("links.producedLot", everyItem(is(number)));
        for (long output : List.of(powder, granules, fines)) {
            food.data.planner().queryParam("lot", number).get("/api/mes/genealogy/items/" + output + "/lots/components")
                    .then().statusCode(200).body("links.consumedLot", hasItem("CC-1"))
                    .body("links.consumedItemId", hasItems((int) cocoa, (int) sugar))
                    .body("links.workOrderNumber", everyItem(is(number)));
        }
    }

    /** The stored report of a client id: its status and whether it took stock negative. */
    private List<Object> reportRow(Map<String, Object> report) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select status, negative_stock from mes_report where tenant_id = ? and client_id = ?")) {
            s.setString(1, plant.enterprise.code);
            s.setString(2, (String) report.get("clientId"));
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new AssertionError("no report " + report.get("clientId"));
                }
                List<Object> row = List.of(r.getInt(1), r.getBoolean(2));
                assertEquals(false, r.next(), "one row per client id");
                return row;
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
