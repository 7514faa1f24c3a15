package org.pilotline.mes.inspection.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.pilotline.mes.inspection.InspectionService;
import org.pilotline.mes.inspection.InspectionViews.CharacteristicView;
import org.pilotline.mes.inspection.InspectionViews.NonConformanceRequest;
import org.pilotline.mes.inspection.InspectionViews.NonConformanceView;
import org.pilotline.mes.inspection.InspectionViews.PlanRequest;
import org.pilotline.mes.inspection.InspectionViews.PlanView;
import org.pilotline.mes.inspection.InspectionViews.ResultView;
import org.pilotline.mes.inspection.NonConformance;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.platform.security.Roles;

import java.util.List;

@Path("/api/mes")
@Tag(name = "In-process inspection", description = "Characteristics to measure, and non-conformance records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.QUALITY, Roles.MANAGER, Roles.ADMIN})
public class InspectionResource {

    @Inject
    InspectionService inspections;

    @POST
    @Path("/inspection-plans")
    @RolesAllowed({Roles.QUALITY, Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Add a characteristic to a routing operation's inspection plan", description = "Copied to each"
            + " work-order operation released afterwards; results are sent as INSPECTION reports.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-characteristic`: the routing operation has a characteristic of that name")
    public Response addCharacteristic(@Valid @NotNull PlanRequest request, @Context UriInfo uri) {
        PlanView created = inspections.addCharacteristic(request);
        return Response.created(uri.getBaseUriBuilder().path("api/mes/inspection-plans")
                .queryParam("routingOperationId", created.routingOperationId()).build()).entity(created).build();
    }

    @GET
    @Path("/inspection-plans")
    @RolesAllowed({Roles.QUALITY, Roles.ADMIN, Roles.PLANNER, Roles.MANAGER, Roles.OPERATOR, Roles.TERMINAL})
    @Operation(summary = "A routing operation's inspection plan")
    public List<PlanView> plan(@QueryParam("routingOperationId") long routingOperationId) {
        return inspections.plan(routingOperationId);
    }

    @GET
    @Path("/characteristics")
    @RolesAllowed({Roles.QUALITY, Roles.ADMIN, Roles.PLANNER, Roles.MANAGER, Roles.OPERATOR, Roles.TERMINAL})
    @Operation(summary = "What to measure at a work-order operation", description = "?operationId=. The operation's"
            + " characteristics, copied from its routing operation's inspection plan when the order was released; an"
            + " INSPECTION report names one by its id (characteristicId). 404 when the operation is not found.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "`not-found`: no such work-order operation in the enterprise")
    public List<CharacteristicView> characteristics(@QueryParam("operationId") long operationId) {
        return inspections.characteristics(operationId);
    }

    @GET
    @Path("/inspection-results")
    @RolesAllowed({Roles.QUALITY, Roles.ADMIN, Roles.PLANNER, Roles.MANAGER, Roles.OPERATOR, Roles.TERMINAL})
    @Operation(summary = "The inspection results recorded at a work-order operation", description = "?operationId=."
            + " Oldest first, each with its characteristic, whether it was within the limits, the quantity it stands for"
            + " and the client id of the INSPECTION report that carried it. 404 when the operation is not found.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "`not-found`: no such work-order operation in the enterprise")
    public List<ResultView> results(@QueryParam("operationId") long operationId) {
        return inspections.results(operationId);
    }

    @GET
    @Path("/nonconformances")
    @Operation(summary = "List non-conformance records", description = "Filter by status (OPEN, CLOSED) and workOrderId.")
    public Page<NonConformanceView> list(@BeanParam PageParams paging, @QueryParam("status") NonConformance.Status status,
                                         @QueryParam("workOrderId") Long workOrderId) {
        return inspections.listNonConformances(paging.toRequest(), status, workOrderId);
    }

    @GET
    @Path("/nonconformances/{id}")
    @Operation(summary = "One non-conformance record")
    public NonConformanceView get(@PathParam("id") long id) {
        return inspections.getNonConformance(id);
    }

    @POST
    @Path("/nonconformances")
    @RolesAllowed({Roles.QUALITY, Roles.ADMIN}) // managers read the records; quality raises and closes them
    @Operation(summary = "Raise a non-conformance by hand")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = NonConformanceView.class)))
    public Response raise(@Valid @NotNull NonConformanceRequest request, @Context UriInfo uri) {
        NonConformanceView created = inspections.raiseByHand(request);
        return Response.created(uri.getBaseUriBuilder().path("api/mes/nonconformances/{id}").build(created.id()))
                .entity(created).build();
    }

    @POST
    @Path("/nonconformances/{id}/close")
    @RolesAllowed({Roles.QUALITY, Roles.ADMIN})
    @Operation(summary = "Close a non-conformance once its disposition is done", description = "?version= of the record"
            + " you read. The quantity it held is released: its operation may finish.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`nonconformance-closed`: closed already; `stale-version`")
    public NonConformanceView close(@PathParam("id") long id, @QueryParam("version") Long version) {
        return inspections.closeNonConformance(id, version);
    }
}
