package org.pilotline.erp.enterprise.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.erp.enterprise.EnterpriseService;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.erp.enterprise.EnterpriseRequest;
import org.pilotline.erp.enterprise.EnterpriseUpdate;
import org.pilotline.erp.enterprise.EnterpriseView;
import org.pilotline.platform.security.Roles;

import java.net.URI;

@Path("/api/enterprises")
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnterpriseResource {

    @Inject
    EnterpriseService enterprises;

    @GET
    @Authenticated
    @Operation(summary = "List pilot enterprises", description = "The platform administrator and the bureau see all; others the enterprises they act for.")
    public Page<EnterpriseView> list(@BeanParam PageParams paging) {
        return enterprises.list(paging.toRequest());
    }

    @GET
    @Path("/{code}")
    @Authenticated
    @Operation(summary = "Read a pilot enterprise's profile")
    public EnterpriseView get(@PathParam("code") String code) {
        return enterprises.get(code);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a pilot enterprise", description = "Platform administrator only. The code becomes the tenant id.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = EnterpriseView.class)))
    @APIResponse(responseCode = "409", description = "`enterprise-code-taken`, `credit-code-taken`: another enterprise has the code or the unified social credit code")
    public Response register(@Valid @NotNull EnterpriseRequest request) {
        EnterpriseView created = enterprises.register(request);
        return Response.created(URI.create("/api/enterprises/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a pilot enterprise's profile", description = "409 when it changed since the version sent.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`credit-code-taken`; `stale-version`")
    public EnterpriseView update(@PathParam("code") String code, @Valid @NotNull EnterpriseUpdate update) {
        return enterprises.update(code, update);
    }
}
