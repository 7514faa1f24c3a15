package org.pilotline.erp.scheduling.solver;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.scheduling.benchmark.BenchmarkInstance;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JobShopBenchmarkInstancesTest {

    @Test
    void ft06IsSolvedToItsOptimumOf55AndTheScheduleVerifies() {
        BenchmarkInstance ft06 = SchedulingFixtures.instance("jssp", "ft06.txt");
        SchedulingProblem problem = ft06.toProblem();

        // the solver stops once the optimum is proven (about 4.5 s alone on 2 cores); the limit only bounds a loaded
        // machine, where 10 s once ended with a feasible schedule not yet proven optimal
        SolveResult result = SchedulingFixtures.solve(problem, Objective.MAKESPAN, java.time.Duration.ofSeconds(60));

        assertEquals(55, result.schedule().makespan());
        assertEquals(55, result.objectiveBound());
        assertEquals(36, result.schedule().operations().size());
    }

    @Test
    void mk01WithAlternativeMachinesIsSolvedToItsOptimumOf40() {
        SchedulingProblem problem = SchedulingFixtures.instance("fjsp", "mk01.txt").toProblem();

        SolveResult result = SchedulingFixtures.solve(problem, Objective.MAKESPAN);

        assertEquals(40, result.schedule().makespan());
    }
}
