package org.pilotline.erp.mrp.engine.input;

import java.math.BigDecimal;
import java.util.Objects;

/** An ingredient of a recipe, in its stock unit per batch. */
public record RecipeIngredient(String itemCode, BigDecimal quantityPerBatch) {

    public RecipeIngredient {
        Objects.requireNonNull(itemCode, "itemCode");
        if (quantityPerBatch == null || quantityPerBatch.signum() <= 0) {
            throw new IllegalArgumentException("quantity per batch of " + itemCode + " must be positive");
        }
    }
}
