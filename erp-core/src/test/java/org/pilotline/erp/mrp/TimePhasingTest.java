package org.pilotline.erp.mrp;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.mrp.engine.input.BomLine;
import org.pilotline.erp.mrp.engine.input.Item;
import org.pilotline.erp.mrp.engine.input.LotSizing;
import org.pilotline.erp.mrp.engine.input.PlanningHorizon;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.WorkingCalendar;
import org.pilotline.erp.mrp.engine.plan.BucketRow;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;

import java.time.DayOfWeek;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotline.erp.mrp.fixtures.Plants.TODAY;
import static org.pilotline.erp.mrp.fixtures.Plants.aPlant;
import static org.pilotline.erp.mrp.fixtures.Plants.assertPlannedOrders;
import static org.pilotline.erp.mrp.fixtures.Plants.day;
import static org.pilotline.erp.mrp.fixtures.Plants.order;
import static org.pilotline.erp.mrp.fixtures.Plants.plan;

/** Weekly buckets: the time-phased record, and weeks that start on the configured day. */
class TimePhasingTest {

    private static String row(BucketRow r) {
        return r.weekStart() + " gross " + plain(r.grossRequirements()) + " scheduled " + plain(r.scheduledReceipts())
                + " planned " + plain(r.plannedReceipts()) + " on hand " + plain(r.projectedOnHand()) + " releases "
                + plain(r.plannedReleases());
    }

    private static String plain(java.math.BigDecimal q) {
        return q.stripTrailingZeros().toPlainString();
    }

    @Test
    void theWeeklyRecordShowsGrossRequirementsReceiptsProjectedOnHandAndReleases() {
        MrpPlan plan = plan(aPlant().item(Item.make("A", 2), Item.buy("B", 1))
                .bom("A", BomLine.of("B", 1))
                .stock("A", 3)
                .purchaseOrder("PO-1", "A", day("03-06"), 4)
                .salesOrder("SO-1", "A", day("03-20"), 10)
                .salesOrder("SO-2", "A", day("03-25"), 5));

        List<String> weeks = plan.bucketsOf("A").subList(0, 4).stream().map(TimePhasingTest::row).toList();

        // PO-1, due on the 6th but first needed on the 20th, gets a DEFER message; the record shows it where it is due.
        assertEquals(List.of(
                "2026-03-02 gross 0 scheduled 4 planned 0 on hand 7 releases 0",
                "2026-03-09 gross 0 scheduled 0 planned 0 on hand 7 releases 0",
                "2026-03-16 gross 10 scheduled 0 planned 3 on hand 0 releases 3",
                "2026-03-23 gross 5 scheduled 0 planned 5 on hand 0 releases 5"), weeks);
        assertEquals(12, plan.bucketsOf("A").size());
    }

    @Test
    void periodsOfSupplyGroupTheWeeksThatStartOnTheConfiguredDay() {
        Item x = Item.buy("X", 1).withLotSizing(LotSizing.periodsOfSupply(1));
        PlanningInput.Builder mondayWeeks = aPlant().item(x)
                .salesOrder("SO-1", "X", day("03-09"), 10).salesOrder("SO-2", "X", day("03-11"), 5);
        PlanningInput.Builder wednesdayWeeks = PlanningInput.builder(
                        new PlanningHorizon(TODAY, 12, DayOfWeek.WEDNESDAY), WorkingCalendar.mondayToFriday())
                .item(x).salesOrder("SO-1", "X", day("03-09"), 10).salesOrder("SO-2", "X", day("03-11"), 5);

        // Monday 9th and Wednesday 11th share a Monday week, but not a Wednesday week.
        assertPlannedOrders(plan(mondayWeeks), "X", order(15, "03-06", "03-09"));
        assertPlannedOrders(plan(wednesdayWeeks), "X", order(10, "03-06", "03-09"), order(5, "03-10", "03-11"));
    }
}
