package org.pilotline.mes.workorder;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static org.pilotline.mes.workorder.OperationEvent.FINISH;
import static org.pilotline.mes.workorder.OperationEvent.PAUSE;
import static org.pilotline.mes.workorder.OperationEvent.PREDECESSOR_PASSED;
import static org.pilotline.mes.workorder.OperationEvent.RESUME;
import static org.pilotline.mes.workorder.OperationEvent.SETUP_END;
import static org.pilotline.mes.workorder.OperationEvent.SETUP_START;
import static org.pilotline.mes.workorder.OperationEvent.START;
import static org.pilotline.mes.workorder.OperationState.FINISHED;
import static org.pilotline.mes.workorder.OperationState.PAUSED;
import static org.pilotline.mes.workorder.OperationState.READY;
import static org.pilotline.mes.workorder.OperationState.RUNNING;
import static org.pilotline.mes.workorder.OperationState.SETUP;
import static org.pilotline.mes.workorder.OperationState.WAITING;

/**
 * The one table of allowed operation transitions. {@link OperationEvent#RESUME} returns to the state the operation was
 * paused from, so it is resolved by {@link #next(OperationState, OperationEvent, OperationState)}; every other
 * transition depends on the current state and the event alone.
 */
public final class OperationLifecycle {

    private static final Map<OperationState, Map<OperationEvent, OperationState>> TABLE = new EnumMap<>(OperationState.class);

    static {
        allow(WAITING, PREDECESSOR_PASSED, READY);
        allow(READY, PREDECESSOR_PASSED, READY);
        allow(READY, SETUP_START, SETUP);
        allow(READY, START, RUNNING);
        allow(SETUP, SETUP_END, RUNNING);
        allow(SETUP, PAUSE, PAUSED);
        allow(RUNNING, PAUSE, PAUSED);
        allow(RUNNING, SETUP_START, SETUP);
        allow(RUNNING, FINISH, FINISHED);
        allow(PAUSED, FINISH, FINISHED);
        // A predecessor passing more quantity changes nothing for an operation that is already under way.
        for (OperationState underWay : new OperationState[]{SETUP, RUNNING, PAUSED, FINISHED}) {
            allow(underWay, PREDECESSOR_PASSED, underWay);
        }
    }

    private OperationLifecycle() {
    }

    private static void allow(OperationState from, OperationEvent event, OperationState to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(OperationEvent.class)).put(event, to);
    }

    /**
     * The state after {@code event}, or empty when the event is not allowed in {@code current}. {@code pausedFrom} is
     * the state a paused operation was paused from (SETUP or RUNNING); it is only read for RESUME.
     */
    public static Optional<OperationState> next(OperationState current, OperationEvent event, OperationState pausedFrom) {
        if (event == RESUME) {
            return current == PAUSED ? Optional.of(pausedFrom == SETUP ? SETUP : RUNNING) : Optional.empty();
        }
        return Optional.ofNullable(TABLE.getOrDefault(current, Map.of()).get(event));
    }
}
