package org.pilotline.erp.mrp;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.mrp.engine.input.BomLine;
import org.pilotline.erp.mrp.engine.input.ComponentReservation;
import org.pilotline.erp.mrp.engine.input.Item;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.ReceiptKind;
import org.pilotline.erp.mrp.engine.plan.Conversion;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;
import org.pilotline.erp.mrp.engine.plan.OrderRef;
import org.pilotline.erp.mrp.engine.plan.PlannedOrder;
import org.pilotline.erp.mrp.fixtures.Plants;
import org.pilotline.erp.mrp.generator.PlantGenerator;
import org.pilotline.erp.mrp.generator.PlantProfile;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.erp.mrp.fixtures.Plants.aPlant;
import static org.pilotline.erp.mrp.fixtures.Plants.assertPlannedOrders;
import static org.pilotline.erp.mrp.fixtures.Plants.day;
import static org.pilotline.erp.mrp.fixtures.Plants.order;
import static org.pilotline.erp.mrp.fixtures.Plants.plan;
import static org.pilotline.erp.mrp.fixtures.Plants.qty;

/** Firming and converting planned orders: what goes back into the input, and what the next run then plans. */
class PlannerActionsTest {

    private static PlanningInput.Builder multiLevel() {
        return aPlant()
                .item(Item.make("A", 2), Item.make("B", 3), Item.buy("C", 5), Item.buy("D", 4))
                .bom("A", BomLine.of("B", 2), BomLine.of("C", 1))
                .bom("B", BomLine.of("D", 3))
                .salesOrder("SO-1", "A", day("03-20"), 10)
                .salesOrder("SO-2", "A", day("03-25"), 5)
                .stock("A", 3).stock("B", 4).stock("D", 20);
    }

    @Test
    void aFirmedPlannedOrderReplacesThePlannedOneAndTheComponentsArePlannedAsBefore() {
        MrpPlan before = plan(multiLevel());
        PlannedOrder a1 = before.plannedOrdersOf("A").get(0);

        MrpPlan after = plan(multiLevel().firmedPlannedOrder(a1.firmed("FPO-1")));

        assertPlannedOrders(after, "A", order(5, "03-23", "03-25"));
        for (String item : List.of("B", "C", "D")) {
            assertEquals(before.plannedOrdersOf(item), after.plannedOrdersOf(item), item);
        }
    }

    @Test
    void convertingAPlannedProductionOrderGivesAReceiptAndItsComponentsAsReservations() {
        MrpPlan before = plan(multiLevel());

        Conversion conversion = before.conversionOf(OrderRef.planned("A", 1), "MO-1");

        assertEquals(ReceiptKind.PRODUCTION_ORDER, conversion.receipt().kind());
        assertEquals(day("03-20"), conversion.receipt().dueDate());
        assertEquals(0, qty("7").compareTo(conversion.receipt().quantity()));
        assertEquals(List.of("B 14 2026-03-18", "C 7 2026-03-18"), conversion.reservations().stream()
                .map(r -> r.itemCode() + " " + r.quantity().stripTrailingZeros().toPlainString() + " "
                        + r.requiredDate()).toList());

        PlanningInput.Builder converted = multiLevel().receipt(conversion.receipt());
        conversion.reservations().forEach(converted::reservation);
        MrpPlan after = plan(converted);

        assertPlannedOrders(after, "A", order(5, "03-23", "03-25"));
        for (String item : List.of("B", "C", "D")) {
            assertEquals(before.plannedOrdersOf(item), after.plannedOrdersOf(item), item);
        }
        assertTrue(after.exceptions().isEmpty(), () -> after.exceptions().toString());
    }

    @Test
    void convertingAPlannedPurchaseOrderGivesAPurchaseOrderReceiptAndNothingElse() {
        Conversion conversion = plan(multiLevel()).conversionOf(OrderRef.planned("D", 1), "PO-77");

        assertEquals(ReceiptKind.PURCHASE_ORDER, conversion.receipt().kind());
        assertEquals(List.<ComponentReservation>of(), conversion.reservations());
        MrpPlan after = plan(multiLevel().receipt(conversion.receipt()));
        assertPlannedOrders(after, "D", order(30, "03-12", "03-18"));
    }

    @Test
    void firmingEveryPlannedOrderOfAGeneratedPlantLeavesNothingToPlan() {
        PlanningInput input = PlantGenerator.generate(PlantProfile.small(21).scaledTo(600, 6));
        MrpPlan before = plan(input, Plants.parameters());
        PlanningInput.Builder firmed = PlanningInput.builder(input.horizon(), input.calendar());
        input.items().forEach(firmed::item);
        input.bomVersions().forEach(firmed::bom);
        input.recipes().forEach(firmed::recipe);
        input.salesOrderLines().forEach(firmed::salesOrder);
        input.forecasts().forEach(f -> firmed.forecast(f.itemCode(), f.week(), f.quantity().longValueExact()));
        input.reservations().forEach(firmed::reservation);
        input.stock().forEach(firmed::stock);
        input.scheduledReceipts().forEach(firmed::receipt);
        input.firmedPlannedOrders().forEach(firmed::firmedPlannedOrder);
        int n = 0;
        for (PlannedOrder order : before.plannedOrders()) {
            firmed.firmedPlannedOrder(order.firmed("FIRM-" + n++));
        }

        MrpPlan after = plan(firmed.build(), Plants.parameters());

        assertTrue(n > 500, "the plant plans more than 500 orders, not " + n);
        assertEquals(0, after.plannedOrderCount(), () -> after.plannedOrders().subList(0, 3).toString());
    }
}
