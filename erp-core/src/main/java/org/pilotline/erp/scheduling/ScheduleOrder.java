package org.pilotline.erp.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.TenantOwned;

import java.time.Instant;

/** A production order as a schedule placed it: its release, due time and weight at the solve, and its completion. */
@Entity
@Table(name = "schedule_order")
public class ScheduleOrder extends TenantOwned {

    @Column(name = "schedule_id", nullable = false)
    public long scheduleId;

    @Column(name = "production_order_id", nullable = false)
    public long productionOrderId;

    @Column(name = "order_number", nullable = false, length = 32)
    public String orderNumber;

    @Column(name = "release_at", nullable = false)
    public Instant releaseAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(nullable = false)
    public long weight;

    @Column(name = "completion_at")
    public Instant completionAt;

    @Column(name = "tardiness_minutes", nullable = false)
    public long tardinessMinutes;
}
