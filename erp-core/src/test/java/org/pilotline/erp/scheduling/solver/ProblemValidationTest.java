package org.pilotline.erp.scheduling.solver;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.Operation;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.validation.InputProblem;
import org.pilotline.erp.scheduling.solver.validation.ProblemValidator;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemValidationTest {

    @Test
    void anOperationWithNoEligibleMachineIsReportedNamingItAndNothingIsSolved() {
        SchedulingProblem problem = SchedulingProblem.builder()
                .machines("LATHE")
                .job(Job.builder("PO-7")
                        .operation(Operation.builder("PO-7/10").on("LATHE", 30))
                        .operation(Operation.builder("PO-7/20")))
                .build();

        SolveResult result = new FiniteCapacityScheduler().solve(problem, SolverSettings.of(Objective.MAKESPAN));

        assertEquals(SolveStatus.INVALID_INPUT, result.status());
        assertNull(result.schedule());
        InputProblem problemFound = result.inputProblems().get(0);
        assertEquals(InputProblem.Kind.NO_ELIGIBLE_MACHINE, problemFound.kind());
        assertEquals("PO-7", problemFound.jobId());
        assertEquals("PO-7/20", problemFound.operationId());
        assertTrue(problemFound.message().contains("PO-7/20"), problemFound.message());
        assertEquals(1, result.inputProblems().size());
    }

    @Test
    void everyDefectIsReportedAtOnce() {
        SchedulingProblem problem = SchedulingProblem.builder()
                .machines("LATHE")
                .job(Job.builder("PO-1").release(-5)
                        .operation(Operation.builder("A").on("PRESS", 30))
                        .operation(Operation.builder("B").on("LATHE", -3)))
                .job(Job.builder("PO-1").operation(Operation.builder("A").on("LATHE", 10).transferBatch(5, 2)))
                .build();

        List<InputProblem.Kind> kinds = ProblemValidator.validate(problem).stream().map(InputProblem::kind).toList();

        assertEquals(List.of(InputProblem.Kind.NEGATIVE_RELEASE_TIME, InputProblem.Kind.UNKNOWN_MACHINE,
                InputProblem.Kind.NEGATIVE_DURATION, InputProblem.Kind.DUPLICATE_JOB_ID,
                InputProblem.Kind.DUPLICATE_OPERATION_ID, InputProblem.Kind.INVALID_TRANSFER_BATCH), kinds);
    }

    @Test
    void aValidProblemHasNoProblems() {
        SchedulingProblem problem = SchedulingFixtures.instance("fjsp", "mk01.txt").toProblem();

        assertEquals(List.of(), ProblemValidator.validate(problem));
    }
}
