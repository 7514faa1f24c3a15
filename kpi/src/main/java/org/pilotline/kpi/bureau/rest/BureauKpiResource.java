package org.pilotline.kpi.bureau.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.kpi.bureau.BureauService;
import org.pilotline.kpi.time.Period;
import org.pilotline.platform.security.Roles;

@Path("/api/kpi/bureau")
@Tag(name = "KPIs", description = "ISO 22400-2 time elements and KPIs from the machine-state history and the MES's reports")
@Produces(MediaType.APPLICATION_JSON)
public class BureauKpiResource {

    @Inject
    BureauService bureau;

    @GET
    @Path("/enterprises")
    @RolesAllowed(Roles.BUREAU)
    @Operation(summary = "Every pilot enterprise's aggregate KPIs for [from, to), side by side (bureau only)",
            description = "Time elements, quantities and KPIs per enterprise, computed from the sums of its work units;"
                    + " no work unit or record. At most 31 days; 400 `invalid-period` naming from or to.")
    public BureauService.Comparison enterprises(@QueryParam("from") String from, @QueryParam("to") String to) {
        return bureau.compare(Period.parse(from, to));
    }
}
