package org.pilotline.erp.routing;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;
import org.pilotline.erp.item.Item;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A revision of the ordered operations that make an item, effective from {@code validFrom} until {@code validTo}. */
@Entity
@Table(name = "routing")
public class Routing extends Versioned {

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "item_id")
    public Item item;

    @Column(nullable = false, length = 16)
    public String revision;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @OneToMany(mappedBy = "routing", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("operationNo")
    public List<RoutingOperation> operations = new ArrayList<>();

    public boolean effectiveOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }
}
