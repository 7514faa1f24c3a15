package org.pilotline.erp.revision;

import org.pilotline.erp.bom.BomRequest;
import org.pilotline.erp.bom.RecipeRequest;
import org.pilotline.erp.routing.RoutingRequest;

import java.time.LocalDate;

/**
 * A proposed new revision of how an item is made — a BOM, a recipe or a routing, in the request erp-core saves such a
 * revision with — to become effective on a date, the revision in force then being closed the day before; open
 * production orders keep the revisions they follow unless {@code switchOpenOrders}.
 */
public record RevisionChange(Kind kind, LocalDate effectiveDate, boolean switchOpenOrders, BomRequest bom,
                             RecipeRequest recipe, RoutingRequest routing) {

    public enum Kind { BOM, RECIPE, ROUTING }

    public long itemId() {
        return switch (kind) {
            case BOM -> bom.itemId();
            case RECIPE -> recipe.itemId();
            case ROUTING -> routing.itemId();
        };
    }

    public String revision() {
        return switch (kind) {
            case BOM -> bom.revision();
            case RECIPE -> recipe.revision();
            case ROUTING -> routing.revision();
        };
    }

    /** The same change with the new revision effective from the change's date on, open-ended. */
    RevisionChange effectiveFromItsDate() {
        return switch (kind) {
            case BOM -> new RevisionChange(kind, effectiveDate, switchOpenOrders, new BomRequest(bom.itemId(),
                    bom.revision(), bom.baseQuantity(), effectiveDate, null, bom.lines(), null), null, null);
            case RECIPE -> new RevisionChange(kind, effectiveDate, switchOpenOrders, null, new RecipeRequest(
                    recipe.itemId(), recipe.revision(), recipe.batchSize(), recipe.expectedYield(),
                    recipe.costAllocation(), effectiveDate, null, recipe.ingredients(), recipe.outputs(), null), null);
            case ROUTING -> new RevisionChange(kind, effectiveDate, switchOpenOrders, null, null, new RoutingRequest(
                    routing.itemId(), routing.revision(), effectiveDate, null, routing.operations(), null));
        };
    }
}
