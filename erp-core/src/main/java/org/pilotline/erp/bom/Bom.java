package org.pilotline.erp.bom;

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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A revision of an item's bill of materials, effective from {@code validFrom} until (excluding) {@code validTo}. */
@Entity
@Table(name = "bom")
public class Bom extends Versioned {

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "item_id")
    public Item item;

    @Column(nullable = false, length = 16)
    public String revision;

    /** The quantity of the parent (in its stock unit) the lines are for. */
    @Column(name = "base_quantity", nullable = false, precision = 20, scale = 6)
    public BigDecimal baseQuantity;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @OneToMany(mappedBy = "bom", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    public List<BomLine> lines = new ArrayList<>();
}
