package org.pilotline.erp.mrp;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pilotline.erp.mrp.engine.MrpEngine;
import org.pilotline.erp.mrp.engine.input.BomLine;
import org.pilotline.erp.mrp.engine.input.Item;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.model.PlanningModel;
import org.pilotline.erp.mrp.engine.plan.Demand;
import org.pilotline.erp.mrp.engine.plan.DemandKind;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;
import org.pilotline.erp.mrp.engine.plan.OrderRef;
import org.pilotline.erp.mrp.engine.plan.Peg;
import org.pilotline.erp.mrp.engine.plan.PeggingNode;
import org.pilotline.erp.mrp.engine.plan.PlannedOrder;
import org.pilotline.erp.mrp.engine.plan.Supply;
import org.pilotline.erp.mrp.engine.plan.SupplyKind;
import org.pilotline.erp.mrp.fixtures.Plants;
import org.pilotline.erp.mrp.generator.PlantGenerator;
import org.pilotline.erp.mrp.generator.PlantProfile;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.erp.mrp.fixtures.Plants.aPlant;
import static org.pilotline.erp.mrp.fixtures.Plants.day;
import static org.pilotline.erp.mrp.fixtures.Plants.plan;
import static org.pilotline.erp.mrp.fixtures.Plants.qty;

/** Pegging both ways: every supply is pegged in full, every demand is served in full, and the tree reaches the top. */
class PeggingTest {

    private static MrpPlan generated;
    private static PlanningInput generatedInput;

    @BeforeAll
    static void planASmallGeneratedPlant() {
        generatedInput = PlantGenerator.generate(PlantProfile.small(7).scaledTo(800, 6));
        generated = new MrpEngine(Plants.parameters()).plan(PlanningModel.compile(generatedInput));
    }

    /** The textbook plant of TextbookPlanningTest's multi-level case. */
    private static MrpPlan multiLevel() {
        return plan(aPlant()
                .item(Item.make("A", 2), Item.make("B", 3), Item.buy("C", 5), Item.buy("D", 4))
                .bom("A", BomLine.of("B", 2), BomLine.of("C", 1))
                .bom("B", BomLine.of("D", 3))
                .salesOrder("SO-1", "A", day("03-20"), 10)
                .salesOrder("SO-2", "A", day("03-25"), 5)
                .stock("A", 3).stock("B", 4).stock("D", 20));
    }

    @Test
    void onAGeneratedPlantThePegsOfEveryPlannedOrderAddUpToItsQuantity() {
        int orders = 0;
        for (Item item : generatedInput.items()) {
            for (PlannedOrder order : generated.plannedOrdersOf(item.code())) {
                BigDecimal pegged = generated.pegsOfOrder(order.id()).stream().map(Peg::quantity)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(0, order.quantity().compareTo(pegged), () -> "pegs of " + order.id());
                orders++;
            }
        }
        assertTrue(orders > 1000, "a generated plant of 800 items plans more than 1,000 orders, not " + orders);
        assertEquals(generated.plannedOrderCount(), generated.plannedOrderStream().count());
    }

    @Test
    void onAGeneratedPlantEverySupplyIsPeggedInFullAndEveryDemandIsServedInFull() {
        for (Item item : generatedInput.items()) {
            List<Peg> pegs = generated.pegsOf(item.code());
            Map<Supply, BigDecimal> bySupply = new HashMap<>();
            Map<Demand, BigDecimal> byDemand = new HashMap<>();
            for (Peg peg : pegs) {
                bySupply.merge(peg.supply(), peg.quantity(), BigDecimal::add);
                if (!peg.isSurplus()) {
                    byDemand.merge(peg.demand(), peg.quantity(), BigDecimal::add);
                }
            }
            for (Supply supply : generated.suppliesOf(item.code())) {
                assertEquals(0, supply.quantity().compareTo(bySupply.getOrDefault(supply, BigDecimal.ZERO)),
                        () -> "pegs of " + supply);
            }
            for (Demand demand : generated.demandsOf(item.code())) {
                assertEquals(0, demand.quantity().compareTo(byDemand.getOrDefault(demand, BigDecimal.ZERO)),
                        () -> "supplies of " + demand);
            }
        }
    }

