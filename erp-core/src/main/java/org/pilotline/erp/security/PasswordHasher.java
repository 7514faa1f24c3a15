package org.pilotline.erp.security;

import io.quarkus.elytron.security.common.BcryptUtil;

/** bcrypt with cost 12 (about 0.25 s a hash on the reference machine), stored in modular crypt format. */
public final class PasswordHasher {

    static final int COST = 12;

    private PasswordHasher() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    public static boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }
}
