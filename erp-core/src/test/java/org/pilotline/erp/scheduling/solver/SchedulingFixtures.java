package org.pilotline.erp.scheduling.solver;

import org.pilotline.erp.scheduling.benchmark.BenchmarkInstance;
import org.pilotline.erp.scheduling.benchmark.InstanceReader;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.schedule.ScheduleVerifier;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Small helpers shared by the solver tests. */
final class SchedulingFixtures {

    private SchedulingFixtures() {
    }

    /**
     * Solves a small problem; it is proven optimal long before the generous limit (a proof ends the solve, so the limit
     * only matters on a machine crowded by other builds: ft06 once needed more than 20 s at a load average of 15).
     */
    static SolveResult solve(SchedulingProblem problem, Objective objective) {
        return solve(problem, objective, Duration.ofSeconds(90));
    }

    /**
     * With another time limit: the phases' shares of it are amounts of work (reproducible), so a limit far above what
     * the problem needs makes the tabu search run its whole share before the proof — ft06 spent 113 s of a loaded
     * machine's wall clock on a 90 s limit and once ended FEASIBLE, past the safety net.
     */
    static SolveResult solve(SchedulingProblem problem, Objective objective, Duration limit) {
        SolveResult result = new FiniteCapacityScheduler().solve(problem,
                SolverSettings.of(objective).withTimeLimit(limit));
        assertNotNull(result.schedule(), () -> "no schedule: " + result.status() + " " + result.inputProblems());
        assertEquals(SolveStatus.OPTIMAL, result.status());
        assertEquals(java.util.List.of(), ScheduleVerifier.verify(problem, result.schedule()));
        return result;
    }

    /** A public benchmark instance, {@code jssp} or {@code fjsp}, from {@code src/test/resources/scheduling/instances}. */
    static Path instanceFile(String format, String name) {
        try {
            return Path.of(SchedulingFixtures.class.getResource("/scheduling/instances/" + format + "/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static BenchmarkInstance instance(String format, String name) {
        try {
            return InstanceReader.read(format, instanceFile(format, name));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