    @Test
    void aSalesOrderLineListsTheSuppliesServingItStockFirst() {
        List<Peg> supplies = multiLevel().suppliesOfSalesOrderLine("SO-1");

        assertEquals(List.of(SupplyKind.ON_HAND, SupplyKind.PLANNED_ORDER),
                supplies.stream().map(p -> p.supply().kind()).toList());
        assertEquals(0, qty("3").compareTo(supplies.get(0).quantity()));
        assertEquals(0, qty("7").compareTo(supplies.get(1).quantity()));
        assertEquals(OrderRef.planned("A", 1), supplies.get(1).supply().order());
    }

    @Test
    void aComponentOrderIsPeggedUpThroughItsParentsToTheSalesOrderItServes() {
        // D#2 (30) serves B#2's 3 × 10, B#2 serves A#2's 2 × 5, A#2 serves SO-2's 5.
        PeggingNode tree = multiLevel().peggingUp(OrderRef.planned("D", 2));

        List<PeggingNode> leaves = tree.leaves();
        assertEquals(1, leaves.size());
        assertEquals("SO-2", leaves.get(0).demand().reference());
        assertEquals(0, qty("5").compareTo(leaves.get(0).quantity()));
        PeggingNode fromB = tree.children().get(0);
        assertEquals(DemandKind.DEPENDENT, fromB.demand().kind());
        assertEquals(OrderRef.planned("B", 2), fromB.demand().parentOrder());
        assertEquals(0, qty("10").compareTo(fromB.children().get(0).quantity()));
    }

    @Test
    void aComponentOrderServingPartOfADependentDemandPegsItsShareOfTheTopDemand() {
        // D's 30 on the 13th (for B#1) come 20 from stock and 10 from D#1: a third of B#1 (3.333333), which serves
        // 10 of A#1's 14 — so 3.333333 / 14 × 7 = 1.666667 of A#1, all of it for SO-1.
        PeggingNode tree = multiLevel().peggingUp(OrderRef.planned("D", 1));

        List<PeggingNode> leaves = tree.leaves();
        assertEquals(1, leaves.size());
        assertEquals("SO-1", leaves.get(0).demand().reference());
        assertEquals(0, qty("1.666667").compareTo(leaves.get(0).quantity()));
    }

    @Test
    void aSalesOrderIsPeggedDownThroughItsPlannedOrderToTheComponentsSupplies() {
        PeggingNode tree = multiLevel().peggingDown("SO-1", 10);

        // SO-1: 3 from stock, 7 from A#1; A#1 needs 14 B and 7 C; B's 14 come 4 from stock and 10 from B#1;
        // B#1 needs 30 D: 20 from stock, 10 from D#1.
        PeggingNode a1 = tree.children().get(1);
        assertEquals(OrderRef.planned("A", 1), a1.supply().order());
        PeggingNode bDemand = a1.children().stream().filter(n -> n.demand().itemCode().equals("B")).findFirst()
                .orElseThrow();
        assertEquals(0, qty("14").compareTo(bDemand.quantity()));
        PeggingNode b1 = bDemand.children().get(1);
        assertEquals(OrderRef.planned("B", 1), b1.supply().order());
        PeggingNode dDemand = b1.children().get(0);
        assertEquals(List.of(SupplyKind.ON_HAND, SupplyKind.PLANNED_ORDER),
                dDemand.children().stream().map(n -> n.supply().kind()).toList());
        assertEquals(0, qty("10").compareTo(dDemand.children().get(1).quantity()));
    }

    @Test
    void lotSizeSurplusIsPeggedAsSurplusSoThatTheOrderStillAddsUp() {
        MrpPlan plan = plan(aPlant()
                .item(Item.buy("X", 1).withLotSizing(org.pilotline.erp.mrp.engine.input.LotSizing.fixedQuantity(40)))
                .salesOrder("SO-1", "X", day("03-11"), 30));

        List<Peg> pegs = plan.pegsOfOrder(OrderRef.planned("X", 1));
        assertEquals(2, pegs.size());
        assertEquals("SO-1", pegs.get(0).demand().reference());
        assertEquals(0, qty("30").compareTo(pegs.get(0).quantity()));
        assertNull(pegs.get(1).demand());
        assertEquals(0, qty("10").compareTo(pegs.get(1).quantity()));
    }
}
