package org.pilotline.erp.scheduling.solver.heuristic;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.scheduling.benchmark.GeneratedInstances;
import org.pilotline.erp.scheduling.solver.internal.ProblemIndex;
import org.pilotline.erp.scheduling.solver.internal.Solution;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.schedule.ScheduleVerifier;

import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class DispatchHeuristicTest {

    @Test
    void fiveThousandOperationsOnFiftyMachinesGetAValidSchedule() {
        SchedulingProblem problem = GeneratedInstances.flexibleJobShop(5000, 50, 1).toProblem();
        ProblemIndex index = new ProblemIndex(problem);

        Solution solution = new DispatchHeuristic(index).schedule(DispatchRule.MOST_WORK_REMAINING);

        assertNotNull(solution);
        assertEquals(List.of(), ScheduleVerifier.verify(problem, solution.toSchedule(index)));
    }

    @Test
    void aShopFloorWithShiftsBreaksChangeoversAndTransferBatchesGetsAValidSchedule() {
        SchedulingProblem problem = GeneratedInstances.shopFloor(2000, 20, 2);
        ProblemIndex index = new ProblemIndex(problem);

        Solution solution = new DispatchHeuristic(index).bestOf(DispatchRule.forTardiness(),
                Comparator.comparingLong(candidate -> candidate.weightedTardiness(index)));

        assertNotNull(solution);
        assertEquals(List.of(), ScheduleVerifier.verify(problem, solution.toSchedule(index)));
    }
}
