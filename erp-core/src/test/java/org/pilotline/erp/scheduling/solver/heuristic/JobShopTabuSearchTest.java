package org.pilotline.erp.scheduling.solver.heuristic;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.scheduling.benchmark.InstanceReader;
import org.pilotline.erp.scheduling.solver.internal.ProblemIndex;
import org.pilotline.erp.scheduling.solver.internal.Solution;
import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.Operation;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.schedule.ScheduleVerifier;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobShopTabuSearchTest {

    /** Well above what ft10's optimum takes with these seeds (about 10 to 60 million). */
    private static final long WORK = 400_000_000L;

    @Test
    void fromTheDispatchScheduleTwoSearchesReachFt10sOptimumOf930AndTheScheduleVerifies() throws Exception {
        ProblemIndex ft10 = index("ft10.txt");
        Solution initial = new DispatchHeuristic(ft10).schedule(DispatchRule.MOST_WORK_REMAINING);

        ParallelTabuSearch.Result result = ParallelTabuSearch.run(ft10, initial, 0, 2, WORK, () -> false, 930, false);

        assertEquals(930, result.best().makespan());
        assertEquals(List.of(), ScheduleVerifier.verify(ft10.problem(), result.best().toSchedule(ft10)));
    }

    @Test
    void theSameSeedAndWorkLimitGiveTheSameSchedule() throws Exception {
        ProblemIndex la21 = index("la21.txt");
        Solution initial = new DispatchHeuristic(la21).schedule(DispatchRule.MOST_WORK_REMAINING);

        Solution first = ParallelTabuSearch.run(la21, initial, 7, 2, 20_000_000L, () -> false, 0, false).best();
        Solution second = ParallelTabuSearch.run(la21, initial, 7, 2, 20_000_000L, () -> false, 0, false).best();

        assertTrue(first.makespan() < initial.makespan());
        assertArrayEquals(first.start(), second.start());
    }

    @Test
    void itStopsAtTheLowerBoundAndNeverReturnsAWorseScheduleThanItsStart() throws Exception {
        ProblemIndex ft10 = index("ft10.txt");
        Solution initial = new DispatchHeuristic(ft10).schedule(DispatchRule.MOST_WORK_REMAINING);
        JobShopTabuSearch search = new JobShopTabuSearch(ft10, initial, 3);

        Solution improved = search.improve(WORK, () -> false, 1_000);

        assertTrue(improved.makespan() <= 1_000, "makespan " + improved.makespan());
        assertTrue(search.work() < WORK, "stopped at the bound, not at the work limit");
        Solution none = new JobShopTabuSearch(ft10, initial, 3).improve(0, () -> false, 0);
        assertEquals(initial.makespan(), none.makespan());
    }

    @Test
    void itServesOnlyClassicJobShops() throws Exception {
        assertTrue(JobShopTabuSearch.appliesTo(index("ft06.txt")));
        SchedulingProblem waiting = SchedulingProblem.builder().machines("A", "B")
                .job(Job.builder("J1").operation(Operation.builder("J1/10").on("A", 5)))
                .job(Job.builder("J2").operation(Operation.builder("J2/10").on("B", 5).after("J1/10")))
                .build();
        assertFalse(JobShopTabuSearch.appliesTo(new ProblemIndex(waiting)), "an operation waits for another job");
    }

    private static ProblemIndex index(String instance) throws Exception {
        Path file = Path.of(JobShopTabuSearchTest.class.getResource("/scheduling/instances/jssp/" + instance).toURI());
        return new ProblemIndex(InstanceReader.read("jssp", file).toProblem());
    }
}
