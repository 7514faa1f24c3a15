package org.pilotline.erp.bom;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A revision of an item's bill of materials, effective from {@code validFrom} until (excluding) {@code validTo}. */
@Entity
@Table(name = "bom")
public class Bom extends StructureRevision {

    /** The quantity of the parent (in its stock unit) the lines are for. */
    @Column(name = "base_quantity", nullable = false, precision = 20, scale = 6)
    public BigDecimal baseQuantity;

    @OneToMany(mappedBy = "bom", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    public List<BomLine> lines = new ArrayList<>();

    @Override
    public void clearLines() {
        lines.clear();
    }
}
