package org.pilotline.erp.scheduling.solver.heuristic;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.scheduling.benchmark.GeneratedInstances;
import org.pilotline.erp.scheduling.solver.internal.ProblemIndex;
import org.pilotline.erp.scheduling.solver.internal.Solution;
import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.Operation;
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

    @Test
    void operationsWaitingForOtherJobsGetValidSchedulesFromEveryRuleAndFromTheTabuSearch() {
        SchedulingProblem.Builder builder = SchedulingProblem.builder().machines("A", "B");
        for (int j = 0; j < 12; j++) {
            Operation.Builder first = Operation.builder("J" + j + "/10").on(j % 2 == 0 ? "A" : "B", 5 + j);
            if (j > 0) {
                first.after("J" + (j - 1) + "/20");
            }
            if (j % 4 == 3) {
                first.releasedAt(40 * j);
            }
            builder.job(Job.builder("J" + j).operation(first)
                    .operation(Operation.builder("J" + j + "/20").on(j % 2 == 0 ? "B" : "A", 7 + j % 3)));
        }
        SchedulingProblem problem = builder.build();
        ProblemIndex index = new ProblemIndex(problem);

        for (DispatchRule rule : DispatchRule.values()) {
            Solution solution = new DispatchHeuristic(index).schedule(rule);
            assertNotNull(solution, rule.name());
            assertEquals(List.of(), ScheduleVerifier.verify(problem, solution.toSchedule(index)), rule.name());
            Solution improved = new CriticalPathSearch(index, solution, 1, null).improve(200_000, () -> false);
            assertEquals(List.of(), ScheduleVerifier.verify(problem, improved.toSchedule(index)), rule.name());
        }
    }
}
