package org.pilotline.plc.binding;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.plc.acquisition.ConnectionStatus;
import org.pilotline.plc.binding.dto.BindingRequest;
import org.pilotline.plc.binding.dto.BindingView;
import org.pilotline.plc.runtime.GatewayRuntime;
import org.pilotline.plc.web.GatewayProblems;

import java.net.URI;
import java.util.List;

@Path("/api/gateway")
@Tag(name = "PLC gateway", description = "OPC UA machine bindings, connection status, address-space browsing, edge ingest")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "planner", "operator", "quality", "manager", "expert"})
public class BindingResource {

    @Inject
    BindingService bindings;

    @Inject
    GatewayRuntime runtime;

    @GET
    @Path("/bindings")
    @Operation(summary = "List machine bindings", description = "Sorted by machine code; page from 0, size 1-1000.")
    public BindingService.BindingPage list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return bindings.listBindings(number("page", page, 0, 0, Integer.MAX_VALUE), number("size", size, 50, 1, 1000));
    }

    @GET
    @Path("/bindings/{id}")
    @Operation(summary = "Read a machine binding")
    public BindingView get(@PathParam("id") long id) {
        return bindings.getBinding(id);
    }

    @POST
    @Path("/bindings")
    @RolesAllowed({"admin", "manager"})
    @Operation(summary = "Bind a machine", description = "The gateway starts acquiring it when the change is committed."
            + " 409 when the machine code is taken, 422 when a rule is broken (the fields are named).")
    public Response create(@Valid @NotNull BindingRequest request) {
        BindingView created = bindings.createBinding(request);
        return Response.created(URI.create("/api/gateway/bindings/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/bindings/{id}")
    @RolesAllowed({"admin", "manager"})
    @Operation(summary = "Change a machine binding", description = "409 when it changed since the version sent.")
    public BindingView update(@PathParam("id") long id, @Valid @NotNull BindingRequest request) {
        return bindings.updateBinding(id, request);
    }

    @DELETE
    @Path("/bindings/{id}")
    @RolesAllowed({"admin", "manager"})
    @Operation(summary = "Unbind a machine", description = "The gateway stops acquiring it.")
    public Response delete(@PathParam("id") long id) {
        bindings.deleteBinding(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/connections")
    @Operation(summary = "The gateway's OPC UA connections of the caller's machines",
            description = "State (CONNECTING, CONNECTED, DISCONNECTED), last error, notifications and data-loss events.")
    public List<ConnectionStatus> connections() {
        String tenant = bindings.requireEnterprise();
        return runtime.statuses(tenant);
    }

    private static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw GatewayProblems.problem(400, "invalid-paging", "Invalid paging", "'" + value + "' is not valid for "
                + name, List.of(new GatewayProblems.FieldProblem(name, "must be a whole number from " + min + " to " + max)));
    }
}
