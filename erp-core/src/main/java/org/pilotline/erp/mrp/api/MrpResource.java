package org.pilotline.erp.mrp.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.erp.mrp.MrpService;
import org.pilotline.erp.mrp.api.MrpDtos.ConversionView;
import org.pilotline.erp.mrp.api.MrpDtos.ConvertRequest;
import org.pilotline.erp.mrp.api.MrpDtos.ExceptionView;
import org.pilotline.erp.mrp.api.MrpDtos.FirmView;
import org.pilotline.erp.mrp.api.MrpDtos.NetChangeRequest;
import org.pilotline.erp.mrp.api.MrpDtos.NetChangeView;
import org.pilotline.erp.mrp.api.MrpDtos.PeggingNodeView;
import org.pilotline.erp.mrp.api.MrpDtos.PlannedOrderView;
import org.pilotline.erp.mrp.api.MrpDtos.RunRequest;
import org.pilotline.erp.mrp.api.MrpDtos.RunView;
import org.pilotline.platform.security.Roles;

import java.net.URI;
import java.time.LocalDate;

@Path("/api/mrp")
@Tag(name = "MRP", description = "Forecasts, MRP runs, planned orders, pegging, exceptions, planner actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER, Roles.EXPERT})
public class MrpResource {

    @Inject
    MrpService mrp;

    @POST
    @Path("/runs")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Start a regenerative MRP run", description = "Answers 202 at once with the queued run and its Location; poll it for status and progress. 409 run-in-progress while another run of the enterprise runs.")
    public Response start(@Valid RunRequest request) {
        RunView run = mrp.startRun(request);
        return Response.accepted(run).location(URI.create("/api/mrp/runs/" + run.id())).build();
    }

    @GET
    @Path("/runs")
    @Operation(summary = "List MRP runs", description = "Newest first.")
    public Page<RunView> runs(@BeanParam PageParams paging) {
        return mrp.listRuns(paging.toRequest());
    }

    @GET
    @Path("/runs/current")
    @Operation(summary = "The run whose results are the current plan", description = "404 no-plan before the first completed run.")
    public RunView current() {
        return mrp.currentRun();
    }

    @GET
    @Path("/runs/{runId: \\d+}")
    @Operation(summary = "Read a run: status (QUEUED, RUNNING, COMPLETED, FAILED, SUPERSEDED), phase, progress, counts")
    public RunView run(@PathParam("runId") long runId) {
        return mrp.getRun(runId);
    }

    @GET
    @Path("/runs/{runId: \\d+}/planned-orders")
    @Operation(summary = "List a run's planned orders", description = "Filter with itemId, type (PRODUCTION, PURCHASE), dueFrom/dueTo, exception (an exception kind on the order); sorted by due date.")
    public Page<PlannedOrderView> plannedOrders(@PathParam("runId") long runId, @BeanParam PageParams paging,
                                                @QueryParam("itemId") Long itemId, @QueryParam("type") String type,
                                                @QueryParam("dueFrom") LocalDate dueFrom, @QueryParam("dueTo") LocalDate dueTo,
                                                @QueryParam("exception") String exception) {
        return mrp.plannedOrders(runId, paging.toRequest(), itemId, type, dueFrom, dueTo, exception);
    }

    @GET
    @Path("/runs/{runId: \\d+}/planned-orders/{itemId: \\d+}/{number: \\d+}")
    @Operation(summary = "Read a planned order (its item and number within the item)")
    public PlannedOrderView plannedOrder(@PathParam("runId") long runId, @PathParam("itemId") long itemId,
                                         @PathParam("number") int number) {
        return mrp.plannedOrder(runId, itemId, number);
    }

    @GET
    @Path("/runs/{runId: \\d+}/planned-orders/{itemId: \\d+}/{number: \\d+}/pegging")
    @Operation(summary = "Pegging tree of a planned order", description = "direction=up (default): the demands it serves up to the top-level ones; direction=down: its component demands and their supplies, depth levels (1-20, default 10).")
    public PeggingNodeView plannedOrderPegging(@PathParam("runId") long runId, @PathParam("itemId") long itemId,
                                               @PathParam("number") int number,
                                               @QueryParam("direction") @DefaultValue("up") String direction,
                                               @QueryParam("depth") @DefaultValue("10") @Min(1) @Max(20) int depth) {
        return mrp.plannedOrderPegging(runId, itemId, number, up(direction), depth);
    }

    @GET
    @Path("/runs/{runId: \\d+}/sales-orders/{salesOrderId: \\d+}/lines/{lineNo: \\d+}/pegging")
    @Operation(summary = "Pegging tree of a sales order line", description = "The supplies serving it and, down to depth levels (1-20, default 10), their component demands and supplies.")
    public PeggingNodeView salesOrderLinePegging(@PathParam("runId") long runId, @PathParam("salesOrderId") long salesOrderId,
                                                 @PathParam("lineNo") int lineNo,
                                                 @QueryParam("depth") @DefaultValue("10") @Min(1) @Max(20) int depth) {
        return mrp.salesOrderLinePegging(runId, salesOrderId, lineNo, depth);
    }

    @GET
    @Path("/runs/{runId: \\d+}/exceptions")
    @Operation(summary = "List a run's exception messages", description = "Filter with itemId and kind (RELEASE_IN_PAST, EXPEDITE, DEFER, CANCEL, BELOW_SAFETY_STOCK, NO_VALID_FORMULA).")
    public Page<ExceptionView> exceptions(@PathParam("runId") long runId, @BeanParam PageParams paging,
                                          @QueryParam("itemId") Long itemId, @QueryParam("kind") String kind) {
        return mrp.exceptions(runId, paging.toRequest(), itemId, kind);
    }

    @POST
    @Path("/runs/{runId: \\d+}/planned-orders/{itemId: \\d+}/{number: \\d+}/firm")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Firm a planned order of the current run", description = "Later runs keep it with its quantity and dates; 409 when it is firmed or converted already.")
    public FirmView firm(@PathParam("runId") long runId, @PathParam("itemId") long itemId, @PathParam("number") int number) {
        return mrp.firm(runId, itemId, number);
    }

    @POST
    @Path("/runs/{runId: \\d+}/planned-orders/{itemId: \\d+}/{number: \\d+}/convert")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Convert a planned order of the current run into a production or purchase order", description = "A made item becomes a production order (structure and routing effective at its start); a bought one a DRAFT purchase order of supplierId. 409 already-converted.")
    public Response convert(@PathParam("runId") long runId, @PathParam("itemId") long itemId,
                            @PathParam("number") int number, @Valid ConvertRequest request) {
        ConversionView converted = mrp.convert(runId, itemId, number, request);
        String path = converted.orderType().equals("PRODUCTION") ? "/api/production-orders/" : "/api/purchase-orders/";
        return Response.created(URI.create(path + converted.orderId())).entity(converted).build();
    }

    @POST
    @Path("/net-change")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Re-plan the current run after a sales order changed", description = "Only the items affected by the order's lines are planned again and rewritten; the result equals a regenerative run on the same data.")
    public NetChangeView netChange(@Valid NetChangeRequest request) {
        return mrp.netChange(request == null ? null : request.salesOrderId());
    }

    private static boolean up(String direction) {
        return switch (direction) {
            case "up" -> true;
            case "down" -> false;
            default -> throw DomainException.invalid("invalid-parameter", "Unknown direction",
                    new FieldError("direction", "must be up or down"));
        };
    }
}
