package org.pilotline.mes.terminal.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.report.Reporters;
import org.pilotline.mes.terminal.TerminalService;
import org.pilotline.mes.terminal.TerminalViews.BadgeRequest;
import org.pilotline.mes.terminal.TerminalViews.BadgeView;
import org.pilotline.mes.terminal.TerminalViews.OperatorBadgeView;
import org.pilotline.mes.terminal.TerminalViews.SignInRequest;
import org.pilotline.mes.terminal.TerminalViews.TerminalRequest;
import org.pilotline.mes.terminal.TerminalViews.TerminalSessionView;
import org.pilotline.mes.terminal.TerminalViews.TerminalView;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.platform.security.Roles;

import java.util.List;

@Path("/api/mes")
@Tag(name = "Terminals", description = "Shop-floor devices, their tokens, and operators signing in with badge and PIN")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TerminalResource {

    @Inject
    TerminalService terminals;

    @Inject
    Reporters reporters;

    @POST
    @Path("/terminals")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a terminal", description = "Binds a device to a work center. The answer carries the"
            + " terminal's token once; the device sends it as 'Authorization: Bearer <token>'. Only its hash is kept.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = TerminalView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken")
    public Response register(@Valid @NotNull TerminalRequest request, @Context UriInfo uri) {
        TerminalView created = terminals.registerTerminal(request);
        return Response.created(uri.getBaseUriBuilder().path("api/mes/terminals/{id}").build(created.id()))
                .entity(created).build();
    }

    @GET
    @Path("/terminals")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
    @Operation(summary = "List terminals")
    public Page<TerminalView> list(@BeanParam PageParams paging, @QueryParam("workCenterId") Long workCenterId) {
        return terminals.listTerminals(paging.toRequest(), workCenterId);
    }

    @GET
    @Path("/terminals/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
    @Operation(summary = "One terminal")
    public TerminalView get(@PathParam("id") long id) {
        return terminals.getTerminal(id);
    }

    @POST
    @Path("/terminals/{id}/revoke")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Revoke a terminal's token", description = "Refused at once on this server, within seconds on"
            + " other replicas. A revoked terminal is registered anew to get a new token.")
    public TerminalView revoke(@PathParam("id") long id) {
        return terminals.revokeTerminal(id);
    }

    @POST
    @Path("/terminals/{id}/token")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Issue a terminal a new token", description = "For a device whose token was lost or replaced:"
            + " the answer carries the new token once; the old one is refused at once on this server, within seconds on"
            + " other replicas, and the operator signed in there is signed out. 409 terminal-revoked for a revoked"
            + " terminal.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`terminal-revoked`: the terminal is revoked")
    public TerminalView issueNewToken(@PathParam("id") long id) {
        return terminals.issueNewToken(id);
    }

    @GET
    @Path("/operators/badges")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The enterprise's operators and their badge numbers",
            description = "Every account of the enterprise with the operator role (disabled ones too), by user name, with"
                    + " its badge number or null; never a PIN.")
    public List<OperatorBadgeView> badges() {
        return terminals.operatorBadges();
    }

    @DELETE
    @Path("/operators/{username}/badge")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Take an operator's badge away",
            description = "The badge number and PIN no longer sign in; wherever the operator is signed in, they are"
                    + " signed out. 404 for a user of another enterprise or without a badge.")
    @APIResponse(responseCode = "204", description = "Removed; no body")
    public void removeBadge(@PathParam("username") String username) {
        terminals.removeBadge(username);
    }

    @PUT
    @Path("/operators/{username}/badge")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Give an operator a badge number and PIN", description = "The user must be an enabled operator"
            + " of this enterprise; the PIN is 4 to 8 digits and stored as a bcrypt hash.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-badge`: another operator has the badge number")
    @APIResponse(responseCode = "422", description = "`not-an-operator`: the account does not have the operator role")
    public BadgeView badge(@PathParam("username") String username, @Valid @NotNull BadgeRequest request) {
        return terminals.setBadge(username, request);
    }

    @GET
    @Path("/terminal")
    @RolesAllowed(Roles.TERMINAL)
    @Operation(summary = "The calling terminal: its work center and who is signed in")
    public TerminalSessionView me() {
        return terminals.whoAmI(reporters.terminalId());
    }

    @POST
    @Path("/terminal/sign-in")
    @RolesAllowed(Roles.TERMINAL)
    @Operation(summary = "Sign an operator in at the calling terminal", description = "With badge number and PIN; every"
            + " report of the terminal then records this operator. 400 naming 'pin' when badge or PIN is wrong.")
    public TerminalSessionView signIn(@Valid @NotNull SignInRequest request) {
        return terminals.signIn(reporters.terminalId(), request);
    }

    @POST
    @Path("/terminal/sign-out")
    @RolesAllowed(Roles.TERMINAL)
    @Operation(summary = "Sign the operator out at the calling terminal")
    public TerminalSessionView signOut() {
        return terminals.signOut(reporters.terminalId());
    }
}
