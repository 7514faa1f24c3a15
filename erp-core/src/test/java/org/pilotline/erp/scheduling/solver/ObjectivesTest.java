package org.pilotline.erp.scheduling.solver;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.Operation;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.schedule.Schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObjectivesTest {

    /** A long routine order listed first, and an urgent, important one that fits before its due date only if first. */
    private static SchedulingProblem routineAndUrgent() {
        return SchedulingProblem.builder()
                .machines("SAW", "WELD")
                .job(Job.builder("ROUTINE").due(1000).weight(1)
                        .operation(Operation.builder("ROUTINE/10").on("SAW", 120))
                        .operation(Operation.builder("ROUTINE/20").on("WELD", 60)))
                .job(Job.builder("URGENT").due(90).weight(10)
                        .operation(Operation.builder("URGENT/10").on("SAW", 30))
                        .operation(Operation.builder("URGENT/20").on("WELD", 50)))
                .build();
    }

    @Test
    void weightedTardinessPutsTheUrgentOrderFirst() {
        SolveResult result = SchedulingFixtures.solve(routineAndUrgent(), Objective.WEIGHTED_TARDINESS);

        Schedule schedule = result.schedule();
        assertTrue(schedule.operation("URGENT/10").orElseThrow().start()
                < schedule.operation("ROUTINE/10").orElseThrow().start());
        assertEquals(0, result.metrics().totalWeightedTardiness());
        assertEquals(0, result.metrics().lateJobCount());
    }

    @Test
    void onOneMachineTheUrgentOrderIsDoneFirstThoughItIsListedLast() {
        SchedulingProblem problem = SchedulingProblem.builder()
                .machines("SAW")
                .job(Job.builder("ROUTINE").due(1000).weight(1).operation(Operation.builder("ROUTINE/10").on("SAW", 120)))
                .job(Job.builder("URGENT").due(30).weight(10).operation(Operation.builder("URGENT/10").on("SAW", 30)))
                .build();

        SolveResult tardiness = SchedulingFixtures.solve(problem, Objective.WEIGHTED_TARDINESS);

        assertEquals(0, tardiness.schedule().operation("URGENT/10").orElseThrow().start());
        assertEquals(150, tardiness.schedule().makespan());
    }

    @Test
    void tardinessThenMakespanKeepsEveryOrderOnTimeAndThenFinishesAsEarlyAsPossible() {
        SolveResult result = SchedulingFixtures.solve(routineAndUrgent(), Objective.TARDINESS_THEN_MAKESPAN);

        assertEquals(0, result.metrics().totalWeightedTardiness());
        // Urgent first on both machines: saw 0–30, 30–150; weld 30–80, 150–210.
        assertEquals(210, result.schedule().makespan());
    }

    @Test
    void makespanFindsTheShortestSchedule() {
        SolveResult result = SchedulingFixtures.solve(routineAndUrgent(), Objective.MAKESPAN);

        assertEquals(210, result.schedule().makespan());
    }
}
