package org.pilotline.mes.genealogy.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.genealogy.GenealogyService;
import org.pilotline.platform.security.Roles;

@Path("/api/mes/genealogy/items/{itemId}/lots")
@Tag(name = "Genealogy", description = "What went into a lot, and where a lot went (recall)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.QUALITY, Roles.ADMIN, Roles.EXPERT})
public class GenealogyResource {

    @Inject
    GenealogyService genealogy;

    @GET
    @Path("/components")
    @Operation(summary = "Everything that went into a lot", description = "?lot=<lot or serial number>. Links level by"
            + " level (depth 1 = direct components), with quantities in the component's stock unit and the work order:"
            + " what any operation of the work order consumed, shared among the serial numbers (or lots) of the item it"
            + " received. Through a component without lots the trace takes every work order that received it before it"
            + " was consumed: those links are `exact: false` and the item is named in `untrackedSteps`.")
    public GenealogyService.Trace backward(@PathParam("itemId") long itemId, @QueryParam("lot") String lot) {
        return genealogy.backward(itemId, lot);
    }

    @GET
    @Path("/where-used")
    @Operation(summary = "Every lot a lot went into, and their customer shipments (a recall list)",
            description = "?lot=<lot number>, e.g. a supplier's lot of a purchased component. Links level by level to"
                    + " everything the consuming work orders produced (lot, serial numbers, co- and by-products), and the"
                    + " sales issues of every lot reached. Through an output without lots the trace takes every work"
                    + " order (and shipment) that consumed the item after it was received: those links and shipments"
                    + " are `exact: false` and the item is named in `untrackedSteps`.")
    public GenealogyService.Trace forward(@PathParam("itemId") long itemId, @QueryParam("lot") String lot) {
        return genealogy.forward(itemId, lot);
    }
}
