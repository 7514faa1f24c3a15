package org.pilotline.kpi.programme.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.platform.security.Roles;

import java.net.URI;
import java.util.List;

import org.pilotline.kpi.bureau.MonthParam;
import org.pilotline.kpi.programme.CmmmService;
import org.pilotline.kpi.programme.OverviewService;
import org.pilotline.kpi.programme.ProgrammeViews.AssessmentRequest;
import org.pilotline.kpi.programme.ProgrammeViews.AssessmentView;
import org.pilotline.kpi.programme.ProgrammeViews.AssessmentWithUsage;
import org.pilotline.kpi.programme.ProgrammeViews.DomainView;
import org.pilotline.kpi.programme.ProgrammeViews.Overview;
import org.pilotline.kpi.programme.ProgrammeViews.UsageView;

@Path("/api/programme")
@Tag(name = "Programme")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CmmmResource {

    @Inject
    CmmmService cmmm;

    @Inject
    OverviewService overview;

    @GET
    @Path("/cmmm/domains")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.QUALITY, Roles.MANAGER, Roles.EXPERT, Roles.BUREAU})
    @Operation(summary = "The CMMM (GB/T 39116-2020) capability domains a self-assessment rates, in zh-CN and en")
    public List<DomainView> domains() {
        return cmmm.domains();
    }

    @GET
    @Path("/cmmm/{year}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.EXPERT})
    @Operation(summary = "The enterprise's CMMM self-assessment of a year beside the usage the suite measured each month",
            description = "assessment is null when none was submitted; usage has each month of the year up to the current one.")
    public AssessmentWithUsage get(@PathParam("year") String year) {
        return cmmm.assessmentWithUsage(Params.year("year", year));
    }

    @PUT
    @Path("/cmmm/{year}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Submit the enterprise's CMMM self-assessment of a year (its manager or administrator)",
            description = "201 for the first submission of the year, 200 when it replaces one (send the version read; 409 `stale-version`)."
                    + " 400 `invalid-assessment` naming levels[i].domain or levels[i].level (1-5).")
    @APIResponse(responseCode = "201", description = "Submitted; Location is its URL", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "200", description = "Replaced the year's assessment", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    public Response submit(@PathParam("year") String year, @Valid @NotNull AssessmentRequest request) {
        CmmmService.Submitted submitted = cmmm.submitAssessment(Params.year("year", year), request);
        return Response.status(submitted.created() ? 201 : 200)
                .location(URI.create("/api/programme/cmmm/" + submitted.assessment().year()))
                .entity(submitted.assessment()).build();
    }

    @GET
    @Path("/usage")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.EXPERT})
    @Operation(summary = "The enterprise's usage signals of a month: MRP runs, reports and the share from terminals, machines, processes started",
            description = "400 `invalid-month` naming month.")
    public UsageView usage(@QueryParam("month") String month) {
        return cmmm.usageOfMonth(MonthParam.parse("month", month));
    }

    @GET
    @Path("/overview")
    @RolesAllowed(Roles.BUREAU)
    @Operation(summary = "The programme per enterprise of a cohort for a year: aggregates only (bureau only)",
            description = "Cohort, model cases, paired experts, visit and open follow-up counts, training person-hours by level,"
                    + " projects by status, CMMM levels and the usage signals of the year. 400 `invalid-year` naming year.")
    public Overview overview(@QueryParam("year") String year) {
        return overview.overview(Params.year("year", year));
    }
}
