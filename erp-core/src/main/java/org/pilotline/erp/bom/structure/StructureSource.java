package org.pilotline.erp.bom.structure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What the structure rules need to know about the enterprise's items; answered from the database or from memory. */
public interface StructureSource {

    /** The facts of an item that explosion and costing show or use. */
    record ItemFacts(long id, String code, String name, String unit, boolean made, BigDecimal standardCost,
                     BigDecimal standardLotSize) {
    }

    ItemFacts item(long itemId);

    /** Every BOM and recipe version of the item, whatever its dates. */
    List<StructureVersion> versionsOf(long itemId);

    /** The versions (of other items) that use the item as a component. */
    List<StructureVersion> versionsUsing(long itemId);

    /** The version whose output includes the item as a co-product or by-product, effective on the date. */
    Optional<StructureVersion> versionProducing(long itemId, LocalDate date);

    /** Setup and run cost of the item's routing effective on the date, per unit, with setup spread over its lot size. */
    BigDecimal operationCostPerUnit(long itemId, LocalDate date);

    /** The version effective on the date, if the item has one. */
    default Optional<StructureVersion> effectiveVersion(long itemId, LocalDate date) {
        return versionsOf(itemId).stream().filter(v -> v.effectiveOn(date)).findFirst();
    }
}
