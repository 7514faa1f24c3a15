package org.pilotline.erp.mrp.engine.input;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A version of an item's bill of materials, effective from {@code effectiveFrom} to {@code effectiveTo}, both
 * inclusive (null: open). A planned order uses the version effective on its release date; where versions overlap,
 * the one with the latest {@code effectiveFrom} wins.
 *
 * @param routing reference of the routing a planned production order of this version follows (copied to the
 *                planned order; may be null)
 */
public record BomVersion(String itemCode, String version, LocalDate effectiveFrom, LocalDate effectiveTo,
                         String routing, List<BomLine> lines) {

    public BomVersion {
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(version, "version");
        lines = List.copyOf(lines);
        if (effectiveFrom != null && effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("BOM " + itemCode + "/" + version + " ends before it starts");
        }
    }

    /** An always-effective version. */
    public static BomVersion of(String itemCode, String version, BomLine... lines) {
        return new BomVersion(itemCode, version, null, null, null, List.of(lines));
    }
}
