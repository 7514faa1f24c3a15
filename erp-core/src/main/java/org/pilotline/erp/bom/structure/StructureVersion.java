package org.pilotline.erp.bom.structure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of how an item is made — a BOM revision or a recipe revision — normalised per one stock unit of the
 * item: component quantities in each component's stock unit, before scrap. A recipe's batch is divided by its expected
 * output of the main product, and {@code costShare} is the part of the batch cost the main product carries.
 */
public record StructureVersion(long itemId, Kind kind, long id, String revision, LocalDate validFrom, LocalDate validTo,
                               List<Component> components, List<Output> outputs, BigDecimal costShare) {

    public enum Kind {BOM, RECIPE}

    /** A component needed per one unit of the parent; {@code scrapFactor} 0.05 means 5 % more is issued. */
    public record Component(int lineNo, long itemId, BigDecimal quantityPer, BigDecimal scrapFactor, boolean phantom) {

        /** What is issued per one unit of the parent, scrap included. */
        public BigDecimal grossQuantityPer() {
            return quantityPer.multiply(BigDecimal.ONE.add(scrapFactor));
        }
    }

    /** A co-product or by-product that comes out per one unit of the main product, with its share of the cost. */
    public record Output(int lineNo, long itemId, OutputKind kind, BigDecimal quantityPer, BigDecimal costShare) {
    }

    public enum OutputKind {CO_PRODUCT, BY_PRODUCT}

    public boolean effectiveOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }
}
