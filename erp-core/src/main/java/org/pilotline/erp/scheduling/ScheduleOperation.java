package org.pilotline.erp.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.pilotline.erp.scheduling.solver.schedule.BindingChain;
import org.pilotline.platform.tenancy.TenantOwned;

import java.time.Instant;

/**
 * One operation of a production order in a schedule: the machine (work unit) and the time it runs, and whether the
 * planner pinned it there. A row keeps its id across re-solves (matched by order and operation number).
 */
@Entity
@Table(name = "schedule_operation")
public class ScheduleOperation extends TenantOwned {

    @Column(name = "schedule_id", nullable = false)
    public long scheduleId;

    @Column(name = "production_order_id", nullable = false)
    public long productionOrderId;

    @Column(name = "routing_operation_id", nullable = false)
    public long routingOperationId;

    @Column(name = "operation_no", nullable = false)
    public int operationNo;

    @Column(name = "operation_name", nullable = false, length = 200)
    public String operationName;

    @Column(name = "routing_position", nullable = false)
    public int routingPosition;

    @Column(name = "work_center_id", nullable = false)
    public long workCenterId;

    @Column(name = "work_center_code", nullable = false, length = 32)
    public String workCenterCode;

    @Column(name = "work_unit_id", nullable = false)
    public long workUnitId;

    @Column(name = "work_unit_code", nullable = false, length = 32)
    public String workUnitCode;

    @Column(name = "start_at", nullable = false)
    public Instant startAt;

    @Column(name = "end_at", nullable = false)
    public Instant endAt;

    @Column(name = "setup_minutes", nullable = false)
    public long setupMinutes;

    @Column(name = "processing_minutes", nullable = false)
    public long processingMinutes;

    @Column(nullable = false)
    public boolean pinned;

    /** Overlap with the routing predecessor: parts move on in batches of this many (scaled to whole numbers) … */
    @Column(name = "transfer_batch")
    public Long transferBatch;

    /** … out of a lot of this many; both null without overlap. */
    @Column(name = "transfer_lot")
    public Long transferLot;

    /** What held it at the solve ({@code BindingChain.Reason}); null before the first solve that recorded it. */
    @Enumerated(EnumType.STRING)
    @Column(name = "held_by", length = 24)
    public BindingChain.Reason heldBy;

    /** The operation it waited for (routing or machine predecessor, or the one making its material), if any. */
    @Column(name = "held_by_order_id")
    public Long heldByOrderId;

    @Column(name = "held_by_operation_no")
    public Integer heldByOperationNo;

    /** When what held it let it go. */
    @Column(name = "ready_at")
    public Instant readyAt;

    /** The non-working time (or transfer batch) it crossed between being ready and its start; null for none. */
    @Enumerated(EnumType.STRING)
    @Column(length = 24)
    public BindingChain.GapKind gap;

    /** For a window too short for it: where that window ended. */
    @Column(name = "gap_window_end")
    public Instant gapWindowEnd;
}
