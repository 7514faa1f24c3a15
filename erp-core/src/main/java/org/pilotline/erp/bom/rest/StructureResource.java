package org.pilotline.erp.bom.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.erp.bom.StructureService;
import org.pilotline.erp.bom.structure.CostRollup;
import org.pilotline.erp.bom.structure.Explosion;
import org.pilotline.erp.bom.structure.WhereUsed;
import org.pilotline.platform.security.Roles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Path("/api/items/{id}")
@Tag(name = "Product structure")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.OPERATOR, Roles.QUALITY, Roles.MANAGER, Roles.EXPERT})
public class StructureResource {

    @Inject
    StructureService structures;

    @GET
    @Path("/explosion")
    @Operation(summary = "Indented multi-level explosion", description = "The revisions effective on date (default today at the plant), quantities extended with scrap for quantity (default 1).")
    public List<Explosion.Row> explosion(@PathParam("id") long id, @QueryParam("date") LocalDate date,
                                         @QueryParam("quantity") BigDecimal quantity) {
        return structures.explode(id, quantity, date);
    }

    @GET
    @Path("/where-used")
    @Operation(summary = "Where an item is used", description = "Single level, or every level up with multiLevel=true; only revisions effective on date when given.")
    public List<WhereUsed.Row> whereUsed(@PathParam("id") long id, @QueryParam("date") LocalDate date,
                                         @QueryParam("multiLevel") @DefaultValue("false") boolean multiLevel) {
        return structures.whereUsed(id, date, multiLevel);
    }

    @GET
    @Path("/cost-rollup")
    @Operation(summary = "Multi-level standard cost of one unit", description = "Material through every level (scrap and phantoms included) plus routing operations, on date (default today).")
    public CostRollup.Cost costRollup(@PathParam("id") long id, @QueryParam("date") LocalDate date) {
        return structures.rollUpCost(id, date);
    }
}
