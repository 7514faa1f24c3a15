package org.pilotline.mes.machine.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.machine.MachineHistoryService;
import org.pilotline.platform.security.Roles;

import java.time.Instant;

@Path("/api/mes/work-units/{id}/machine-history")
@Tag(name = "Machine-state history", description = "What the PLCs reported: state intervals, part counts, data loss")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.OPERATOR, Roles.QUALITY, Roles.ADMIN, Roles.TERMINAL})
public class MachineHistoryResource {

    @Inject
    MachineHistoryService history;

    @GET
    @Operation(summary = "A work unit's machine-state history", description = "Intervals of MachineryItemState and"
            + " operation mode (OPC 40001-1) overlapping [from, to) with the operation running then and the downtime"
            + " reason an operator gave; part counts; spans in which the gateway could not observe the machine (unknown"
            + " time, neither running nor stopped). At most 31 days per request.")
    public MachineHistoryService.History get(@PathParam("id") long workUnitId, @QueryParam("from") Instant from,
                                             @QueryParam("to") Instant to) {
        return history.history(workUnitId, from, to);
    }
}
