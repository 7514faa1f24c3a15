package org.pilotline.erp.scheduling.solver;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.Operation;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.schedule.ScheduledOperation;
import org.pilotline.erp.scheduling.solver.validation.InputProblem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PinnedOperationsTest {

    private static SchedulingProblem withPins(boolean pinned) {
        Operation.Builder drilling = Operation.builder("PO-2/20").on("DRILL", 30).on("MILL", 90);
        Operation.Builder started = Operation.builder("PO-3/10").on("MILL", 40);
        if (pinned) {
            // The planner moves drilling to the slow mill at 100; turning of PO-3 has started at 5.
            drilling.pinnedAt("MILL", 100);
            started.pinnedAt("MILL", 5);
        }
        return SchedulingProblem.builder()
                .machines("DRILL", "MILL")
                .job(Job.builder("PO-1")
                        .operation(Operation.builder("PO-1/10").on("MILL", 20))
                        .operation(Operation.builder("PO-1/20").on("DRILL", 25)))
                .job(Job.builder("PO-2")
                        .operation(Operation.builder("PO-2/10").on("MILL", 15))
                        .operation(drilling))
                .job(Job.builder("PO-3")
                        .operation(started)
                        .operation(Operation.builder("PO-3/20").on("DRILL", 10).on("MILL", 10)))
                .build();
    }

    @Test
    void pinnedOperationsStayWhereTheyWerePinnedAndTheRestIsPlannedAroundThem() {
        SolveResult free = SchedulingFixtures.solve(withPins(false), Objective.MAKESPAN);
        SolveResult result = SchedulingFixtures.solve(withPins(true), Objective.MAKESPAN);

        ScheduledOperation drilling = result.schedule().operation("PO-2/20").orElseThrow();
        ScheduledOperation started = result.schedule().operation("PO-3/10").orElseThrow();
        assertEquals("MILL", drilling.machineId());
        assertEquals(100, drilling.start());
        assertTrue(drilling.pinned());
        assertEquals("MILL", started.machineId());
        assertEquals(5, started.start());
        assertTrue(result.schedule().makespan() > free.schedule().makespan(), "the pins cost time");
    }

    @Test
    void aPinOnAMachineTheOperationCannotUseIsRefusedNamingTheOperation() {
        SchedulingProblem problem = SchedulingProblem.builder()
                .machines("DRILL", "MILL")
                .job(Job.builder("PO-1").operation(Operation.builder("PO-1/10").on("DRILL", 20).pinnedAt("MILL", 0)))
                .build();

        SolveResult result = new FiniteCapacityScheduler().solve(problem, SolverSettings.of(Objective.MAKESPAN));

        assertEquals(SolveStatus.INVALID_INPUT, result.status());
        assertEquals(InputProblem.Kind.PIN_ON_INELIGIBLE_MACHINE, result.inputProblems().get(0).kind());
        assertEquals("PO-1/10", result.inputProblems().get(0).operationId());
    }

    @Test
    void overlappingPinsAreRefused() {
        SchedulingProblem problem = SchedulingProblem.builder()
                .machines("MILL")
                .job(Job.builder("PO-1").operation(Operation.builder("PO-1/10").on("MILL", 20).pinnedAt("MILL", 0)))
                .job(Job.builder("PO-2").operation(Operation.builder("PO-2/10").on("MILL", 20).pinnedAt("MILL", 10)))
                .build();

        SolveResult result = new FiniteCapacityScheduler().solve(problem, SolverSettings.of(Objective.MAKESPAN));

        assertEquals(SolveStatus.INVALID_INPUT, result.status());
        assertEquals(InputProblem.Kind.PINS_OVERLAP, result.inputProblems().get(0).kind());
    }
}
