package org.pilotline.erp.mrp;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.mrp.engine.input.BomLine;
import org.pilotline.erp.mrp.engine.input.BomVersion;
import org.pilotline.erp.mrp.engine.input.Item;
import org.pilotline.erp.mrp.engine.input.LotSizing;
import org.pilotline.erp.mrp.engine.input.OutputKind;
import org.pilotline.erp.mrp.engine.input.Recipe;
import org.pilotline.erp.mrp.engine.input.RecipeIngredient;
import org.pilotline.erp.mrp.engine.input.RecipeOutput;
import org.pilotline.erp.mrp.engine.plan.Demand;
import org.pilotline.erp.mrp.engine.plan.DemandKind;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;
import org.pilotline.erp.mrp.engine.plan.OrderRef;
import org.pilotline.erp.mrp.engine.plan.OrderType;
import org.pilotline.erp.mrp.engine.plan.PlannedOrder;
import org.pilotline.erp.mrp.engine.plan.RecipeYield;
import org.pilotline.erp.mrp.engine.plan.Supply;
import org.pilotline.erp.mrp.engine.plan.SupplyKind;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.erp.mrp.fixtures.Plants.aPlant;
import static org.pilotline.erp.mrp.fixtures.Plants.assertPlannedOrders;
import static org.pilotline.erp.mrp.fixtures.Plants.day;
import static org.pilotline.erp.mrp.fixtures.Plants.order;
import static org.pilotline.erp.mrp.fixtures.Plants.plan;
import static org.pilotline.erp.mrp.fixtures.Plants.qty;

/**
 * Textbook cases; every expected planned order was worked out by hand on the March 2026 calendar (Monday 2 March is
 * today, weekends off): release = due minus the lead time counted in working days backwards.
 */
class TextbookPlanningTest {

    @Test
    void aMultiLevelBomWithDifferingLeadTimesIsNettedAndOffsetLevelByLevel() {
        // A (make, 2 days) = 2 B + 1 C;  B (make, 3 days) = 3 D;  C (buy, 5 days);  D (buy, 4 days)
        MrpPlan plan = plan(aPlant()
                .item(Item.make("A", 2), Item.make("B", 3), Item.buy("C", 5), Item.buy("D", 4))
                .bom("A", BomLine.of("B", 2), BomLine.of("C", 1))
                .bom("B", BomLine.of("D", 3))
                .salesOrder("SO-1", "A", day("03-20"), 10)
                .salesOrder("SO-2", "A", day("03-25"), 5)
                .stock("A", 3).stock("B", 4).stock("D", 20));

        // A: 10 on Fri 20th less 3 in stock → 7; 5 on Wed 25th. Two days back: Wed 18th, Mon 23rd.
        assertPlannedOrders(plan, "A", order(7, "03-18", "03-20"), order(5, "03-23", "03-25"));
        // B: 2×7 = 14 on the 18th less 4 in stock → 10; 2×5 = 10 on the 23rd. Three days back: Fri 13th, Wed 18th.
        assertPlannedOrders(plan, "B", order(10, "03-13", "03-18"), order(10, "03-18", "03-23"));
        // C: 7 on the 18th, 5 on the 23rd. Five days back: Wed 11th, Mon 16th.
        assertPlannedOrders(plan, "C", order(7, "03-11", "03-18"), order(5, "03-16", "03-23"));
        // D: 3×10 = 30 on the 13th less 20 in stock → 10; 30 on the 18th. Four days back: Mon 9th, Thu 12th.
        assertPlannedOrders(plan, "D", order(10, "03-09", "03-13"), order(30, "03-12", "03-18"));
        assertEquals(OrderType.PRODUCTION, plan.plannedOrdersOf("B").get(0).type());
        assertEquals(OrderType.PURCHASE, plan.plannedOrdersOf("D").get(0).type());
        assertTrue(plan.exceptions().isEmpty(), () -> plan.exceptions().toString());
    }

    private static org.pilotline.erp.mrp.engine.input.PlanningInput.Builder weeklyDemandOf(Item x) {
        return aPlant().item(x)
                .salesOrder("SO-1", "X", day("03-11"), 30)
                .salesOrder("SO-2", "X", day("03-18"), 20)
                .salesOrder("SO-3", "X", day("03-25"), 50)
                .salesOrder("SO-4", "X", day("04-01"), 10);
    }

