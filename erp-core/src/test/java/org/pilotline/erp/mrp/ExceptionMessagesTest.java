package org.pilotline.erp.mrp;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.mrp.engine.input.BomLine;
import org.pilotline.erp.mrp.engine.input.BomVersion;
import org.pilotline.erp.mrp.engine.input.FirmedPlannedOrder;
import org.pilotline.erp.mrp.engine.input.Item;
import org.pilotline.erp.mrp.engine.plan.ExceptionKind;
import org.pilotline.erp.mrp.engine.plan.ExceptionMessage;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.erp.mrp.fixtures.Plants.aPlant;
import static org.pilotline.erp.mrp.fixtures.Plants.assertPlannedOrders;
import static org.pilotline.erp.mrp.fixtures.Plants.day;
import static org.pilotline.erp.mrp.fixtures.Plants.order;
import static org.pilotline.erp.mrp.fixtures.Plants.plan;
import static org.pilotline.erp.mrp.fixtures.Plants.qty;

/** Exception messages, with the default parameters: 14 days to expedite, 7 days of tolerance before DEFER. */
class ExceptionMessagesTest {

    private static ExceptionMessage only(MrpPlan plan, String item) {
        List<ExceptionMessage> messages = plan.exceptionsOf(item);
        assertEquals(1, messages.size(), messages::toString);
        return messages.get(0);
    }

    @Test
    void anOrderThatShouldHaveBeenReleasedBeforeTodayIsReportedWithTodayAsTheDateToReleaseBy() {
        MrpPlan plan = plan(aPlant().item(Item.buy("X", 5)).salesOrder("SO-1", "X", day("03-04"), 10));

        assertPlannedOrders(plan, "X", order(10, "02-25", "03-04"));
        ExceptionMessage message = only(plan, "X");
        assertEquals(ExceptionKind.RELEASE_IN_PAST, message.kind());
        assertEquals(day("02-25"), message.date());
        assertEquals(day("03-02"), message.suggestedDate());
        assertEquals("X#1", message.reference());
    }

    @Test
    void aPurchaseOrderDueAfterItIsNeededIsExpeditedInsteadOfPlanningANewOrder() {
        MrpPlan plan = plan(aPlant().item(Item.buy("X", 2))
                .salesOrder("SO-1", "X", day("03-11"), 10)
                .purchaseOrder("PO-1", "X", day("03-18"), 20));

        assertPlannedOrders(plan, "X");
        ExceptionMessage message = only(plan, "X");
        assertEquals(ExceptionKind.EXPEDITE, message.kind());
        assertEquals("PO-1", message.reference());
        assertEquals(day("03-18"), message.date());
        assertEquals(day("03-11"), message.suggestedDate());
        assertEquals("Expedite PO-1 of X from 2026-03-18 to 2026-03-11", message.text());
    }

    @Test
    void aReceiptDueLaterThanTheExpediteWindowLeavesTheShortageToANewOrderAndIsCancelled() {
        MrpPlan plan = plan(aPlant().item(Item.buy("X", 2))
                .salesOrder("SO-1", "X", day("03-11"), 10)
                .purchaseOrder("PO-4", "X", day("04-01"), 10));   // 21 days after the need

        assertPlannedOrders(plan, "X", order(10, "03-09", "03-11"));
        ExceptionMessage message = only(plan, "X");
        assertEquals(ExceptionKind.CANCEL, message.kind());
        assertEquals("PO-4", message.reference());
    }

    @Test
    void aReceiptDueWellBeforeItIsNeededIsDeferredToTheDayOfNeed() {
        MrpPlan plan = plan(aPlant().item(Item.buy("X", 2), Item.buy("Y", 2))
                .salesOrder("SO-1", "X", day("03-25"), 20)
                .purchaseOrder("PO-2", "X", day("03-04"), 20)       // 21 days early
                .salesOrder("SO-2", "Y", day("03-25"), 20)
                .purchaseOrder("PO-5", "Y", day("03-20"), 20));     // 5 days early: within tolerance

        ExceptionMessage message = only(plan, "X");
        assertEquals(ExceptionKind.DEFER, message.kind());
        assertEquals(day("03-04"), message.date());
        assertEquals(day("03-25"), message.suggestedDate());
        assertTrue(plan.exceptionsOf("Y").isEmpty());
    }

    @Test
    void aReceiptNothingNeedsIsCancelled() {
        MrpPlan plan = plan(aPlant().item(Item.buy("X", 2)).purchaseOrder("PO-3", "X", day("03-10"), 10));

        ExceptionMessage message = only(plan, "X");
        assertEquals(ExceptionKind.CANCEL, message.kind());
        assertEquals(day("03-10"), message.date());
        assertEquals(0, qty("10").compareTo(message.quantity()));
    }

    @Test
    void safetyStockThatNoOrderCanRestoreInsideTheHorizonIsReportedFromToday() {
        // 100 working days of lead time end after the 12-week horizon: nothing can be planned for safety stock.
        MrpPlan plan = plan(aPlant().item(Item.buy("L", 100).withSafetyStock(50)).stock("L", 20));

        assertPlannedOrders(plan, "L");
        ExceptionMessage message = only(plan, "L");
        assertEquals(ExceptionKind.BELOW_SAFETY_STOCK, message.kind());
        assertEquals(day("03-02"), message.date());
        assertEquals(0, qty("30").compareTo(message.quantity()));
        assertNull(message.suggestedDate());
    }

    @Test
    void dippingBelowSafetyStockBeforeAReplenishmentCanArriveIsReportedWithTheDayItIsRestored() {
        MrpPlan plan = plan(aPlant().item(Item.buy("S", 5).withSafetyStock(20)).stock("S", 30)
                .salesOrder("SO-1", "S", day("03-04"), 15));

        ExceptionMessage message = only(plan, "S");
        assertEquals(ExceptionKind.BELOW_SAFETY_STOCK, message.kind());
        assertEquals(day("03-04"), message.date());
        assertEquals(0, qty("5").compareTo(message.quantity()));
        assertEquals(day("03-09"), message.suggestedDate());
    }

    @Test
    void aMakeItemWithoutAnEffectiveBomPlansTheOrderButExplodesNothingAndSaysSo() {
        MrpPlan plan = plan(aPlant().item(Item.make("N", 1), Item.buy("B", 1))
                .bom(BomVersion.between("N", "v1", day("04-01"), null, null, BomLine.of("B", 1)))
                .salesOrder("SO-1", "N", day("03-11"), 5));

        assertPlannedOrders(plan, "N", order(5, "03-10", "03-11"));
        assertNull(plan.plannedOrdersOf("N").get(0).formula());
        assertPlannedOrders(plan, "B");
        ExceptionMessage message = only(plan, "N");
        assertEquals(ExceptionKind.NO_VALID_FORMULA, message.kind());
        assertEquals(day("03-10"), message.date());
    }

    @Test
    void aFirmedPlannedOrderDueSoonButNotYetReleasedIsReportedAsReleaseInThePast() {
        MrpPlan plan = plan(aPlant().item(Item.buy("F", 3))
                .firmedPlannedOrder(new FirmedPlannedOrder("FPO-9", "F", qty("8"), day("02-26"), day("03-04"), null))
                .salesOrder("SO-1", "F", day("03-04"), 8));

        assertPlannedOrders(plan, "F");
        ExceptionMessage message = only(plan, "F");
        assertEquals(ExceptionKind.RELEASE_IN_PAST, message.kind());
        assertEquals("FPO-9", message.reference());
        assertEquals(day("02-26"), message.date());
    }
}
