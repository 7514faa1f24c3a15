package org.pilotline.kpi.programme.rest;

import org.pilotline.platform.paging.PageParams;
import org.pilotline.platform.paging.Page;
import jakarta.ws.rs.BeanParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import org.pilotline.kpi.programme.ModelCaseService;
import org.pilotline.kpi.programme.ProgrammeViews.ModelCaseRequest;
import org.pilotline.kpi.programme.ProgrammeViews.ModelCaseView;

@Path("/api/programme/model-cases")
@Tag(name = "Programme")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.BUREAU)
public class ModelCaseResource {

    @Inject
    ModelCaseService modelCases;

    @GET
    @Operation(summary = "Model cases (示范样板) (bureau only)")
    public Page<ModelCaseView> list(@BeanParam PageParams paging) {
        return modelCases.listModelCases(paging.toRequest());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a model case (bureau only)")
    public ModelCaseView get(@PathParam("id") long id) {
        return modelCases.getModelCase(id);
    }

    @POST
    @Operation(summary = "Flag an enterprise as a model case of a manufacturing type and year (bureau only)",
            description = "400 `unknown-reference` naming enterprise; 409 `duplicate-model-case`.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = ModelCaseView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-model-case`: the enterprise is a model case of that type and year already")
    public Response create(@Valid @NotNull ModelCaseRequest request) {
        ModelCaseView created = modelCases.saveModelCase(null, request);
        return Response.created(URI.create("/api/programme/model-cases/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a model case (bureau only)", description = "409 `duplicate-model-case`, `stale-version`.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-model-case`, `stale-version`")
    public ModelCaseView update(@PathParam("id") long id, @Valid @NotNull ModelCaseRequest request) {
        return modelCases.saveModelCase(id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Withdraw a model case (bureau only)")
    @APIResponse(responseCode = "204", description = "Done; no body")
    public Response delete(@PathParam("id") long id) {
        modelCases.deleteModelCase(id);
        return Response.noContent().build();
    }
}
