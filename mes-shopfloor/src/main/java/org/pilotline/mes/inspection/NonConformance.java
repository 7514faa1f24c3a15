package org.pilotline.mes.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A non-conformance record: a quantity that did not meet its specification. While OPEN it holds that quantity, so its
 * operation cannot finish; what is then done with it (scrap, rework, use as is, return) is decided by the quality
 * disposition of the non-conformance process.
 */
@Entity
@Table(name = "mes_nonconformance")
public class NonConformance extends Versioned {

    public enum Source {INSPECTION, SCRAP, MANUAL}

    public enum Status {OPEN, CLOSED}

    @Column(nullable = false, updatable = false, length = 32)
    public String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    public Source source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(name = "work_order_id", updatable = false)
    public Long workOrderId;

    @Column(name = "operation_id", updatable = false)
    public Long operationId;

    @Column(name = "item_id", nullable = false, updatable = false)
    public long itemId;

    @Column(name = "characteristic_id", updatable = false)
    public Long characteristicId;

    @Column(nullable = false, precision = 20, scale = 6)
    public BigDecimal quantity;

    @Column(nullable = false, length = 1000)
    public String description;

    @Column(name = "raised_at", nullable = false, updatable = false)
    public Instant raisedAt;

    @Column(name = "raised_by", nullable = false, updatable = false, length = 64)
    public String raisedBy;

    @Column(name = "closed_at")
    public Instant closedAt;
}
