package org.pilotline.bpm.incidents.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.bpm.incidents.IncidentService;
import org.pilotline.bpm.incidents.IncidentView;
import org.pilotline.platform.security.Roles;

import java.util.List;

@Path("/api/processes/incidents")
@Tag(name = "Processes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.EXPERT})
public class IncidentResource {

    @Inject
    IncidentService incidents;

    @GET
    @Operation(summary = "Process steps of my enterprise that failed and used up their retries",
            description = "Newest first, with the cause (a business refusal's detail, or that it was unexpected).")
    public List<IncidentView> incidents() {
        return incidents.incidents();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One incident", description = "404 for another enterprise's.")
    public IncidentView incident(@PathParam("id") String id) {
        return incidents.incident(id);
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Retry the failed step",
            description = "One more attempt, due now; the incident is resolved (a new one if it fails again). 404 for"
                    + " another enterprise's or one retried already; 409 incident-not-retryable for other than a failed"
                    + " job.")
    public IncidentView retry(@PathParam("id") String id) {
        return incidents.retry(id);
    }
}
