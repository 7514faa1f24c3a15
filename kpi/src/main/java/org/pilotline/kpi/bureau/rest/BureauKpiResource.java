package org.pilotline.kpi.bureau.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.kpi.bureau.BureauService;
import org.pilotline.kpi.bureau.MonthParam;
import org.pilotline.kpi.bureau.PeerService;
import org.pilotline.kpi.bureau.PeerViews;
import org.pilotline.kpi.bureau.SnapshotService;
import org.pilotline.kpi.bureau.SnapshotViews;
import org.pilotline.kpi.bureau.TrendService;
import org.pilotline.kpi.bureau.WorkCenterService;
import org.pilotline.kpi.rollup.RollupViews;
import org.pilotline.kpi.time.Period;
import org.pilotline.platform.security.Roles;

import java.time.Instant;

@Path("/api/kpi/bureau")
@Tag(name = "KPIs", description = "ISO 22400-2 time elements and KPIs from the machine-state history and the MES's reports")
@Produces(MediaType.APPLICATION_JSON)
public class BureauKpiResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    BureauService bureau;

    @Inject
    PeerService peers;

    @Inject
    SnapshotService snapshots;

    @Inject
    TrendService trends;

    @Inject
    WorkCenterService workCenters;

    @GET
    @Path("/enterprises")
    @RolesAllowed(Roles.BUREAU)
    @Operation(summary = "Every pilot enterprise's aggregate KPIs for [from, to), side by side (bureau only)",
            description = "Time elements, quantities and KPIs per enterprise, computed from the sums of its work units;"
                    + " no work unit or record. At most 31 days; 400 `invalid-period` naming from or to.")
    public BureauService.Comparison enterprises(@QueryParam("from") String from, @QueryParam("to") String to) {
        return bureau.compare(Period.parse(from, to));
    }

    @GET
    @Path("/enterprises/{code}/trend")
    @RolesAllowed(Roles.BUREAU)
    @Operation(summary = "One enterprise's aggregate KPIs bucket by bucket (bureau only)", description = "Its"
            + " enterprise-level roll-up buckets of `grain` (HOUR, SHIFT, DAY, WEEK, MONTH, in its zone) that start in"
            + " [from, to): time elements, quantities and KPIs; no work unit. 400 `invalid-rollup-query`.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "`not-found`: no enterprise has this code")
    public RollupViews.Series trend(@PathParam("code") String code, @QueryParam("grain") String grain,
                                    @QueryParam("from") String from, @QueryParam("to") String to) {
        return trends.trend(code, grain, from, to);
    }

    @GET
    @Path("/enterprises/{code}/work-centers")
    @RolesAllowed(Roles.BUREAU)
    @Operation(summary = "One enterprise's work centers with their aggregate KPIs of a month or a period (bureau only)",
            description = "Every work center of the enterprise (code, name, area, number of work units) with its"
                    + " figures for `month` (yyyy-MM in the enterprise's zone: its month roll-up) or for [from, to)"
                    + " (ISO-8601 instants, or dates: the start of that day in the enterprise's zone; at most 31 days):"
                    + " time elements, quantities, failures and KPIs, as the enterprise's own"
                    + " `/api/kpi/work-centers/{id}` computes them for the period; no work unit, interval, report,"
                    + " operator or order. 400 `invalid-month` naming month (yyyy-MM), 400 `invalid-period` naming"
                    + " from, to (before from, or too long) or month (given with from/to).")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "`not-found`: no enterprise has this code")
    public WorkCenterService.WorkCenters workCenters(@PathParam("code") String code,
                                                     @QueryParam("month") String month,
                                                     @QueryParam("from") String from, @QueryParam("to") String to) {
        return workCenters.workCenters(code, month, from, to, Instant.now());
    }

    @GET
    @Path("/peers")
    @RolesAllowed(Roles.BUREAU)
    @Operation(summary = "Peer percentiles of a month within industry and within manufacturing type (bureau only)",
            description = "Every enterprise's month KPIs from its month roll-up, each with its percentile rank among the"
                    + " enterprises of its industry and of its manufacturing type, and each group's quartiles. 400"
                    + " `invalid-month` naming month (yyyy-MM).")
    public PeerViews.Comparison peers(@QueryParam("month") String month) {
        return peers.compare(MonthParam.parse("month", month));
    }

    @POST
    @Path("/snapshots/{month}")
    @RolesAllowed(Roles.BUREAU)
    @Operation(summary = "Files a completed month's snapshot of every enterprise (bureau only)",
            description = "The month is filed by itself on the first of the next month; this files it at once. A filed"
                    + " enterprise's snapshot never changes; an enterprise whose roll-ups are still catching up is"
                    + " counted as waiting. 422 `month-not-over`; 400 `invalid-month`.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "422", description = "`month-not-over`: the month has not ended yet")
    public SnapshotViews.Filed file(@PathParam("month") String month) {
        return snapshots.file(MonthParam.parse("month", month), Instant.now());
    }

    @GET
    @Path("/snapshots/{month}")
    @RolesAllowed(Roles.BUREAU)
    @Operation(summary = "The filed month of every enterprise, beside its roll-up now, with the difference (bureau only)")
    public SnapshotViews.Report snapshot(@PathParam("month") String month) {
        return snapshots.report(MonthParam.parse("month", month));
    }

    @GET
    @Path("/snapshots/{month}/workbook")
    @Produces({XLSX, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.BUREAU)
    @Operation(summary = "The filed month as an Excel workbook (bureau only)", description = "Sheets: the KPIs and"
            + " time elements as filed, the differences late data made since, and the KPI definitions; zh-CN and en"
            + " header rows.")
    public Response workbook(@PathParam("month") String month) {
        byte[] xlsx = snapshots.workbook(MonthParam.parse("month", month));
        return Response.ok(xlsx, XLSX).header("Content-Disposition", "attachment; filename=\"pilotline-kpi-" + month
                + ".xlsx\"").build();
    }
}
