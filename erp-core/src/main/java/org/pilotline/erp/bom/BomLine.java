package org.pilotline.erp.bom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.TenantOwned;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.unit.Unit;

import java.math.BigDecimal;

@Entity
@Table(name = "bom_line")
public class BomLine extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "bom_id")
    public Bom bom;

    @Column(name = "line_no", nullable = false)
    public int lineNo;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "component_id")
    public Item component;

    /** Per the BOM's base quantity of the parent, in {@code unit}. */
    @Column(nullable = false, precision = 20, scale = 6)
    public BigDecimal quantity;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "unit_id")
    public Unit unit;

    /** Share of extra component issued for losses: 0.05 issues 5 % more. */
    @Column(name = "scrap_factor", nullable = false, precision = 9, scale = 6)
    public BigDecimal scrapFactor;

    /** A phantom assembly is not stocked or planned: its components go straight into the parent. */
    @Column(nullable = false)
    public boolean phantom;

    /** The routing operation that consumes the component, if said. */
    @Column(name = "operation_no")
    public Integer operationNo;
}
