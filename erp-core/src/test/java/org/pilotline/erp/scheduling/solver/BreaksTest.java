package org.pilotline.erp.scheduling.solver;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.scheduling.solver.model.BreakRule;
import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.Machine;
import org.pilotline.erp.scheduling.solver.model.Operation;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.model.TimeWindow;
import org.pilotline.erp.scheduling.solver.model.WorkingCalendar;
import org.pilotline.erp.scheduling.solver.schedule.ScheduledOperation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BreaksTest {

    /** Two shifts a day for three days: 06:00–10:00, break, 10:30–14:00; nights off. */
    private static final WorkingCalendar SHIFTS = WorkingCalendar.of(
            new TimeWindow(360, 600), new TimeWindow(630, 840),
            new TimeWindow(1800, 2040), new TimeWindow(2070, 2280),
            new TimeWindow(3240, 3480), new TimeWindow(3510, 3720));

    private static SchedulingProblem curingLine(BreakRule rule) {
        SchedulingProblem.Builder problem = SchedulingProblem.builder()
                .machine(Machine.withCalendar("OVEN", SHIFTS, rule))
                .machine(Machine.withCalendar("PRESS", SHIFTS, rule));
        for (int j = 0; j < 6; j++) {
            problem.job(Job.builder("PO-" + j)
                    .operation(Operation.builder("PO-" + j + "/10").on("PRESS", 50 + 17 * j))
                    .operation(Operation.builder("PO-" + j + "/20").on("OVEN", 140 - 11 * j)));
        }
        return problem.build();
    }

    @Test
    void anOperationNeverRunsThroughABreakWhereItsWorkCenterForbidsIt() {
        SchedulingProblem problem = curingLine(BreakRule.MUST_FIT_BETWEEN_BREAKS);

        SolveResult result = SchedulingFixtures.solve(problem, Objective.MAKESPAN);

        for (ScheduledOperation operation : result.schedule().operations()) {
            assertTrue(SHIFTS.windows().stream().anyMatch(window -> window.start() <= operation.start()
                            && operation.end() <= window.end()),
                    operation + " must lie inside one working window");
            assertEquals(operation.processingMinutes(), operation.end() - operation.start());
        }
    }

    @Test
    void anOperationSpansTheBreakWhereItsWorkCenterAllowsIt() {
        SchedulingProblem problem = SchedulingProblem.builder()
                .machine(Machine.withCalendar("LATHE", SHIFTS, BreakRule.MAY_SPAN_BREAKS))
                .job(Job.builder("PO-1").release(560).operation(Operation.builder("PO-1/10").on("LATHE", 60)))
                .build();

        ScheduledOperation turning = SchedulingFixtures.solve(problem, Objective.MAKESPAN).schedule()
                .operation("PO-1/10").orElseThrow();

        assertEquals(560, turning.start());
        assertEquals(560 + 60 + 30, turning.end(), "40 minutes before the break, 20 after it");
    }

    @Test
    void theSameOperationWaitsForTheNextWindowWhereItsWorkCenterForbidsSpanning() {
        SchedulingProblem problem = SchedulingProblem.builder()
                .machine(Machine.withCalendar("LATHE", SHIFTS, BreakRule.MUST_FIT_BETWEEN_BREAKS))
                .job(Job.builder("PO-1").release(560).operation(Operation.builder("PO-1/10").on("LATHE", 60)))
                .build();

        ScheduledOperation turning = SchedulingFixtures.solve(problem, Objective.MAKESPAN).schedule()
                .operation("PO-1/10").orElseThrow();

        assertEquals(630, turning.start());
        assertEquals(690, turning.end());
    }

    @Test
    void lettingOperationsSpanBreaksShortensTheScheduleAndItStillVerifies() {
        long spanning = SchedulingFixtures.solve(curingLine(BreakRule.MAY_SPAN_BREAKS), Objective.MAKESPAN)
                .schedule().makespan();
        long fitting = SchedulingFixtures.solve(curingLine(BreakRule.MUST_FIT_BETWEEN_BREAKS), Objective.MAKESPAN)
                .schedule().makespan();

        assertTrue(spanning < fitting, spanning + " should beat " + fitting);
    }
}
