package org.pilotline.erp.scheduling.solver;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.scheduling.solver.model.BreakRule;
import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.Machine;
import org.pilotline.erp.scheduling.solver.model.Operation;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.model.TimeWindow;
import org.pilotline.erp.scheduling.solver.model.WorkingCalendar;
import org.pilotline.erp.scheduling.solver.schedule.BindingChain;
import org.pilotline.erp.scheduling.solver.schedule.BindingChain.Gap;
import org.pilotline.erp.scheduling.solver.schedule.BindingChain.GapKind;
import org.pilotline.erp.scheduling.solver.schedule.BindingChain.Link;
import org.pilotline.erp.scheduling.solver.schedule.BindingChain.Reason;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LateOrderExplanationTest {

    /**
     * Two shifts a day, two days: 06:00–10:00, break, 10:30–18:00, break, 18:30–22:00; nights off. Operations on
     * it may not be interrupted.
     */
    private static final WorkingCalendar TWO_SHIFTS = WorkingCalendar.of(
            new TimeWindow(360, 600), new TimeWindow(630, 1080), new TimeWindow(1110, 1320),
            new TimeWindow(1800, 2040), new TimeWindow(2070, 2520), new TimeWindow(2550, 2760));

    @Test
    void aLateOrderIsExplainedByTheChainOfOperationsAndMachinesThatBindsIt() {
        SchedulingProblem problem = SchedulingProblem.builder()
                .machines("SAW", "WELD")
                .job(Job.builder("BIG").operation(Operation.builder("BIG/10").on("SAW", 100).pinnedAt("SAW", 0)))
                .job(Job.builder("SMALL").due(50)
                        .operation(Operation.builder("SMALL/10").on("SAW", 30))
                        .operation(Operation.builder("SMALL/20").on("WELD", 20)))
                .build();
        SolveResult result = SchedulingFixtures.solve(problem, Objective.WEIGHTED_TARDINESS);

        List<Link> chain = BindingChain.of(problem, result.schedule(), "SMALL");

        assertTrue(result.metrics().totalWeightedTardiness() > 0, "SMALL is late");
        assertEquals(List.of(
                new Link("BIG/10", "SAW", 0, 100, Reason.PINNED, null, 0, null),
                new Link("SMALL/10", "SAW", 100, 130, Reason.MACHINE_PREDECESSOR, "BIG/10", 100, null),
                new Link("SMALL/20", "WELD", 130, 150, Reason.ROUTING_PREDECESSOR, "SMALL/10", 130, null)), chain);
    }

    @Test
    void theChainFollowsEachOperationAcrossNightsBreaksAndWindowsTooShortForIt() {
        SchedulingProblem problem = SchedulingProblem.builder()
                .machine(Machine.withCalendar("CUT", TWO_SHIFTS, BreakRule.MUST_FIT_BETWEEN_BREAKS))
                .machine(Machine.withCalendar("ASSEMBLY", TWO_SHIFTS, BreakRule.MUST_FIT_BETWEEN_BREAKS))
                .job(Job.builder("SUB").operation(Operation.builder("SUB/10").on("CUT", 230)))
                .job(Job.builder("FG").due(1320)
                        .operation(Operation.builder("FG/10").on("CUT", 200).after("SUB/10"))
                        .operation(Operation.builder("FG/20").on("ASSEMBLY", 300)))
                .build();
        SolveResult result = SchedulingFixtures.solve(problem, Objective.MAKESPAN);

        List<Link> chain = BindingChain.of(problem, result.schedule(), "FG");

        assertEquals(List.of(
                // released at midnight, the saw starts with the first shift
                new Link("SUB/10", "CUT", 360, 590, Reason.RELEASE, null, 0,
                        new Gap(GapKind.OUTSIDE_WORKING_TIME, 0, null, 360)),
                // ready at 09:50 when the sub-assembly is cut, but 200 minutes do not fit before the break at 10:00
                new Link("FG/10", "CUT", 630, 830, Reason.MATERIAL, "SUB/10", 590,
                        new Gap(GapKind.TOO_SHORT_BEFORE_BREAK, 590, 600L, 630)),
                // ready at 13:50; 300 minutes fit neither before 18:00, nor in the evening, nor before tomorrow's break
                new Link("FG/20", "ASSEMBLY", 2070, 2370, Reason.ROUTING_PREDECESSOR, "FG/10", 830,
                        new Gap(GapKind.TOO_SHORT_BEFORE_BREAK, 830, 1080L, 2070))), chain);
    }
}
