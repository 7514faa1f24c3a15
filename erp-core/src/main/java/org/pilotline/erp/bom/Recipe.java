package org.pilotline.erp.bom;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A process-type formula for an item (the main product): per batch of {@code batchSize} (in the item's stock unit)
 * the ingredients go in, and {@code batchSize × expectedYield} of the main product comes out with its co- and
 * by-products. {@code costAllocation} is the main product's share of the batch cost.
 */
@Entity
@Table(name = "recipe")
public class Recipe extends StructureRevision {

    @Column(name = "batch_size", nullable = false, precision = 20, scale = 6)
    public BigDecimal batchSize;

    @Column(name = "expected_yield", nullable = false, precision = 9, scale = 6)
    public BigDecimal expectedYield;

    @Column(name = "cost_allocation", nullable = false, precision = 9, scale = 6)
    public BigDecimal costAllocation;

    @OneToMany(mappedBy = "recipe", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    public List<RecipeIngredient> ingredients = new ArrayList<>();

    @OneToMany(mappedBy = "recipe", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    public List<RecipeOutput> outputs = new ArrayList<>();

    @Override
    public void clearLines() {
        ingredients.clear();
        outputs.clear();
    }
}
