package org.pilotline.erp.bom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.pilotline.erp.bom.structure.StructureVersion;
import org.pilotline.platform.tenancy.TenantOwned;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.unit.Unit;

import java.math.BigDecimal;

/** A co-product or by-product of a recipe batch, with its share of the batch cost. */
@Entity
@Table(name = "recipe_output")
public class RecipeOutput extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "recipe_id")
    public Recipe recipe;

    @Column(name = "line_no", nullable = false)
    public int lineNo;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "item_id")
    public Item item;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public StructureVersion.OutputKind kind;

    /** Per batch, in {@code unit}. */
    @Column(nullable = false, precision = 20, scale = 6)
    public BigDecimal quantity;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "unit_id")
    public Unit unit;

    @Column(name = "cost_allocation", nullable = false, precision = 9, scale = 6)
    public BigDecimal costAllocation;
}
