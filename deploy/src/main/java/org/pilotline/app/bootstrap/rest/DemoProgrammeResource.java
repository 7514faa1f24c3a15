package org.pilotline.app.bootstrap.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.app.bootstrap.DemoProgrammeProgress;
import org.pilotline.app.bootstrap.DemoProgrammeProgress.ProgrammeProgress;
import org.pilotline.platform.security.Roles;

@Path("/api/programme/demo-history")
@Tag(name = "Programme", description = "The bureau's programme records: cohorts, expert pairings and visits, research projects, training, model cases, CMMM self-assessments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.BUREAU)
public class DemoProgrammeResource {

    @Inject
    DemoProgrammeProgress progress;

    @GET
    @Operation(summary = "How far the embedded demo programme's generated history got (bureau only)",
            description = "The embedded demo run generates pilot enterprises with months of machine and order history"
                    + " in the background after start-up; this says how many enterprises are complete (history and KPI"
                    + " roll-ups), how many days are written, and each enterprise's state. `OFF` where it is not"
                    + " configured to run (prod).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProgrammeProgress.class)))
    public ProgrammeProgress get() {
        return progress.progress();
    }
}
