package org.pilotline.platform.audit;

/** What the security audit records. */
public enum AuditAction {
    USER_CREATED,
    USER_UPDATED,
    PASSWORD_CHANGED,
    LOGIN_LOCKED,
    TERMINAL_REGISTERED,
    TERMINAL_TOKEN_ISSUED,
    TERMINAL_REVOKED,
    BADGE_ISSUED,
    BADGE_REMOVED,
    MACHINE_BINDING_CREATED,
    MACHINE_BINDING_UPDATED,
    MACHINE_BINDING_DELETED,
    REASON_CREATED,
    REASON_UPDATED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
