package org.pilotline.erp.mrp;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.mrp.engine.input.BomLine;
import org.pilotline.erp.mrp.engine.input.BomVersion;
import org.pilotline.erp.mrp.engine.input.Item;
import org.pilotline.erp.mrp.engine.plan.DemandKind;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;
import org.pilotline.erp.mrp.engine.plan.OrderRef;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.erp.mrp.fixtures.Plants.aPlant;
import static org.pilotline.erp.mrp.fixtures.Plants.assertPlannedOrders;
import static org.pilotline.erp.mrp.fixtures.Plants.day;
import static org.pilotline.erp.mrp.fixtures.Plants.order;
import static org.pilotline.erp.mrp.fixtures.Plants.plan;

/** Phantoms inside phantoms, phantoms sold on their own, and the edges of the horizon and of stock. */
class PhantomAndBoundaryTest {

    @Test
    void nestedPhantomsAreBlownThroughWithEachPhantomsBomVersionChosenAtTheParentsDate() {
        // A = 2 P1; P1 (phantom) = 3 P2; P2 (phantom) v1 before the 16th = 1 D, v2 from the 16th = 1 E.
        MrpPlan plan = plan(aPlant()
                .item(Item.make("A", 2), Item.make("P1", 0).asPhantom(), Item.make("P2", 0).asPhantom(),
                        Item.buy("D", 1), Item.buy("E", 1))
                .bom("A", BomLine.of("P1", 2))
                .bom("P1", BomLine.of("P2", 3))
                .bom(BomVersion.between("P2", "v1", null, day("03-16"), null, BomLine.of("D", 1)))
                .bom(BomVersion.between("P2", "v2", day("03-16"), null, null, BomLine.of("E", 1)))
                .salesOrder("SO-1", "A", day("03-13"), 10)    // A released Wed 11th
                .salesOrder("SO-2", "A", day("03-20"), 4));   // A released Wed 18th

        assertPlannedOrders(plan, "P1");
        assertPlannedOrders(plan, "P2");
        // 10 A × 2 × 3 = 60 D on the 11th; 4 A × 2 × 3 = 24 E on the 18th.
        assertPlannedOrders(plan, "D", order(60, "03-10", "03-11"));
        assertPlannedOrders(plan, "E", order(24, "03-17", "03-18"));
        assertEquals(OrderRef.planned("A", 2), plan.demandsOf("E").get(0).parentOrder());
    }

    @Test
    void aComponentIsBlownThroughOnAPhantomLineAndPlannedFromItsStockOnAnOrdinaryLine() {
        // S (made, 1 day) = 2 D. A uses S as a phantom, B as an ordinary component; S has 5 in stock.
        MrpPlan plan = plan(aPlant()
                .item(Item.make("A", 2), Item.make("B", 2), Item.make("S", 1), Item.buy("D", 1))
                .bom("A", BomLine.phantom("S", 1))
                .bom("B", BomLine.of("S", 1))
                .bom("S", BomLine.of("D", 2))
                .stock("S", 5)
                .salesOrder("SO-1", "A", day("03-13"), 10)
                .salesOrder("SO-2", "B", day("03-13"), 8));

        // A's 10 S go straight to 20 D when A starts (Wed 11th). B's 8 S: 5 from stock, 3 made (released Tue 10th),
        // which need 6 D on the 10th.
        assertPlannedOrders(plan, "S", order(3, "03-10", "03-11"));
        assertPlannedOrders(plan, "D", order(6, "03-09", "03-10"), order(20, "03-10", "03-11"));
        assertEquals(List.of(OrderRef.planned("S", 1), OrderRef.planned("A", 1)),
                plan.demandsOf("D").stream().map(d -> d.parentOrder()).toList());
    }

    @Test
    void aPhantomSoldOnItsOwnIsPlannedLikeAMadeItemFromItsOwnStock() {
        MrpPlan plan = plan(aPlant()
                .item(Item.make("A", 2), Item.make("P", 1).asPhantom(), Item.buy("D", 1))
                .bom("A", BomLine.of("P", 1))
                .bom("P", BomLine.of("D", 2))
                .stock("P", 5)
                .salesOrder("SO-1", "A", day("03-13"), 10)
                .salesOrder("SO-2", "P", day("03-13"), 8));    // a spare part

        // P's own 8 come 5 from its stock and 3 from a P order (released Thu 12th); A's 10 are blown through.
        assertPlannedOrders(plan, "P", order(3, "03-12", "03-13"));
        assertPlannedOrders(plan, "D", order(20, "03-10", "03-11"), order(6, "03-11", "03-12"));
    }

    @Test
    void negativeStockIsADemandOfToday() {
        MrpPlan plan = plan(aPlant().item(Item.buy("N", 0)).stock("N", -4).salesOrder("SO-1", "N", day("03-04"), 6));

        assertEquals(DemandKind.STOCK_DEFICIT, plan.demandsOf("N").get(0).kind());
        assertPlannedOrders(plan, "N", order(4, "03-02", "03-02"), order(6, "03-04", "03-04"));
    }

    @Test
    void anOverdueReceiptCountsAsArrivingTodayAndDemandAfterTheHorizonIsOutsideThePlan() {
        MrpPlan plan = plan(aPlant().item(Item.buy("X", 1))
                .purchaseOrder("PO-1", "X", day("02-20"), 10)
                .salesOrder("SO-1", "X", day("03-04"), 10)
                .salesOrder("SO-2", "X", day("06-30"), 99));    // the 12-week horizon ends on 24 May

        assertPlannedOrders(plan, "X");
        assertTrue(plan.exceptionsOf("X").isEmpty(), () -> plan.exceptionsOf("X").toString());
        assertEquals(1, plan.demandsOf("X").size());
    }
}
