package org.pilotline.erp.mrp.engine.input;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One component of a BOM version.
 *
 * @param quantityPer quantity of the component per base quantity of the parent (see {@link BomVersion})
 * @param scrapFactor component scrap as a fraction of the component quantity: 0.05 means 1.05 × quantityPer is needed
 * @param phantom     the component is a phantom assembly here: not stocked or planned for this line, its own
 *                    components (of its BOM version effective on the parent order's date) go straight into the
 *                    parent. A component that is a phantom item is blown through on every line.
 */
public record BomLine(String componentCode, BigDecimal quantityPer, BigDecimal scrapFactor, boolean phantom) {

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

    public BomLine(String componentCode, BigDecimal quantityPer, BigDecimal scrapFactor) {
        this(componentCode, quantityPer, scrapFactor, false);
    }

    public static BomLine of(String componentCode, long quantityPer) {
        return new BomLine(componentCode, BigDecimal.valueOf(quantityPer), BigDecimal.ZERO, false);
    }

    public static BomLine of(String componentCode, String quantityPer, String scrapFactor) {
        return new BomLine(componentCode, new BigDecimal(quantityPer), new BigDecimal(scrapFactor), false);
    }

    /** A line that blows the component through as a phantom. */
    public static BomLine phantom(String componentCode, long quantityPer) {
        return new BomLine(componentCode, BigDecimal.valueOf(quantityPer), BigDecimal.ZERO, true);
    }
}
