package org.pilotline.kpi.programme.rest;

import org.pilotline.platform.paging.PageParams;
import org.pilotline.platform.paging.Page;
import jakarta.ws.rs.BeanParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.kpi.programme.OverviewService;
import org.pilotline.kpi.programme.ProgrammeViews.FollowUpsUpdate;
import org.pilotline.kpi.programme.ProgrammeViews.LoggedVisit;
import org.pilotline.kpi.programme.ProgrammeViews.VisitCounts;
import org.pilotline.kpi.programme.ProgrammeViews.VisitRequest;
import org.pilotline.kpi.programme.ProgrammeViews.VisitView;
import org.pilotline.kpi.programme.VisitService;
import org.pilotline.platform.security.Roles;

import java.net.URI;
import java.util.List;

@Path("/api/programme")
@Tag(name = "Programme")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VisitResource {

    @Inject
    VisitService visits;

    @Inject
    OverviewService overview;

    @GET
    @Path("/visits")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.EXPERT})
    @Operation(summary = "The visit log of the enterprise acted for",
            description = "Its administrators and managers, and its assigned experts (PilotLine-Enterprise); never the bureau.")
    public Page<VisitView> list(@BeanParam PageParams paging) {
        return visits.listVisits(paging.toRequest());
    }

    @GET
    @Path("/visits/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.EXPERT})
    @Operation(summary = "Read a visit log entry")
    public VisitView get(@PathParam("id") long id) {
        return visits.getVisit(id);
    }

    @POST
    @Path("/visits")
    @RolesAllowed(Roles.EXPERT)
    @Operation(summary = "Log a visit to the enterprise acted for (expert paired with it today)",
            description = "201 for a new entry; 200 with the entry logged first when requestId was seen before."
                    + " 403 `not-paired` when the bureau does not pair the expert with the enterprise today.")
    @APIResponse(responseCode = "201", description = "Logged; Location is the entry", content = @Content(schema = @Schema(implementation = VisitView.class)))
    @APIResponse(responseCode = "200", description = "This requestId was logged before: the earlier entry, nothing logged again", content = @Content(schema = @Schema(implementation = VisitView.class)))
    public Response log(@Valid @NotNull VisitRequest request) {
        LoggedVisit logged = visits.logVisit(request);
        return Response.status(logged.replayed() ? 200 : 201)
                .location(URI.create("/api/programme/visits/" + logged.visit().id())).entity(logged.visit()).build();
    }

    @PUT
    @Path("/visits/{id}/follow-ups")
    @RolesAllowed(Roles.EXPERT)
    @Operation(summary = "Replace a visit's follow-ups (its author, while paired)",
            description = "Send the version read; 403 `not-author` or `not-paired`; 409 `stale-version`.")
    @APIResponse(responseCode = "200")
    public VisitView updateFollowUps(@PathParam("id") long id, @Valid @NotNull FollowUpsUpdate request) {
        return visits.updateFollowUps(id, request);
    }

    @GET
    @Path("/visit-counts")
    @RolesAllowed(Roles.BUREAU)
    @Operation(summary = "Visits per enterprise in [from, to] and their open follow-ups: counts only (bureau only)",
            description = "400 `invalid-period` naming from or to.")
    public List<VisitCounts> counts(@QueryParam("from") String from, @QueryParam("to") String to) {
        return overview.visitCounts(Params.date("from", from), Params.date("to", to));
    }
}
