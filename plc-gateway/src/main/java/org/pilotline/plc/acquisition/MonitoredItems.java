package org.pilotline.plc.acquisition;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemServiceOperationResult;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * The monitored items of one connection's machines in its current subscription. Each machine is monitored once per
 * subscription, whichever comes first: the subscription being (re-)created, or the machine being added to a live
 * one; machines added in a burst share one service call. A data item's first notification is its node's current
 * value (OPC UA Part 4, 5.12.1), so nothing is read separately. A node that cannot be monitored never sends a
 * notification: it is reported once as a bad value (NotAvailable for a state node), as a read of it would have been.
 */
final class MonitoredItems {

    private static final Logger LOG = LoggerFactory.getLogger(MonitoredItems.class);

    /** Which machine and signal an item's notifications belong to. */
    private record ItemRef(MachineTracker tracker, Signal signal) {
    }

    private final int queueSize;
    private final Consumer<String> problems;
    private final Consumer<List<MachineValue>> unmonitorable;
    private final Object lock = new Object();
    private final Set<MachineTracker> monitored = ConcurrentHashMap.newKeySet();
    private volatile OpcUaSubscription subscription;

    /**
     * @param queueSize     each item's queue on the server (discard oldest; an overflow becomes a data-loss event)
     * @param problems      told what could not be monitored, for the connection's last error
     * @param unmonitorable receives the bad values standing for nodes that could not be monitored
     */
    MonitoredItems(int queueSize, Consumer<String> problems, Consumer<List<MachineValue>> unmonitorable) {
        this.queueSize = queueSize;
        this.problems = problems;
        this.unmonitorable = unmonitorable;
    }

    /** From now on items are created in {@code created}; no machine is monitored in it yet. */
    void useSubscription(OpcUaSubscription created) {
        synchronized (lock) {
            subscription = created;
            monitored.clear();
        }
    }

    /** The subscription items are created in, or null before the first one. */
    OpcUaSubscription subscription() {
        return subscription;
    }

    /**
     * Creates the items of every machine of {@code machines} not yet monitored in {@code into}, if that is still the
     * current subscription. Serialised, so a machine added while a subscription is being (re-)created is monitored
     * exactly once.
     */
    void monitorMissing(OpcUaSubscription into, Collection<MachineTracker> machines) throws Exception {
        synchronized (lock) {
            if (into != subscription) {
                return;
            }
            List<MachineTracker> missing = machines.stream().filter(t -> !monitored.contains(t)).toList();
            if (!missing.isEmpty()) {
                create(into, missing);
                monitored.addAll(missing);
            }
        }
    }

    /** Deletes a machine's items from the current subscription (in the background: the caller holds the gateway). */
    void stopMonitoring(MachineTracker removed, Executor workers) {
        monitored.remove(removed);
        OpcUaSubscription current = subscription;
        if (current == null) {
            return;
        }
        List<OpcUaMonitoredItem> items = current.getMonitoredItems().stream()
                .filter(i -> i.getUserObject().map(o -> ((ItemRef) o).tracker() == removed).orElse(false)).toList();
        current.removeMonitoredItems(items);
        workers.execute(() -> {
            try {
                current.deleteMonitoredItems();
            } catch (Exception e) {
                LOG.debug("deleting the monitored items of {} failed", removed.binding().machineCode(), e);
            }
        });
    }

    /** The machine's signal value a notification of {@code item} carries; empty for an item that is not ours. */
    static Optional<MachineValue> valueOf(OpcUaMonitoredItem item, DataValue value) {
        return item.getUserObject().filter(ItemRef.class::isInstance).map(ItemRef.class::cast)
                .map(r -> new MachineValue(r.tracker(), SignalNodes.signalValue(r.signal(), value)));
    }

    private void create(OpcUaSubscription into, List<MachineTracker> trackers) throws Exception {
        OpcUaClient on = into.getClient();
        List<OpcUaMonitoredItem> items = new ArrayList<>();
        for (MachineTracker tracker : trackers) {
            for (Map.Entry<Signal, String> node : SignalNodes.nodes(tracker.binding()).entrySet()) {
                OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(SignalNodes.resolve(on, node.getValue()));
                item.setSamplingInterval(tracker.binding().samplingIntervalMs());
                item.setQueueSize(uint(queueSize));
                item.setDiscardOldest(true);
                item.setUserObject(new ItemRef(tracker, node.getKey()));
                items.add(item);
            }
        }
        into.addMonitoredItems(items);
        List<MachineValue> badValues = new ArrayList<>();
        for (MonitoredItemServiceOperationResult result : into.createMonitoredItems()) {
            if (result.operationResult().map(r -> !r.isGood()).orElse(false) || result.serviceResult().isBad()) {
                StatusCode status = result.operationResult().orElse(result.serviceResult());
                problems.accept("a node could not be monitored: "
                        + result.monitoredItem().getReadValueId().getNodeId().toParseableString() + " " + status);
                valueOf(result.monitoredItem(), new DataValue(status)).ifPresent(badValues::add);
            }
        }
        if (!badValues.isEmpty()) {
            unmonitorable.accept(badValues);
        }
    }
}
