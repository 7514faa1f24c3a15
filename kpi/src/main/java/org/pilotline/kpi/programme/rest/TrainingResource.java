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
import org.pilotline.platform.security.Roles;

import java.net.URI;
import java.util.List;

import org.pilotline.kpi.programme.TrainingService;
import org.pilotline.kpi.programme.ProgrammeViews.TrainingRequest;
import org.pilotline.kpi.programme.ProgrammeViews.TrainingTotals;
import org.pilotline.kpi.programme.ProgrammeViews.TrainingView;

@Path("/api/programme")
@Tag(name = "Programme")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrainingResource {

    @Inject
    TrainingService trainings;

    @GET
    @Path("/trainings")
    @RolesAllowed(Roles.BUREAU)
    @Operation(summary = "Training sessions with their attendance (bureau only)")
    public Page<TrainingView> list(@BeanParam PageParams paging) {
        return trainings.listTrainings(paging.toRequest());
    }

    @GET
    @Path("/trainings/{id}")
    @RolesAllowed(Roles.BUREAU)
    @Operation(summary = "Read a training session (bureau only)")
    public TrainingView get(@PathParam("id") long id) {
        return trainings.getTraining(id);
    }

    @POST
    @Path("/trainings")
    @RolesAllowed(Roles.BUREAU)
    @Operation(summary = "Record a training session (bureau only)",
            description = "Level ENGINEERING (staff applying the technology) or MANAGEMENT (process change); attendance per enterprise."
                    + " 400 `unknown-reference` naming attendance[i].enterprise.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = TrainingView.class)))
    public Response create(@Valid @NotNull TrainingRequest request) {
        TrainingView created = trainings.saveTraining(null, request);
        return Response.created(URI.create("/api/programme/trainings/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/trainings/{id}")
    @RolesAllowed(Roles.BUREAU)
    @Operation(summary = "Change a training session (bureau only)", description = "409 `stale-version`.")
    @APIResponse(responseCode = "200")
    public TrainingView update(@PathParam("id") long id, @Valid @NotNull TrainingRequest request) {
        return trainings.saveTraining(id, request);
    }

    @GET
    @Path("/training-totals")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.EXPERT})
    @Operation(summary = "The enterprise's training of a year per level: sessions, attendees, person-hours",
            description = "400 `invalid-year` naming year.")
    public List<TrainingTotals> totals(@QueryParam("year") String year) {
        return trainings.totalsOfCallersEnterprise(Params.year("year", year));
    }
}
