package org.pilotline.erp.security.rest;

import org.pilotline.erp.security.UserService;
import org.pilotline.platform.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.erp.security.NewUser;
import org.pilotline.erp.security.PasswordChange;
import org.pilotline.erp.security.UserUpdate;
import org.pilotline.erp.security.UserView;

import java.net.URI;

@Path("/api/admin/users")
@Tag(name = "Administration", description = "Pilot enterprises and user accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    UserService users;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "List accounts", description = "The platform administrator sees every account (optionally of one enterprise); an enterprise administrator those of its enterprise.")
    public Page<UserView> list(@BeanParam PageParams paging, @QueryParam("enterprise") String enterprise) {
        return users.listUsers(paging.toRequest(), enterprise);
    }

    @GET
    @Path("/{username}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Read an account")
    public UserView get(@PathParam("username") String username) {
        return users.getUser(username);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create an account")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", description = "`username-taken`")
    public Response create(@Valid @NotNull NewUser request) {
        UserView created = users.createUser(request);
        return Response.created(URI.create("/api/admin/users/" + created.username())).entity(created).build();
    }

    @PUT
    @Path("/{username}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change an account's name, roles, assignments or status", description = "409 when the account changed since the version sent.")
    public UserView update(@PathParam("username") String username, @Valid @NotNull UserUpdate update) {
        return users.updateUser(username, update);
    }

    @PUT
    @Path("/{username}/password")
    @io.quarkus.security.Authenticated
    @Operation(summary = "Set a password", description = "Any user sets their own; an administrator sets those of the accounts it manages.")
    @APIResponse(responseCode = "204", description = "Done; no body")
    public Response changePassword(@PathParam("username") String username, @Valid @NotNull PasswordChange change) {
        users.changePassword(username, change.newPassword());
        return Response.noContent().build();
    }
}
