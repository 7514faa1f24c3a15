package org.pilotline.erp.mrp.engine.input;

import java.math.BigDecimal;
import java.util.Objects;

/** A co-product or by-product of a recipe, expected quantity per batch in the output item's stock unit. */
public record RecipeOutput(String itemCode, BigDecimal quantityPerBatch, OutputKind kind) {

    public RecipeOutput {
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(kind, "kind");
        if (quantityPerBatch == null || quantityPerBatch.signum() <= 0) {
            throw new IllegalArgumentException("quantity per batch of " + itemCode + " must be positive");
        }
    }
}
