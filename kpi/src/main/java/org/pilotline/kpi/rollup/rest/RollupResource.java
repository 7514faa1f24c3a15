package org.pilotline.kpi.rollup.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.kpi.rollup.RollupQuery;
import org.pilotline.kpi.rollup.RollupService;
import org.pilotline.kpi.rollup.RollupViews;
import org.pilotline.platform.security.Roles;

@Path("/api/kpi/rollups")
@Tag(name = "KPIs", description = "ISO 22400-2 time elements and KPIs from the machine-state history and the MES's reports")
@Produces(MediaType.APPLICATION_JSON)
public class RollupResource {

    @Inject
    RollupService rollups;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER, Roles.QUALITY, Roles.OPERATOR, Roles.EXPERT})
    @Operation(summary = "Roll-up buckets of a work unit, work center, area, site or the enterprise",
            description = "`level` WORK_UNIT, WORK_CENTER, AREA, SITE or ENTERPRISE (then no `id`); `grain` HOUR, SHIFT,"
                    + " DAY, WEEK or MONTH in the enterprise's zone; the buckets that start in [from, to) (at most 31"
                    + " days of hours, 400 days otherwise). Kept current by the MES's events within seconds. 400"
                    + " `invalid-rollup-query` naming the field; 404 for a node that is not the caller's enterprise's;"
                    + " 403 for the bureau (raw per-node figures).")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "`not-found`: the node `id` names is not the caller's enterprise's")
    public RollupViews.Series series(@QueryParam("level") String level, @QueryParam("id") Long id,
                                     @QueryParam("grain") String grain, @QueryParam("from") String from,
                                     @QueryParam("to") String to) {
        return rollups.series(RollupQuery.parse(level, id, grain, from, to));
    }

    @GET
    @Path("/status")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER, Roles.QUALITY, Roles.OPERATOR, Roles.EXPERT})
    @Operation(summary = "Touches of the caller's enterprise that the roll-ups have not applied yet")
    public RollupViews.Status status() {
        return rollups.status();
    }

    @POST
    @Path("/recompute")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rebuilds the enterprise's roll-ups from the raw history (bin/kpi-recompute)",
            description = "Every bucket that ends after `from` (default: the enterprise's earliest machine state,"
                    + " data-loss span or report) is deleted and computed again; answers when done. 400"
                    + " `invalid-rollup-query` naming from.")
    public RollupViews.Recomputed recompute(@QueryParam("from") String from) {
        return rollups.recompute(from == null ? null : RollupQuery.instantOf("from", from));
    }
}
