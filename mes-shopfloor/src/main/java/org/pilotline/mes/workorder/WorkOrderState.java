package org.pilotline.mes.workorder;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a work order: released to the shop floor, in progress from its first start, completed when its last
 * operation finished, closed by the planner when nothing more will be booked on it; or cancelled before anything was
 * produced.
 */
public enum WorkOrderState {
    RELEASED, IN_PROGRESS, COMPLETED, CLOSED, CANCELLED;

    private static final Map<WorkOrderState, Set<WorkOrderState>> ALLOWED = Map.of(
            RELEASED, EnumSet.of(IN_PROGRESS, CANCELLED),
            IN_PROGRESS, EnumSet.of(COMPLETED, CANCELLED),
            COMPLETED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(WorkOrderState.class),
            CANCELLED, EnumSet.noneOf(WorkOrderState.class));

    public boolean mayBecome(WorkOrderState target) {
        return ALLOWED.get(this).contains(target);
    }

    /** Whether terminals may still report against the order's operations. */
    public boolean acceptsReports() {
        return this == RELEASED || this == IN_PROGRESS;
    }
}
