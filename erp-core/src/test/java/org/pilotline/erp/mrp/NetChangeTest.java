package org.pilotline.erp.mrp;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.mrp.engine.MrpEngine;
import org.pilotline.erp.mrp.engine.input.BomLine;
import org.pilotline.erp.mrp.engine.input.Item;
import org.pilotline.erp.mrp.engine.input.OutputKind;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.Recipe;
import org.pilotline.erp.mrp.engine.input.RecipeIngredient;
import org.pilotline.erp.mrp.engine.input.RecipeOutput;
import org.pilotline.erp.mrp.engine.input.SalesOrderLine;
import org.pilotline.erp.mrp.engine.model.PlanningModel;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;
import org.pilotline.erp.mrp.fixtures.Plants;
import org.pilotline.erp.mrp.generator.PlantGenerator;
import org.pilotline.erp.mrp.generator.PlantProfile;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.erp.mrp.fixtures.Plants.aPlant;
import static org.pilotline.erp.mrp.fixtures.Plants.assertPlannedOrders;
import static org.pilotline.erp.mrp.fixtures.Plants.day;
import static org.pilotline.erp.mrp.fixtures.Plants.order;
import static org.pilotline.erp.mrp.fixtures.Plants.qty;

/**
 * A net-change re-plan after one sales order line changed gives exactly the plan a regenerative run of the changed
 * model gives, on small generated plants (phantoms, recipes with co-products, BOM versions, firmed orders, every lot
 * size), while re-planning only some of the items.
 */
class NetChangeTest {

    private static final MrpEngine ENGINE = new MrpEngine(Plants.parameters());

    private record Setup(PlanningModel model, MrpPlan plan, SplittableRandom random) {
        SalesOrderLine anyLine() {
            List<SalesOrderLine> lines = model.salesOrderLines();
            return lines.get(random.nextInt(lines.size()));
        }
    }

    private static Setup generated(long seed) {
        PlanningModel model = PlanningModel.compile(PlantGenerator.generate(PlantProfile.small(seed).scaledTo(500, 6)));
        return new Setup(model, ENGINE.plan(model), new SplittableRandom(seed));
    }

    /** Applies a change to three lines of each of two plants, re-plans by net change and compares. */
    private static void assertNetChangeEqualsRegenerative(BiFunction<Setup, SalesOrderLine, PlanningModel> change) {
        for (long seed = 1; seed <= 2; seed++) {
            Setup setup = generated(seed);
            for (int k = 0; k < 3; k++) {
                SalesOrderLine line = setup.anyLine();
                PlanningModel changed = change.apply(setup, line);

                MrpPlan net = ENGINE.replanSalesOrderLine(setup.plan(), changed, line.reference());
                MrpPlan regenerated = ENGINE.plan(changed);

                assertEquals(List.of(), net.itemsDifferingFrom(regenerated),
                        "items planned differently after changing " + line + " (seed " + seed + ")");
                assertEquals(regenerated.plannedOrderCount(), net.plannedOrderCount());
                assertTrue(net.replannedItems() < changed.itemCount(), "a net change re-plans only some items");
            }
        }
    }

    @Test
    void raisingTheQuantityOfALineGivesTheRegenerativePlan() {
        assertNetChangeEqualsRegenerative((setup, line) -> setup.model().withSalesOrderLine(
                line.withQuantity(line.quantity().add(BigDecimal.valueOf(1 + setup.random().nextInt(40))))));
    }

    @Test
    void loweringTheQuantityToZeroGivesTheRegenerativePlan() {
        assertNetChangeEqualsRegenerative((setup, line) -> setup.model().withSalesOrderLine(
                line.withQuantity(BigDecimal.ZERO)));
    }

    @Test
    void movingTheDueDateEarlierOrLaterGivesTheRegenerativePlan() {
        assertNetChangeEqualsRegenerative((setup, line) -> setup.model().withSalesOrderLine(
                line.withDueDate(line.dueDate().plusDays(setup.random().nextInt(-20, 21)))));
    }

