package org.pilotline.kpi.programme.rest;

import org.pilotline.platform.paging.PageParams;
import org.pilotline.platform.paging.Page;
import jakarta.ws.rs.BeanParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.pilotline.kpi.programme.PairingService;
import org.pilotline.kpi.programme.ProgrammeViews.PairingRequest;
import org.pilotline.kpi.programme.ProgrammeViews.PairingView;
import org.pilotline.platform.security.Roles;

import java.net.URI;
import java.util.List;

@Path("/api/programme/pairings")
@Tag(name = "Programme")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.BUREAU)
public class PairingResource {

    @Inject
    PairingService pairings;

    @GET
    @RolesAllowed({Roles.BUREAU, Roles.EXPERT})
    @Operation(summary = "Expert pairings", description = "The bureau sees every pairing, an expert their own; filter by enterprise.")
    public Page<PairingView> list(@BeanParam PageParams paging, @QueryParam("enterprise") String enterprise) {
        return pairings.listPairings(enterprise, paging.toRequest());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a pairing (bureau only)")
    public PairingView get(@PathParam("id") long id) {
        return pairings.getPairing(id);
    }

    @POST
    @Operation(summary = "Pair an expert with an enterprise (bureau only)",
            description = "Also lets the expert read the enterprise (their assigned enterprises, chosen with PilotLine-Enterprise)."
                    + " 400 `unknown-reference` naming expert or enterprise, `invalid-period` naming validTo;"
                    + " 409 `duplicate-pairing` for the same expert, enterprise and start.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = PairingView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-pairing`")
    public Response create(@Valid @NotNull PairingRequest request) {
        PairingView created = pairings.savePairing(null, request);
        return Response.created(URI.create("/api/programme/pairings/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a pairing's dates, e.g. end it (bureau only)",
            description = "The expert and the enterprise stay (400 `pairing-parties-fixed`); an ended pairing no longer lets the expert read the enterprise.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-pairing`, `stale-version`")
    public PairingView update(@PathParam("id") long id, @Valid @NotNull PairingRequest request) {
        return pairings.savePairing(id, request);
    }
}
