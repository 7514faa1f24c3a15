package org.pilotline.erp.routing.rest;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.erp.routing.RoutingService;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.erp.routing.RoutingRequest;
import org.pilotline.erp.routing.RoutingView;
import org.pilotline.platform.security.Roles;

import java.net.URI;

@Path("/api/routings")
@Tag(name = "Routings", description = "Ordered operations with work centers, alternatives, setup, run time and overlap")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.QUALITY, Roles.MANAGER, Roles.EXPERT})
public class RoutingResource {

    @Inject
    RoutingService routings;

    @GET
    @Operation(summary = "List routings", description = "Filter by itemId or workCenterId (primary or alternative).")
    public Page<RoutingView> list(@BeanParam PageParams paging, @QueryParam("itemId") Long itemId,
                                  @QueryParam("workCenterId") Long workCenterId) {
        return routings.listRoutings(paging.toRequest(), itemId, workCenterId);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a routing")
    public RoutingView get(@PathParam("id") long id) {
        return routings.getRouting(id);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Create a routing revision", description = "Revisions of one item must not overlap in time.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = RoutingView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-revision`; `overlapping-revision`: revisions of one item must not overlap in time")
    public Response create(@Valid @NotNull RoutingRequest request) {
        RoutingView created = routings.saveRouting(null, request);
        return Response.created(URI.create("/api/routings/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Replace a routing revision", description = "409 when it changed since the version sent.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-revision`, `overlapping-revision`; `stale-version`")
    public RoutingView update(@PathParam("id") long id, @Valid @NotNull RoutingRequest request) {
        return routings.saveRouting(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Delete a routing revision")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "409", description = "`in-use`: other records refer to it (set it inactive instead where it has an active flag)")
    public Response delete(@PathParam("id") long id) {
        routings.deleteRouting(id);
        return Response.noContent().build();
    }
}
