package org.pilotline.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The authenticated caller of the current request, in the words of the domain. */
@RequestScoped
public class Caller {

    /** Identity attribute that carries the enterprises a paired expert is assigned to (a set of codes). */
    public static final String ASSIGNED_ATTRIBUTE = "pilotline.assigned";

    @Inject
    SecurityIdentity identity;

    public String username() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The enterprise this request acts for, if any. */
    public Optional<String> enterprise() {
        return Optional.ofNullable(identity.getAttribute(TenantContext.ENTERPRISE_ATTRIBUTE));
    }

    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        // a terminal's identity carries the role "terminal", which is no person's Role
        identity.getRoles().stream().filter(Caller::isPersonRole).forEach(r -> roles.add(Role.fromId(r)));
        return roles;
    }

    public boolean has(Role role) {
        return identity.hasRole(role.id());
    }

    /** An administrator of no enterprise: registers enterprises and manages every account. */
    public boolean isPlatformAdmin() {
        return has(Role.ADMIN) && enterprise().isEmpty() && !has(Role.EXPERT);
    }

    /** The enterprises a paired expert may read. */
    public Set<String> assignedEnterprises() {
        Set<String> assigned = identity.getAttribute(ASSIGNED_ATTRIBUTE);
        return assigned == null ? Set.of() : assigned;
    }

    private static boolean isPersonRole(String id) {
        for (Role role : Role.values()) {
            if (role.id().equals(id)) {
                return true;
            }
        }
        return false;
    }
}
