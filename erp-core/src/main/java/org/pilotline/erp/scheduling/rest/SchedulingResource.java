package org.pilotline.erp.scheduling.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.erp.scheduling.SchedulingDtos.ComparisonView;
import org.pilotline.erp.scheduling.SchedulingDtos.GanttView;
import org.pilotline.erp.scheduling.SchedulingDtos.LatenessView;
import org.pilotline.erp.scheduling.SchedulingDtos.MoveRequest;
import org.pilotline.erp.scheduling.SchedulingDtos.OperationView;
import org.pilotline.erp.scheduling.SchedulingDtos.ScheduleRequest;
import org.pilotline.erp.scheduling.SchedulingDtos.ScheduleView;
import org.pilotline.erp.scheduling.SchedulingDtos.SolveRequest;
import org.pilotline.erp.scheduling.SchedulingDtos.SolveView;
import org.pilotline.erp.scheduling.ScheduleKind;
import org.pilotline.erp.scheduling.ScheduleQueries;
import org.pilotline.erp.scheduling.SchedulingService;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.security.Roles;

import java.net.URI;

/** The planner API: asynchronous solves, schedules as Gantt data, pins and moves, late-order explanations, what-ifs. */
@Path("/api/scheduling")
@Tag(name = "Scheduling")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.MANAGER, Roles.EXPERT})
public class SchedulingResource {

    @Inject
    SchedulingService scheduling;

    @Inject
    ScheduleQueries queries;

