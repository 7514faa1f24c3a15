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
    public Response create(@Valid @NotNull ItemRequest request) {
        ItemView created = items.createItem(request);
        return Response.created(URI.create("/api/items/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Change an item", description = "409 when it changed since the version sent.")
    public ItemView update(@PathParam("id") long id, @Valid @NotNull ItemRequest request) {
        return items.updateItem(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Delete an item nothing refers to", description = "409 if it is in use; set it inactive instead.")
    public Response delete(@PathParam("id") long id) {
        items.deleteItem(id);
        return Response.noContent().build();
    }
}
