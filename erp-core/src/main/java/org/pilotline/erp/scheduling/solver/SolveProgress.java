package org.pilotline.erp.scheduling.solver;

import org.pilotline.erp.scheduling.solver.schedule.Schedule;
import org.pilotline.erp.scheduling.solver.schedule.ScheduleMetrics;

import java.time.Duration;

/**
 * An improved schedule found during a solve.
 *
 * @param schedule  the best schedule so far
 * @param metrics   its makespan, weighted tardiness and job completions
 * @param objective the value of the objective being minimised in the current phase
 * @param bound     the best proven lower bound of that objective so far (equal to it when optimal)
 * @param elapsed   time since the solve started
 * @param foundBy   "dispatch" for the constructive heuristic, "tabu-search" for the critical-path search, "cp-sat" for the constraint solver
 */
public record SolveProgress(Schedule schedule, ScheduleMetrics metrics, long objective, long bound, Duration elapsed,
                            String foundBy) {
}
