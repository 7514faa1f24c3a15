package org.pilotline.erp.scheduling.solver;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.Operation;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.schedule.BindingChain;
import org.pilotline.erp.scheduling.solver.schedule.BindingChain.Link;
import org.pilotline.erp.scheduling.solver.schedule.BindingChain.Reason;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LateOrderExplanationTest {

    @Test
    void aLateOrderIsExplainedByTheChainOfOperationsAndMachinesThatBindsIt() {
        SchedulingProblem problem = SchedulingProblem.builder()
                .machines("SAW", "WELD")
                .job(Job.builder("BIG").operation(Operation.builder("BIG/10").on("SAW", 100).pinnedAt("SAW", 0)))
                .job(Job.builder("SMALL").due(50)
                        .operation(Operation.builder("SMALL/10").on("SAW", 30))
                        .operation(Operation.builder("SMALL/20").on("WELD", 20)))
                .build();
        SolveResult result = SchedulingFixtures.solve(problem, Objective.WEIGHTED_TARDINESS);

        List<Link> chain = BindingChain.of(problem, result.schedule(), "SMALL");

        assertTrue(result.metrics().totalWeightedTardiness() > 0, "SMALL is late");
        assertEquals(List.of(
                new Link("BIG/10", "SAW", 0, 100, Reason.PINNED),
                new Link("SMALL/10", "SAW", 100, 130, Reason.MACHINE_PREDECESSOR),
                new Link("SMALL/20", "WELD", 130, 150, Reason.ROUTING_PREDECESSOR)), chain);
    }
}
