package org.pilotline.platform.security;

import java.util.Locale;

/**
 * The roles of PilotLine. Enterprise roles belong to a user of one pilot enterprise; {@link #EXPERT} is a paired
 * expert with read-only access to the enterprises assigned; {@link #BUREAU} is the city tech bureau, which sees KPIs
 * of every enterprise and no raw records. An {@link #ADMIN} with no enterprise administers the platform itself.
 */
public enum Role {
    ADMIN, PLANNER, OPERATOR, QUALITY, MANAGER, EXPERT, BUREAU;

    /** The name used in {@code @RolesAllowed} and in JSON. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isEnterpriseRole() {
        return this != EXPERT && this != BUREAU;
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Role fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
