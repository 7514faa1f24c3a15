package org.pilotline.erp.item;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import org.pilotline.platform.tenancy.Versioned;

import java.time.LocalDate;

/**
 * What the revisions of how an item is made share (its BOMs, recipes and routings): the item, a revision label
 * unique per item and kind, and the period they are effective in, from {@code validFrom} until (excluding)
 * {@code validTo}.
 */
@MappedSuperclass
public abstract class ItemRevision extends Versioned {

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "item_id")
    public Item item;

    @Column(nullable = false, length = 16)
    public String revision;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    public boolean effectiveOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }
}
