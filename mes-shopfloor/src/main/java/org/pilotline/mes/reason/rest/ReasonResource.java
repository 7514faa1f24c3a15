package org.pilotline.mes.reason.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.reason.ReasonPurpose;
import org.pilotline.mes.reason.ReasonService;
import org.pilotline.mes.reason.ReasonViews.ReasonNode;
import org.pilotline.mes.reason.ReasonViews.ReasonRequest;
import org.pilotline.platform.security.Roles;

import java.util.List;

@Path("/api/mes/reasons")
@Tag(name = "Reason trees", description = "The enterprise's reasons for downtime, pauses and scrap, in Chinese and English")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReasonResource {

    @Inject
    ReasonService reasons;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.PLANNER, Roles.OPERATOR, Roles.QUALITY, Roles.TERMINAL})
    @Operation(summary = "The reason tree", description = "Roots with their children; ?purpose= keeps the branches that"
            + " hold reasons of that purpose (DOWNTIME, PAUSE, SCRAP).")
    public List<ReasonNode> tree(@QueryParam("purpose") ReasonPurpose purpose) {
        return reasons.tree(purpose);
    }

    @POST
    @RolesAllowed(Roles.ADMIN) // the reasons decide what counts as planned time in the KPIs: managers read them only
    @Operation(summary = "Add a reason or category")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = ReasonNode.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken")
    public Response create(@Valid @NotNull ReasonRequest request, @Context UriInfo uri) {
        ReasonNode created = reasons.saveReason(null, request);
        return Response.created(uri.getBaseUriBuilder().path("api/mes/reasons/{id}").build(created.id()))
                .entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a reason", description = "Send the version you read; set active=false to retire it.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken; `stale-version`")
    public ReasonNode update(@PathParam("id") long id, @Valid @NotNull ReasonRequest request) {
        return reasons.saveReason(id, request);
    }
}
