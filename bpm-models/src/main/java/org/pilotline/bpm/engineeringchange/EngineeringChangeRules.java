package org.pilotline.bpm.engineeringchange;

import org.pilotline.erp.bom.BomRequest;
import org.pilotline.erp.bom.RecipeRequest;
import org.pilotline.erp.revision.RevisionChange;
import org.pilotline.erp.routing.RoutingRequest;
import org.pilotline.platform.problem.FieldError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a change request must have for its kind — a BOM its lines, a recipe its batch size and ingredients, a routing
 * its operations, and nothing of another kind — and an effective date not in the past. Plain Java.
 */
public final class EngineeringChangeRules {

    private EngineeringChangeRules() {
    }

    public static List<FieldError> problems(EngineeringChangeRequest r, LocalDate today) {
        List<FieldError> problems = new ArrayList<>();
        if (r.effectiveDate() != null && r.effectiveDate().isBefore(today)) {
            problems.add(new FieldError("effectiveDate", "must not be in the past (today is " + today + ")"));
        }
        boolean bom = r.lines() != null || r.baseQuantity() != null;
        boolean recipe = r.ingredients() != null || r.outputs() != null || r.batchSize() != null
                || r.expectedYield() != null || r.costAllocation() != null;
        boolean routing = r.operations() != null;
        switch (r.kind()) {
            case BOM -> {
                if (r.lines() == null || r.lines().isEmpty()) {
                    problems.add(new FieldError("lines", "a BOM change needs at least one line"));
                }
                foreign(problems, recipe, "ingredients", routing);
            }
            case RECIPE -> {
                if (r.batchSize() == null) {
                    problems.add(new FieldError("batchSize", "a recipe change needs the batch size"));
                }
                if (r.ingredients() == null || r.ingredients().isEmpty()) {
                    problems.add(new FieldError("ingredients", "a recipe change needs at least one ingredient"));
                }
                foreign(problems, bom, "lines", routing);
            }
            case ROUTING -> {
                if (r.operations() == null || r.operations().isEmpty()) {
                    problems.add(new FieldError("operations", "a routing change needs at least one operation"));
                }
                if (bom || recipe) {
                    problems.add(new FieldError(bom ? "lines" : "ingredients", "is not part of a routing change"));
                }
            }
        }
        return problems;
    }

    private static void foreign(List<FieldError> problems, boolean otherStructure, String otherField, boolean routing) {
        if (otherStructure) {
            problems.add(new FieldError(otherField, "belongs to another kind of change"));
        }
        if (routing) {
            problems.add(new FieldError("operations", "belongs to a routing change"));
        }
    }

    /** The change in erp-core's terms: the revision request of its kind, for the item, from the effective date. */
    public static RevisionChange change(EngineeringChangeRequest r) {
        LocalDate from = r.effectiveDate();
        boolean switchOrders = Boolean.TRUE.equals(r.switchOpenOrders());
        return switch (r.kind()) {
            case BOM -> new RevisionChange(r.kind(), from, switchOrders, new BomRequest(r.itemId(), r.revision(),
                    r.baseQuantity(), from, null, r.lines(), null), null, null);
            case RECIPE -> new RevisionChange(r.kind(), from, switchOrders, null, new RecipeRequest(r.itemId(),
                    r.revision(), r.batchSize(), r.expectedYield(), r.costAllocation(), from, null, r.ingredients(),
                    r.outputs() == null ? List.of() : r.outputs(), null), null);
            case ROUTING -> new RevisionChange(r.kind(), from, switchOrders, null, null, new RoutingRequest(r.itemId(),
                    r.revision(), from, null, r.operations(), null));
        };
    }
}
