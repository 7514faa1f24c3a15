package org.pilotline.erp.mrp;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.mrp.engine.MrpEngine;
import org.pilotline.erp.mrp.engine.model.PlanningModel;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;
import org.pilotline.erp.mrp.generator.PlantGenerator;
import org.pilotline.erp.mrp.generator.PlantProfile;
import org.pilotline.erp.mrp.fixtures.Plants;
import org.pilotline.erp.mrp.store.MrpRunner;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-replica plan cache keeps the plans that fit its budget, dropping the least recently used first. */
class MrpPlanCacheTest {

    private static final MrpEngine ENGINE = new MrpEngine(Plants.parameters());

    @Test
    void theLeastRecentlyUsedPlanGoesWhenTheBudgetIsExceededAndTheNewestAlwaysStays() {
        MrpRunner.Planned a = planned(1, 1);
        MrpRunner.Planned b = planned(2, 2);
        MrpRunner.Planned c = planned(3, 3);
        MrpPlanCache cache = new MrpPlanCache();
        cache.budget = weight(a) + weight(b);

        cache.put("A", a);
        cache.put("B", b);
        assertTrue(cache.get("A", 1, 0).isPresent(), "both fit");
        assertTrue(cache.get("B", 2, 0).isPresent());

        cache.get("A", 1, 0); // A is now used more recently than B
        cache.put("C", c);
        assertTrue(cache.get("C", 3, 0).isPresent(), "the newest stays");
        assertFalse(cache.get("B", 2, 0).isPresent(), "the least recently used went");
        assertEquals(weight(a) + weight(c) <= cache.budget, cache.get("A", 1, 0).isPresent(),
                "the more recently used one stays as far as the budget allows");

        cache.budget = 1;
        MrpRunner.Planned d = planned(4, 4);
        cache.put("D", d);
        assertSame(d, cache.get("D", 4, 0).orElseThrow(), "a plan larger than the budget still stays alone");
        assertFalse(cache.get("C", 3, 0).isPresent());
    }

    private static MrpRunner.Planned planned(long runId, long seed) {
        PlanningModel model = PlanningModel.compile(PlantGenerator.generate(PlantProfile.small(seed).scaledTo(300, 5)));
        MrpPlan plan = ENGINE.plan(model);
        return new MrpRunner.Planned(runId, 0, plan, Map.of());
    }

    private static long weight(MrpRunner.Planned planned) {
        return planned.plan().plannedOrderCount() + planned.plan().pegCount();
    }
}
