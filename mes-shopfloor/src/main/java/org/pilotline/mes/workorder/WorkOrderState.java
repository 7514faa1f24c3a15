package org.pilotline.mes.workorder;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a work order: released to the shop floor, in progress from its first start, completed when its last
 * operation finished, closed by the planner when nothing more will be booked on it; or cancelled before anything was
 * produced.
 * <p>
 * Cancelling is allowed only while the work order is {@link #RELEASED}, that is before any of its operations was set
 * up or started: quantities can be reported only on a started operation, so nothing was produced, consumed or
 * received yet. A started work order is not cancelled, because its reports have moved stock and the ERP order's
 * progress that a cancellation would leave behind; it is ended by finishing its last operation (with whatever
 * quantity was made) and closing it — as ISA-95 job orders and the common ERPs ("technically complete") do.
 */
public enum WorkOrderState {
    RELEASED, IN_PROGRESS, COMPLETED, CLOSED, CANCELLED;

    private static final Map<WorkOrderState, Set<WorkOrderState>> ALLOWED = Map.of(
            RELEASED, EnumSet.of(IN_PROGRESS, CANCELLED),
            IN_PROGRESS, EnumSet.of(COMPLETED),
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
