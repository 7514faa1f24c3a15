package org.pilotline.erp.mrp.store;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a planned order of a run stands with the planner: proposed by the run, firmed (later runs keep it as it is),
 * or converted into a production or purchase order. Converting is allowed from PLANNED and FIRMED; a FIRMED one may be
 * unfirmed (PLANNED again); nothing leaves CONVERTED.
 */
public enum PlannedOrderStatus {
    PLANNED("P"),
    FIRMED("F"),
    CONVERTED("C");

    /** The status as stored in {@code mrp_planned_order.status}. */
    final String code;

    PlannedOrderStatus(String code) {
        this.code = code;
    }

    /** The statuses a planned order in this one may move to. */
    public Set<PlannedOrderStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(FIRMED, CONVERTED);
            case FIRMED -> EnumSet.of(CONVERTED, PLANNED);
            case CONVERTED -> EnumSet.noneOf(PlannedOrderStatus.class);
        };
    }

    public boolean mayBecome(PlannedOrderStatus status) {
        return next().contains(status);
    }

    static PlannedOrderStatus ofCode(String code) {
        return switch (code) {
            case "F" -> FIRMED;
            case "C" -> CONVERTED;
            default -> PLANNED;
        };
    }
}
