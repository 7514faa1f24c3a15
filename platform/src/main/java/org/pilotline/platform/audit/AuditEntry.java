package org.pilotline.platform.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A line of the security audit: an administrative action or a login lock-out, platform-wide (not an enterprise's
 * record: the platform administrator reads them all, an enterprise administrator those about its enterprise). Never
 * changed or deleted.
 */
@Entity
@Table(name = "security_audit")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @Column(nullable = false, updatable = false, length = 64)
    public String actor;

    @Column(nullable = false, updatable = false, length = 64)
    public String action;

    @Column(name = "enterprise_code", updatable = false, length = 32)
    public String enterpriseCode;

    @Column(updatable = false, length = 100)
    public String target;

    @Column(updatable = false, length = 1000)
    public String detail;

    @Column(name = "remote_address", updatable = false, length = 64)
    public String remoteAddress;
}
