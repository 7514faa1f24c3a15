package org.pilotline.bpm.analytics.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.bpm.analytics.ProcessAnalyticsService;
import org.pilotline.bpm.analytics.ProcessAnalyticsViews;
import org.pilotline.platform.security.Roles;

@Path("/api/processes/analytics")
@Tag(name = "Processes")
@Produces(MediaType.APPLICATION_JSON)
public class ProcessAnalyticsResource {

    @Inject
    ProcessAnalyticsService analytics;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.PLANNER, Roles.QUALITY, Roles.EXPERT})
    @Operation(summary = "Process analytics of my enterprise from the engine's history",
            description = "Per process key and version, over the instances started in [from, to) (ISO-8601 instants,"
                    + " each optional; processKey optional): instances started, completed and running, cycle time"
                    + " p50/p90 of the completed ones; per step count, duration p50/p90 and total, a user task's"
                    + " waiting (created → claimed, or → completed when never claimed) and working time (claimed →"
                    + " completed); the bottleneck step (largest total duration). Durations in ms and ISO-8601."
                    + " 400 `invalid-analytics-query` naming processKey, from or to.")
    @APIResponse(responseCode = "200")
    public ProcessAnalyticsViews.Report report(@QueryParam("processKey") String processKey,
                                               @QueryParam("from") String from, @QueryParam("to") String to) {
        return analytics.report(processKey, from, to);
    }

    @GET
    @Path("/compare")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.PLANNER, Roles.QUALITY, Roles.EXPERT})
    @Operation(summary = "As-is vs to-be: two versions of one process of my enterprise side by side",
            description = "The figures of versionA and versionB (instances started in [from, to), each optional) and"
                    + " B minus A. 400 `invalid-analytics-query` naming processKey, versionA, versionB, from or to;"
                    + " 404 for a version my enterprise does not have.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "`not-found`: no such version of the process in my enterprise")
    public ProcessAnalyticsViews.Comparison compare(@QueryParam("processKey") String processKey,
                                                    @QueryParam("versionA") String versionA,
                                                    @QueryParam("versionB") String versionB,
                                                    @QueryParam("from") String from, @QueryParam("to") String to) {
        return analytics.compare(processKey, versionA, versionB, from, to);
    }

    @GET
    @Path("/bureau")
    @RolesAllowed(Roles.BUREAU)
    @Operation(summary = "Every pilot enterprise's process aggregates side by side (bureau only)",
            description = "Per enterprise, process key and version: instances started in [from, to), completed and"
                    + " running, cycle time p50/p90 and the bottleneck step's name; no instance, task or business"
                    + " data. 400 `invalid-analytics-query` naming processKey, from or to.")
    @APIResponse(responseCode = "200")
    public ProcessAnalyticsViews.BureauReport bureau(@QueryParam("processKey") String processKey,
                                                     @QueryParam("from") String from, @QueryParam("to") String to) {
        return analytics.bureau(processKey, from, to);
    }
}
