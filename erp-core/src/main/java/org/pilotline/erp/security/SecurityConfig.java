package org.pilotline.erp.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of accounts and passwords. */
@ConfigMapping(prefix = "pilotline.security")
public interface SecurityConfig {

    /** bcrypt cost of new password hashes (each step doubles the work); stored hashes keep their own cost. */
    @WithDefault("12")
    int bcryptCost();
}
