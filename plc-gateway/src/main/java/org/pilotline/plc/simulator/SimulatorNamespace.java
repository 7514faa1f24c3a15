package org.pilotline.plc.simulator;

import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The simulator's address space: {@code Objects/Machines/<machine>/...} with OPC 40001-1-style nodes. Values are
 * reported by exception: every write goes to the monitored items of its node at once (a PLC that reports changes,
 * not one sampled every interval), so no transition is lost between two samples.
 */
final class SimulatorNamespace extends ManagedNamespaceWithLifecycle {

    static final String URI = "urn:pilotline:plc-simulator";

    private final Map<NodeId, UaVariableNode> variables = new ConcurrentHashMap<>();
    private final Map<NodeId, Set<DataItem>> items = new ConcurrentHashMap<>();
    private final Map<String, UaNode> byPath = new ConcurrentHashMap<>();

    private final java.util.function.Consumer<Set<String>> itemsCreated;

    /** @param itemsCreated told the machines whose data items were just created (after their initial values) */
    SimulatorNamespace(OpcUaServer server, java.util.function.Consumer<Set<String>> itemsCreated) {
        super(server, URI);
        this.itemsCreated = itemsCreated;
    }

    void build(List<String> machines, java.util.function.Function<String, Object> initialCounter) {
        UaFolderNode root = folder("Machines", null);
        root.addReference(new Reference(root.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
        for (String machine : machines) {
            folder(machine, "Machines");
            variable(machine + "/" + SimulatedMachine.ITEM_STATE, NodeIds.LocalizedText, LocalizedText.english("Executing"));
            variable(machine + "/" + SimulatedMachine.ITEM_STATE_NUMBER, NodeIds.UInt32, UInteger.valueOf(3));
            variable(machine + "/" + SimulatedMachine.OPERATION_MODE, NodeIds.LocalizedText, LocalizedText.english("Processing"));
            Object zero = initialCounter.apply(machine);
            NodeId counterType = zero instanceof UShort ? NodeIds.UInt16 : NodeIds.UInt32;
            variable(machine + "/" + SimulatedMachine.TOTAL, counterType, zero);
            variable(machine + "/" + SimulatedMachine.GOOD, counterType, zero);
            variable(machine + "/" + SimulatedMachine.REJECT, counterType, zero);
            variable(machine + "/" + SimulatedMachine.SPEED, NodeIds.Double, 0.0);
            variable(machine + "/" + SimulatedMachine.ALARM, NodeIds.Boolean, false);
            variable(machine + "/" + SimulatedMachine.RUNNING, NodeIds.Boolean, true);
            variable(machine + "/" + SimulatedMachine.FAULT, NodeIds.Boolean, false);
            variable(machine + "/" + SimulatedMachine.PACKML, NodeIds.Int32, 6);
        }
    }

    /** Sets a node's value and reports it to every monitored item of the node. */
    void write(String path, Object value, Instant sourceTime) {
        NodeId id = newNodeId(path);
        UaVariableNode node = variables.get(id);
        if (node == null) {
            return;
        }
        DataValue dataValue = new DataValue(new Variant(value), StatusCode.GOOD, new DateTime(sourceTime), DateTime.now());
        node.setValue(dataValue);
        Set<DataItem> subscribed = items.get(id);
        if (subscribed != null) {
            for (DataItem item : subscribed) {
                item.setValue(dataValue);
            }
        }
    }

    NodeId nodeId(String path) {
        return newNodeId(path);
    }

    private UaFolderNode folder(String path, String parentPath) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId(path), newQualifiedName(name),
                LocalizedText.english(name));
        getNodeManager().addNode(folder);
        byPath.put(path, folder);
        if (parentPath != null) {
            ((UaFolderNode) byPath.get(parentPath)).addOrganizes(folder);
        }
        return folder;
    }

    private void variable(String path, NodeId dataType, Object initial) {
        String parentPath = path.substring(0, path.lastIndexOf('/'));
        UaNode parent = byPath.get(parentPath);
        if (parent == null) {
            String grand = parentPath.contains("/") ? parentPath.substring(0, parentPath.lastIndexOf('/')) : null;
            if (grand != null && !byPath.containsKey(grand)) {
                throw new IllegalStateException("no parent for " + path);
            }
            UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId(parentPath),
                    newQualifiedName(parentPath.substring(parentPath.lastIndexOf('/') + 1)),
                    LocalizedText.english(parentPath.substring(parentPath.lastIndexOf('/') + 1)));
            getNodeManager().addNode(folder);
            byPath.put(parentPath, folder);
            ((UaFolderNode) byPath.get(grand)).addOrganizes(folder);
            parent = folder;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                .setNodeId(newNodeId(path))
                .setAccessLevel(AccessLevel.READ_ONLY)
                .setUserAccessLevel(AccessLevel.toValue(AccessLevel.READ_ONLY))
                .setBrowseName(newQualifiedName(name))
                .setDisplayName(LocalizedText.english(name))
                .setDataType(dataType)
                .setTypeDefinition(parent instanceof UaVariableNode ? NodeIds.PropertyType : NodeIds.BaseDataVariableType)
                .build();
        node.setValue(new DataValue(new Variant(initial)));
        getNodeManager().addNode(node);
        variables.put(node.getNodeId(), node);
        byPath.put(path, node);
        if (parent instanceof UaFolderNode f) {
            f.addOrganizes(node);
        } else {
            parent.addReference(new Reference(parent.getNodeId(), NodeIds.HasProperty, node.getNodeId().expanded(), true));
        }
    }

    @Override
    public void onDataItemsCreated(List<DataItem> created) {
        Set<String> machines = new java.util.LinkedHashSet<>();
        for (DataItem item : created) {
            NodeId id = item.getReadValueId().getNodeId();
            if (id.getIdentifier() instanceof String path && path.contains("/")) {
                machines.add(path.substring(0, path.indexOf('/')));
            }
            items.computeIfAbsent(id, k -> new CopyOnWriteArraySet<>()).add(item);
            UaVariableNode node = variables.get(id);
            if (node != null) {
                item.setValue(node.getValue());
            }
        }
        if (!machines.isEmpty()) {
            itemsCreated.accept(machines);
        }
    }

    @Override
    public void onDataItemsModified(List<DataItem> modified) {
        // reporting is by exception: a new sampling interval changes nothing
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> deleted) {
        for (DataItem item : deleted) {
            Set<DataItem> set = items.get(item.getReadValueId().getNodeId());
            if (set != null) {
                set.remove(item);
            }
        }
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
        // every item stays reporting
    }

    QualifiedName qualified(String name) {
        return newQualifiedName(name);
    }
}
