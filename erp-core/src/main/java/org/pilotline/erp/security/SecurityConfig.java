package org.pilotline.erp.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of accounts and passwords. */
@ConfigMapping(prefix = "pilotline.security")
public interface SecurityConfig {

    /** bcrypt cost of new password hashes (each step doubles the work); stored hashes keep their own cost. */
    @WithDefault("12")
    int bcryptCost();

    /** Consecutive failed logins of one account (within login-failure-window) after which it is locked. */
    @WithDefault("5")
    int loginFailuresBeforeLock();

    /** How long failures count towards a lock. */
    @WithDefault("15M")
    java.time.Duration loginFailureWindow();

    /** The first lock's length; each further lock of the same account doubles it, up to login-lock-max. */
    @WithDefault("1M")
    java.time.Duration loginLock();

    @WithDefault("15M")
    java.time.Duration loginLockMax();

    /**
     * Marks the session cookie {@code Secure} on every response, also when TLS ends at a proxy in front of the
     * application (the cookie is marked on requests that arrive over TLS or say {@code X-Forwarded-Proto: https} anyway).
     */
    @WithDefault("false")
    boolean secureCookie();
}
