package org.pilotline.mes.dispatch.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.dispatch.DispatchService;
import org.pilotline.platform.security.Roles;

import java.util.List;

@Path("/api/mes/dispatch-list")
@Tag(name = "Dispatch lists", description = "What a work center or work unit has to do next")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.OPERATOR, Roles.QUALITY, Roles.ADMIN, Roles.TERMINAL})
public class DispatchResource {

    @Inject
    DispatchService dispatch;

    @GET
    @Operation(summary = "A dispatch list", description = "Open operations of released work orders at workCenterId (or"
            + " on workUnitId), in the live schedule's order (planned start; unscheduled ones last by due date), with the"
            + " quantity still to make, material readiness (components for that quantity against what is on hand at the"
            + " work center's staging location) and whether the operation is late and why.")
    public List<DispatchService.DispatchLine> list(@QueryParam("workCenterId") Long workCenterId,
                                                   @QueryParam("workUnitId") Long workUnitId) {
        return dispatch.dispatchList(workCenterId, workUnitId);
    }
}
