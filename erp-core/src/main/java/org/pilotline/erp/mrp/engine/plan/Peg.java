package org.pilotline.erp.mrp.engine.plan;

import java.math.BigDecimal;

/**
 * {@code quantity} of {@code supply} serves {@code demand}. A null demand is surplus: supply no demand inside the
 * horizon takes (lot-size rounding, stock left over). For every supply the pegged quantities add up to its quantity.
 */
public record Peg(Demand demand, Supply supply, BigDecimal quantity) {

    public boolean isSurplus() {
        return demand == null;
    }
}
