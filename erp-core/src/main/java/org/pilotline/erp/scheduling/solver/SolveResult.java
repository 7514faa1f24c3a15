package org.pilotline.erp.scheduling.solver;

import org.pilotline.erp.scheduling.solver.schedule.Schedule;
import org.pilotline.erp.scheduling.solver.schedule.ScheduleMetrics;
import org.pilotline.erp.scheduling.solver.validation.InputProblem;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a solve.
 *
 * @param status             how it ended
 * @param schedule           the best schedule, verified; null when none was found
 * @param metrics            its makespan and tardiness; null with the schedule
 * @param objectiveBound     the proven lower bound of the (last phase's) objective
 * @param inputProblems      why the input was refused, when the status is {@link SolveStatus#INVALID_INPUT}
 * @param elapsed            wall-clock time of the whole solve
 * @param firstScheduleAfter when the first schedule (normally the heuristic's) was available; null if never
 * @param cancelled          whether the solve was cancelled
 * @param reproducible       whether the result depends only on input, settings and seed (false when the wall-clock
 *                           safety net or a cancellation stopped a reproducible search, or in FASTEST mode)
 * @param constraintSolverSkipped whether CP-SAT was not run because its model would not fit the time limit (the
 *                           schedule is then the heuristics'); a longer limit lets it run
 */
public record SolveResult(SolveStatus status, Schedule schedule, ScheduleMetrics metrics, long objectiveBound,
                          List<InputProblem> inputProblems, Duration elapsed, Duration firstScheduleAfter,
                          boolean cancelled, boolean reproducible, boolean constraintSolverSkipped) {

    public SolveResult {
        inputProblems = List.copyOf(inputProblems);
    }

    static SolveResult invalid(List<InputProblem> problems, Duration elapsed) {
        return new SolveResult(SolveStatus.INVALID_INPUT, null, null, 0, problems, elapsed, null, false, true, false);
    }

    public Optional<Schedule> bestSchedule() {
        return Optional.ofNullable(schedule);
    }
}
