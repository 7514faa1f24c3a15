package org.pilotline.erp.mrp;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.mrp.engine.input.Item;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;
import org.pilotline.erp.mrp.store.MrpRunner;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.erp.mrp.fixtures.Plants.TODAY;
import static org.pilotline.erp.mrp.fixtures.Plants.aPlant;
import static org.pilotline.erp.mrp.fixtures.Plants.plan;

/**
 * The per-replica plan cache keeps the plans that fit its budget, dropping the least recently used first. A plan
 * weighs its planned orders plus its pegs; the plans here are sized by hand: {@code n} sales order lines of one
 * bought item, lot for lot and without stock, make {@code n} planned orders, each pegged whole to its line — a weight
 * of 2 × {@code n}.
 */
class MrpPlanCacheTest {

    @Test
    void theLeastRecentlyUsedPlanGoesWhenTheBudgetIsExceededAndTheNewestAlwaysStays() {
        MrpRunner.Planned a = planned(1, 1); // weighs 2
        MrpRunner.Planned b = planned(2, 2); // weighs 4
        MrpRunner.Planned c = planned(3, 3); // weighs 6
        MrpPlanCache cache = new MrpPlanCache();
        cache.budget = 8;

        cache.put("A", a);
        cache.put("B", b);
        assertTrue(cache.get("A", 1, 0).isPresent(), "both fit: 2 + 4 ≤ 8");
        assertTrue(cache.get("B", 2, 0).isPresent());

        cache.get("A", 1, 0); // A is now used more recently than B
        cache.put("C", c);    // 2 + 4 + 6 > 8: B, the least recently used, goes; 2 + 6 ≤ 8
        assertTrue(cache.get("C", 3, 0).isPresent(), "the newest stays");
        assertFalse(cache.get("B", 2, 0).isPresent(), "the least recently used went");
        assertTrue(cache.get("A", 1, 0).isPresent(), "the more recently used one stays as far as the budget allows");

        cache.budget = 1;
        MrpRunner.Planned d = planned(4, 1);
        cache.put("D", d);
        assertSame(d, cache.get("D", 4, 0).orElseThrow(), "a plan larger than the budget still stays alone");
        assertFalse(cache.get("C", 3, 0).isPresent());
        assertFalse(cache.get("A", 1, 0).isPresent());
    }

    /** A run's plan of {@code salesOrderLines} lines of 10 of one bought item, each due on its own Monday. */
    private static MrpRunner.Planned planned(long runId, int salesOrderLines) {
        PlanningInput.Builder plant = aPlant().item(Item.buy("X", 1));
        for (int line = 1; line <= salesOrderLines; line++) {
            plant.salesOrder("SO-" + line, "X", TODAY.plusWeeks(line), 10);
        }
        MrpPlan plan = plan(plant);
        // the premise of the weights above: one planned order per line, each pegged whole to it
        assertEquals(salesOrderLines, plan.plannedOrderCount());
        assertEquals(salesOrderLines, plan.pegCount());
        return new MrpRunner.Planned(runId, 0, plan, Map.of());
    }
}
