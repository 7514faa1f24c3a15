package org.pilotline.erp.security.rest;

import org.pilotline.platform.security.Caller;
import org.pilotline.platform.security.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.erp.enterprise.Enterprise;
import org.pilotline.erp.security.MeView;
import org.pilotline.erp.security.UserAccount;

import java.util.TreeSet;

@Path("/api/me")
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Caller caller;

    @GET
    @io.quarkus.security.Authenticated
    @Operation(summary = "Who am I", description = "The caller's account, roles and the enterprise this request acts for.")
    public MeView me() {
        UserAccount account = UserAccount.findByUsername(caller.username()).orElseThrow();
        Enterprise enterprise = caller.enterprise().flatMap(Enterprise::findByCode).orElse(null);
        return new MeView(account.username, account.displayName, enterprise == null ? null : enterprise.code,
                enterprise == null ? null : enterprise.name, enterprise == null ? null : enterprise.timeZone,
                new TreeSet<>(caller.roles().stream().map(Role::id).toList()), new TreeSet<>(caller.assignedEnterprises()),
                caller.isPlatformAdmin());
    }
}
