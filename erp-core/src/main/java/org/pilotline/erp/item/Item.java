package org.pilotline.erp.item;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;
import org.pilotline.erp.unit.Unit;

import java.math.BigDecimal;
import java.util.Optional;

/** ISA-95 material definition: what the enterprise buys, makes, stocks and sells. */
@Entity
@Table(name = "item")
public class Item extends Versioned {

    @Column(nullable = false, length = 64)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 1000)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "item_type", nullable = false, length = 16)
    public ItemType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Sourcing sourcing;

    /** The unit stock, costs and MRP quantities of this item are kept in. */
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "stock_unit_id")
    public Unit stockUnit;

    /** Working days from release to receipt. */
    @Column(name = "lead_time_days", nullable = false)
    public int leadTimeDays;

    @Enumerated(EnumType.STRING)
    @Column(name = "lot_sizing", nullable = false, length = 24)
    public LotSizing lotSizing;

    @Column(name = "lot_size_quantity", precision = 20, scale = 6)
    public BigDecimal lotSizeQuantity;

    @Column(name = "lot_size_minimum", precision = 20, scale = 6)
    public BigDecimal lotSizeMinimum;

    @Column(name = "lot_size_maximum", precision = 20, scale = 6)
    public BigDecimal lotSizeMaximum;

    @Column(name = "lot_size_multiple", precision = 20, scale = 6)
    public BigDecimal lotSizeMultiple;

    @Column(name = "periods_of_supply")
    public Integer periodsOfSupply;

    @Column(name = "safety_stock", nullable = false, precision = 20, scale = 6)
    public BigDecimal safetyStock;

    /** Cost of one stock unit: the purchase price of a bought item, or what a roll-up last set for a made one. */
    @Column(name = "standard_cost", nullable = false, precision = 20, scale = 6)
    public BigDecimal standardCost;

    /** The quantity a setup is spread over when operation costs are rolled up. */
    @Column(name = "standard_lot_size", nullable = false, precision = 20, scale = 6)
    public BigDecimal standardLotSize;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Tracking tracking;

    @Column(name = "allow_negative_stock", nullable = false)
    public boolean allowNegativeStock;

    @Column(nullable = false)
    public boolean active = true;

    public static Optional<Item> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
