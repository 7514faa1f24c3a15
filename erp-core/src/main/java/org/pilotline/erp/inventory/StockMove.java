package org.pilotline.erp.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.pilotline.platform.tenancy.TenantOwned;
import org.pilotline.erp.item.Item;

import java.math.BigDecimal;
import java.time.Instant;

/** A line of the stock ledger. Never changed or deleted: a mistake is put right by another move. */
@Entity
@Immutable
@Table(name = "stock_move")
public class StockMove extends TenantOwned {

    @Enumerated(EnumType.STRING)
    @Column(name = "move_type", nullable = false, length = 16)
    public MoveType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public MoveReason reason;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "item_id")
    public Item item;

    /** Always positive, in the item's stock unit; the locations say which way it went. */
    @Column(nullable = false, precision = 20, scale = 6)
    public BigDecimal quantity;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "from_location_id")
    public Location from;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "to_location_id")
    public Location to;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "lot_id")
    public Lot lot;

    /** What the move belongs to: "PO-2026-0001/10", "SO-…", a work order. */
    @Column(length = 100)
    public String reference;

    @Column(length = 500)
    public String note;

    @Column(nullable = false, length = 64)
    public String username;

    @Column(name = "moved_at", nullable = false)
    public Instant movedAt;

    /** The client's id for this move, so that a retried request is applied once. */
    @Column(name = "request_id", length = 64)
    public String requestId;
}
