package org.pilotline.platform.security;

/** Role names as compile-time constants for {@code @RolesAllowed}. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String PLANNER = "planner";
    public static final String OPERATOR = "operator";
    public static final String QUALITY = "quality";
    public static final String MANAGER = "manager";
    public static final String EXPERT = "expert";
    public static final String BUREAU = "bureau";
    /** Not a person's role: a registered shop-floor terminal, authenticated by its own token. */
    public static final String TERMINAL = "terminal";

    private Roles() {
    }
}
