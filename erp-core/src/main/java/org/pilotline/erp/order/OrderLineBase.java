package org.pilotline.erp.order;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import org.pilotline.platform.tenancy.TenantOwned;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.unit.Unit;

import java.math.BigDecimal;

/**
 * What sales and purchase order lines share: an item, a quantity in a unit, a price per that unit, a date (requested
 * or due) and how much has been shipped or received — each kind maps the last two to its own columns.
 */
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

    /** The requested date of a sales line, the due date of a purchase line. */
    @Column(name = "line_date", nullable = false)
    public java.time.LocalDate date;

    /** Shipped or received so far, in the line's unit. */
    @Column(name = "fulfilled_quantity", nullable = false, precision = 20, scale = 6)
    public BigDecimal fulfilledQuantity = BigDecimal.ZERO;
}
