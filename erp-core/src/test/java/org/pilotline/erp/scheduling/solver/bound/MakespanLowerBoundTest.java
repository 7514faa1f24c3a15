package org.pilotline.erp.scheduling.solver.bound;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.scheduling.benchmark.BenchmarkInstance;
import org.pilotline.erp.scheduling.benchmark.InstanceReader;
import org.pilotline.erp.scheduling.solver.internal.ProblemIndex;
import org.pilotline.erp.scheduling.solver.internal.Solution;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.schedule.ScheduleVerifier;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MakespanLowerBoundTest {

    @Test
    void theOneMachineRelaxationsRaiseFt10sBoundFarAboveTheLongestJobAndBusiestMachineButNotAboveItsOptimum() {
        ProblemIndex ft10 = index("ft10.txt");

        long bound = MakespanLowerBound.of(ft10, ft10.makespanLowerBound(), 1_000);

        assertEquals(655, ft10.makespanLowerBound());
        assertTrue(bound >= 800 && bound <= 930, "bound " + bound);
    }

    @Test
    void theBoundMeetsTheOptimumOfLa01La02La03AndLa05() {
        assertEquals(666, bound("la01.txt", 2_000));
        assertEquals(655, bound("la02.txt", 2_000));
        assertEquals(597, bound("la03.txt", 2_000));
        assertEquals(593, bound("la05.txt", 2_000));
    }

    @Test
    void theBoundNeverExceedsTheMakespanOfAKnownSchedule() {
        ProblemIndex la01 = index("la01.txt");

        assertEquals(666, MakespanLowerBound.of(la01, 0, 666));
        assertEquals(600, MakespanLowerBound.of(la01, 0, 600), "an upper bound below the optimum is taken as given");
    }

    @Test
    void theProofShowsThatFt10HasNoScheduleOf929() {
        ProblemIndex ft10 = index("ft10.txt");

        JobShopProof.Result result = new JobShopProof(ft10).search(929, () -> false, 2_000_000);

        assertEquals(JobShopProof.Outcome.NO_SCHEDULE, result.outcome(), "after " + result.nodes() + " nodes");
    }

    @Test
    void theProofFindsAValidScheduleOfLa04AtItsOptimumAndNoneBelow() {
        ProblemIndex la04 = index("la04.txt");
        JobShopProof proof = new JobShopProof(la04);

        JobShopProof.Result at590 = proof.search(590, () -> false, 2_000_000);
        JobShopProof.Result at589 = proof.search(589, () -> false, 2_000_000);

        assertEquals(JobShopProof.Outcome.FOUND, at590.outcome());
        Solution found = at590.found();
        assertTrue(found.makespan() <= 590, "makespan " + found.makespan());
        assertEquals(List.of(), ScheduleVerifier.verify(la04.problem(), found.toSchedule(la04)));
        assertEquals(JobShopProof.Outcome.NO_SCHEDULE, at589.outcome());
    }

    @Test
    void aProofOutOfNodesIsUndecided() {
        ProblemIndex ft10 = index("ft10.txt");

        JobShopProof.Result result = new JobShopProof(ft10).search(929, () -> false, 10);

        assertEquals(JobShopProof.Outcome.UNDECIDED, result.outcome());
    }

    private static long bound(String instance, long upper) {
        ProblemIndex index = index(instance);
        return MakespanLowerBound.of(index, index.makespanLowerBound(), upper);
    }

    static ProblemIndex index(String instance) {
        try {
            Path file = Path.of(MakespanLowerBoundTest.class.getResource("/scheduling/instances/jssp/" + instance)
                    .toURI());
            BenchmarkInstance read = InstanceReader.read("jssp", file);
            SchedulingProblem problem = read.toProblem();
            return new ProblemIndex(problem);
        } catch (URISyntaxException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
