package org.pilotline.erp.scheduling.solver;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.scheduling.benchmark.GeneratedInstances;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.schedule.ScheduleVerifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressAndCancellationTest {

    private final SchedulingProblem problem = GeneratedInstances.flexibleJobShop(200, 10, 5).toProblem();

    @Test
    void theListenerReceivesEachImprovedScheduleWithItsObjectiveAndBound() {
        List<SolveProgress> progress = new ArrayList<>();
        SolverSettings settings = SolverSettings.of(Objective.MAKESPAN).withTimeLimit(Duration.ofMillis(500))
                .with(Reproducibility.FASTEST);

        SolveResult result = new FiniteCapacityScheduler().solve(problem, settings, progress::add, new Cancellation());

        assertEquals("dispatch", progress.get(0).foundBy());
        assertTrue(progress.size() > 1, "the tabu search and CP-SAT improve on the dispatch schedule");
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i).metrics().makespan() < progress.get(i - 1).metrics().makespan());
        }
        SolveProgress last = progress.get(progress.size() - 1);
        assertEquals(result.schedule(), last.schedule());
        assertTrue(last.bound() <= last.objective());
        assertEquals(List.of(), ScheduleVerifier.verify(problem, last.schedule()));
    }

    @Test
    void cancellingReturnsTheBestScheduleSoFarLongBeforeTheTimeLimit() {
        Cancellation cancellation = new Cancellation();
        SolverSettings settings = SolverSettings.of(Objective.MAKESPAN).withTimeLimit(Duration.ofSeconds(60))
                .with(Reproducibility.FASTEST);
        ProgressListener cancelOnSecondSchedule = new ProgressListener() {
            private int seen;

            @Override
            public void onImprovedSchedule(SolveProgress progress) {
                if (++seen == 2) {
                    cancellation.cancel();
                }
            }
        };

        SolveResult result = new FiniteCapacityScheduler().solve(problem, settings, cancelOnSecondSchedule,
                cancellation);

        assertTrue(result.cancelled());
        assertFalse(result.reproducible());
        assertEquals(SolveStatus.FEASIBLE, result.status());
        assertTrue(result.elapsed().compareTo(Duration.ofSeconds(30)) < 0);
        assertEquals(List.of(), ScheduleVerifier.verify(problem, result.schedule()));
    }

    @Test
    void aSolveCancelledBeforeItStartsStillReturnsTheDispatchSchedule() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();

        SolveResult result = new FiniteCapacityScheduler().solve(problem, SolverSettings.of(Objective.MAKESPAN),
                ProgressListener.NONE, cancellation);

        assertTrue(result.cancelled());
        assertEquals(List.of(), ScheduleVerifier.verify(problem, result.schedule()));
    }
}
