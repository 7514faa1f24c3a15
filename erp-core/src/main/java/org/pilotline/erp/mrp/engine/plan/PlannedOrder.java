package org.pilotline.erp.mrp.engine.plan;

import org.pilotline.erp.mrp.engine.input.FirmedPlannedOrder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A planned order proposed by this run.
 *
 * @param formula   the BOM version or recipe code exploded (effective on the release date); null for purchases or
 *                  when none was effective
 * @param recipe    whether {@code formula} is a recipe
 * @param routing   the routing of that BOM version or recipe
 * @param outputs   expected co- and by-products of a recipe order
 */
public record PlannedOrder(OrderRef id, String itemCode, OrderType type, BigDecimal quantity, LocalDate releaseDate,
                           LocalDate dueDate, String formula, boolean recipe, String routing,
                           List<RecipeYield> outputs) {

    /** This order firmed by the planner: the next runs keep it as it is, under {@code reference}. */
    public FirmedPlannedOrder firmed(String reference) {
        return new FirmedPlannedOrder(reference, itemCode, quantity, releaseDate, dueDate, formula);
    }
}