    @Test
    void lotForLotOrdersExactlyEachDaysNetRequirement() {
        MrpPlan plan = plan(weeklyDemandOf(Item.buy("X", 1)));

        assertPlannedOrders(plan, "X", order(30, "03-10", "03-11"), order(20, "03-17", "03-18"),
                order(50, "03-24", "03-25"), order(10, "03-31", "04-01"));
    }

    @Test
    void fixedQuantityOrdersFullLotsAndCarriesTheRestForward() {
        MrpPlan plan = plan(weeklyDemandOf(Item.buy("X", 1).withLotSizing(LotSizing.fixedQuantity(40))));

        // 30 → 40 (10 left); 20 − 10 → 40 (30 left); 50 − 30 → 40 (20 left); 10 is covered by what is left.
        assertPlannedOrders(plan, "X", order(40, "03-10", "03-11"), order(40, "03-17", "03-18"),
                order(40, "03-24", "03-25"));
    }

    @Test
    void minMaxMultipleRaisesToTheMinimumRoundsToTheMultipleAndSplitsAtTheMaximum() {
        MrpPlan plan = plan(aPlant().item(Item.buy("X", 1).withLotSizing(LotSizing.minMaxMultiple(25, 45, 10)))
                .salesOrder("SO-1", "X", day("03-11"), 30)
                .salesOrder("SO-2", "X", day("03-18"), 20)
                .salesOrder("SO-3", "X", day("03-25"), 100)
                .salesOrder("SO-4", "X", day("04-01"), 10));

        // 30 → 30. 20 → minimum 25 → multiple 30 (10 left). 100 − 10 = 90 → capped at 40 (largest multiple of 10
        // not above 45), 40 again, then 10 → 25 → 30 (20 left). 10 on 1 April is covered by those 20.
        assertPlannedOrders(plan, "X", order(30, "03-10", "03-11"), order(30, "03-17", "03-18"),
                order(40, "03-24", "03-25"), order(40, "03-24", "03-25"), order(30, "03-24", "03-25"));
    }

    @Test
    void periodsOfSupplyCoversTheNetRequirementsOfTheGivenNumberOfWeeks() {
        MrpPlan plan = plan(weeklyDemandOf(Item.buy("X", 1).withLotSizing(LotSizing.periodsOfSupply(2))));

        // Weeks of 9 and 16 March: 30 + 20; weeks of 23 and 30 March: 50 + 10.
        assertPlannedOrders(plan, "X", order(50, "03-10", "03-11"), order(60, "03-24", "03-25"));
    }

    @Test
    void aLeadTimeThatCrossesAHolidayStartsOneWorkingDayEarlierAndNeverOnTheHoliday() {
        MrpPlan plan = plan(aPlant(day("03-17"))
                .item(Item.buy("H", 3))
                .salesOrder("SO-1", "H", day("03-19"), 10)    // Thursday
                .salesOrder("SO-2", "H", day("03-17"), 4)     // the holiday itself
                .salesOrder("SO-3", "H", day("03-20"), 6));   // Friday, 1 day lead time would land on the holiday

        // Due Thu 19th: Wed 18th, (Tue 17th is a holiday) Mon 16th, Fri 13th.
        // Due on the holiday: received the working day before (Mon 16th), released Wed 11th.
        // Due Fri 20th: Thu 19th, Wed 18th, Mon 16th.
        assertPlannedOrders(plan, "H", order(4, "03-11", "03-16"), order(10, "03-13", "03-19"),
                order(6, "03-16", "03-20"));
        for (PlannedOrder o : plan.plannedOrdersOf("H")) {
            assertTrue(!o.releaseDate().equals(day("03-17")) && !o.dueDate().equals(day("03-17")));
        }
    }

    @Test
    void safetyStockIsRestoredAsSoonAsAReplenishmentCanArriveAndKeptAfterwards() {
        MrpPlan plan = plan(aPlant()
                .item(Item.buy("S", 5).withSafetyStock(20))
                .stock("S", 30)
                .salesOrder("SO-1", "S", day("03-04"), 15)
                .salesOrder("SO-2", "S", day("03-18"), 25));

        // 30 − 15 = 15 on the 4th. Safety stock 20 is due on the earliest arrival of an order released today:
        // Mon 2nd + 5 working days = Mon 9th → 5. On the 18th the 25 must come in full to stay at 20.
        assertPlannedOrders(plan, "S", order(5, "03-02", "03-09"), order(25, "03-11", "03-18"));
        assertEquals(0, qty("20").compareTo(plan.projectedOnHand("S", day("03-09"))));
        assertEquals(0, qty("20").compareTo(plan.projectedOnHand("S", day("03-18"))));
    }

