package org.pilotline.mes.terminal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;

import java.time.Instant;

/**
 * A registered shop-floor device bound to one work center. It authenticates with its own token (only its SHA-256 is
 * stored), which a revocation invalidates; an operator signs in at it with badge and PIN.
 */
@Entity
@Table(name = "mes_terminal")
public class Terminal extends Versioned {

    @Column(nullable = false, updatable = false, length = 32)
    public String code;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(name = "work_center_id", nullable = false)
    public long workCenterId;

    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    /** The first characters of the token, so that a person can tell two terminals' tokens apart. */
    @Column(name = "token_hint", nullable = false, length = 8)
    public String tokenHint;

    @Column(name = "registered_at", nullable = false, updatable = false)
    public Instant registeredAt;

    @Column(name = "registered_by", nullable = false, updatable = false, length = 64)
    public String registeredBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "last_sequence", nullable = false)
    public long lastSequence;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    @Column(name = "operator_user_id")
    public Long operatorUserId;

    @Column(name = "operator_name", length = 64)
    public String operatorName;
}
