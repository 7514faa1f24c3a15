package org.pilotline.mes.workorder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A released production order on the shop floor (ISA-95 job order): what to make, how much, and what has been made.
 * It refers to erp-core's production order and item by id; its operations are {@link Operation}s.
 */
@Entity
@Table(name = "mes_work_order")
public class WorkOrder extends Versioned {

    @Column(name = "production_order_id", nullable = false, updatable = false)
    public long productionOrderId;

    @Column(nullable = false, updatable = false, length = 32)
    public String number;

    @Column(name = "item_id", nullable = false, updatable = false)
    public long itemId;

    @Column(nullable = false, precision = 20, scale = 6)
    public BigDecimal quantity;

    /** Good quantity of the last operation: what the order has yielded. */
    @Column(name = "good_quantity", nullable = false, precision = 20, scale = 6)
    public BigDecimal goodQuantity = BigDecimal.ZERO;

    /** Scrap of every operation, in the produced item's unit. */
    @Column(name = "scrap_quantity", nullable = false, precision = 20, scale = 6)
    public BigDecimal scrapQuantity = BigDecimal.ZERO;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public WorkOrderState state;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "released_at", nullable = false, updatable = false)
    public Instant releasedAt;

    @Column(name = "released_by", nullable = false, updatable = false, length = 64)
    public String releasedBy;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "closed_at")
    public Instant closedAt;
}
