package org.pilotline.erp.mrp.engine.input;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One component of a BOM version.
 *
 * @param quantityPer quantity of the component per one unit of the parent
 * @param scrapFactor component scrap as a fraction of the component quantity: 0.05 means 1.05 × quantityPer is needed
 */
public record BomLine(String componentCode, BigDecimal quantityPer, BigDecimal scrapFactor) {

    public BomLine {
        Objects.requireNonNull(componentCode, "componentCode");
        Objects.requireNonNull(quantityPer, "quantityPer");
        scrapFactor = scrapFactor == null ? BigDecimal.ZERO : scrapFactor;
        if (quantityPer.signum() <= 0) {
            throw new IllegalArgumentException("quantity per of " + componentCode + " must be positive");
        }
        if (scrapFactor.signum() < 0) {
            throw new IllegalArgumentException("scrap factor of " + componentCode + " must not be negative");
        }
    }

    public static BomLine of(String componentCode, long quantityPer) {
        return new BomLine(componentCode, BigDecimal.valueOf(quantityPer), BigDecimal.ZERO);
    }

    public static BomLine of(String componentCode, String quantityPer, String scrapFactor) {
        return new BomLine(componentCode, new BigDecimal(quantityPer), new BigDecimal(scrapFactor));
    }
}
