package org.pilotline.mes.workorder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One step of a work order at a work center (ISA-95 job order segment): copied from the routing at release, placed
 * on a work unit and in time by the live schedule when there is one, and driven through its {@link OperationState}s by
 * the reports of terminals and operators.
 */
@Entity
@Table(name = "mes_operation")
public class Operation extends Versioned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "work_order_id", updatable = false)
    public WorkOrder workOrder;

    @Column(name = "operation_no", nullable = false, updatable = false)
    public int operationNo;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "work_center_id", nullable = false)
    public long workCenterId;

    @Column(name = "work_unit_id")
    public Long workUnitId;

    @Column(name = "setup_minutes", nullable = false, precision = 20, scale = 6)
    public BigDecimal setupMinutes;

    @Column(name = "run_minutes_per_unit", nullable = false, precision = 20, scale = 6)
    public BigDecimal runMinutesPerUnit;

    /** Good pieces after which the next operation may start (overlapping operations); null: when this one finishes. */
    @Column(name = "transfer_quantity", precision = 20, scale = 6)
    public BigDecimal transferQuantity;

    @Column(name = "planned_start")
    public Instant plannedStart;

    @Column(name = "planned_end")
    public Instant plannedEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public OperationState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "paused_from", length = 16)
    public OperationState pausedFrom;

    @Column(name = "pause_reason", length = 32)
    public String pauseReason;

    @Column(name = "good_quantity", nullable = false, precision = 20, scale = 6)
    public BigDecimal goodQuantity = BigDecimal.ZERO;

    @Column(name = "scrap_quantity", nullable = false, precision = 20, scale = 6)
    public BigDecimal scrapQuantity = BigDecimal.ZERO;

    @Column(name = "rework_quantity", nullable = false, precision = 20, scale = 6)
    public BigDecimal reworkQuantity = BigDecimal.ZERO;

    @Column(name = "actual_start")
    public Instant actualStart;

    @Column(name = "actual_end")
    public Instant actualEnd;

    @Column(name = "last_report_at")
    public Instant lastReportAt;

    /**
     * The non-conformance whose held quantity this operation reworks (a disposition of the non-conformance process),
     * or null for an operation of the routing. A rework operation stands beside the routing's sequence: it neither
     * waits for a predecessor nor feeds a successor, and it books no material.
     */
    @Column(name = "rework_of_nonconformance_id", updatable = false)
    public Long reworkOf;

    public boolean isRework() {
        return reworkOf != null;
    }

    /** Good, scrap and rework: every piece this operation has worked on. */
    public BigDecimal processedQuantity() {
        return goodQuantity.add(scrapQuantity).add(reworkQuantity);
    }
}
