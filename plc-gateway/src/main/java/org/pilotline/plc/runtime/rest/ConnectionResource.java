package org.pilotline.plc.runtime.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.platform.security.Roles;
import org.pilotline.plc.acquisition.ConnectionStatus;
import org.pilotline.plc.runtime.GatewayRuntime;

import java.util.List;

/** What the running gateway's OPC UA connections are doing: the runtime owns that state, so it answers. */
@Path("/api/gateway/connections")
@Tag(name = "PLC gateway")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.QUALITY, Roles.MANAGER, Roles.EXPERT})
public class ConnectionResource {

    @Inject
    GatewayRuntime runtime;

    @GET
    @Operation(summary = "The gateway's OPC UA connections of the caller's machines",
            description = "State (CONNECTING, CONNECTED, DISCONNECTED), last error, notifications and data-loss events."
                    + " Only the replica holding the acquisition lease has connections; a standby replica answers [].")
    public List<ConnectionStatus> connections() {
        return runtime.connectionsOfTheCallersEnterprise();
    }
}
