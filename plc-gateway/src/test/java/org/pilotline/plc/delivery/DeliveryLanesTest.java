package org.pilotline.plc.delivery;

import org.junit.jupiter.api.Test;
import org.pilotline.plc.contract.MachineEvent;
import org.pilotline.plc.contract.MachineEventBatch;
import org.pilotline.plc.contract.PartCountDelta;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryLanesTest {

    @Test
    void eachMachineStaysInOneLaneAndItsEventsArriveInSequenceOrder() throws Exception {
        Map<String, List<Long>> received = new ConcurrentHashMap<>();
        Map<String, Set<String>> threadsOfMachine = new ConcurrentHashMap<>();
        List<MachineEventBatch> batches = new CopyOnWriteArrayList<>();
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        DeliveryLanes lanes = new DeliveryLanes(4, lane -> new EventBatcher(new MemoryBatchQueue(1_000), batch -> {
            // the first attempt of every tenth batch fails: a lane retries its head, the others go on
            if (batch.batchId().hashCode() % 10 == 0 && failedOnce.add(batch.batchId())) {
                throw new IllegalStateException("observer failed");
            }
            batches.add(batch);
            for (MachineEvent e : batch.events()) {
                received.computeIfAbsent(e.machine(), m -> new CopyOnWriteArrayList<>()).add(e.sequence());
                threadsOfMachine.computeIfAbsent(e.machine(), m -> ConcurrentHashMap.newKeySet())
                        .add(Thread.currentThread().getName());
            }
        }, 5, 7, 20, "lane-" + lane));
        int machines = 40;
        int eventsEach = 50;
        for (int sequence = 0; sequence < eventsEach; sequence++) {
            for (int m = 0; m < machines; m++) {
                lanes.accept("demo", count("M" + m, sequence));
            }
        }
        long deadline = System.currentTimeMillis() + 20_000;
        while (lanes.deliveredEvents() < (long) machines * eventsEach && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        lanes.close();

        assertEquals((long) machines * eventsEach, lanes.deliveredEvents());
        List<Long> inOrder = new ArrayList<>();
        for (long s = 0; s < eventsEach; s++) {
            inOrder.add(s);
        }
        for (int m = 0; m < machines; m++) {
            assertEquals(inOrder, received.get("M" + m), "M" + m + "'s events, once each and in order");
            assertEquals(1, threadsOfMachine.get("M" + m).size(), "M" + m + " is delivered by one lane");
        }
        Set<String> threads = new HashSet<>();
        threadsOfMachine.values().forEach(threads::addAll);
        assertTrue(threads.size() > 1, "the machines are spread over lanes: " + threads);
        for (MachineEventBatch batch : batches) {
            Map<String, Integer> laneOfMachine = new HashMap<>();
            batch.events().forEach(e -> laneOfMachine.put(e.machine(), DeliveryLanes.laneOf("demo", e.machine(), 4)));
            assertEquals(1, new HashSet<>(laneOfMachine.values()).size(), "a batch names the machines of one lane");
        }
    }

    private static PartCountDelta count(String machine, long sequence) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z").plusMillis(sequence);
        return new PartCountDelta(machine, sequence, 1, 1, 0, at, at);
    }
}
