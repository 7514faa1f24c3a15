package org.pilotline.erp.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.erp.scheduling.solver.Objective;
import org.pilotline.erp.scheduling.solver.SolveProgress;
import org.pilotline.erp.scheduling.solver.SolveResult;
import org.pilotline.erp.scheduling.solver.SolveStatus;
import org.pilotline.erp.scheduling.solver.schedule.ScheduleMetrics;

import java.time.Instant;

/**
 * What the replica running a solve writes into the database, each in a transaction of its own (the caller names the
 * tenant with {@code TenantContext.callAs}): that it started, its heartbeat and progress with the best schedule so far,
 * and how it ended. Targeted updates, so a concurrent cancel request is never overwritten.
 */
@ApplicationScoped
public class SolveRecorder {

    @Inject
    ScheduleWriter writer;

    /** Marks a queued solve as running here; false when it is no longer queued (cancelled or abandoned meanwhile). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean started(long solveId, String worker) {
        Instant now = Instant.now();
        return ScheduleSolve.update("status = ?1, worker = ?2, startedAt = ?3, heartbeatAt = ?3 where id = ?4 and status = ?5",
                SolveState.RUNNING, worker, now, solveId, SolveState.QUEUED) == 1;
    }

    /**
     * Writes the heartbeat and, when there is a better schedule, the progress and that schedule; answers whether the
     * solve has been asked to stop (or is no longer this replica's to run).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean progress(long solveId, long scheduleId, SchedulingInput input, Objective objective,
                            SolveProgress best, int improvements, long elapsedMs) {
        ScheduleSolve.update("heartbeatAt = ?1, elapsedMs = ?2, improvements = ?3 where id = ?4",
                Instant.now(), elapsedMs, improvements, solveId);
        ScheduleSolve solve = ScheduleSolve.find("id", solveId).firstResult();
        if (solve == null || !solve.status.isActive()) {
            return true;
        }
        if (best != null && solve.status == SolveState.RUNNING) {
            ScheduleSolve.update("objectiveValue = ?1, objectiveBound = ?2, foundBy = ?3, makespanMinutes = ?4,"
                            + " weightedTardiness = ?5 where id = ?6", best.objective(), best.bound(), best.foundBy(),
                    best.metrics().makespan(), best.metrics().totalWeightedTardiness(), solveId);
            writer.write(scheduleId, input, best.schedule(), best.metrics(), objective, solveId);
        }
        return solve.cancelRequested;
    }

    /** Marks a solve that was cancelled before it started. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void cancelledBeforeStart(long solveId) {
        Instant now = Instant.now();
        ScheduleSolve.update("status = ?1, finishedAt = ?2, heartbeatAt = ?2, message = ?3 where id = ?4 and status = ?5",
                SolveState.CANCELLED, now, "cancelled before it started", solveId, SolveState.QUEUED);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finished(long solveId, long scheduleId, SchedulingInput input, Objective objective, SolveResult result,
                         int improvements) {
        ScheduleSolve solve = ScheduleSolve.find("id", solveId).firstResult();
        if (solve == null || solve.status != SolveState.RUNNING) {
            return; // abandoned by another replica's judgement, or its schedule was deleted
        }
        ScheduleMetrics metrics = result.metrics();
        if (result.schedule() != null) {
            writer.write(scheduleId, input, result.schedule(), metrics, objective, solveId);
        }
        Instant now = Instant.now();
        solve.status = result.cancelled() ? SolveState.CANCELLED : SolveState.FINISHED;
        solve.solverStatus = result.status();
        solve.improvements = improvements;
        solve.elapsedMs = result.elapsed().toMillis();
        solve.heartbeatAt = now;
        solve.finishedAt = now;
        solve.objectiveBound = result.objectiveBound();
        if (metrics != null) {
            solve.makespanMinutes = metrics.makespan();
            solve.weightedTardiness = metrics.totalWeightedTardiness();
            solve.objectiveValue = objective == Objective.MAKESPAN ? metrics.makespan() : metrics.totalWeightedTardiness();
        }
        String ending = message(result);
        if (ending != null) {
            solve.message = truncate(solve.message == null ? ending : solve.message + "; " + ending);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(long solveId, String message) {
        Instant now = Instant.now();
        ScheduleSolve.update("status = ?1, finishedAt = ?2, heartbeatAt = ?2, message = ?3 where id = ?4 and status in ?5",
                SolveState.FAILED, now, truncate(message), solveId,
                java.util.List.of(SolveState.QUEUED, SolveState.RUNNING));
    }

    private static String message(SolveResult result) {
        if (result.status() == SolveStatus.INFEASIBLE) {
            return "No schedule satisfies the pins, calendars and routings together; the schedule is unchanged";
        }
        if (result.status() == SolveStatus.NO_SCHEDULE_FOUND) {
            return "No schedule was found within the time limit; the schedule is unchanged";
        }
        if (!result.reproducible()) {
            return "The search was stopped by the clock or a cancel, so another run may differ";
        }
        return null;
    }

    private static String truncate(String message) {
        String text = message == null ? "unexpected error" : message;
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
