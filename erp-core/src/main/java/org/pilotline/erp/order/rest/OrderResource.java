package org.pilotline.erp.order.rest;

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
import org.pilotline.erp.order.ProductionOrder;
import org.pilotline.erp.order.ProductionOrderService;
import org.pilotline.erp.order.ProductionOrderStatus;
import org.pilotline.erp.order.PurchaseOrderService;
import org.pilotline.erp.order.PurchaseOrderStatus;
import org.pilotline.erp.order.SalesOrderService;
import org.pilotline.erp.order.SalesOrderStatus;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.erp.order.OrderDtos.FulfilmentRequest;
import org.pilotline.erp.order.OrderDtos.FulfilmentResult;
import org.pilotline.erp.order.OrderDtos.ProductionOrderRequest;
import org.pilotline.erp.order.OrderDtos.ProductionOrderView;
import org.pilotline.erp.order.OrderDtos.PurchaseOrderRequest;
import org.pilotline.erp.order.OrderDtos.PurchaseOrderView;
import org.pilotline.erp.order.OrderDtos.SalesOrderRequest;
import org.pilotline.erp.order.OrderDtos.SalesOrderView;
import org.pilotline.platform.security.Roles;

import java.net.URI;
import java.time.LocalDate;

@Path("/api")
@Tag(name = "Orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.QUALITY, Roles.MANAGER, Roles.EXPERT})
public class OrderResource {

    @Inject
    SalesOrderService sales;

    @Inject
    PurchaseOrderService purchases;

    @Inject
    ProductionOrderService production;

    @GET
    @Path("/sales-orders")
    @Operation(summary = "List sales orders", description = "Filter with q (number or customer), customerId, status, itemId, requestedFrom/requestedTo.")
    public Page<SalesOrderView> salesOrders(@BeanParam PageParams paging, @QueryParam("q") String text,
                                            @QueryParam("customerId") Long customerId,
                                            @QueryParam("status") SalesOrderStatus status, @QueryParam("itemId") Long itemId,
                                            @QueryParam("requestedFrom") LocalDate from, @QueryParam("requestedTo") LocalDate to) {
        return sales.listOrders(paging.toRequest(), text, customerId, status, itemId, from, to);
    }

    @GET
    @Path("/sales-orders/{id}")
    @Operation(summary = "Read a sales order")
    public SalesOrderView salesOrder(@PathParam("id") long id) {
        return sales.getOrder(id);
    }

    @POST
    @Path("/sales-orders")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
    @Operation(summary = "Enter a sales order", description = "Starts as DRAFT; the number is assigned when not given.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = SalesOrderView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the order number is taken")
    public Response createSalesOrder(@Valid @NotNull SalesOrderRequest request) {
        SalesOrderView created = sales.saveOrder(null, request);
        return Response.created(URI.create("/api/sales-orders/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/sales-orders/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
    @Operation(summary = "Change a sales order", description = "Lines already partly shipped stay with at least the shipped quantity.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-code`; `order-closed`: the order's status no longer allows changes; `line-fulfilled`: a line with goods moved must stay, with its item, unit and at least that quantity; `stale-version`")
    public SalesOrderView updateSalesOrder(@PathParam("id") long id, @Valid @NotNull SalesOrderRequest request) {
        return sales.saveOrder(id, request);
    }

    @POST
    @Path("/sales-orders/{id}/{transition: confirm|cancel|close}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
    @Operation(summary = "Confirm, cancel or close a sales order")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`invalid-transition`: not allowed from the order's status (the detail names it)")
    public SalesOrderView salesTransition(@PathParam("id") long id, @PathParam("transition") String transition) {
        return sales.changeStatus(id, switch (transition) {
            case "confirm" -> SalesOrderStatus.CONFIRMED;
            case "cancel" -> SalesOrderStatus.CANCELLED;
            default -> SalesOrderStatus.CLOSED;
        });
    }

    @POST
    @Path("/sales-orders/{id}/shipments")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.MANAGER})
    @Operation(summary = "Ship goods of a sales order", description = "Issues stock for the lines (all or nothing); 409 when stock is short or more than ordered.")
    @APIResponse(responseCode = "201", description = "The goods were shipped; Location is the order, which lists its shipments", content = @Content(schema = @Schema(implementation = SalesOrderView.class)))
    @APIResponse(responseCode = "200", description = "This requestId was applied before: nothing more was done; the order as it is now", content = @Content(schema = @Schema(implementation = SalesOrderView.class)))
    @APIResponse(responseCode = "409", description = "`not-shippable`: the order is not confirmed (or partly shipped); `insufficient-stock`: the detail says what is on hand, reserved and available; `over-fulfilment`: more than ordered")
    public Response ship(@PathParam("id") long id, @Valid @NotNull FulfilmentRequest request) {
        FulfilmentResult<SalesOrderView> result = sales.ship(id, request);
        return Response.status(result.replayed() ? 200 : 201).location(URI.create("/api/sales-orders/" + id))
                .entity(result.order()).build();
    }

    @GET
    @Path("/purchase-orders")
    @Operation(summary = "List purchase orders", description = "Filter with q (number or supplier), supplierId, status, itemId, dueFrom/dueTo.")
    public Page<PurchaseOrderView> purchaseOrders(@BeanParam PageParams paging, @QueryParam("q") String text,
                                                  @QueryParam("supplierId") Long supplierId,
                                                  @QueryParam("status") PurchaseOrderStatus status,
                                                  @QueryParam("itemId") Long itemId, @QueryParam("dueFrom") LocalDate from,
                                                  @QueryParam("dueTo") LocalDate to) {
        return purchases.listOrders(paging.toRequest(), text, supplierId, status, itemId, from, to);
    }

    @GET
    @Path("/purchase-orders/{id}")
    @Operation(summary = "Read a purchase order")
    public PurchaseOrderView purchaseOrder(@PathParam("id") long id) {
        return purchases.getOrder(id);
    }

    @POST
    @Path("/purchase-orders")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
    @Operation(summary = "Enter a purchase order", description = "Starts as DRAFT; bought items only.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = PurchaseOrderView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the order number is taken")
    public Response createPurchaseOrder(@Valid @NotNull PurchaseOrderRequest request) {
        PurchaseOrderView created = purchases.saveOrder(null, request);
        return Response.created(URI.create("/api/purchase-orders/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/purchase-orders/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
    @Operation(summary = "Change a purchase order")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-code`; `order-closed`: the order's status no longer allows changes; `line-fulfilled`: a line with goods moved must stay, with its item, unit and at least that quantity; `stale-version`")
    public PurchaseOrderView updatePurchaseOrder(@PathParam("id") long id, @Valid @NotNull PurchaseOrderRequest request) {
        return purchases.saveOrder(id, request);
    }

    @POST
    @Path("/purchase-orders/{id}/{transition: release|cancel|close}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
    @Operation(summary = "Release, cancel or close a purchase order")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`invalid-transition`: not allowed from the order's status (the detail names it)")
    public PurchaseOrderView purchaseTransition(@PathParam("id") long id, @PathParam("transition") String transition) {
        return purchases.changeStatus(id, switch (transition) {
            case "release" -> PurchaseOrderStatus.RELEASED;
            case "cancel" -> PurchaseOrderStatus.CANCELLED;
            default -> PurchaseOrderStatus.CLOSED;
        });
    }

    @POST
    @Path("/purchase-orders/{id}/receipts")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.QUALITY, Roles.MANAGER})
    @Operation(summary = "Receive goods of a purchase order", description = "Partial quantities stay open; more than ordered is 409; all lines or none.")
    @APIResponse(responseCode = "201", description = "The goods were received; Location is the order, which lists its receipts", content = @Content(schema = @Schema(implementation = PurchaseOrderView.class)))
    @APIResponse(responseCode = "200", description = "This requestId was applied before: nothing more was done; the order as it is now", content = @Content(schema = @Schema(implementation = PurchaseOrderView.class)))
    @APIResponse(responseCode = "409", description = "`not-receivable`: the order is not released (or partly received); `over-fulfilment`: more than ordered")
    public Response receive(@PathParam("id") long id, @Valid @NotNull FulfilmentRequest request) {
        FulfilmentResult<PurchaseOrderView> result = purchases.receive(id, request);
        return Response.status(result.replayed() ? 200 : 201).location(URI.create("/api/purchase-orders/" + id))
                .entity(result.order()).build();
    }

    @GET
    @Path("/production-orders")
    @Operation(summary = "List production orders", description = "Filter by itemId, status, dueFrom/dueTo.")
    public Page<ProductionOrderView> productionOrders(@BeanParam PageParams paging, @QueryParam("itemId") Long itemId,
                                                      @QueryParam("status") ProductionOrderStatus status,
                                                      @QueryParam("dueFrom") LocalDate from, @QueryParam("dueTo") LocalDate to) {
        return production.listOrders(paging.toRequest(), itemId, status, from, to);
    }

    @GET
    @Path("/production-orders/{id}")
    @Operation(summary = "Read a production order")
    public ProductionOrderView productionOrder(@PathParam("id") long id) {
        return production.getOrder(id);
    }

    @POST
    @Path("/production-orders")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Create a production order", description = "Firm (PLANNED); the start date defaults to the due date less the item's lead time in working days.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = ProductionOrderView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-code`: the order number is taken")
    @APIResponse(responseCode = "422", description = "`no-structure`: the item has no BOM or recipe effective at the start")
    public Response createProductionOrder(@Valid @NotNull ProductionOrderRequest request) {
        ProductionOrderView created = production.saveOrder(null, request, ProductionOrder.Origin.MANUAL);
        return Response.created(URI.create("/api/production-orders/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/production-orders/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Change a production order that is not yet released")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`order-released`: a released order cannot be changed; `duplicate-code`; `stale-version`")
    @APIResponse(responseCode = "422", description = "`no-structure`: the item has no BOM or recipe effective at the start")
    public ProductionOrderView updateProductionOrder(@PathParam("id") long id, @Valid @NotNull ProductionOrderRequest request) {
        return production.saveOrder(id, request, ProductionOrder.Origin.MANUAL);
    }

    @POST
    @Path("/production-orders/{id}/{transition: release|cancel}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Release or cancel a production order")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`invalid-transition`: not allowed from the order's status; `work-order-started`: cancelling an order whose work order has reports")
    @APIResponse(responseCode = "422", description = "`no-routing`: releasing an order whose item has no routing (its work order needs one)")
    public ProductionOrderView productionTransition(@PathParam("id") long id, @PathParam("transition") String transition) {
        return production.changeStatus(id, "release".equals(transition) ? ProductionOrderStatus.RELEASED : ProductionOrderStatus.CANCELLED);
    }
}
