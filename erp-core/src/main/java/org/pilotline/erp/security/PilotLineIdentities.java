package org.pilotline.erp.security;

import org.pilotline.platform.security.Caller;
import org.pilotline.platform.security.Role;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import org.pilotline.platform.tenancy.TenantContext;

/** Builds the security identity of a verified login: its roles, and the enterprise it acts for in this request. */
final class PilotLineIdentities {

    /** Header by which an expert chooses which of the enterprises assigned to them a request is about. */
    static final String ENTERPRISE_HEADER = "PilotLine-Enterprise";

    private PilotLineIdentities() {
    }

    static SecurityIdentity of(UserDirectory.Login login, AuthenticationRequest request) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(login.username()));
        login.roles().forEach(role -> builder.addRole(role.id()));
        login.enterprise().ifPresent(code -> builder.addAttribute(TenantContext.ENTERPRISE_ATTRIBUTE, code));
        if (login.roles().contains(Role.EXPERT)) {
            builder.addAttribute(Caller.ASSIGNED_ATTRIBUTE, login.assignedEnterprises());
            chosenEnterprise(login, request).ifPresent(code -> builder.addAttribute(TenantContext.ENTERPRISE_ATTRIBUTE, code));
        }
        return builder.build();
    }

    /** An expert acts for the enterprise named in the header if it is assigned to them, or for their only one. */
    private static java.util.Optional<String> chosenEnterprise(UserDirectory.Login login, AuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        String chosen = routing == null ? null : routing.request().getHeader(ENTERPRISE_HEADER);
        if (chosen != null) {
            return login.assignedEnterprises().contains(chosen) ? java.util.Optional.of(chosen) : java.util.Optional.empty();
        }
        return login.assignedEnterprises().size() == 1
                ? login.assignedEnterprises().stream().findFirst()
                : java.util.Optional.empty();
    }
}
