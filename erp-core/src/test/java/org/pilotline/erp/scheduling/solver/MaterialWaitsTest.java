package org.pilotline.erp.scheduling.solver;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.Operation;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.schedule.Schedule;
import org.pilotline.erp.scheduling.solver.schedule.ScheduledOperation;
import org.pilotline.erp.scheduling.solver.validation.InputProblem;
import org.pilotline.erp.scheduling.solver.validation.ProblemValidator;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An operation that consumes what another job makes, or a bought part still to arrive, waits for it. */
class MaterialWaitsTest {

    /** A sub-assembly (saw, then weld) whose weld the finished good's assembly consumes; the assembly alone is short. */
    private static SchedulingProblem subAssemblyAndFinishedGood(Operation.Builder assembly) {
        return SchedulingProblem.builder()
                .machines("SAW", "WELD", "ASSEMBLY")
                .job(Job.builder("SUB")
                        .operation(Operation.builder("SUB/10").on("SAW", 40))
                        .operation(Operation.builder("SUB/20").on("WELD", 30)))
                .job(Job.builder("FG").due(20).weight(10)
                        .operation(assembly.on("ASSEMBLY", 20)))
                .build();
    }

    @Test
    void anOperationConsumingAComponentStartsOnlyAfterTheOrderMakingItEnds() {
        SchedulingProblem problem = subAssemblyAndFinishedGood(Operation.builder("FG/10").after("SUB/20"));

        for (Objective objective : Objective.values()) {
            Schedule schedule = SchedulingFixtures.solve(problem, objective).schedule();
            assertEquals(70, schedule.operation("FG/10").orElseThrow().start(),
                    objective + ": the weld ends at 70, however late that makes the finished good");
        }
    }

    @Test
    void aTransferQuantityLetsTheConsumerStartWhenTheFirstBatchIsThrough() {
        SchedulingProblem problem = subAssemblyAndFinishedGood(Operation.builder("FG/10").after("SUB/20", 1, 3));

        Schedule schedule = SchedulingFixtures.solve(problem, Objective.MAKESPAN).schedule();

        ScheduledOperation assembly = schedule.operation("FG/10").orElseThrow();
        // the first batch is through at 50, but a 20-minute assembly started then would run out of parts: the last
        // third arrives at 70 and takes a third of 20 minutes, so it ends at 77 at the earliest and starts at 57
        assertEquals(57, assembly.start());
        assertEquals(77, assembly.end());
    }

    @Test
    void anOperationWhoseBoughtMaterialArrivesLaterStartsWhenItArrives() {
        SchedulingProblem problem = subAssemblyAndFinishedGood(Operation.builder("FG/10").releasedAt(300));

        ScheduledOperation assembly = SchedulingFixtures.solve(problem, Objective.WEIGHTED_TARDINESS).schedule()
                .operation("FG/10").orElseThrow();

        assertEquals(300, assembly.start());
    }

    @Test
    void waitingForAnUnknownOperationOrInACircleIsRefusedNamingTheOperations() {
        SchedulingProblem problem = SchedulingProblem.builder()
                .machines("M")
                .job(Job.builder("A").operation(Operation.builder("A/10").on("M", 5).after("B/10")))
                .job(Job.builder("B").operation(Operation.builder("B/10").on("M", 5).after("A/10")))
                .job(Job.builder("C").operation(Operation.builder("C/10").on("M", 5).after("X/99")))
                .build();

        List<InputProblem> problems = ProblemValidator.validate(problem);

        assertEquals(List.of(InputProblem.Kind.WAITS_IN_A_CIRCLE, InputProblem.Kind.WAITS_IN_A_CIRCLE,
                InputProblem.Kind.UNKNOWN_OPERATION_WAITED_FOR).stream().sorted().toList(),
                problems.stream().map(InputProblem::kind).sorted().toList());
        assertTrue(problems.stream().anyMatch(p -> "C/10".equals(p.operationId()) && p.message().contains("X/99")));
    }
}
