package org.pilotline.plc.acquisition;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.pilotline.plc.binding.MachineBinding;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A binding's nodes per signal (in the order they are applied), and OPC UA values turned into signal values. */
final class SignalNodes {

    private SignalNodes() {
    }

    /** The nodes the binding's state mapping and counters read, mode before item state. */
    static Map<Signal, String> nodes(MachineBinding b) {
        Map<Signal, String> nodes = new LinkedHashMap<>();
        switch (b.stateMapping()) {
            case MACHINERY -> {
                put(nodes, Signal.OPERATION_MODE, b.operationModeNode());
                put(nodes, Signal.ITEM_STATE, b.itemStateNode());
            }
            case RUNNING_FAULT_FLAGS -> {
                put(nodes, Signal.RUNNING, b.runningNode());
                put(nodes, Signal.FAULT, b.faultNode());
            }
            case PACKML -> put(nodes, Signal.PACKML_STATE, b.packMlStateNode());
        }
        put(nodes, Signal.TOTAL_COUNT, b.totalCountNode());
        put(nodes, Signal.GOOD_COUNT, b.goodCountNode());
        put(nodes, Signal.REJECT_COUNT, b.rejectCountNode());
        put(nodes, Signal.SPEED, b.speedNode());
        put(nodes, Signal.ALARM, b.alarmNode());
        return nodes;
    }

    private static void put(Map<Signal, String> nodes, Signal signal, String node) {
        if (node != null && !node.isBlank()) {
            nodes.put(signal, node);
        }
    }

    static NodeId resolve(OpcUaClient on, String node) throws Exception {
        return ExpandedNodeId.parse(node).toNodeIdOrThrow(on.getNamespaceTable());
    }

    static SignalValue signalValue(Signal signal, DataValue value) {
        StatusCode status = value.statusCode() == null ? StatusCode.GOOD : value.statusCode();
        Object raw = value.value() == null ? null : value.value().value();
        return new SignalValue(signal, raw, status.isGood() || status.isUncertain(), status.isOverflowSet(),
                instant(value.sourceTime()), instant(value.serverTime()));
    }

    private static Instant instant(DateTime time) {
        return time == null || time.isNull() ? null : time.getJavaInstant();
    }
}
