package org.pilotline.erp.bom.structure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where an item is used: the versions that list it as a component, and (multi-level) their items' users in turn.
 * With a date, only versions effective on it count.
 */
public final class WhereUsed {

    public record Row(int level, long parentId, String parentCode, String parentName, StructureVersion.Kind kind,
                      String revision, java.time.LocalDate validFrom, java.time.LocalDate validTo,
                      BigDecimal quantityPer, boolean phantom, long usesItemId) {
    }

    private WhereUsed() {
    }

    public static List<Row> of(long itemId, LocalDate date, boolean multiLevel, StructureSource source) {
        List<Row> rows = new ArrayList<>();
        walk(itemId, date, multiLevel, source, 1, new LinkedHashSet<>(), rows);
        return rows;
    }

    private static void walk(long itemId, LocalDate date, boolean multiLevel, StructureSource source, int level,
                             Set<Long> onPath, List<Row> rows) {
        if (!onPath.add(itemId)) {
            return;
        }
        for (StructureVersion version : source.versionsUsing(itemId)) {
            if (date != null && !version.effectiveOn(date)) {
                continue;
            }
            StructureSource.ItemFacts parent = source.item(version.itemId());
            for (StructureVersion.Component component : version.components()) {
                if (component.itemId() == itemId) {
                    rows.add(new Row(level, parent.id(), parent.code(), parent.name(), version.kind(), version.revision(),
                            version.validFrom(), version.validTo(), component.quantityPer().stripTrailingZeros(),
                            component.phantom(), itemId));
                }
            }
            if (multiLevel) {
                walk(version.itemId(), date, true, source, level + 1, onPath, rows);
            }
        }
        onPath.remove(itemId);
    }
}
