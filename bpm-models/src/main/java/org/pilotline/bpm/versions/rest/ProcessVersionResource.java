package org.pilotline.bpm.versions.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.bpm.versions.ProcessVersionRequest;
import org.pilotline.bpm.versions.ProcessVersionService;
import org.pilotline.bpm.versions.ProcessVersionView;
import org.pilotline.platform.security.Roles;

import java.net.URI;
import java.util.List;

@Path("/api/processes/models")
@Tag(name = "Processes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.PLANNER, Roles.QUALITY, Roles.EXPERT})
public class ProcessVersionResource {

    @Inject
    ProcessVersionService versions;

    @GET
    @Operation(summary = "The process models of my enterprise, each with its current version",
            description = "current: the version new instances start with, TEMPLATE (the shared model) or ENTERPRISE"
                    + " (the enterprise's own).")
    public List<ProcessVersionService.ProcessModelView> models() {
        return versions.models();
    }

    @GET
    @Path("/{key}/versions")
    @Operation(summary = "Every version of a process model in my enterprise, with its instances from the history",
            description = "Oldest first; as-is and to-be versions side by side (instances, active, completed). 404 for"
                    + " an unknown model.")
    public List<ProcessVersionView> versions(@PathParam("key") String key) {
        return versions.versions(key);
    }

    @GET
    @Path("/{key}/versions/{version}/bpmn")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "The BPMN XML of one version (to edit in Camunda Modeler)",
            description = "404 for an unknown model or version.")
    public Response model(@PathParam("key") String key, @PathParam("version") int version) {
        return Response.ok(versions.model(key, version), MediaType.APPLICATION_XML).build();
    }

    @POST
    @Path("/{key}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Deploy my enterprise's own version of a process model",
            description = "{\"bpmn\": XML}. 201 with the new version, which new instances of my enterprise start with;"
                    + " running ones keep theirs. The same XML as the current version again: 200 with it, nothing"
                    + " deployed. 400 invalid-model naming bpmn: not BPMN, another process id, not executable, no"
                    + " history time to live, scripts, Java classes, call activities, delegates other than the suite's,"
                    + " expressions that navigate or call. 404 for an unknown model.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = ProcessVersionView.class)))
    @APIResponse(responseCode = "200", description = "Sent again: nothing new, the existing one", content = @Content(schema = @Schema(implementation = ProcessVersionView.class)))
    public Response deploy(@PathParam("key") String key, @Valid @NotNull ProcessVersionRequest request) {
        ProcessVersionService.Deployed deployed = versions.deploy(key, request);
        ProcessVersionView view = deployed.version();
        return deployed.created()
                ? Response.created(URI.create("/api/processes/models/" + key + "/versions/" + view.version()))
                .entity(view).build()
                : Response.ok(view).build();
    }
}
