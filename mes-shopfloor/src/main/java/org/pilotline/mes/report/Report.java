package org.pilotline.mes.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.TenantOwned;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A report as it arrived and what came of it. The client's id is unique per enterprise, so a report delivered again is
 * recognised and answered with {@link #outcome} — the body of the first answer, with its HTTP {@link #status} (a refusal
 * is kept as well).
 */
@Entity
@Table(name = "mes_report")
public class Report extends TenantOwned {

    @Column(name = "client_id", nullable = false, updatable = false, length = 64)
    public String clientId;

    @Column(name = "terminal_id", updatable = false)
    public Long terminalId;

    @Column(name = "sequence_no", updatable = false)
    public Long sequenceNo;

    @Column(length = 64, updatable = false)
    public String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    public ReportKind kind;

    @Column(name = "operation_id", updatable = false)
    public Long operationId;

    @Column(name = "work_unit_id", updatable = false)
    public Long workUnitId;

    @Column(name = "good_quantity", precision = 20, scale = 6, updatable = false)
    public BigDecimal goodQuantity;

    @Column(name = "scrap_quantity", precision = 20, scale = 6, updatable = false)
    public BigDecimal scrapQuantity;

    @Column(name = "rework_quantity", precision = 20, scale = 6, updatable = false)
    public BigDecimal reworkQuantity;

    @Column(name = "reason_code", length = 32, updatable = false)
    public String reasonCode;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false, updatable = false)
    public Instant receivedAt;

    /** The HTTP status of the first answer: 200 applied, or the 4xx it was refused with. */
    @Column(nullable = false)
    public int status;

    /** The JSON body of the first answer. */
    @Column(nullable = false, columnDefinition = "text")
    public String outcome;

    /** A consumption of this report took an item below zero where its negative-stock rule allows that. */
    @Column(name = "negative_stock", nullable = false)
    public boolean negativeStock;
}
