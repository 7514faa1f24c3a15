package org.pilotline.kpi.time;

import org.pilotline.plc.contract.MachineryItemState;
import org.pilotline.plc.contract.MachineryOperationMode;

import java.util.EnumMap;
import java.util.Map;

import static org.pilotline.plc.contract.MachineryItemState.EXECUTING;
import static org.pilotline.plc.contract.MachineryItemState.NOT_AVAILABLE;
import static org.pilotline.plc.contract.MachineryItemState.NOT_EXECUTING;
import static org.pilotline.plc.contract.MachineryItemState.OUT_OF_SERVICE;
import static org.pilotline.plc.contract.MachineryOperationMode.MAINTENANCE;
import static org.pilotline.plc.contract.MachineryOperationMode.NONE;
import static org.pilotline.plc.contract.MachineryOperationMode.PROCESSING;
import static org.pilotline.plc.contract.MachineryOperationMode.SETUP;

/**
 * The one table that turns a moment of planned busy time into an ISO 22400-2 time element, after OPC 40001-1 Annex C
 * (C.2, table 68): MachineryItemState × MachineryOperationMode × the MES's order state. Time outside planned busy time
 * (outside the calendar's shifts, in breaks, in planned downtime) and time without machine data never reach this table.
 *
 * <p>Choices where Annex C leaves room, each written into the table below:
 * <ul>
 *   <li>A machine that reports no operation mode counts as {@link MachineryOperationMode#NONE}; executing under a
 *   running order is then production (many machines expose the item state only).</li>
 *   <li>APT needs an order: a machine executing with no order registered is down time (ADOT), as is every state
 *   without an order. Annex C's APMT (maintenance and setup "as a service" without an order) is not kept apart yet:
 *   it is ADOT here.</li>
 *   <li>While an order is in setup, the machine executing (in any mode) or standing in mode Setup is setup time (ASUT);
 *   any other state is delay (ADET).</li>
 *   <li>A paused order is delay (ADET) whatever the machine does: it is registered but not being worked.</li>
 * </ul>
 */
public final class AnnexC {

    private static final Map<OrderState, Map<MachineryItemState, Map<MachineryOperationMode, TimeElement>>> TABLE =
            new EnumMap<>(OrderState.class);

    static {
        for (MachineryItemState state : MachineryItemState.values()) {
            for (MachineryOperationMode mode : MachineryOperationMode.values()) {
                put(OrderState.NONE, state, mode, TimeElement.ADOT);
                put(OrderState.PAUSED, state, mode, TimeElement.ADET);
                put(OrderState.SETUP, state, mode, state == EXECUTING || mode == SETUP && state == NOT_EXECUTING
                        ? TimeElement.ASUT : TimeElement.ADET);
            }
        }
        // an order running: Annex C's APT row, its setup row, and delay for every stop
        put(OrderState.PROCESSING, EXECUTING, PROCESSING, TimeElement.APT);
        put(OrderState.PROCESSING, EXECUTING, NONE, TimeElement.APT);
        put(OrderState.PROCESSING, EXECUTING, SETUP, TimeElement.ASUT);
        put(OrderState.PROCESSING, EXECUTING, MAINTENANCE, TimeElement.ADET);
        for (MachineryItemState stopped : new MachineryItemState[]{NOT_EXECUTING, OUT_OF_SERVICE, NOT_AVAILABLE}) {
            for (MachineryOperationMode mode : MachineryOperationMode.values()) {
                put(OrderState.PROCESSING, stopped, mode, TimeElement.ADET);
            }
        }
    }

    private AnnexC() {
    }

    private static void put(OrderState order, MachineryItemState state, MachineryOperationMode mode, TimeElement element) {
        TABLE.computeIfAbsent(order, o -> new EnumMap<>(MachineryItemState.class))
                .computeIfAbsent(state, s -> new EnumMap<>(MachineryOperationMode.class)).put(mode, element);
    }

    /** The time element of planned busy time in which the machine is in {@code state} and {@code mode} (null: none). */
    public static TimeElement elementOf(MachineryItemState state, MachineryOperationMode mode, OrderState order) {
        return TABLE.get(order).get(state).get(mode == null ? NONE : mode);
    }

    /** Whether the machine is out of service: a failure, for MTBF and MTTR. */
    public static boolean isFailure(MachineryItemState state) {
        return state == OUT_OF_SERVICE;
    }
}
