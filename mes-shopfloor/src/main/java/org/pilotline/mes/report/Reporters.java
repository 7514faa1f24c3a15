package org.pilotline.mes.report;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.pilotline.mes.terminal.TerminalIdentityProvider;

/** Who the caller of this request is, as a report's sender: a terminal, or an operator with their own login. */
@RequestScoped
public class Reporters {

    @Inject
    SecurityIdentity identity;

    public Reporter current() {
        Long terminal = identity.getAttribute(TerminalIdentityProvider.TERMINAL_ATTRIBUTE);
        if (terminal != null) {
            return new Reporter(terminal, identity.getAttribute(TerminalIdentityProvider.WORK_CENTER_ATTRIBUTE),
                    identity.getPrincipal().getName());
        }
        return new Reporter(null, null, identity.getPrincipal().getName());
    }

    /** The calling terminal's id; the request must come from a terminal. */
    public long terminalId() {
        Long terminal = identity.getAttribute(TerminalIdentityProvider.TERMINAL_ATTRIBUTE);
        if (terminal == null) {
            throw new io.quarkus.security.ForbiddenException("only a terminal may do this");
        }
        return terminal;
    }
}
