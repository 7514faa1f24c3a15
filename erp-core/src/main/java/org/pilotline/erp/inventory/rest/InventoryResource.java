package org.pilotline.erp.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import org.pilotline.erp.inventory.InventoryService;
import org.pilotline.erp.inventory.MoveType;
import org.pilotline.erp.inventory.ReservationStatus;
import org.pilotline.erp.inventory.WarehouseService;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.erp.inventory.InventoryDtos.BalanceView;
import org.pilotline.erp.inventory.InventoryDtos.IntegrityReport;
import org.pilotline.erp.inventory.InventoryDtos.LocationRequest;
import org.pilotline.erp.inventory.InventoryDtos.LocationView;
import org.pilotline.erp.inventory.InventoryDtos.LotView;
import org.pilotline.erp.inventory.InventoryDtos.MoveRequest;
import org.pilotline.erp.inventory.InventoryDtos.MoveView;
import org.pilotline.erp.inventory.InventoryDtos.ReservationRequest;
import org.pilotline.erp.inventory.InventoryDtos.ReservationView;
import org.pilotline.erp.inventory.InventoryDtos.WarehouseRequest;
import org.pilotline.erp.inventory.InventoryDtos.WarehouseView;
import org.pilotline.platform.security.Roles;

import java.net.URI;
import java.time.Instant;

