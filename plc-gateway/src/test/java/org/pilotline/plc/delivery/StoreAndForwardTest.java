package org.pilotline.plc.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotline.plc.contract.DataLossRecorded;
import org.pilotline.plc.contract.MachineEvent;
import org.pilotline.plc.contract.MachineEventBatch;
import org.pilotline.plc.contract.MachineStateChanged;
import org.pilotline.plc.contract.MachineryItemState;
import org.pilotline.plc.contract.MachineryOperationMode;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreAndForwardTest {

    @TempDir
    Path dir;

    @Test
    void batchesStoredWhileTheCentreIsUnreachableSurviveARestartAndArriveInOrder() throws Exception {
        EventBatcher offline = new EventBatcher(new DiskBatchQueue(dir, 100), batch -> {
            throw new java.net.ConnectException("centre unreachable");
        }, 20, 2, 50);
        for (int i = 0; i < 5; i++) {
            offline.accept("demo", change(i));
        }
        offline.flush();
        Thread.sleep(200);
        offline.close();
        assertEquals(3, new DiskBatchQueue(dir, 100).size(), "2 + 2 + 1 events wait on disk");

        List<MachineEvent> received = new CopyOnWriteArrayList<>();
        EventBatcher restarted = new EventBatcher(new DiskBatchQueue(dir, 100), batch -> received.addAll(batch.events()),
                20, 2, 50);
        long deadline = System.currentTimeMillis() + 5_000;
        while (received.size() < 5 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        restarted.close();
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), received.stream().map(MachineEvent::sequence).toList());
    }

    @Test
    void aReceiverThatThrowsGetsTheSameBatchAgainUntilItAccepts() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<String> accepted = new CopyOnWriteArrayList<>();
        EventBatcher batcher = new EventBatcher(new MemoryBatchQueue(10), batch -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("observer failed");
            }
            accepted.add(batch.batchId());
        }, 20, 100, 50);
        batcher.accept("demo", change(1));
        long deadline = System.currentTimeMillis() + 5_000;
        while (accepted.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        batcher.close();
        assertEquals(3, attempts.get());
        assertEquals(1, accepted.size());
    }

    @Test
    void aFullQueueTurnsItsOldestWaitingBatchIntoAnExplicitDataLossEvent() {
        DiskBatchQueue queue = new DiskBatchQueue(dir, 3);
        for (int i = 0; i < 4; i++) {
            queue.append(new MachineEventBatch("b" + i, "demo", List.of(change(i))));
        }
        assertTrue(queue.size() <= 4);
        List<MachineEvent> all = new java.util.ArrayList<>();
        while (queue.head().isPresent()) {
            all.addAll(queue.head().get().events());
            queue.removeHead();
        }
        DataLossRecorded loss = all.stream().filter(e -> e instanceof DataLossRecorded).map(DataLossRecorded.class::cast)
                .findFirst().orElseThrow();
        assertEquals(1, loss.sequence(), "the dropped event's sequence number marks the loss");
    }

    private static MachineStateChanged change(long sequence) {
        return new MachineStateChanged("M1", sequence, MachineryItemState.EXECUTING, MachineryItemState.NOT_EXECUTING,
                MachineryOperationMode.PROCESSING, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(sequence), Instant.now());
    }
}
