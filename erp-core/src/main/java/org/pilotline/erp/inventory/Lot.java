package org.pilotline.erp.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.TenantOwned;
import org.pilotline.erp.item.Item;

import java.time.Instant;
import java.time.LocalDate;

/** A lot of a lot-tracked item, or a serial number of a serial-tracked one. */
@Entity
@Table(name = "lot")
public class Lot extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "item_id")
    public Item item;

    @Column(name = "lot_number", nullable = false, length = 64)
    public String lotNumber;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
