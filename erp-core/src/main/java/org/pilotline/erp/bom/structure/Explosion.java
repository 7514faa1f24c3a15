package org.pilotline.erp.bom.structure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The indented, multi-level explosion of an item for a quantity on a date: at every level the version effective on
 * that date, quantities extended down the path with scrap, phantoms shown and blown through like any assembly.
 */
public final class Explosion {

    /** Depth at which an explosion stops; structures are acyclic, so only absurd depths reach it. */
    public static final int MAX_DEPTH = 50;

    public record Row(int level, String path, long itemId, String code, String name, String unit,
                      BigDecimal quantityPer, BigDecimal scrapFactor, BigDecimal extendedQuantity, boolean phantom,
                      boolean made, String structure) {
    }

    private Explosion() {
    }

    public static List<Row> of(long itemId, BigDecimal quantity, LocalDate date, StructureSource source) {
        List<Row> rows = new ArrayList<>();
        explode(itemId, quantity, date, source, 1, "", rows);
        return rows;
    }

    private static void explode(long parent, BigDecimal parentQuantity, LocalDate date, StructureSource source,
                                int level, String parentPath, List<Row> rows) {
        if (level > MAX_DEPTH) {
            throw new IllegalStateException("structure deeper than " + MAX_DEPTH + " levels below item " + parent);
        }
        Optional<StructureVersion> version = source.effectiveVersion(parent, date);
        if (version.isEmpty()) {
            return;
        }
        int position = 0;
        for (StructureVersion.Component component : version.get().components()) {
            position++;
            String path = parentPath.isEmpty() ? String.valueOf(position) : parentPath + "." + position;
            BigDecimal extended = parentQuantity.multiply(component.grossQuantityPer(), MathContext.DECIMAL128);
            StructureSource.ItemFacts facts = source.item(component.itemId());
            Optional<StructureVersion> own = source.effectiveVersion(component.itemId(), date);
            rows.add(new Row(level, path, facts.id(), facts.code(), facts.name(), facts.unit(),
                    component.quantityPer().stripTrailingZeros(), component.scrapFactor().stripTrailingZeros(),
                    extended.stripTrailingZeros(), component.phantom(), facts.made(),
                    own.map(v -> v.kind() + " " + v.revision()).orElse(null)));
            explode(component.itemId(), extended, date, source, level + 1, path, rows);
        }
    }
}
