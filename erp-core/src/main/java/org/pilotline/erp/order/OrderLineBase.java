package org.pilotline.erp.order;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import org.pilotline.erp.common.TenantOwned;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.unit.Unit;

import java.math.BigDecimal;

/** What sales and purchase order lines share: an item, a quantity in a unit, and a price per that unit. */
@MappedSuperclass
public abstract class OrderLineBase extends TenantOwned {

    @Column(name = "line_no", nullable = false)
    public int lineNo;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "item_id")
    public Item item;

    @Column(nullable = false, precision = 20, scale = 6)
    public BigDecimal quantity;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "unit_id")
    public Unit unit;

    @Column(name = "unit_price", nullable = false, precision = 20, scale = 6)
    public BigDecimal unitPrice;
}
