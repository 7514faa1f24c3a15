package org.pilotline.mes.workorder.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.workorder.WorkOrderService;
import org.pilotline.mes.workorder.WorkOrderState;
import org.pilotline.mes.workorder.WorkOrderViews.OperationView;
import org.pilotline.mes.workorder.WorkOrderViews.WorkOrderView;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.platform.security.Roles;

@Path("/api/mes/work-orders")
@Tag(name = "Work orders", description = "Released production orders on the shop floor, with their operations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.OPERATOR, Roles.QUALITY, Roles.ADMIN, Roles.EXPERT})
public class WorkOrderResource {

    @Inject
    WorkOrderService workOrders;

    @GET
    @Operation(summary = "List work orders", description = "Created by releasing a production order"
            + " (POST /api/production-orders/{id}/release). Filter by state and itemId.")
    public Page<WorkOrderView> list(@BeanParam PageParams paging, @QueryParam("state") WorkOrderState state,
                                    @QueryParam("itemId") Long itemId) {
        return workOrders.listWorkOrders(paging.toRequest(), state, itemId);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A work order with its operations")
    public WorkOrderView get(@PathParam("id") long id) {
        return workOrders.getWorkOrder(id);
    }

    @GET
    @Path("/operations/{id}")
    @Operation(summary = "One operation")
    public OperationView operation(@PathParam("id") long id) {
        return workOrders.getOperation(id);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN}) // planners release and close; managers read
    @Operation(summary = "Close a completed work order", description = "Send the version you read (?version=); 409 when"
            + " the work order is not COMPLETED or was changed meanwhile.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`work-order-state`: only a COMPLETED work order closes; `stale-version`")
    public WorkOrderView close(@PathParam("id") long id, @QueryParam("version") Long version) {
        return workOrders.closeWorkOrder(id, version);
    }
}
