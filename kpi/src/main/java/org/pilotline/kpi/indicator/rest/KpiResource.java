package org.pilotline.kpi.indicator.rest;

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
import org.pilotline.kpi.bureau.MonthParam;
import org.pilotline.kpi.bureau.PeerService;
import org.pilotline.kpi.bureau.PeerViews;
import org.pilotline.kpi.indicator.KpiService;
import org.pilotline.kpi.indicator.KpiViews;
import org.pilotline.kpi.time.Period;
import org.pilotline.platform.security.Roles;

import java.util.List;

@Path("/api/kpi")
@Tag(name = "KPIs", description = "ISO 22400-2 time elements and KPIs from the machine-state history and the MES's reports")
@Produces(MediaType.APPLICATION_JSON)
public class KpiResource {


    @Inject
    KpiService kpis;

    @Inject
    PeerService peers;

    @GET
    @Path("/definitions")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER, Roles.QUALITY, Roles.OPERATOR, Roles.EXPERT, Roles.BUREAU})
    @Operation(summary = "The KPIs computed, with ISO 22400-2 definition, formula, unit and good direction (zh-CN, en)")
    public List<KpiViews.DefinitionView> definitions() {
        return kpis.definitions();
    }

    @GET
    @Path("/work-units/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER, Roles.QUALITY, Roles.OPERATOR, Roles.EXPERT})
    @Operation(summary = "A work unit's time elements, quantities and KPIs for [from, to)", description = "At most 31"
            + " days. 400 `invalid-period` naming from or to; 404 for a work unit that is not the caller's"
            + " enterprise's; 403 for the bureau (raw records).")
    public KpiViews.KpiReport workUnit(@PathParam("id") long id, @QueryParam("from") String from,
                                       @QueryParam("to") String to) {
        return kpis.workUnit(id, Period.parse(from, to));
    }

    @GET
    @Path("/work-units/{id}/provenance")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER, Roles.QUALITY, Roles.OPERATOR, Roles.EXPERT})
    @Operation(summary = "Where a work unit's figures come from", description = "Every piece of planned operation"
            + " time (or, with `element`, of one time element) with the machine-state interval, data-loss span, order"
            + " phase and reports and downtime reasons behind it; the quantity reports; the work orders' execution"
            + " spans; finished operations against their schedule. 400 `invalid-time-element` naming element.")
    public KpiViews.Provenance provenance(@PathParam("id") long id, @QueryParam("from") String from,
                                          @QueryParam("to") String to, @QueryParam("element") String element) {
        return kpis.provenance(id, Period.parse(from, to), element);
    }

    @GET
    @Path("/work-centers/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER, Roles.QUALITY, Roles.OPERATOR, Roles.EXPERT})
    @Operation(summary = "A work center's KPIs for [from, to): from the sums of its work units, each listed too")
    public KpiViews.KpiReport workCenter(@PathParam("id") long id, @QueryParam("from") String from,
                                         @QueryParam("to") String to) {
        return kpis.workCenter(id, Period.parse(from, to));
    }

    @GET
    @Path("/enterprise")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER, Roles.QUALITY, Roles.OPERATOR, Roles.EXPERT})
    @Operation(summary = "The caller's enterprise's KPIs for [from, to)", description = "From the sums of all its work"
            + " units, each listed too; on-time delivery from its sales order lines. 403 `enterprise-required` for a"
            + " caller acting for no enterprise.")
    public KpiViews.KpiReport enterprise(@QueryParam("from") String from, @QueryParam("to") String to) {
        return kpis.enterprise(Period.parse(from, to));
    }

    @GET
    @Path("/peers")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER, Roles.QUALITY, Roles.OPERATOR, Roles.EXPERT})
    @Operation(summary = "The caller's enterprise's KPIs of a month and its rank among its peers",
            description = "Rank (1 = best), number of peers with a value and percentile rank within its industry and"
                    + " within its manufacturing type, from the month roll-ups; never a peer's value (the values side"
                    + " by side are the bureau's). 400 `invalid-month` naming month (yyyy-MM).")
    public PeerViews.OwnStanding peers(@QueryParam("month") String month) {
        return peers.standing(MonthParam.parse("month", month));
    }
}
