package org.pilotline.bpm.engineeringchange.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.bpm.engineeringchange.EngineeringChangeRequest;
import org.pilotline.bpm.engineeringchange.EngineeringChangeService;
import org.pilotline.bpm.engineeringchange.EngineeringChangeView;
import org.pilotline.platform.security.Roles;

import java.net.URI;
import java.util.List;

@Path("/api/processes/engineering-changes")
@Tag(name = "Processes")
@Produces(MediaType.APPLICATION_JSON)
public class EngineeringChangeResource {

    @Inject
    EngineeringChangeService changes;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "Request an engineering change of an item's BOM, recipe or routing",
            description = "requestId (the client's), kind BOM|RECIPE|ROUTING, itemId, revision, effectiveDate, reason,"
                    + " switchOpenOrders, and the new revision's content (BOM: baseQuantity, lines; recipe: batchSize,"
                    + " expectedYield, costAllocation, ingredients, outputs; routing: operations). The impact is"
                    + " computed at once; the production manager and engineering (the planners) approve in parallel."
                    + " 201 with the change; the same requestId again answers 200. 400 naming the field.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL",
            content = @Content(schema = @Schema(implementation = EngineeringChangeView.class)))
    @APIResponse(responseCode = "200", description = "Sent again: nothing new, the existing one",
            content = @Content(schema = @Schema(implementation = EngineeringChangeView.class)))
    @APIResponse(responseCode = "422", description = "`structure-cycle`: the proposed structure would contain a cycle")
    public Response request(@Valid @NotNull EngineeringChangeRequest request) {
        EngineeringChangeService.Requested requested = changes.request(request);
        EngineeringChangeView view = requested.view();
        return requested.replayed() ? Response.ok(view).build()
                : Response.created(URI.create("/api/processes/engineering-changes/" + view.id())).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN, Roles.QUALITY, Roles.EXPERT})
    @Operation(summary = "Engineering changes of my enterprise, newest first", description = "itemId=<id> filters.")
    public List<EngineeringChangeView> list(@QueryParam("itemId") String itemId) {
        return changes.changes(itemId);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN, Roles.QUALITY, Roles.EXPERT})
    @Operation(summary = "An engineering change: its impact, approvals and the revision it put in place",
            description = "404 for another enterprise's.")
    public EngineeringChangeView change(@PathParam("id") String id) {
        return changes.change(id);
    }
}
