package org.pilotline.bpm.purchase.rest;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.bpm.purchase.PurchaseRequisitionRequest;
import org.pilotline.bpm.purchase.PurchaseRequisitionService;
import org.pilotline.bpm.purchase.PurchaseRequisitionView;
import org.pilotline.platform.security.Roles;

import java.net.URI;

@Path("/api/processes/purchase-requisitions")
@Tag(name = "Processes")
@Produces(MediaType.APPLICATION_JSON)
public class PurchaseRequisitionResource {

    @Inject
    PurchaseRequisitionService requisitions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
    @Operation(summary = "Request a purchase (requisition) and start its approval",
            description = "From a planned purchase order of MRP (plannedOrder: runId, itemId, number) or by hand (itemId,"
                    + " quantity, dueDate), with supplierId and optionally unitPrice (default the item's standard cost)."
                    + " The approval chain comes from the enterprise's decision table purchase-approval. 400 naming the"
                    + " field (unknown item, supplier or planned order; a made item; both or neither source); 409"
                    + " already-converted for a planned order converted already.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = PurchaseRequisitionView.class)))
    @APIResponse(responseCode = "409", description = "`already-converted`: the planned order was converted already; `not-current-run`")
    @APIResponse(responseCode = "422", description = "`no-approval-rule`: the decision table gives no approver for the amount and category")
    public Response request(@Valid @NotNull PurchaseRequisitionRequest request) {
        PurchaseRequisitionView view = requisitions.request(request);
        return Response.created(URI.create("/api/processes/purchase-requisitions/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER, Roles.QUALITY, Roles.EXPERT})
    @Operation(summary = "A purchase requisition: its approval chain, status and purchase order",
            description = "404 for another enterprise's requisition.")
    public PurchaseRequisitionView requisition(@PathParam("id") String id) {
        return requisitions.requisition(id);
    }
}
