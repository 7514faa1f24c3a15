package org.pilotline.platform.quantity;

import java.math.BigDecimal;

/** How decimal quantities and money leave the service layer. */
public final class Decimals {

    private Decimals() {
    }

    /** 12.500000 → 12.5: the database keeps six places; clients see the number itself. */
    public static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    public static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
