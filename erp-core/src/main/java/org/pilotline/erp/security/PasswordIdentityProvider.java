package org.pilotline.erp.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Verifies a user name and password (HTTP Basic, or the form login's first request) against the user table. */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    UserDirectory directory;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        io.vertx.ext.web.RoutingContext routing = io.quarkus.vertx.http.runtime.security.HttpSecurityUtils
                .getRoutingContextAttribute(request);
        String remote = routing == null || routing.request().remoteAddress() == null ? null
                : routing.request().remoteAddress().hostAddress();
        return context.runBlocking(() -> PilotLineIdentities.of(
                directory.authenticate(request.getUsername(), request.getPassword().getPassword(), remote), request));
    }
}
