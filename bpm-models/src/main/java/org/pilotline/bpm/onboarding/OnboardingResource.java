package org.pilotline.bpm.onboarding;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.platform.security.Roles;

import java.net.URI;

@Path("/api/processes/onboarding")
@Tag(name = "Processes", description = "Reengineered workflows run as BPMN processes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OnboardingResource {

    public record OnboardingRequest(@NotBlank @Size(max = 500) String goal) {
    }

    @Inject
    OnboardingService onboarding;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Request the enterprise's pilot onboarding",
            description = "Records the request in the journal, checks the pilot is active (422 if not, and nothing is kept), then waits for a manager's review.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = OnboardingService.Started.class)))
    @APIResponse(responseCode = "422", description = "`pilot-not-active`: the enterprise's pilot is not active")
    public Response request(@Valid @NotNull OnboardingRequest request) {
        OnboardingService.Started started = onboarding.requestOnboarding(request.goal());
        return Response.created(URI.create("/api/processes/" + started.processInstanceId())).entity(started).build();
    }
}
