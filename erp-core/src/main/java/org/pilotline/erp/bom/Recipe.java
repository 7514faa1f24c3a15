package org.pilotline.erp.bom;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;
import org.pilotline.erp.item.Item;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A process-type formula for an item (the main product): per batch of {@code batchSize} (in the item's stock unit)
 * the ingredients go in, and {@code batchSize × expectedYield} of the main product comes out with its co- and
 * by-products. {@code costAllocation} is the main product's share of the batch cost.
 */
@Entity
@Table(name = "recipe")
public class Recipe extends Versioned {

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "item_id")
    public Item item;

    @Column(nullable = false, length = 16)
    public String revision;

    @Column(name = "batch_size", nullable = false, precision = 20, scale = 6)
    public BigDecimal batchSize;

    @Column(name = "expected_yield", nullable = false, precision = 9, scale = 6)
    public BigDecimal expectedYield;

    @Column(name = "cost_allocation", nullable = false, precision = 9, scale = 6)
    public BigDecimal costAllocation;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @OneToMany(mappedBy = "recipe", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    public List<RecipeIngredient> ingredients = new ArrayList<>();

    @OneToMany(mappedBy = "recipe", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    public List<RecipeOutput> outputs = new ArrayList<>();
}
