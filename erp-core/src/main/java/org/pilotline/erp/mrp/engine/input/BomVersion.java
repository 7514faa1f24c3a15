package org.pilotline.erp.mrp.engine.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A version (revision) of an item's bill of materials, effective from {@code validFrom} until, excluding,
 * {@code validTo} (null: open), as ERP revisions are kept. A planned order uses the version effective on its release
 * date; where versions overlap, the one with the latest {@code validFrom} wins.
 *
 * @param baseQuantity the quantity of the parent the lines' quantities are for (1 if null)
 * @param routing      reference of the routing a planned production order of this version follows (copied to the
 *                     planned order; may be null)
 */
public record BomVersion(String itemCode, String version, LocalDate validFrom, LocalDate validTo,
                         BigDecimal baseQuantity, String routing, List<BomLine> lines) {

    public BomVersion {
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(version, "version");
        lines = List.copyOf(lines);
        baseQuantity = baseQuantity == null ? BigDecimal.ONE : baseQuantity;
        if (baseQuantity.signum() <= 0) {
            throw new IllegalArgumentException("base quantity of BOM " + itemCode + "/" + version + " must be positive");
        }
        if (validFrom != null && validTo != null && !validTo.isAfter(validFrom)) {
            throw new IllegalArgumentException("BOM " + itemCode + "/" + version + " ends before it starts");
        }
    }

    /** An always-effective version for one unit of the parent. */
    public static BomVersion of(String itemCode, String version, BomLine... lines) {
        return new BomVersion(itemCode, version, null, null, BigDecimal.ONE, null, List.of(lines));
    }

    /** A version for one unit of the parent, effective in [validFrom, validTo). */
    public static BomVersion between(String itemCode, String version, LocalDate validFrom, LocalDate validTo,
                                     String routing, BomLine... lines) {
        return new BomVersion(itemCode, version, validFrom, validTo, BigDecimal.ONE, routing, List.of(lines));
    }
}
