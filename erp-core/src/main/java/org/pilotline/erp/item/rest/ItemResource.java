package org.pilotline.erp.item.rest;

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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.erp.item.ItemService;
import org.pilotline.erp.item.ItemType;
import org.pilotline.erp.item.Sourcing;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.erp.item.ItemRequest;
import org.pilotline.erp.item.ItemView;
import org.pilotline.platform.security.Roles;

import java.net.URI;

@Path("/api/items")
@Tag(name = "Items", description = "Material definitions: what is bought, made, stocked and sold")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.QUALITY, Roles.MANAGER, Roles.EXPERT})
public class ItemResource {

    private static final String BODY = "An item. Quantities (lot sizes, safety stock) are in the stock unit"
            + " (stockUnitId); standardCost is per stock unit; leadTimeDays are working days from release to receipt."
            + " On update send every field again with the version read (400 version-required without it, 409"
            + " stale-version when it changed since).";

    private static final String EXAMPLE = """
            {"code": "FG-100", "name": "Gearbox", "type": "FINISHED", "sourcing": "MAKE", "stockUnitId": 1,
             "leadTimeDays": 5, "lotSizing": "LOT_FOR_LOT", "safetyStock": 0, "standardLotSize": 50,
             "tracking": "LOT"}""";

    @Inject
    ItemService items;

    @GET
    @Operation(summary = "List items", description = "Filter with q (code or name), type, sourcing, active; sort by code, name, type, sourcing, leadTimeDays, standardCost.")
    public Page<ItemView> list(@BeanParam PageParams paging, @QueryParam("q") String text,
                               @QueryParam("type") ItemType type, @QueryParam("sourcing") Sourcing sourcing,
                               @QueryParam("active") Boolean active) {
        return items.listItems(paging.toRequest(), text, type, sourcing, active);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an item")
    public ItemView get(@PathParam("id") long id) {
        return items.getItem(id);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Create an item")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken")
    public Response create(
            @RequestBody(description = BODY, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ItemRequest.class),
                    examples = @ExampleObject(name = "a made item", value = EXAMPLE)))
            @Valid @NotNull ItemRequest request) {
        ItemView created = items.createItem(request);
        return Response.created(URI.create("/api/items/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Change an item", description = "409 when it changed since the version sent.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken; `stock-unit-locked`: the stock unit cannot change once stock was moved; `stale-version`")
    public ItemView update(@PathParam("id") long id,
            @RequestBody(description = BODY, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ItemRequest.class),
                    examples = @ExampleObject(name = "a made item", value = EXAMPLE)))
            @Valid @NotNull ItemRequest request) {
        return items.updateItem(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Delete an item nothing refers to", description = "409 if it is in use; set it inactive instead.")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "409", description = "`in-use`: other records refer to it (set it inactive instead where it has an active flag)")
    public Response delete(@PathParam("id") long id) {
        items.deleteItem(id);
        return Response.noContent().build();
    }
}
