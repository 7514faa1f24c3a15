package org.pilotline.erp.equipment.rest;

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
import org.pilotline.erp.equipment.SiteService;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.erp.equipment.SiteRequest;
import org.pilotline.erp.equipment.SiteView;
import org.pilotline.platform.security.Roles;

import java.net.URI;

@Path("/api/sites")
@Tag(name = "Equipment", description = "ISA-95 equipment hierarchy: sites, areas, work centers, work units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.QUALITY, Roles.MANAGER, Roles.EXPERT})
public class SiteResource {

    @Inject
    SiteService sites;

    @GET
    @Operation(summary = "List sites", description = "Filter with q (code or name contains); sort by code or name.")
    public Page<SiteView> list(@BeanParam PageParams paging, @QueryParam("q") String text) {
        return sites.listSites(paging.toRequest(), text);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a site")
    public SiteView get(@PathParam("id") long id) {
        return sites.getSite(id);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Create a site")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = SiteView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken")
    public Response create(@Valid @NotNull SiteRequest request) {
        SiteView created = sites.createSite(request);
        return Response.created(URI.create("/api/sites/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Change a site", description = "409 when it changed since the version sent.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken; `stale-version`")
    public SiteView update(@PathParam("id") long id, @Valid @NotNull SiteRequest request) {
        return sites.updateSite(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Delete a site")
    @APIResponse(responseCode = "204", description = "Done; no body")
    public Response delete(@PathParam("id") long id) {
        sites.deleteSite(id);
        return Response.noContent().build();
    }
}