@Path("/api")
@Tag(name = "Inventory", description = "Warehouses, locations, lots, the stock-move ledger, balances and reservations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.QUALITY, Roles.MANAGER, Roles.EXPERT})
public class InventoryResource {

    @Inject
    WarehouseService warehouses;

    @Inject
    InventoryService inventory;

    @GET
    @Path("/warehouses")
    @Operation(summary = "List warehouses")
    public Page<WarehouseView> warehouses(@BeanParam PageParams paging, @QueryParam("q") String text) {
        return warehouses.listWarehouses(paging.toRequest(), text);
    }

    @GET
    @Path("/warehouses/{id}")
    @Operation(summary = "Read a warehouse")
    public WarehouseView warehouse(@PathParam("id") long id) {
        return warehouses.getWarehouse(id);
    }

    @POST
    @Path("/warehouses")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Create a warehouse")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = WarehouseView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken")
    public Response createWarehouse(@Valid @NotNull WarehouseRequest request) {
        WarehouseView created = warehouses.saveWarehouse(null, request);
        return Response.created(URI.create("/api/warehouses/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/warehouses/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Change a warehouse")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the code is taken; `stale-version`")
    public WarehouseView updateWarehouse(@PathParam("id") long id, @Valid @NotNull WarehouseRequest request) {
        return warehouses.saveWarehouse(id, request);
    }

    @DELETE
    @Path("/warehouses/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Delete a warehouse nothing refers to")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "409", description = "`in-use`: other records refer to it (set it inactive instead where it has an active flag)")
    public Response deleteWarehouse(@PathParam("id") long id) {
        warehouses.deleteWarehouse(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/locations")
    @Operation(summary = "List locations", description = "Filter with q and warehouseId.")
    public Page<LocationView> locations(@BeanParam PageParams paging, @QueryParam("q") String text,
                                        @QueryParam("warehouseId") Long warehouseId) {
        return warehouses.listLocations(paging.toRequest(), text, warehouseId);
    }

    @GET
    @Path("/locations/{id}")
    @Operation(summary = "Read a location")
    public LocationView location(@PathParam("id") long id) {
        return warehouses.getLocation(id);
    }

    @POST
    @Path("/locations")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Create a location")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = LocationView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the warehouse has a location of this code")
    public Response createLocation(@Valid @NotNull LocationRequest request) {
        LocationView created = warehouses.saveLocation(null, request);
        return Response.created(URI.create("/api/locations/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/locations/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Change a location")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-code`; `stale-version`")
    public LocationView updateLocation(@PathParam("id") long id, @Valid @NotNull LocationRequest request) {
        return warehouses.saveLocation(id, request);
    }

    @DELETE
    @Path("/locations/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Delete a location nothing refers to")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "409", description = "`in-use`: other records refer to it (set it inactive instead where it has an active flag)")
    public Response deleteLocation(@PathParam("id") long id) {
        warehouses.deleteLocation(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/lots")
    @Operation(summary = "List lots and serial numbers", description = "Filter by itemId and lotNumber.")
    public Page<LotView> lots(@BeanParam PageParams paging, @QueryParam("itemId") Long itemId,
                              @QueryParam("lotNumber") String lotNumber) {
        return warehouses.listLots(paging.toRequest(), itemId, lotNumber);
    }

    @POST
    @Path("/stock/moves")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.QUALITY, Roles.MANAGER})
    @Operation(summary = "Record a stock move", description = "201 for a new move; 200 with the earlier move when requestId was seen before. "
            + "409 insufficient-stock when it would take more than is on hand and not reserved for others (unless the item allows negative stock).")
    @APIResponse(responseCode = "201", description = "Recorded; Location is the move", content = @Content(schema = @Schema(implementation = MoveView.class)))
    @APIResponse(responseCode = "200", description = "This requestId was recorded before: the earlier move, nothing moved again", content = @Content(schema = @Schema(implementation = MoveView.class)))
    @APIResponse(responseCode = "409", description = "`insufficient-stock`: it would take more than is on hand and not reserved for others (the detail says what is on hand, reserved and available; unless the item allows negative stock); `serial-in-stock`: the serial number is in stock already")
    public Response move(@Valid @NotNull MoveRequest request) {
        InventoryService.Recorded recorded = inventory.recordMove(request);
        return Response.status(recorded.replayed() ? 200 : 201)
                .location(URI.create("/api/stock/moves/" + recorded.move().id())).entity(recorded.move()).build();
    }

    @GET
    @Path("/stock/moves")
    @Operation(summary = "The stock ledger", description = "Filter by itemId, locationId (either side), reference, type, from/to (instants).")
    public Page<MoveView> moves(@BeanParam PageParams paging, @QueryParam("itemId") Long itemId,
                                @QueryParam("locationId") Long locationId, @QueryParam("reference") String reference,
                                @QueryParam("type") MoveType type, @QueryParam("from") Instant from,
                                @QueryParam("to") Instant to) {
        return inventory.listMoves(paging.toRequest(), itemId, locationId, reference, type, from, to);
    }

    @GET
    @Path("/stock/moves/{id}")
    @Operation(summary = "Read a stock move")
    public MoveView moveById(@PathParam("id") long id) {
        return inventory.getMove(id);
    }

    @GET
    @Path("/stock/balances")
    @Operation(summary = "Stock balances", description = "Per item, location and lot; filter by itemId, locationId, warehouseId; nonZero=true hides empty rows.")
    public Page<BalanceView> balances(@BeanParam PageParams paging, @QueryParam("itemId") Long itemId,
                                      @QueryParam("locationId") Long locationId, @QueryParam("warehouseId") Long warehouseId,
                                      @QueryParam("nonZero") @DefaultValue("false") boolean nonZero) {
        return inventory.listBalances(paging.toRequest(), itemId, locationId, warehouseId, nonZero);
    }

    @GET
    @Path("/stock/reservations")
    @Operation(summary = "List reservations", description = "Filter by itemId, reference and status.")
    public Page<ReservationView> reservations(@BeanParam PageParams paging, @QueryParam("itemId") Long itemId,
                                              @QueryParam("reference") String reference,
                                              @QueryParam("status") ReservationStatus status) {
        return inventory.listReservations(paging.toRequest(), itemId, reference, status);
    }

    @GET
    @Path("/stock/reservations/{id}")
    @Operation(summary = "Read a reservation")
    public ReservationView reservation(@PathParam("id") long id) {
        return inventory.getReservation(id);
    }

    @POST
    @Path("/stock/reservations")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
    @Operation(summary = "Reserve stock for a reference", description = "409 if that much is not available at the location.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "409", description = "`insufficient-stock`: that much is not available at the location")
    public Response reserve(@Valid @NotNull ReservationRequest request) {
        ReservationView created = inventory.reserve(request);
        return Response.created(URI.create("/api/stock/reservations/" + created.id())).entity(created).build();
    }

    @DELETE
    @Path("/stock/reservations/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
    @Operation(summary = "Release a reservation")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`reservation-closed`: released or consumed already")
    public ReservationView release(@PathParam("id") long id) {
        return inventory.release(id);
    }

    @GET
    @Path("/stock/integrity")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.QUALITY})
    @Operation(summary = "Check the ledger", description = "Recomputes every balance from the stock moves and lists any that differ.")
    public IntegrityReport integrity() {
        return inventory.checkIntegrity();
    }
}
