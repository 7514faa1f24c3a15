package org.pilotline.erp.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;

import java.math.BigDecimal;

/**
 * {@code fromQuantity} of {@code fromUnit} equals {@code toQuantity} of {@code toUnit}, for one item or (item null)
 * for all. Kept as a ratio so that both directions are exact: 1 box = 12 pcs converts 5 pcs to 5/12 box and back.
 */
@Entity
@Table(name = "unit_conversion")
public class UnitConversion extends Versioned {

    @Column(name = "item_id")
    public Long itemId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "from_unit_id")
    public Unit fromUnit;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "to_unit_id")
    public Unit toUnit;

    @Column(name = "from_quantity", nullable = false, precision = 30, scale = 12)
    public BigDecimal fromQuantity;

    @Column(name = "to_quantity", nullable = false, precision = 30, scale = 12)
    public BigDecimal toQuantity;
}