    @Test
    void componentScrapRaisesTheDependentDemandAndOrdersRoundUpToTheStockUnitsDecimals() {
        MrpPlan plan = plan(aPlant()
                .item(Item.make("A", 1), Item.buy("B", 2), Item.buy("C", 2).withDecimals(3))
                .bom("A", BomLine.of("B", "2", "0.05"), BomLine.of("C", "0.5", "0.1"))
                .salesOrder("SO-1", "A", day("03-11"), 10)
                .salesOrder("SO-2", "A", day("03-18"), 7));

        assertPlannedOrders(plan, "A", order(10, "03-10", "03-11"), order(7, "03-17", "03-18"));
        // B: 10 × 2 × 1.05 = 21; 7 × 2 × 1.05 = 14.7 → 15 pieces.
        assertPlannedOrders(plan, "B", order(21, "03-06", "03-10"), order(15, "03-13", "03-17"));
        // C (kg): 10 × 0.5 × 1.1 = 5.5; 7 × 0.5 × 1.1 = 3.85.
        assertPlannedOrders(plan, "C", order("5.5", "03-06", "03-10"), order("3.85", "03-13", "03-17"));
        assertEquals(0, qty("14.7").compareTo(plan.demandsOf("B").get(1).quantity()));
    }

    @Test
    void aPhantomIsBlownThroughToItsComponentsAtTheParentsDateWithoutOrdersOfItsOwn() {
        MrpPlan plan = plan(aPlant()
                .item(Item.make("A", 2), Item.make("P", 4).asPhantom(), Item.buy("C", 1), Item.buy("D", 3),
                        Item.buy("E", 3))
                .bom("A", BomLine.of("P", 1), BomLine.of("C", 1))
                .bom("P", BomLine.of("D", 2), BomLine.of("E", 1))
                .stock("P", 5)
                .salesOrder("SO-1", "A", day("03-13"), 10));

        assertPlannedOrders(plan, "A", order(10, "03-11", "03-13"));
        assertPlannedOrders(plan, "P");
        // D and E are needed when A starts (Wed 11th): 20 and 10; the phantom's 5 in stock are not used.
        assertPlannedOrders(plan, "D", order(20, "03-06", "03-11"));
        assertPlannedOrders(plan, "E", order(10, "03-06", "03-11"));
        assertPlannedOrders(plan, "C", order(10, "03-10", "03-11"));
        Demand d = plan.demandsOf("D").get(0);
        assertEquals(OrderRef.planned("A", 1), d.parentOrder());
    }

    @Test
    void theBomVersionIsChosenByThePlannedOrdersReleaseDate() {
        MrpPlan plan = plan(aPlant()
                .item(Item.make("A", 2), Item.buy("B1", 1), Item.buy("B2", 1))
                .bom(BomVersion.between("A", "v1", null, day("03-16"), "R-1", BomLine.of("B1", 1)))
                .bom(BomVersion.between("A", "v2", day("03-16"), null, "R-2", BomLine.of("B2", 1)))
                .salesOrder("SO-1", "A", day("03-13"), 10)   // released Wed 11th → v1
                .salesOrder("SO-2", "A", day("03-18"), 5)    // released Mon 16th, the first day of v2
                .salesOrder("SO-3", "A", day("03-20"), 8));  // released Wed 18th → v2

        List<PlannedOrder> a = plan.plannedOrdersOf("A");
        assertEquals(List.of("v1", "v2", "v2"), a.stream().map(PlannedOrder::formula).toList());
        assertEquals(List.of("R-1", "R-2", "R-2"), a.stream().map(PlannedOrder::routing).toList());
        assertPlannedOrders(plan, "B1", order(10, "03-10", "03-11"));
        assertPlannedOrders(plan, "B2", order(5, "03-13", "03-16"), order(8, "03-17", "03-18"));
    }

