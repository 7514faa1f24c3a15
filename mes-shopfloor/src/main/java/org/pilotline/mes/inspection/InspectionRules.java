package org.pilotline.mes.inspection;

import java.math.BigDecimal;

/** Whether a measured value is within a characteristic's limits (either limit may be open). Plain Java. */
public final class InspectionRules {

    private InspectionRules() {
    }

    public static boolean withinLimits(BigDecimal measured, BigDecimal lower, BigDecimal upper) {
        return (lower == null || measured.compareTo(lower) >= 0) && (upper == null || measured.compareTo(upper) <= 0);
    }
}
