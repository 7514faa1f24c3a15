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
import org.pilotline.platform.security.Roles;

import java.net.URI;
import java.util.List;

import org.pilotline.kpi.programme.ProjectService;
import org.pilotline.kpi.programme.ProgrammeViews.MilestoneUpdate;
import org.pilotline.kpi.programme.ProgrammeViews.ProjectRequest;
import org.pilotline.kpi.programme.ProgrammeViews.ProjectView;
import org.pilotline.kpi.programme.ProgrammeViews.StatusChange;

@Path("/api/programme/projects")
@Tag(name = "Programme")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.BUREAU)
public class ProjectResource {

    @Inject
    ProjectService projects;

    @GET
    @RolesAllowed({Roles.BUREAU, Roles.EXPERT})
    @Operation(summary = "Research projects", description = "The bureau sees every project, an expert those they work on.")
    public Page<ProjectView> list(@BeanParam PageParams paging) {
        return projects.listProjects(paging.toRequest());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BUREAU, Roles.EXPERT})
    @Operation(summary = "Read a research project", description = "404 for an expert not on it.")
    public ProjectView get(@PathParam("id") long id) {
        return projects.getProject(id);
    }

    @POST
    @Operation(summary = "Propose a research project (bureau only)",
            description = "Starts PROPOSED. 400 `unknown-reference` naming enterprises[i] or experts[i].")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response create(@Valid @NotNull ProjectRequest request) {
        ProjectView created = projects.saveProject(null, request);
        return Response.created(URI.create("/api/programme/projects/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a research project (bureau only)", description = "Its status changes only through /status. 409 `stale-version`.")
    @APIResponse(responseCode = "200")
    public ProjectView update(@PathParam("id") long id, @Valid @NotNull ProjectRequest request) {
        return projects.saveProject(id, request);
    }

    @POST
    @Path("/{id}/status")
    @Operation(summary = "Move a research project along its life (bureau only)",
            description = "PROPOSED → ACTIVE or CANCELLED; ACTIVE → COMPLETED or CANCELLED. 409 `invalid-transition` naming the current status, `stale-version`.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`invalid-transition`, `stale-version`")
    public ProjectView changeStatus(@PathParam("id") long id, @Valid @NotNull StatusChange request) {
        return projects.changeStatus(id, request);
    }

    @PUT
    @Path("/{id}/milestones/{index}")
    @RolesAllowed({Roles.BUREAU, Roles.EXPERT})
    @Operation(summary = "Record a milestone as done (doneOn) or open (null): an expert on the project, or the bureau",
            description = "index counts from 0; 404 for a missing milestone or an expert not on the project; 409 `stale-version`.")
    @APIResponse(responseCode = "200")
    public ProjectView updateMilestone(@PathParam("id") long id, @PathParam("index") int index,
                                       @Valid @NotNull MilestoneUpdate request) {
        return projects.updateMilestone(id, index, request);
    }
}
