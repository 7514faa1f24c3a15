package org.pilotline.erp.mrp.engine.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A process-industry alternative to a BOM version for making {@code itemCode}. One batch yields
 * {@code batchSize × expectedYield} of the item; ingredients and co-/by-products are given per batch. Batches scale
 * linearly (a planned order of any quantity is a fractional number of batches); give the item a MIN_MAX_MULTIPLE
 * lot size with the batch output as multiple to plan whole batches. Effective in [validFrom, validTo) as a
 * {@link BomVersion}.
 */
public record Recipe(String itemCode, String recipeCode, LocalDate validFrom, LocalDate validTo,
                     String routing, BigDecimal batchSize, BigDecimal expectedYield,
                     List<RecipeIngredient> ingredients, List<RecipeOutput> outputs) {

    public Recipe {
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(recipeCode, "recipeCode");
        ingredients = List.copyOf(ingredients);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        expectedYield = expectedYield == null ? BigDecimal.ONE : expectedYield;
        if (batchSize == null || batchSize.signum() <= 0) {
            throw new IllegalArgumentException("batch size of recipe " + recipeCode + " must be positive");
        }
        if (expectedYield.signum() <= 0 || expectedYield.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("expected yield of recipe " + recipeCode + " must be in (0, 1]");
        }
        if (validFrom != null && validTo != null && !validTo.isAfter(validFrom)) {
            throw new IllegalArgumentException("recipe " + recipeCode + " ends before it starts");
        }
    }
}
