package org.pilotline.plc.acquisition;

import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.pilotline.plc.contract.MachineryItemState;
import org.pilotline.plc.contract.MachineryOperationMode;

import java.util.Optional;

/**
 * How raw PLC values become the normalised OPC 40001-1 state. Plain functions, documented in the README:
 * <ul>
 *   <li>MachineryItemState / operation mode nodes: the state number (0-3) or its name (String, LocalizedText,
 *       QualifiedName, or the last segment of a string NodeId such as {@code .../Executing}).</li>
 *   <li>running + fault flags: fault → OutOfService; else running → Executing; else NotExecuting.</li>
 *   <li>PackML state number: see {@link #fromPackMl(long)}.</li>
 * </ul>
 * A value that cannot be read (bad status, unknown text, missing flag) is NotAvailable.
 */
public final class StateMappings {

    private StateMappings() {
    }

    public static MachineryItemState itemState(Object value) {
        if (value instanceof Number n) {
            return MachineryItemState.ofNumber(n.longValue()).orElse(MachineryItemState.NOT_AVAILABLE);
        }
        return text(value).flatMap(MachineryItemState::ofName).orElse(MachineryItemState.NOT_AVAILABLE);
    }

    public static Optional<MachineryOperationMode> operationMode(Object value) {
        if (value instanceof Number n) {
            return MachineryOperationMode.ofNumber(n.longValue());
        }
        return text(value).flatMap(MachineryOperationMode::ofName);
    }

    public static MachineryItemState fromFlags(Boolean running, Boolean fault) {
        if (running == null || fault == null) {
            return MachineryItemState.NOT_AVAILABLE;
        }
        if (fault) {
            return MachineryItemState.OUT_OF_SERVICE;
        }
        return running ? MachineryItemState.EXECUTING : MachineryItemState.NOT_EXECUTING;
    }

    /**
     * PackML (ISA-TR88.00.02-2015) state numbers: Execute (6) is Executing; Aborting (8), Aborted (9) and Clearing (1)
     * are OutOfService (the machine stopped on a fault and is not functional until cleared); Stopped (2), Starting (3),
     * Idle (4), Suspended (5), Stopping (7), Holding (10), Held (11), Unholding (12), Suspending (13),
     * Unsuspending (14), Resetting (15), Completing (16) and Complete (17) are NotExecuting; Undefined (0) and any
     * other number is NotAvailable.
     */
    public static MachineryItemState fromPackMl(long state) {
        if (state == 6) {
            return MachineryItemState.EXECUTING;
        }
        if (state == 1 || state == 8 || state == 9) {
            return MachineryItemState.OUT_OF_SERVICE;
        }
        if (state >= 2 && state <= 17) {
            return MachineryItemState.NOT_EXECUTING;
        }
        return MachineryItemState.NOT_AVAILABLE;
    }

    static Boolean flag(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        return null;
    }

    private static Optional<String> text(Object value) {
        if (value instanceof String s) {
            return Optional.of(s);
        }
        if (value instanceof LocalizedText t) {
            return Optional.ofNullable(t.text());
        }
        if (value instanceof QualifiedName q) {
            return Optional.ofNullable(q.name());
        }
        if (value instanceof NodeId id && id.getIdentifier() instanceof String s) {
            return Optional.of(s.substring(s.lastIndexOf('/') + 1));
        }
        return Optional.empty();
    }
}