    @POST
    @Path("/solves")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Start a solve", description = "Asynchronous: 202 with the solve and its Location. 422 "
            + "problem+json naming each order and operation that cannot be scheduled (no-eligible-machine, unschedulable); "
            + "409 solve-running while the schedule is being solved.")
    @APIResponse(responseCode = "202", description = "Accepted and running in the background; Location is where its progress is read")
    @APIResponse(responseCode = "409", description = "`solve-running`: the schedule is being solved (`solveId` names the solve)")
    @APIResponse(responseCode = "422", description = "`no-eligible-machine` / `unschedulable`: `problems` names each order and operation that cannot be scheduled; `nothing-to-schedule`; `order-not-schedulable`")
    @APIResponse(responseCode = "404", description = "`not-found`: the scheduleId given does not exist (or there is no live schedule yet)")
    public Response startSolve(@Valid @NotNull SolveRequest request) {
        return accepted(scheduling.startSolve(request));
    }

    @GET
    @Path("/solves")
    @Operation(summary = "List solves", description = "Filter by scheduleId; sort by requestedAt.")
    public Page<SolveView> solves(@BeanParam PageParams paging, @QueryParam("scheduleId") Long scheduleId) {
        return queries.solves(paging.toRequest(), scheduleId);
    }

    @GET
    @Path("/solves/{id}")
    @Operation(summary = "Read a solve's state and progress", description = "The best schedule so far is its schedule.")
    public SolveView solve(@PathParam("id") long id) {
        return queries.solve(id);
    }

    @POST
    @Path("/solves/{id}/cancel")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Ask a solve to stop", description = "Whichever replica runs it stops it within a moment; the best schedule so far stands.")
    public SolveView cancel(@PathParam("id") long id) {
        return scheduling.cancel(id);
    }

    @GET
    @Path("/schedules")
    @Operation(summary = "List schedules", description = "The live schedule and what-if copies; filter by kind (LIVE, WHAT_IF).")
    public Page<ScheduleView> schedules(@BeanParam PageParams paging, @QueryParam("kind") ScheduleKind kind) {
        return queries.list(paging.toRequest(), kind);
    }

    @POST
    @Path("/schedules")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Create a what-if copy", description = "A copy of copyOf (default: the live schedule) to change and solve without touching the live schedule.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    public Response createWhatIf(@Valid @NotNull ScheduleRequest request) {
        ScheduleView created = queries.schedule(scheduling.createWhatIf(request).id);
        return Response.created(URI.create("/api/scheduling/schedules/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/schedules/live")
    @Operation(summary = "Read the live schedule")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "`not-found`: the enterprise has no live schedule yet")
    public ScheduleView live() {
        return queries.live();
    }

    @GET
    @Path("/schedules/{id: \\d+}")
    @Operation(summary = "Read a schedule and its metrics")
    public ScheduleView schedule(@PathParam("id") long id) {
        return queries.schedule(id);
    }

    @DELETE
    @Path("/schedules/{id: \\d+}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Delete a what-if copy", description = "409 live-schedule for the live schedule.")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "409", description = "`live-schedule`: the live schedule cannot be deleted; `solve-running`")
    public Response delete(@PathParam("id") long id) {
        scheduling.deleteWhatIf(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/schedules/{id}/gantt")
    @Operation(summary = "Gantt data", description = "Operations per machine in time order and per order in routing order; times as UTC instants, zone for display. "
            + "With orderOperations=false the orders come without their operations (each is in its machine's lane already): half the answer for a large schedule.")
    @APIResponse(responseCode = "200", description = "The Gantt")
    @APIResponse(responseCode = "400", description = "`invalid-parameter`: orderOperations is neither true nor false")
    @APIResponse(responseCode = "404", description = "No such schedule (of the caller's enterprise)")
    public GanttView gantt(@PathParam("id") long id,
                           @Parameter(description = "true (the default) or false: list each order's operations too")
                           @QueryParam("orderOperations") String orderOperations) {
        boolean withOrderOperations = orderOperations == null || orderOperations.equals("true");
        if (orderOperations != null && !orderOperations.equals("true") && !orderOperations.equals("false")) {
            throw DomainException.invalid("invalid-parameter", "orderOperations is true or false",
                    new FieldError("orderOperations", "must be true or false"));
        }
        return queries.gantt(id, withOrderOperations);
    }

    @POST
    @Path("/schedules/{id}/operations/{operationId}/pin")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Pin an operation where it is", description = "Re-solves keep it exactly there.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`solve-running`: the schedule is being solved")
    public OperationView pin(@PathParam("id") long id, @PathParam("operationId") long operationId) {
        return scheduling.pin(id, operationId, true);
    }

    @DELETE
    @Path("/schedules/{id}/operations/{operationId}/pin")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Release an operation's pin")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`solve-running`: the schedule is being solved")
    public OperationView unpin(@PathParam("id") long id, @PathParam("operationId") long operationId) {
        return scheduling.pin(id, operationId, false);
    }

    @POST
    @Path("/schedules/{id}/operations/{operationId}/move")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Move an operation and re-solve around it", description = "Pins it on the work unit and/or at the "
            + "start given and starts a re-solve of the schedule's orders: 202 with the solve. 422 when it cannot run there.")
    @APIResponse(responseCode = "202", description = "Accepted and running in the background; Location is where its progress is read")
    @APIResponse(responseCode = "409", description = "`solve-running`: the schedule is being solved (`solveId`)")
    @APIResponse(responseCode = "422", description = "`no-eligible-machine` / `unschedulable` with `problems`")
    public Response move(@PathParam("id") long id, @PathParam("operationId") long operationId,
                         @Valid @NotNull MoveRequest request) {
        return accepted(scheduling.move(id, operationId, request));
    }

    @GET
    @Path("/schedules/{id}/orders/{orderId}/explanation")
    @Operation(summary = "Explain an order's completion", description = "Why it is late (or not): the chain of operations and machines that binds it.")
    public LatenessView explain(@PathParam("id") long id, @PathParam("orderId") long orderId) {
        return queries.explain(id, orderId);
    }

    @GET
    @Path("/schedules/{id}/comparison")
    @Operation(summary = "Compare metrics", description = "This schedule against ?with= (default: the live schedule).")
    public ComparisonView compare(@PathParam("id") long id, @QueryParam("with") Long with) {
        return queries.compare(id, with);
    }

    private static Response accepted(SolveView solve) {
        return Response.accepted(solve).location(URI.create("/api/scheduling/solves/" + solve.id())).build();
    }
}
