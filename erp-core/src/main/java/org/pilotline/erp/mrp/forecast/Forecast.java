package org.pilotline.erp.mrp.forecast;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;
import org.pilotline.erp.item.Item;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Forecast demand of an item for one week (the Monday it starts), in the item's stock unit. */
@Entity
@Table(name = "mrp_forecast")
public class Forecast extends Versioned {

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "item_id")
    public Item item;

    @Column(nullable = false)
    public LocalDate week;

    @Column(nullable = false, precision = 20, scale = 6)
    public BigDecimal quantity;
}