    @Test
    void addingALineGivesTheRegenerativePlan() {
        assertNetChangeEqualsRegenerative((setup, line) -> setup.model().withSalesOrderLine(
                new SalesOrderLine(line.reference() + "-NEW", line.itemCode(), line.dueDate().plusDays(3),
                        BigDecimal.valueOf(17))));
    }

    @Test
    void removingALineGivesTheRegenerativePlan() {
        assertNetChangeEqualsRegenerative((setup, line) -> setup.model().withoutSalesOrderLine(line.reference()));
    }

    @Test
    void changingTheItemOfALineReplansBothItemsAndGivesTheRegenerativePlan() {
        assertNetChangeEqualsRegenerative((setup, line) -> {
            SalesOrderLine other = setup.anyLine();
            return setup.model().withSalesOrderLine(new SalesOrderLine(line.reference(), other.itemCode(),
                    line.dueDate(), line.quantity()));
        });
    }

    @Test
    void aChainOfNetChangesStaysEqualToTheRegenerativePlan() {
        Setup setup = generated(11);
        PlanningModel model = setup.model();
        MrpPlan plan = setup.plan();
        for (int k = 0; k < 25; k++) {
            SalesOrderLine line = model.salesOrderLines().get(setup.random().nextInt(model.salesOrderLines().size()));
            model = k % 5 == 4 ? model.withoutSalesOrderLine(line.reference())
                    : model.withSalesOrderLine(line.withQuantity(line.quantity().add(BigDecimal.ONE)));
            plan = ENGINE.replanSalesOrderLine(plan, model, line.reference());
        }

        assertEquals(List.of(), plan.itemsDifferingFrom(ENGINE.plan(model)));
    }

    @Test
    void aChangeOfARecipeProductsOrderReplansItsCoProductAndThePhantomsComponents() {
        PlanningInput input = aPlant()
                .item(Item.make("M", 1).withDecimals(3), Item.make("P", 0).asPhantom(), Item.buy("ING", 2),
                        Item.buy("CO", 2).withDecimals(3), Item.buy("D", 2))
                .recipe(new Recipe("M", "RCP-1", null, null, null, qty("100"), qty("0.8"),
                        List.of(new RecipeIngredient("ING", qty("50")), new RecipeIngredient("P", qty("10"))),
                        List.of(new RecipeOutput("CO", qty("20"), OutputKind.CO_PRODUCT))))
                .bom("P", BomLine.of("D", 2))
                .salesOrder("SO-1", "M", day("03-11"), 160)
                .salesOrder("SO-2", "CO", day("03-13"), 50)
                .build();
        PlanningModel model = PlanningModel.compile(input);
        MrpPlan before = ENGINE.plan(model);
        PlanningModel changed = model.withSalesOrderLine(input.salesOrderLines().get(0).withQuantity(qty("240")));

        MrpPlan after = ENGINE.replanSalesOrderLine(before, changed, "SO-1");

        // 240 kg of M = 3 batches: 60 kg of CO come with it, so CO needs nothing more; P's 30 → D 60.
        assertPlannedOrders(after, "CO");
        assertPlannedOrders(after, "D", order(60, "03-06", "03-10"));
        assertEquals(List.of(), after.itemsDifferingFrom(ENGINE.plan(changed)));
    }

    @Test
    void aModelWithOtherMasterDataIsRefusedForNetChange() {
        Setup setup = generated(5);
        PlanningModel recompiled = PlanningModel.compile(setup.model().input());

        assertThrows(IllegalArgumentException.class,
                () -> ENGINE.replanSalesOrderLine(setup.plan(), recompiled, setup.anyLine().reference()));
    }

    @Test
    void planningWithOneOrTwoThreadsGivesTheSamePlan() {
        PlanningModel model = PlanningModel.compile(PlantGenerator.generate(PlantProfile.small(3).scaledTo(1000, 6)));

        MrpPlan one = new MrpEngine(Plants.parameters().withThreads(1)).plan(model);
        MrpPlan two = new MrpEngine(Plants.parameters().withThreads(2)).plan(model);

        assertEquals(List.of(), one.itemsDifferingFrom(two));
    }
}
