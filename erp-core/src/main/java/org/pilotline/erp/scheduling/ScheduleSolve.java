package org.pilotline.erp.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.TenantOwned;
import org.pilotline.erp.scheduling.solver.Objective;
import org.pilotline.erp.scheduling.solver.SolveStatus;

import java.time.Instant;

/**
 * One solve run of a schedule. The replica running it writes its progress and heartbeat here; any replica reads it
 * and asks it to stop by setting {@link #cancelRequested}. No {@code @Version}: the worker and a cancelling request
 * each update only their own columns with targeted updates, so neither overwrites the other.
 */
@Entity
@Table(name = "schedule_solve")
public class ScheduleSolve extends TenantOwned {

    @Column(name = "schedule_id", nullable = false)
    public long scheduleId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public SolveState status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Objective objective;

    @Column(name = "time_limit_seconds", nullable = false)
    public int timeLimitSeconds;

    @Column(nullable = false)
    public long seed;

    @Column(name = "operation_count", nullable = false)
    public int operationCount;

    @Column(name = "order_count", nullable = false)
    public int orderCount;

    @Enumerated(EnumType.STRING)
    @Column(name = "solver_status", length = 24)
    public SolveStatus solverStatus;

    @Column(nullable = false)
    public int improvements;

    @Column(name = "objective_value")
    public Long objectiveValue;

    @Column(name = "objective_bound")
    public Long objectiveBound;

    @Column(name = "found_by", length = 32)
    public String foundBy;

    @Column(name = "makespan_minutes")
    public Long makespanMinutes;

    @Column(name = "weighted_tardiness")
    public Long weightedTardiness;

    @Column(name = "elapsed_ms", nullable = false)
    public long elapsedMs;

    @Column(name = "cancel_requested", nullable = false)
    public boolean cancelRequested;

    @Column(length = 100)
    public String worker;

    @Column(name = "heartbeat_at", nullable = false)
    public Instant heartbeatAt;

    @Column(name = "requested_by", length = 100)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(length = 1000)
    public String message;
}
