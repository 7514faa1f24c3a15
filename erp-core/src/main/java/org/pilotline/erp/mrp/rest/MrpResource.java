package org.pilotline.erp.mrp.rest;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.erp.mrp.MrpRunService.RunRequest;
import org.pilotline.erp.mrp.MrpRunService;
import org.pilotline.erp.mrp.PlanResultService;
import jakarta.validation.constraints.NotNull;
import org.pilotline.erp.mrp.PlannerActionService;
import java.util.List;
import org.pilotline.erp.mrp.rest.MrpDtos.BulkConvertRequest;
import org.pilotline.erp.mrp.rest.MrpDtos.ConversionView;
import org.pilotline.erp.mrp.rest.MrpDtos.ConvertRequest;
import org.pilotline.erp.mrp.rest.MrpDtos.ExceptionView;
import org.pilotline.erp.mrp.rest.MrpDtos.FirmView;
import org.pilotline.erp.mrp.rest.MrpDtos.NetChangeRequest;
import org.pilotline.erp.mrp.rest.MrpDtos.NetChangeView;
import org.pilotline.erp.mrp.rest.MrpDtos.PeggingNodeView;
import org.pilotline.erp.mrp.rest.MrpDtos.PlannedOrderView;
import org.pilotline.erp.mrp.rest.MrpDtos.RunView;
import org.pilotline.erp.mrp.store.PlannedOrderStore;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
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
    MrpRunService runs;

    @Inject
    PlanResultService results;

    @Inject
    PlannerActionService actions;

    @POST
    @Path("/runs")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Start a regenerative MRP run", description = "Answers 202 at once with the queued run and its Location; poll it for status and progress. 409 run-in-progress while another run of the enterprise runs.")
    @APIResponse(responseCode = "202", description = "Accepted and running in the background; Location is where its progress is read")
    @APIResponse(responseCode = "409", description = "`run-in-progress`: another run of the enterprise is queued or running")
    public Response start(@Valid RunRequest request) {
        RunView run = MrpViews.run(runs.startRun(request));
        return Response.accepted(run).location(URI.create("/api/mrp/runs/" + run.id())).build();
    }

    @GET
    @Path("/runs")
    @Operation(summary = "List MRP runs", description = "Newest first.")
    public Page<RunView> runs(@BeanParam PageParams paging) {
        return runs.listRuns(paging.toRequest()).map(MrpViews::run);
    }

    @GET
    @Path("/runs/current")
    @Operation(summary = "The run whose results are the current plan", description = "404 no-plan before the first completed run.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "`no-plan`: no run has completed yet")
    public RunView current() {
        return MrpViews.run(runs.currentRun());
    }

    @GET
    @Path("/runs/{runId: \\d+}")
    @Operation(summary = "Read a run: status (QUEUED, RUNNING, COMPLETED, FAILED, SUPERSEDED), phase, progress, counts")
    public RunView run(@PathParam("runId") long runId) {
        return MrpViews.run(runs.run(runId));
    }

    @GET
    @Path("/runs/{runId: \\d+}/planned-orders")
    @Operation(summary = "List a run's planned orders", description = "Filter with itemId, type (PRODUCTION, PURCHASE), dueFrom/dueTo, exception (an exception kind on the order); sorted by due date.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`run-without-results`: the run was superseded, failed or has not finished (the detail says which)")
    public Page<PlannedOrderView> plannedOrders(@PathParam("runId") long runId, @BeanParam PageParams paging,
                                                @QueryParam("itemId") Long itemId, @QueryParam("type") String type,
                                                @QueryParam("dueFrom") LocalDate dueFrom, @QueryParam("dueTo") LocalDate dueTo,
                                                @QueryParam("exception") String exception) {
        PlannedOrderStore.Filter filter = new PlannedOrderStore.Filter(itemId, MrpViews.orderType(type), dueFrom, dueTo,
                MrpViews.exceptionKind(exception, "exception"));
        return results.plannedOrders(runId, paging.toRequest(), filter).map(MrpViews::plannedOrder);
    }

    @GET
    @Path("/runs/{runId: \\d+}/planned-orders/{itemId: \\d+}/{number: \\d+}")
    @Operation(summary = "Read a planned order (its item and number within the item)")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`run-without-results`: the run was superseded, failed or has not finished")
    public PlannedOrderView plannedOrder(@PathParam("runId") long runId, @PathParam("itemId") long itemId,
                                         @PathParam("number") int number) {
        return MrpViews.plannedOrder(results.plannedOrder(runId, itemId, number));
    }

    @GET
    @Path("/runs/{runId: \\d+}/planned-orders/{itemId: \\d+}/{number: \\d+}/pegging")
    @Operation(summary = "Pegging tree of a planned order", description = "direction=up (default): the demands it serves up to the top-level ones; direction=down: its component demands and their supplies, depth levels (1-20, default 10).")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`run-without-results`: the run was superseded, failed or has not finished")
    public PeggingNodeView plannedOrderPegging(@PathParam("runId") long runId, @PathParam("itemId") long itemId,
                                               @PathParam("number") int number,
                                               @QueryParam("direction") @DefaultValue("up") String direction,
                                               @QueryParam("depth") @DefaultValue("10") @Min(1) @Max(20) int depth) {
        return MrpViews.peggingNode(results.plannedOrderPegging(runId, itemId, number, MrpViews.up(direction), depth));
    }

    @GET
    @Path("/runs/{runId: \\d+}/sales-orders/{salesOrderId: \\d+}/lines/{lineNo: \\d+}/pegging")
    @Operation(summary = "Pegging tree of a sales order line", description = "The supplies serving it and, down to depth levels (1-20, default 10), their component demands and supplies.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`run-without-results`: the run was superseded, failed or has not finished")
    public PeggingNodeView salesOrderLinePegging(@PathParam("runId") long runId, @PathParam("salesOrderId") long salesOrderId,
                                                 @PathParam("lineNo") int lineNo,
                                                 @QueryParam("depth") @DefaultValue("10") @Min(1) @Max(20) int depth) {
        return MrpViews.peggingNode(results.salesOrderLinePegging(runId, salesOrderId, lineNo, depth));
    }

    @GET
    @Path("/runs/{runId: \\d+}/exceptions")
    @Operation(summary = "List a run's exception messages", description = "Filter with itemId and kind (RELEASE_IN_PAST, EXPEDITE, DEFER, CANCEL, BELOW_SAFETY_STOCK, NO_VALID_FORMULA, LEAD_TIME_SHORT). A LEAD_TIME_SHORT message carries workingMinutesNeeded.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`run-without-results`: the run was superseded, failed or has not finished")
    public Page<ExceptionView> exceptions(@PathParam("runId") long runId, @BeanParam PageParams paging,
                                          @QueryParam("itemId") Long itemId, @QueryParam("kind") String kind) {
        return results.exceptions(runId, paging.toRequest(), itemId, MrpViews.exceptionKind(kind, "kind"))
                .map(MrpViews::exception);
    }

    @POST
    @Path("/runs/{runId: \\d+}/planned-orders/{itemId: \\d+}/{number: \\d+}/firm")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Firm a planned order of the current run", description = "Later runs keep it with its quantity and dates; 409 when it is firmed or converted already.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`already-firmed` / `already-converted`; `not-current-run`: the run is not the current plan; `run-without-results`")
    public FirmView firm(@PathParam("runId") long runId, @PathParam("itemId") long itemId, @PathParam("number") int number) {
        return MrpViews.firmed(actions.firm(runId, itemId, number));
    }

    @POST
    @Path("/runs/{runId: \\d+}/planned-orders/{itemId: \\d+}/{number: \\d+}/unfirm")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Unfirm a firmed planned order of the current run", description = "It is PLANNED again and later runs no longer keep its firmed order (the reference answered); written to the enterprise's journal (kind mrp-unfirmed). 409 when it is not firmed or was converted.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`not-firmed`: it is only planned; `already-converted`; `not-current-run`: the run is not the current plan; `run-without-results`")
    public FirmView unfirm(@PathParam("runId") long runId, @PathParam("itemId") long itemId, @PathParam("number") int number) {
        return MrpViews.firmed(actions.unfirm(runId, itemId, number));
    }

    @POST
    @Path("/runs/{runId: \\d+}/planned-orders/{itemId: \\d+}/{number: \\d+}/convert")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Convert a planned order of the current run into a production or purchase order", description = "A made item becomes a production order (structure and routing effective at its start); a bought one a DRAFT purchase order of supplierId. 409 already-converted.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = ConversionView.class)))
    @APIResponse(responseCode = "409", description = "`already-converted`; `not-current-run`: the run is not the current plan; `run-without-results`")
    public Response convert(@PathParam("runId") long runId, @PathParam("itemId") long itemId,
                            @PathParam("number") int number, @Valid ConvertRequest request) {
        ConversionView converted = MrpViews.converted(actions.convert(runId, itemId, number,
                request == null ? null : request.supplierId()));
        String path = converted.orderType().equals("PRODUCTION") ? "/api/production-orders/" : "/api/purchase-orders/";
        return Response.created(URI.create(path + converted.orderId())).entity(converted).build();
    }

    @POST
    @Path("/runs/{runId: \\d+}/planned-orders/convert")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Convert several planned orders of the current run at once",
            description = "{orders: [{itemId, number, supplierId?}], release?}: all or none; each as the single convert does, then released when release is true. A refusal names the selection (orders[i]) and converts nothing: 400 for a missing supplier or a planned order named twice, 404 for an unknown one, 409 already-converted or not-current-run.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`already-converted`, `not-current-run`, `run-without-results`, or a refusal of releasing a new order (`errors` names orders[i]); nothing was converted")
    @APIResponse(responseCode = "422", description = "A new production order cannot be released (`no-routing`); nothing was converted")
    public List<ConversionView> convertAll(@PathParam("runId") long runId, @Valid @NotNull BulkConvertRequest request) {
        return actions.convertAll(runId, request.orders().stream()
                        .map(o -> new PlannerActionService.Selection(o.itemId(), o.number(), o.supplierId())).toList(),
                Boolean.TRUE.equals(request.release())).stream().map(MrpViews::converted).toList();
    }

    @POST
    @Path("/net-change")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Re-plan the current run after a sales order changed", description = "Only the items affected by the order's lines are planned again and rewritten; the result equals a regenerative run on the same data.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`no-plan`: no current run; `plan-acted-on`: planned orders of the current run were firmed or converted (start a new run)")
    public NetChangeView netChange(@Valid NetChangeRequest request) {
        return MrpViews.netChanged(actions.netChange(request == null ? null : request.salesOrderId()));
    }
}
