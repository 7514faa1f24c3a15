package org.pilotline.plc.delivery.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.platform.security.Roles;
import org.pilotline.plc.contract.MachineEventBatch;
import org.pilotline.plc.delivery.IngestService;

@Path("/api/gateway/ingest")
@Tag(name = "PLC gateway")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IngestResource {

    @Inject
    IngestService ingest;

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Deliver a batch of machine events from an edge gateway",
            description = "Posted by a gateway running at a plant's edge, as an account of the enterprise with role"
                    + " operator. Idempotent on (machine, sequence): repeated events are counted as duplicates and"
                    + " not delivered again. 403 when the batch is for another enterprise, 422 naming machines the"
                    + " enterprise has no binding for.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "403", description = "`foreign-tenant`: the batch names another enterprise")
    @APIResponse(responseCode = "422", description = "`unknown-machine`: the batch names a machine not bound in the enterprise")
    public IngestService.IngestResult ingest(@NotNull MachineEventBatch batch) {
        return ingest.acceptFromEdge(batch);
    }
}
