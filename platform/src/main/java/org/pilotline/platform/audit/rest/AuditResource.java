package org.pilotline.platform.audit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.platform.audit.SecurityAudit;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.platform.security.Roles;

@Path("/api/security/audit")
@Tag(name = "Security audit", description = "Administrative actions and login lock-outs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    @Inject
    SecurityAudit audit;

    @GET
    @Operation(summary = "List security audit entries", description = "The platform administrator reads every entry"
            + " (filter by enterprise), an enterprise administrator those about its own enterprise. Filter by action"
            + " (user-created, user-updated, password-changed, login-locked, terminal-registered, terminal-token-issued, terminal-revoked, badge-issued, badge-removed,"
            + " machine-binding-created, machine-binding-updated, machine-binding-deleted, reason-created, reason-updated);"
            + " oldest first unless sort=-recordedAt.")
    public Page<SecurityAudit.AuditView> list(@BeanParam PageParams paging, @QueryParam("enterprise") String enterprise,
                                              @QueryParam("action") String action) {
        return audit.list(paging.toRequest(), enterprise, action);
    }
}
