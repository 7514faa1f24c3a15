package org.pilotline.plc.browse;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.pilotline.plc.acquisition.ConnectionSettings;
import org.pilotline.plc.acquisition.MiloClients;
import org.pilotline.plc.binding.MachineBinding;
import org.pilotline.plc.security.GatewayPki;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks a server's address space one level at a time so a person can pick the nodes of a binding. Node ids are
 * returned with the namespace URI ({@code nsu=...}), which stays valid when the server's namespace indexes change.
 */
public final class AddressSpaceBrowser {

    /** A node below the browsed one. */
    public record BrowsedNode(String nodeId, String browseName, String displayName, String nodeClass) {
    }

    private final ConnectionSettings settings;
    private final GatewayPki pki;

    public AddressSpaceBrowser(ConnectionSettings settings, GatewayPki pki) {
        this.settings = settings;
        this.pki = pki;
    }

    /** The children of {@code nodeId} (the Objects folder when null). */
    public List<BrowsedNode> children(MachineBinding.ConnectionKey key, String nodeId) throws Exception {
        OpcUaClient client = MiloClients.newClient(key, settings, pki);
        try {
            client.connect();
            client.readNamespaceTable();
            NodeId start = nodeId == null || nodeId.isBlank() ? NodeIds.ObjectsFolder
                    : ExpandedNodeId.parse(nodeId).toNodeIdOrThrow(client.getNamespaceTable());
            List<BrowsedNode> nodes = new ArrayList<>();
            for (ReferenceDescription ref : client.getAddressSpace().browse(start)) {
                String id = ref.getNodeId().toNodeId(client.getNamespaceTable())
                        .map(n -> n.expanded(client.getNamespaceTable()).toParseableString())
                        .orElse(ref.getNodeId().toParseableString());
                nodes.add(new BrowsedNode(id, ref.getBrowseName().name(), ref.getDisplayName().text(),
                        String.valueOf(ref.getNodeClass())));
            }
            return nodes;
        } finally {
            client.disconnect();
        }
    }
}
