package org.pilotline.erp.security;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * bcrypt, stored in modular crypt format. Cost 12 by default (about 0.25 s a hash on the reference machine);
 * {@code pilotline.security.bcrypt-cost} lowers it where hashing speed matters more than strength (the test profile).
 * A hash carries its own cost, so changing it never invalidates stored passwords.
 */
public final class PasswordHasher {

    static final int DEFAULT_COST = 12;

    private PasswordHasher() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost());
    }

    private static int cost() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("pilotline.security.bcrypt-cost", Integer.class).orElse(DEFAULT_COST);
    }

    public static boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }
}
