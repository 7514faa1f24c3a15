package org.pilotline.plc.binding.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.platform.security.Roles;
import org.pilotline.plc.binding.BindingRequest;
import org.pilotline.plc.binding.BindingService;
import org.pilotline.plc.binding.BindingView;

import java.net.URI;

@Path("/api/gateway/bindings")
@Tag(name = "PLC gateway", description = "OPC UA machine bindings, connection status, address-space browsing, edge ingest")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.QUALITY, Roles.MANAGER, Roles.EXPERT})
public class BindingResource {

    @Inject
    BindingService bindings;

    @GET
    @Operation(summary = "List machine bindings", description = "Sorted by machine code unless sort says otherwise"
            + " (machineCode, endpointUrl; '-' in front sorts descending); page from 0, size 1-1000.")
    public Page<BindingView> list(@BeanParam PageParams paging) {
        return bindings.listBindings(paging.toRequest());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a machine binding")
    public BindingView get(@PathParam("id") long id) {
        return bindings.getBinding(id);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Bind a machine", description = "The gateway starts acquiring it when the change is committed."
            + " 409 when the machine code is taken, 422 when a rule is broken (the fields are named).")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = BindingView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the machine code is bound already")
    @APIResponse(responseCode = "422", description = "`invalid-binding`: `errors` names each field that does not fit (endpoint, security, state nodes)")
    public Response create(@Valid @NotNull BindingRequest request) {
        BindingView created = bindings.createBinding(request);
        return Response.created(URI.create("/api/gateway/bindings/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Change a machine binding", description = "400 without the version read, 409 when it"
            + " changed since that version.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-code`; `stale-version`")
    @APIResponse(responseCode = "422", description = "`invalid-binding`: `errors` names each field that does not fit")
    public BindingView update(@PathParam("id") long id, @Valid @NotNull BindingRequest request) {
        return bindings.updateBinding(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Unbind a machine", description = "The gateway stops acquiring it.")
    @APIResponse(responseCode = "204", description = "Done; no body")
    public Response delete(@PathParam("id") long id) {
        bindings.deleteBinding(id);
        return Response.noContent().build();
    }
}
