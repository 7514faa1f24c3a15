package org.pilotline.erp.partner.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.pilotline.erp.partner.PartnerService;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.erp.partner.PartnerService.PartnerRequest;
import org.pilotline.erp.partner.PartnerService.PartnerView;
import org.pilotline.platform.security.Roles;

import java.net.URI;

@Path("/api/partners")
@Tag(name = "Orders", description = "Customers and suppliers; sales, purchase and production orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER, Roles.EXPERT})
public class PartnerResource {

    @Inject
    PartnerService partners;

    @GET
    @Operation(summary = "List customers and suppliers", description = "Filter with q, customer=true, supplier=true.")
    public Page<PartnerView> list(@BeanParam PageParams paging, @QueryParam("q") String text,
                                  @QueryParam("customer") Boolean customer, @QueryParam("supplier") Boolean supplier) {
        return partners.listPartners(paging.toRequest(), text, customer, supplier);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a partner")
    public PartnerView get(@PathParam("id") long id) {
        return partners.getPartner(id);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
    @Operation(summary = "Create a partner")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken")
    public Response create(@Valid @NotNull PartnerRequest request) {
        PartnerView created = partners.savePartner(null, request);
        return Response.created(URI.create("/api/partners/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
    @Operation(summary = "Change a partner")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken; `stale-version`")
    public PartnerView update(@PathParam("id") long id, @Valid @NotNull PartnerRequest request) {
        return partners.savePartner(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
    @Operation(summary = "Delete a partner no order refers to")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "409", description = "`in-use`: other records refer to it (set it inactive instead where it has an active flag)")
    public Response delete(@PathParam("id") long id) {
        partners.deletePartner(id);
        return Response.noContent().build();
    }
}
