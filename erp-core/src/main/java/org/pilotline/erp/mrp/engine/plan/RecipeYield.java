package org.pilotline.erp.mrp.engine.plan;

import org.pilotline.erp.mrp.engine.input.OutputKind;

import java.math.BigDecimal;

/** Expected co-product or by-product output of a planned order made by a recipe. */
public record RecipeYield(String itemCode, BigDecimal quantity, OutputKind kind) {
}
