package org.pilotline.mes.workorder;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotline.mes.workorder.WorkOrderState.*;

class WorkOrderStateTest {

    @Test
    void onlyAReleasedWorkOrderMayBeCancelled() {
        EnumSet<WorkOrderState> cancellable = EnumSet.noneOf(WorkOrderState.class);
        for (WorkOrderState state : values()) {
            if (state.mayBecome(CANCELLED)) {
                cancellable.add(state);
            }
        }
        assertEquals(EnumSet.of(RELEASED), cancellable, "a started work order has moved stock: it is finished and closed");
    }

    @Test
    void aWorkOrderRunsFromReleasedThroughCompletedToClosed() {
        assertEquals(EnumSet.of(IN_PROGRESS, CANCELLED), successors(RELEASED));
        assertEquals(EnumSet.of(COMPLETED), successors(IN_PROGRESS));
        assertEquals(EnumSet.of(CLOSED), successors(COMPLETED));
        assertEquals(EnumSet.noneOf(WorkOrderState.class), successors(CLOSED));
        assertEquals(EnumSet.noneOf(WorkOrderState.class), successors(CANCELLED));
    }

    private static EnumSet<WorkOrderState> successors(WorkOrderState from) {
        EnumSet<WorkOrderState> next = EnumSet.noneOf(WorkOrderState.class);
        for (WorkOrderState to : values()) {
            if (from.mayBecome(to)) {
                next.add(to);
            }
        }
        return next;
    }
}
