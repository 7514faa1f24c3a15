package org.pilotline.erp.bom.rest;

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
import org.pilotline.erp.bom.BomService;
import org.pilotline.erp.bom.RecipeService;
import org.pilotline.erp.bom.BomRequest;
import org.pilotline.erp.bom.BomView;
import org.pilotline.erp.bom.RecipeRequest;
import org.pilotline.erp.bom.RecipeView;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageParams;
import org.pilotline.platform.security.Roles;

import java.net.URI;

@Path("/api")
@Tag(name = "Product structure", description = "BOMs and recipes with revisions and effectivity; explosion, where-used, cost roll-up")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.QUALITY, Roles.MANAGER, Roles.EXPERT})
public class BomResource {

    private static final String BODY = "A BOM revision of itemId, effective from validFrom (inclusive) to validTo"
            + " (exclusive), replaced whole on update. Each line's quantity is per baseQuantity of the parent, in unitId"
            + " (default the component's stock unit); scrapFactor is a fraction (0.05 = 5 % more); a phantom line is"
            + " exploded through to its own components; operationNo links the line to the routing operation that consumes"
            + " it (backflushed there; lines without one at the last operation).";

    private static final String EXAMPLE = """
            {"itemId": 12, "revision": "A", "baseQuantity": 1, "validFrom": "2026-01-01",
             "lines": [
               {"lineNo": 1, "componentId": 13, "quantity": 2, "scrapFactor": 0.05, "operationNo": 10},
               {"lineNo": 2, "componentId": 14, "quantity": 0.5, "unitId": 3}]}""";

    @Inject
    BomService boms;

    @Inject
    RecipeService recipes;

    @GET
    @Path("/boms")
    @Operation(summary = "List BOM revisions", description = "Filter by itemId (the parent) or componentId.")
    public Page<BomView> list(@BeanParam PageParams paging, @QueryParam("itemId") Long itemId,
                              @QueryParam("componentId") Long componentId) {
        return boms.listRevisions(paging.toRequest(), itemId, componentId);
    }

    @GET
    @Path("/boms/{id}")
    @Operation(summary = "Read a BOM revision")
    public BomView get(@PathParam("id") long id) {
        return boms.getRevision(id);
    }

    @POST
    @Path("/boms")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Create a BOM revision", description = "422 naming the cycle if a component is made, at any depth, from the parent; 409 if it overlaps another revision.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = BomView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-revision`: the item has this revision already; `overlapping-revision`: its validity overlaps another revision of the item")
    @APIResponse(responseCode = "422", description = "`structure-cycle`: a component is made, at any depth, from the parent; the detail names the cycle")
    public Response create(
            @RequestBody(description = BODY, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BomRequest.class),
                    examples = @ExampleObject(name = "two components", value = EXAMPLE)))
            @Valid @NotNull BomRequest request) {
        BomView created = boms.saveRevision(null, request);
        return Response.created(URI.create("/api/boms/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/boms/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Replace a BOM revision", description = "409 when it changed since the version sent.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-revision`, `overlapping-revision` as on create; `stale-version`")
    @APIResponse(responseCode = "422", description = "`structure-cycle`: a component is made, at any depth, from the parent")
    public BomView update(@PathParam("id") long id,
            @RequestBody(description = BODY, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BomRequest.class),
                    examples = @ExampleObject(name = "two components", value = EXAMPLE)))
            @Valid @NotNull BomRequest request) {
        return boms.saveRevision(id, request);
    }

    @DELETE
    @Path("/boms/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Delete a BOM revision")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "409", description = "`in-use`: other records refer to it (set it inactive instead where it has an active flag)")
    public Response delete(@PathParam("id") long id) {
        boms.deleteRevision(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/recipes")
    @Operation(summary = "List recipe revisions", description = "Filter by itemId (the main product) or ingredientId.")
    public Page<RecipeView> recipes(@BeanParam PageParams paging, @QueryParam("itemId") Long itemId,
                                    @QueryParam("ingredientId") Long ingredientId) {
        return recipes.listRevisions(paging.toRequest(), itemId, ingredientId);
    }

    @GET
    @Path("/recipes/{id}")
    @Operation(summary = "Read a recipe revision")
    public RecipeView recipe(@PathParam("id") long id) {
        return recipes.getRevision(id);
    }

    @POST
    @Path("/recipes")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Create a recipe revision", description = "Cost allocations of the main product and outputs add up to 1.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL", content = @Content(schema = @Schema(implementation = RecipeView.class)))
    @APIResponse(responseCode = "409", description = "`duplicate-revision`: the item has this revision already; `overlapping-revision`: its validity overlaps another revision")
    @APIResponse(responseCode = "422", description = "`structure-cycle`: an ingredient is made, at any depth, from the product")
    public Response createRecipe(@Valid @NotNull RecipeRequest request) {
        RecipeView created = recipes.saveRevision(null, request);
        return Response.created(URI.create("/api/recipes/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/recipes/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Replace a recipe revision")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "409", description = "`duplicate-revision`, `overlapping-revision` as on create; `stale-version`")
    @APIResponse(responseCode = "422", description = "`structure-cycle`: an ingredient is made, at any depth, from the product")
    public RecipeView updateRecipe(@PathParam("id") long id, @Valid @NotNull RecipeRequest request) {
        return recipes.saveRevision(id, request);
    }

    @DELETE
    @Path("/recipes/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER})
    @Operation(summary = "Delete a recipe revision")
    @APIResponse(responseCode = "204", description = "Done; no body")
    @APIResponse(responseCode = "409", description = "`in-use`: other records refer to it (set it inactive instead where it has an active flag)")
    public Response deleteRecipe(@PathParam("id") long id) {
        recipes.deleteRevision(id);
        return Response.noContent().build();
    }
}
