package org.pilotline.erp.mrp.store;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.mrp.engine.MrpEngine;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.model.PlanningModel;
import org.pilotline.erp.mrp.engine.model.PlanningParameters;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;
import org.pilotline.erp.mrp.generator.PlantGenerator;
import org.pilotline.erp.mrp.generator.PlantProfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputCodecTest {

    @Test
    void aStoredInputComesBackAsTheSameRecordsAndPlansTheSamePegs() {
        PlanningInput input = PlantGenerator.generate(PlantProfile.small(7));
        byte[] stored = InputCodec.encode(input);
        PlanningInput back = InputCodec.decode(stored);

        assertEquals(input, back);
        MrpEngine engine = new MrpEngine(PlanningParameters.defaults().withThreads(1));
        MrpPlan original = engine.plan(PlanningModel.compile(input));
        MrpPlan recreated = engine.plan(PlanningModel.compile(back));
        assertEquals(original.plannedOrders(), recreated.plannedOrders());
        assertEquals(original.pegCount(), recreated.pegCount());
        String item = original.plannedOrders().get(0).itemCode();
        assertEquals(original.pegsOf(item), recreated.pegsOf(item));
        assertTrue(stored.length < 200_000, "compact: " + stored.length + " bytes");
    }
}
