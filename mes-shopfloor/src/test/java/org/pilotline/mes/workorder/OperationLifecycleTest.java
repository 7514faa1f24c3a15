package org.pilotline.mes.workorder;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotline.mes.workorder.OperationEvent.*;
import static org.pilotline.mes.workorder.OperationState.*;

class OperationLifecycleTest {

    @Test
    void anOperationGoesFromWaitingThroughSetupAndPausesToFinished() {
        OperationState s = WAITING;
        s = OperationLifecycle.next(s, PREDECESSOR_PASSED, null).orElseThrow();
        assertEquals(READY, s);
        s = OperationLifecycle.next(s, SETUP_START, null).orElseThrow();
        assertEquals(SETUP, s);
        s = OperationLifecycle.next(s, SETUP_END, null).orElseThrow();
        assertEquals(RUNNING, s);
        s = OperationLifecycle.next(s, PAUSE, null).orElseThrow();
        assertEquals(PAUSED, s);
        s = OperationLifecycle.next(s, RESUME, RUNNING).orElseThrow();
        assertEquals(RUNNING, s);
        s = OperationLifecycle.next(s, FINISH, null).orElseThrow();
        assertEquals(FINISHED, s);
    }

    @Test
    void resumingReturnsToTheStateTheOperationWasPausedFrom() {
        assertEquals(Optional.of(SETUP), OperationLifecycle.next(PAUSED, RESUME, SETUP));
        assertEquals(Optional.of(RUNNING), OperationLifecycle.next(PAUSED, RESUME, RUNNING));
        assertEquals(Optional.empty(), OperationLifecycle.next(RUNNING, RESUME, RUNNING));
    }

    @Test
    void aWaitingOperationCannotBeStartedSetUpOrFinished() {
        for (OperationEvent event : EnumSet.of(START, SETUP_START, SETUP_END, PAUSE, RESUME, FINISH)) {
            assertEquals(Optional.empty(), OperationLifecycle.next(WAITING, event, null), event.name());
        }
    }

    @Test
    void aFinishedOperationAcceptsNothingButMoreQuantityPassingItsPredecessor() {
        for (OperationEvent event : OperationEvent.values()) {
            Optional<OperationState> next = OperationLifecycle.next(FINISHED, event, RUNNING);
            if (event == PREDECESSOR_PASSED) {
                assertEquals(Optional.of(FINISHED), next);
            } else {
                assertEquals(Optional.empty(), next, event.name());
            }
        }
    }

    @Test
    void startingTwiceIsRefused() {
        assertTrue(OperationLifecycle.next(RUNNING, START, null).isEmpty());
        assertTrue(OperationLifecycle.next(READY, FINISH, null).isEmpty(), "an operation that never ran cannot finish");
    }

    @Test
    void workOrdersOnlyMoveForward() {
        assertTrue(WorkOrderState.RELEASED.mayBecome(WorkOrderState.IN_PROGRESS));
        assertTrue(WorkOrderState.IN_PROGRESS.mayBecome(WorkOrderState.COMPLETED));
        assertTrue(WorkOrderState.COMPLETED.mayBecome(WorkOrderState.CLOSED));
        assertTrue(!WorkOrderState.COMPLETED.mayBecome(WorkOrderState.IN_PROGRESS));
        assertTrue(!WorkOrderState.CLOSED.mayBecome(WorkOrderState.CANCELLED));
        assertTrue(!WorkOrderState.CLOSED.acceptsReports() && WorkOrderState.IN_PROGRESS.acceptsReports());
    }
}
