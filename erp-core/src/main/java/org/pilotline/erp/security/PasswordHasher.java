package org.pilotline.erp.security;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * bcrypt, stored in modular crypt format. The cost comes from {@link SecurityConfig} (12 by default, about 0.25 s a
 * hash on the reference machine). A hash carries its own cost, so changing it never invalidates stored passwords.
 */
public final class PasswordHasher {

    private PasswordHasher() {
    }

    public static String hash(String password, int cost) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public static boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }
}
