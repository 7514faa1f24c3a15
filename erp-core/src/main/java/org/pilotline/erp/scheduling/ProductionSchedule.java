package org.pilotline.erp.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;
import org.pilotline.erp.scheduling.solver.Objective;

import java.time.Instant;

/**
 * An ISA-95 production schedule: where and when each operation of its orders runs. Each enterprise has at most one
 * live schedule; what-if copies are made from it and solved and changed without touching it.
 */
@Entity
@Table(name = "production_schedule")
public class ProductionSchedule extends Versioned {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ScheduleKind kind;

    /** True for the live schedule, null for copies; a unique key then allows one live schedule per enterprise. */
    @Column(name = "live_marker")
    public Boolean liveMarker;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "source_schedule_id")
    public Long sourceScheduleId;

    /** Minute 0 of the solver's time scale for the last solve. */
    @Column(name = "horizon_start")
    public Instant horizonStart;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    public Objective objective;

    @Column(name = "makespan_minutes")
    public Long makespanMinutes;

    @Column(name = "weighted_tardiness")
    public Long weightedTardiness;

    @Column(name = "late_orders")
    public Integer lateOrders;

    @Column(name = "last_solve_id")
    public Long lastSolveId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public boolean isLive() {
        return kind == ScheduleKind.LIVE;
    }
}
