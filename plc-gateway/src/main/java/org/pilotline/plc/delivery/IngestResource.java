package org.pilotline.plc.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.plc.binding.BindingService;
import org.pilotline.plc.contract.MachineEvent;
import org.pilotline.plc.contract.MachineEventBatch;
import org.pilotline.plc.web.GatewayProblems;

import java.util.List;
import java.util.Set;

@Path("/api/gateway/ingest")
@Tag(name = "PLC gateway")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IngestResource {

    @Inject
    BindingService bindings;

    @Inject
    IngestService ingest;

    @POST
    @RolesAllowed("operator")
    @Operation(summary = "Deliver a batch of machine events from an edge gateway",
            description = "Posted by a gateway running at a plant's edge, as an account of the enterprise with role"
                    + " operator. Idempotent on (machine, sequence): repeated events are counted as duplicates and"
                    + " not delivered again. 403 when the batch is for another enterprise, 422 naming machines the"
                    + " enterprise has no binding for.")
    public IngestService.IngestResult ingest(@NotNull MachineEventBatch batch) {
        String tenant = bindings.requireEnterprise();
        if (!tenant.equals(batch.tenant())) {
            throw GatewayProblems.problem(403, "foreign-tenant", "The batch is for another enterprise",
                    "This account may only deliver events of its own enterprise's machines", List.of());
        }
        List<String> machines = batch.events().stream().map(MachineEvent::machine).distinct().toList();
        Set<String> known = bindings.knownMachines(machines);
        List<String> unknown = machines.stream().filter(m -> !known.contains(m)).toList();
        if (!unknown.isEmpty()) {
            throw GatewayProblems.problem(422, "unknown-machine", "The batch names machines without a binding",
                    "No binding for " + String.join(", ", unknown),
                    unknown.stream().map(m -> new GatewayProblems.FieldProblem("events.machine", m + " has no binding"))
                            .toList());
        }
        return ingest.accept(batch);
    }
}
