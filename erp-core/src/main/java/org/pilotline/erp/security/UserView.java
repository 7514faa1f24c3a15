package org.pilotline.erp.security;

import org.pilotline.platform.security.Role;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

public record UserView(String username, String displayName, String enterprise, Set<Role> roles,
                       Set<String> assignedEnterprises, boolean enabled, Instant createdAt, long version) {

    public static UserView of(UserAccount u) {
        return new UserView(u.username, u.displayName, u.enterpriseCode, new TreeSet<>(u.roles),
                new TreeSet<>(u.assignedEnterprises), u.enabled, u.createdAt, u.version);
    }
}
