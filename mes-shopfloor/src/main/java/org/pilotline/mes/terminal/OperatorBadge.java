package org.pilotline.mes.terminal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;

/** An operator's badge number and PIN (bcrypt) for signing in at the enterprise's terminals. */
@Entity
@Table(name = "mes_operator_badge")
public class OperatorBadge extends Versioned {

    @Column(name = "user_id", nullable = false, updatable = false)
    public long userId;

    @Column(name = "badge_number", nullable = false, length = 32)
    public String badgeNumber;

    @Column(name = "pin_hash", nullable = false, length = 100)
    public String pinHash;
}
