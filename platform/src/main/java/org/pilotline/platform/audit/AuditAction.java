package org.pilotline.platform.audit;

/** What the security audit records. */
public enum AuditAction {
    USER_CREATED,
    USER_UPDATED,
    PASSWORD_CHANGED,
    LOGIN_LOCKED,
    TERMINAL_REGISTERED,
    TERMINAL_TOKEN_ISSUED,
    TERMINAL_REVOKED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
