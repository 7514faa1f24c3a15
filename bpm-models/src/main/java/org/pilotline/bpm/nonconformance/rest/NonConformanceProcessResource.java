package org.pilotline.bpm.nonconformance.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.bpm.nonconformance.NonConformanceProcessRequest;
import org.pilotline.bpm.nonconformance.NonConformanceProcessView;
import org.pilotline.bpm.nonconformance.NonConformanceService;
import org.pilotline.platform.security.Roles;

import java.net.URI;
import java.util.List;

@Path("/api/processes/nonconformances")
@Tag(name = "Processes")
@Produces(MediaType.APPLICATION_JSON)
public class NonConformanceProcessResource {

    @Inject
    NonConformanceService nonConformances;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.QUALITY, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "Raise a non-conformance by hand and start its disposition",
            description = "requestId (the client's), itemId, quantity, description, optionally workOrderId and"
                    + " operationId. 201 with the process; the same requestId again answers 200 with the process it"
                    + " started. 400 naming the field (unknown item, work order or operation).")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = NonConformanceProcessView.class)))
    @APIResponse(responseCode = "200", description = "Sent again: nothing new, the existing one", content = @Content(schema = @Schema(implementation = NonConformanceProcessView.class)))
    public Response raise(@Valid @NotNull NonConformanceProcessRequest request) {
        NonConformanceService.Raised raised = nonConformances.raise(request);
        NonConformanceProcessView view = raised.view();
        return raised.replayed() ? Response.ok(view).build()
                : Response.created(URI.create("/api/processes/nonconformances/" + view.id())).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.QUALITY, Roles.MANAGER, Roles.ADMIN, Roles.PLANNER, Roles.EXPERT})
    @Operation(summary = "Non-conformance processes of my enterprise, newest first",
            description = "number=<NCR number> finds the process of one record (raised by the shop floor or by hand).")
    public List<NonConformanceProcessView> list(@QueryParam("number") String number) {
        return nonConformances.nonConformances(number);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.QUALITY, Roles.MANAGER, Roles.ADMIN, Roles.PLANNER, Roles.EXPERT})
    @Operation(summary = "A non-conformance process: its disposition, concession, root cause and corrective action",
            description = "404 for another enterprise's.")
    public NonConformanceProcessView nonConformance(@PathParam("id") String id) {
        return nonConformances.nonConformance(id);
    }
}
