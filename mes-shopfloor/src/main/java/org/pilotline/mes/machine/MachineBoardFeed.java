package org.pilotline.mes.machine;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pilotline.plc.contract.MachineEvent;
import org.pilotline.plc.contract.MachineEventBatch;
import org.pilotline.plc.contract.MachineStateChanged;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The machine board's live feed: each subscriber (a board open in a browser) gets its enterprise's board first, then
 * every machine's new state once the batch that brought it is stored. Changes that arrive while the first board is
 * being read wait and follow it (a client keeps a machine's latest state by {@code since}).
 */
@ApplicationScoped
public class MachineBoardFeed {

    @Schema(description = "An event of the machine board's stream: `board` (the whole board, first) or `state` (one"
            + " machine's new state and since when)")
    public record BoardEvent(String kind, MachineBoardService.Board board, String machine, String state,
                             String operationMode, Instant since) {
        static BoardEvent of(MachineBoardService.Board board) {
            return new BoardEvent("board", board, null, null, null, null);
        }

        static BoardEvent of(MachineStateChanged s) {
            return new BoardEvent("state", null, s.machine(), s.to().name(),
                    s.operationMode() == null ? null : s.operationMode().name(), s.sourceTime());
        }
    }

    /** One open stream: holds back changes until its board has gone out. */
    public static final class Subscriber {
        /** A stream that never starts keeps no more than this. */
        private static final int MOST_WAITING = 10_000;
        private final List<BoardEvent> waiting = new ArrayList<>();
        private MultiEmitter<? super BoardEvent> emitter;

        synchronized void attach(MultiEmitter<? super BoardEvent> emitter, MachineBoardService.Board board) {
            emitter.emit(BoardEvent.of(board));
            waiting.forEach(emitter::emit);
            waiting.clear();
            this.emitter = emitter;
        }

        synchronized void send(BoardEvent event) {
            if (emitter != null) {
                emitter.emit(event);
            } else if (waiting.size() < MOST_WAITING) {
                waiting.add(event);
            }
        }
    }

    private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();

    /** Starts listening for the enterprise's changes, before its board is read: none is lost in between. */
    public Subscriber open(String tenant) {
        Subscriber subscriber = new Subscriber();
        subscribers.computeIfAbsent(tenant, t -> ConcurrentHashMap.newKeySet()).add(subscriber);
        return subscriber;
    }

    /** The stream of an opened subscriber: the board read after it opened, then the changes. */
    public Multi<BoardEvent> stream(String tenant, Subscriber subscriber, MachineBoardService.Board board) {
        return Multi.createFrom().emitter(emitter -> {
            emitter.onTermination(() -> close(tenant, subscriber));
            subscriber.attach(emitter, board);
        });
    }

    public void close(String tenant, Subscriber subscriber) {
        subscribers.getOrDefault(tenant, Set.of()).remove(subscriber);
    }

    @Inject
    TransactionSynchronizationRegistry transactions;

    void onBatch(@Observes MachineEventBatch batch) {
        Set<Subscriber> listening = subscribers.get(batch.tenant());
        if (listening == null || listening.isEmpty()) {
            return;
        }
        Map<String, MachineStateChanged> last = new LinkedHashMap<>();
        for (MachineEvent event : batch.events()) {
            if (event instanceof MachineStateChanged s) {
                last.put(s.machine(), s);
            }
        }
        if (last.isEmpty()) {
            return;
        }
        List<BoardEvent> events = last.values().stream().map(BoardEvent::of).toList();
        Runnable publish = () -> subscribers.getOrDefault(batch.tenant(), Set.of())
                .forEach(s -> events.forEach(s::send));
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        publish.run();
                    }
                }
            });
        } else {
            publish.run();
        }
    }
}
