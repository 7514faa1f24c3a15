package org.pilotline.erp.scheduling.solver;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.scheduling.solver.model.ChangeoverTimes;
import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.Machine;
import org.pilotline.erp.scheduling.solver.model.Operation;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.schedule.ScheduledOperation;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingAndSetupTest {

    @Test
    void aTransferBatchLetsTheNextOperationStartBeforeThePreviousOneEnds() {
        SchedulingProblem problem = SchedulingProblem.builder()
                .machines("CUT", "BEND")
                .job(Job.builder("PO-1")
                        .operation(Operation.builder("PO-1/10").on("CUT", 100))
                        .operation(Operation.builder("PO-1/20").on("BEND", 100).transferBatch(25, 100)))
                .build();

        SolveResult result = SchedulingFixtures.solve(problem, Objective.MAKESPAN);

        ScheduledOperation bending = result.schedule().operation("PO-1/20").orElseThrow();
        assertEquals(25, bending.start(), "a quarter of the lot is cut after 25 minutes");
        assertEquals(125, result.schedule().makespan(), "the last quarter arrives at 100 and takes 25 more");
    }

    @Test
    void withoutATransferBatchTheNextOperationWaitsForTheWholeLot() {
        SchedulingProblem problem = SchedulingProblem.builder()
                .machines("CUT", "BEND")
                .job(Job.builder("PO-1")
                        .operation(Operation.builder("PO-1/10").on("CUT", 100))
                        .operation(Operation.builder("PO-1/20").on("BEND", 100)))
                .build();

        assertEquals(200, SchedulingFixtures.solve(problem, Objective.MAKESPAN).schedule().makespan());
    }

    @Test
    void sequenceDependentChangeoversGroupOperationsOfTheSameColour() {
        ChangeoverTimes colours = ChangeoverTimes.uniform(60);
        SchedulingProblem.Builder builder = SchedulingProblem.builder()
                .machine(Machine.alwaysAvailable("PAINT").withChangeovers(colours, "WHITE"));
        String[] colourOfJob = {"BLACK", "WHITE", "BLACK", "WHITE", "BLACK"};
        for (int j = 0; j < colourOfJob.length; j++) {
            builder.job(Job.builder("PO-" + j).operation(Operation.builder("PO-" + j + "/10").on("PAINT", 10)
                    .setupFamily(colourOfJob[j])));
        }

        SolveResult result = SchedulingFixtures.solve(builder.build(), Objective.MAKESPAN);

        // Whites first (the machine is set up for white), one changeover to black: 5 × 10 + 60.
        assertEquals(110, result.schedule().makespan());
        List<ScheduledOperation> painting = result.schedule().byMachine().get("PAINT");
        assertTrue(painting.subList(0, 2).stream().allMatch(operation -> List.of("PO-1/10", "PO-3/10")
                .contains(operation.operationId())));
    }

    @Test
    void anOperationRunsOnTheAlternativeMachineWhenThatFinishesEarlier() {
        SchedulingProblem problem = SchedulingProblem.builder()
                .machines("OLD", "NEW")
                .job(Job.builder("PO-1").operation(Operation.builder("PO-1/10").on("OLD", 50).on("NEW", 30)))
                .job(Job.builder("PO-2").operation(Operation.builder("PO-2/10").on("NEW", 40)))
                .job(Job.builder("PO-3").operation(Operation.builder("PO-3/10").on("OLD", 5, 40).on("NEW", 35)))
                .build();

        SolveResult result = SchedulingFixtures.solve(problem, Objective.MAKESPAN);

        assertEquals(70, result.schedule().makespan());
        assertEquals("OLD", result.schedule().operation("PO-3/10").orElseThrow().machineId());
        assertEquals(5, result.schedule().operation("PO-3/10").orElseThrow().setupMinutes());
    }

    @Test
    void anOperationThatTakesNoTimeOccupiesNoMachine() {
        SchedulingProblem problem = SchedulingProblem.builder()
                .machines("M0", "M1")
                .job(Job.builder("J0")
                        .operation(Operation.builder("J0-0").on("M0", 40))
                        .operation(Operation.builder("J0-1").on("M1", 0))
                        .operation(Operation.builder("J0-2").on("M1", 10)))
                .job(Job.builder("J1").operation(Operation.builder("J1-0").on("M1", 60)))
                .build();

        SolveResult result = SchedulingFixtures.solve(problem, Objective.MAKESPAN);

        assertEquals(70, result.schedule().makespan());
        ScheduledOperation milestone = result.schedule().operation("J0-1").orElseThrow();
        assertEquals(milestone.start(), milestone.end());
    }
}
