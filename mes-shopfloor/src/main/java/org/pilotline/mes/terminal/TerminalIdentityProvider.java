package org.pilotline.mes.terminal;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.platform.security.Roles;
import org.pilotline.platform.tenancy.TenantContext;

/**
 * Turns a terminal token into the terminal's identity: role {@code terminal}, its enterprise as the request's tenant,
 * and the terminal's id and work center as attributes. An unknown or revoked token is refused (401).
 */
@ApplicationScoped
public class TerminalIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Identity attribute: the terminal's id. */
    public static final String TERMINAL_ATTRIBUTE = "pilotline.terminal";
    /** Identity attribute: the id of the work center the terminal is bound to. */
    public static final String WORK_CENTER_ATTRIBUTE = "pilotline.terminal.work-center";

    @Inject
    TerminalDirectory directory;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!TerminalAuthenticationMechanism.TOKEN_TYPE.equals(request.getToken().getType())) {
            return Uni.createFrom().nullItem();
        }
        String token = request.getToken().getToken();
        // a terminal reports every few seconds: a remembered token needs no worker thread (only a look-up does)
        var remembered = directory.remembered(token);
        if (remembered.isPresent()) {
            return Uni.createFrom().item(identity(remembered.get()));
        }
        return context.runBlocking(() -> directory.byToken(token).map(TerminalIdentityProvider::identity)
                .orElseThrow(AuthenticationFailedException::new));
    }

    private static SecurityIdentity identity(TerminalDirectory.ActiveTerminal t) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("terminal:" + t.code()))
                .addRole(Roles.TERMINAL)
                .addAttribute(TenantContext.ENTERPRISE_ATTRIBUTE, t.tenant())
                .addAttribute(TERMINAL_ATTRIBUTE, t.id())
                .addAttribute(WORK_CENTER_ATTRIBUTE, t.workCenterId())
                .build();
    }
}