    @Test
    void aBomForABaseQuantityOfTheParentDividesItsLineQuantitiesByIt() {
        // 1 B and 2 C (kg) for every 3 A.
        MrpPlan plan = plan(aPlant()
                .item(Item.make("A", 1), Item.buy("B", 1), Item.buy("C", 1).withDecimals(3))
                .bom(new BomVersion("A", "1", null, null, qty("3"), null,
                        List.of(BomLine.of("B", 1), BomLine.of("C", 2))))
                .salesOrder("SO-1", "A", day("03-11"), 10));

        // 10/3 = 3.333334 B (rounded up to the micro-unit) → 4 pieces; 20/3 = 6.666667 kg of C → 6.667 kg (grams).
        assertEquals(0, qty("3.333334").compareTo(plan.demandsOf("B").get(0).quantity()));
        assertPlannedOrders(plan, "B", order(4, "03-09", "03-10"));
        assertPlannedOrders(plan, "C", order("6.667", "03-09", "03-10"));
    }

    @Test
    void aCoProductOfARecipeCountsAsSupplyOfTheCoProductItemAtTheOrdersDueDate() {
        // Recipe: batch 100 kg at 80 % yield = 80 kg of M; per batch 50 kg of ING, 20 kg of CO, 5 kg of WASTE.
        MrpPlan plan = plan(aPlant()
                .item(Item.make("M", 1).withDecimals(3), Item.buy("ING", 2).withDecimals(3),
                        Item.buy("CO", 2).withDecimals(3), Item.buy("WASTE", 1).withDecimals(3))
                .recipe(new Recipe("M", "RCP-1", null, null, "R-M", qty("100"), qty("0.8"),
                        List.of(new RecipeIngredient("ING", qty("50"))),
                        List.of(new RecipeOutput("CO", qty("20"), OutputKind.CO_PRODUCT),
                                new RecipeOutput("WASTE", qty("5"), OutputKind.BY_PRODUCT))))
                .salesOrder("SO-1", "M", day("03-11"), 160)
                .salesOrder("SO-2", "CO", day("03-13"), 50));

        // 160 kg of M = 2 batches: 100 kg of ING when M starts; 40 kg of CO and 10 kg of WASTE when it is done.
        assertPlannedOrders(plan, "M", order(160, "03-10", "03-11"));
        PlannedOrder m = plan.plannedOrdersOf("M").get(0);
        assertTrue(m.recipe());
        assertEquals("RCP-1", m.formula());
        assertEquals(List.of(new RecipeYield("CO", qty("40.000000"), OutputKind.CO_PRODUCT),
                new RecipeYield("WASTE", qty("10.000000"), OutputKind.BY_PRODUCT)), m.outputs());
        assertPlannedOrders(plan, "ING", order(100, "03-06", "03-10"));
        // CO: 50 needed on the 13th, 40 come from M's order on the 11th → 10 to buy.
        assertPlannedOrders(plan, "CO", order(10, "03-11", "03-13"));
        Supply coProduct = plan.suppliesOf("CO").get(0);
        assertEquals(SupplyKind.CO_PRODUCT, coProduct.kind());
        assertEquals(day("03-11"), coProduct.date());
        assertEquals(OrderRef.planned("M", 1), coProduct.order());
        assertPlannedOrders(plan, "WASTE");
        assertTrue(plan.suppliesOf("WASTE").isEmpty());
    }

    @Test
    void aFirmedPlannedOrderIsKeptAsItIsNettedAndExploded() {
        MrpPlan plan = plan(aPlant()
                .item(Item.make("A", 2), Item.buy("B", 1))
                .bom("A", BomLine.of("B", 2))
                .firmedPlannedOrder(new org.pilotline.erp.mrp.engine.input.FirmedPlannedOrder("FPO-1", "A",
                        qty("12"), day("03-18"), day("03-20"), null))
                .salesOrder("SO-1", "A", day("03-20"), 10)
                .salesOrder("SO-2", "A", day("03-27"), 4));

        // The firmed 12 cover the 10 of the 20th and 2 of the 27th; 2 more are planned.
        assertPlannedOrders(plan, "A", order(2, "03-25", "03-27"));
        Demand fromFirmed = plan.demandsOf("B").get(0);
        assertEquals(DemandKind.DEPENDENT, fromFirmed.kind());
        assertEquals(OrderRef.firmed("A", "FPO-1"), fromFirmed.parentOrder());
        assertEquals(0, BigDecimal.valueOf(24).compareTo(fromFirmed.quantity()));
        assertPlannedOrders(plan, "B", order(24, "03-17", "03-18"), order(4, "03-24", "03-25"));
    }
}
