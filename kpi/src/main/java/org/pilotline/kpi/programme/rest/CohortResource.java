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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.kpi.programme.CohortService;
import org.pilotline.kpi.programme.ProgrammeViews.CohortRequest;
import org.pilotline.kpi.programme.ProgrammeViews.CohortView;
import org.pilotline.platform.security.Roles;

import java.net.URI;
import java.util.List;

@Path("/api/programme/cohorts")
@Tag(name = "Programme", description = "The bureau's programme records: cohorts, expert pairings and visits, research projects, training, model cases, CMMM self-assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.BUREAU)
public class CohortResource {

    @Inject
    CohortService cohorts;

    @GET
    @Operation(summary = "The programme's cohorts (bureau only)")
    public Page<CohortView> list(@BeanParam PageParams paging) {
        return cohorts.listCohorts(paging.toRequest());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a cohort (bureau only)")
    public CohortView get(@PathParam("id") long id) {
        return cohorts.getCohort(id);
    }

    @POST
    @Operation(summary = "Select a cohort of enterprises (bureau only)",
            description = "400 `unknown-reference` naming enterprises[i]; 409 `duplicate-cohort` (one cohort per year and type),"
                    + " `enterprise-in-cohort` naming enterprises[i] (an enterprise belongs to one cohort).")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = CohortView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-cohort`, `enterprise-in-cohort`")
    public Response create(@Valid @NotNull CohortRequest request) {
        CohortView created = cohorts.saveCohort(null, request);
        return Response.created(URI.create("/api/programme/cohorts/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a cohort (bureau only)", description = "Send the version read; 409 `stale-version`.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-cohort`, `enterprise-in-cohort`, `stale-version`")
    public CohortView update(@PathParam("id") long id, @Valid @NotNull CohortRequest request) {
        return cohorts.saveCohort(id, request);
    }
}
