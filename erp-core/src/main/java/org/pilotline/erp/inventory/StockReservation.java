package org.pilotline.erp.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;
import org.pilotline.erp.item.Item;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Stock held at a location for a reference (a sales order line, a work order): other issues cannot take it; an issue
 * with the same reference consumes it.
 */
@Entity
@Table(name = "stock_reservation")
public class StockReservation extends Versioned {

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "item_id")
    public Item item;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "location_id")
    public Location location;

    /** What is still held; goes down as issues with the reference consume it. */
    @Column(nullable = false, precision = 20, scale = 6)
    public BigDecimal quantity;

    @Column(nullable = false, length = 100)
    public String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ReservationStatus status;

    @Column(nullable = false, length = 64)
    public String username;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
