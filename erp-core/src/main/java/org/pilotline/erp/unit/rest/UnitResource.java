package org.pilotline.erp.unit.rest;

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
import org.pilotline.erp.unit.Dimension;
import org.pilotline.erp.unit.UnitService;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.platform.security.Roles;
import org.pilotline.erp.unit.ConversionRequest;
import org.pilotline.erp.unit.ConversionView;
import org.pilotline.erp.unit.UnitRequest;
import org.pilotline.erp.unit.UnitView;

import java.math.BigDecimal;
import java.net.URI;

@Path("/api")
@Tag(name = "Units", description = "Units of measure and their conversions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.QUALITY, Roles.MANAGER, Roles.EXPERT})
public class UnitResource {

    public record Converted(BigDecimal quantity, long fromUnitId, long toUnitId, BigDecimal result) {
    }

    @Inject
    UnitService units;

    @GET
    @Path("/units")
    @Operation(summary = "List units", description = "Filter with q (code or name) and dimension; sort by code, name, dimension.")
    public Page<UnitView> list(@BeanParam PageParams paging, @QueryParam("q") String text,
                               @QueryParam("dimension") Dimension dimension) {
        return units.listUnits(paging.toRequest(), text, dimension);
    }

    @GET
    @Path("/units/{id}")
    @Operation(summary = "Read a unit")
    public UnitView get(@PathParam("id") long id) {
        return units.getUnit(id);
    }

    @POST
    @Path("/units")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Create a unit")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken")
    public Response create(@Valid @NotNull UnitRequest request) {
        UnitView created = units.createUnit(request);
        return Response.created(URI.create("/api/units/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/units/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Change a unit", description = "409 when it changed since the version sent.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken; `stale-version`")
    public UnitView update(@PathParam("id") long id, @Valid @NotNull UnitRequest request) {
        return units.updateUnit(id, request);
    }

    @DELETE
    @Path("/units/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Delete a unit that nothing uses")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "409", description = "`unit-in-use`: conversions use the unit (delete those first); `in-use`: other records refer to it")
    public Response delete(@PathParam("id") long id) {
        units.deleteUnit(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/unit-conversions")
    @Operation(summary = "List unit conversions", description = "Filter by itemId for an item's own conversions.")
    public Page<ConversionView> conversions(@BeanParam PageParams paging, @QueryParam("itemId") Long itemId) {
        return units.listConversions(paging.toRequest(), itemId);
    }

    @GET
    @Path("/unit-conversions/{id}")
    @Operation(summary = "Read a unit conversion")
    public ConversionView conversion(@PathParam("id") long id) {
        return units.getConversion(id);
    }

    @POST
    @Path("/unit-conversions")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Create a unit conversion", description = "Across dimensions (box to pcs) only for one item.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = ConversionView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-conversion`: the pair of units (for the item) has a conversion")
    public Response createConversion(@Valid @NotNull ConversionRequest request) {
        ConversionView created = units.createConversion(request);
        return Response.created(URI.create("/api/unit-conversions/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/unit-conversions/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Change a unit conversion")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-conversion`; `stale-version`")
    public ConversionView updateConversion(@PathParam("id") long id, @Valid @NotNull ConversionRequest request) {
        return units.updateConversion(id, request);
    }

    @DELETE
    @Path("/unit-conversions/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Delete a unit conversion")
    @APIResponse(responseCode = "204", description = "Done; no body")
    public Response deleteConversion(@PathParam("id") long id) {
        units.deleteConversion(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/units/convert")
    @Operation(summary = "Convert a quantity", description = "Through the item's own conversions (itemId) and the global ones.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "`not-found`: the unit from or to does not exist")
    public Converted convert(@QueryParam("quantity") @NotNull BigDecimal quantity, @QueryParam("from") @NotNull Long from,
                             @QueryParam("to") @NotNull Long to, @QueryParam("itemId") Long itemId) {
        units.getUnit(from);
        units.getUnit(to);
        return new Converted(quantity, from, to, units.convert(quantity, from, to, itemId, "to"));
    }
}
