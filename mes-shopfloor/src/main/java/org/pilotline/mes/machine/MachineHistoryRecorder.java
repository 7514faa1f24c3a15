package org.pilotline.mes.machine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.Session;
import org.pilotline.plc.contract.DataLossRecorded;
import org.pilotline.plc.contract.MachineDirectory;
import org.pilotline.plc.contract.MachineEvent;
import org.pilotline.plc.contract.MachineEventBatch;
import org.pilotline.plc.contract.MachineStateChanged;
import org.pilotline.plc.contract.PartCountDelta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores the gateway's machine events as machine-state history, in the gateway's ingest transaction (which skips events
 * it accepted before, so each is stored once): a state change closes the machine's open interval and opens the next,
 * a part count and a data-loss span are kept as they came. Each row is linked to the operation running on the machine's
 * work unit. Written with JDBC batches, because a plant's machines send thousands of events a second.
 */
@ApplicationScoped
public class MachineHistoryRecorder {

    @Inject
    EntityManager em;

    @Inject
    Instance<MachineDirectory> directory;

    @Inject
    MachineCounting counting;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MeterRegistry meters;

    /** Tag change at the PLC (the event's source time) → its history row committed: how far the history lags. */
    private Timer lag;

    @PostConstruct
    void meters() {
        List<Duration> buckets = new ArrayList<>();
        for (long ms = 25; ms <= 2_000; ms += 25) {
            buckets.add(Duration.ofMillis(ms));
        }
        for (long ms = 2_100; ms <= 5_000; ms += 100) {
            buckets.add(Duration.ofMillis(ms));
        }
        for (long s : new long[]{6, 8, 10, 15, 20, 30, 60, 120, 300}) {
            buckets.add(Duration.ofSeconds(s));
        }
        lag = Timer.builder("pilotline.mes.machine.history.lag")
                .description("From a tag change at the PLC (source time) to the machine-history row that records it committed")
                .serviceLevelObjectives(buckets.toArray(Duration[]::new)).register(meters);
    }

    void onBatch(@Observes MachineEventBatch batch) {
        Map<String, Long> units = directory.isResolvable() ? ownWorkUnits(directory.get().workUnitsOf(batch.tenant()))
                : Map.of();
        Map<Long, Long> runningOperations = runningOperations(batch.tenant(), new HashSet<>(units.values()));
        List<MachineCounting.CountedParts> counted = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (Writer writer = new Writer(connection, batch.tenant())) {
                for (MachineEvent event : batch.events()) {
                    Long unit = units.get(event.machine());
                    Long operation = unit == null ? null : runningOperations.get(unit);
                    if (event instanceof MachineStateChanged s) {
                        writer.stateChanged(s, unit, operation);
                    } else if (event instanceof PartCountDelta p) {
                        writer.partCount(p, unit, operation);
                        if (operation != null && p.good() > 0) {
                            counted.add(new MachineCounting.CountedParts(batch.tenant(), p.machine(), p.sequence(),
                                    operation, p.good(), p.sourceTime()));
                        }
                    } else if (event instanceof DataLossRecorded d) {
                        writer.dataLoss(d, unit);
                    }
                }
                writer.flush();
            }
        });
        if (!counted.isEmpty()) {
            counting.countedAfterCommit(counted);
        }
        measureLagAfterCommit(batch);
    }

    private void measureLagAfterCommit(MachineEventBatch batch) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    return;
                }
                long now = System.currentTimeMillis();
                for (MachineEvent event : batch.events()) {
                    Instant source = event instanceof MachineStateChanged s ? s.sourceTime()
                            : event instanceof PartCountDelta p ? p.sourceTime() : null;
                    if (source != null) {
                        lag.record(Math.max(0, now - source.toEpochMilli()), java.util.concurrent.TimeUnit.MILLISECONDS);
                    }
                }
            }
        });
    }

    /**
     * The machines bound to work units of the batch's enterprise. A binding may name any id as its work unit (the
     * gateway knows nothing of the equipment): a machine whose work unit is not one of the enterprise's is kept
     * unplaced, rather than failing the batch — which would hold up every later batch of the gateway's queue.
     */
    private Map<String, Long> ownWorkUnits(Map<String, Long> bound) {
        if (bound.isEmpty()) {
            return bound;
        }
        Set<Long> own = new HashSet<>(em.createQuery("select u.id from WorkUnit u where u.id in :ids", Long.class)
                .setParameter("ids", new HashSet<>(bound.values())).getResultList());
        Map<String, Long> placed = new HashMap<>();
        bound.forEach((machine, unit) -> {
            if (own.contains(unit)) {
                placed.put(machine, unit);
            }
        });
        return placed;
    }

    /** Work unit → the operation under way on it (set up, running or paused), the one started last if several. */
    private Map<Long, Long> runningOperations(String tenant, Set<Long> units) {
        Map<Long, Long> running = new HashMap<>();
        if (units.isEmpty()) {
            return running;
        }
        List<?> rows = em.createNativeQuery("select work_unit_id, id from mes_operation where tenant_id = ?1"
                        + " and work_unit_id in (?2) and state in ('SETUP', 'RUNNING', 'PAUSED') order by actual_start")
                .setParameter(1, tenant).setParameter(2, units).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            running.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
        }
        return running;
    }

    /** The batched statements of one delivery. */
    private static final class Writer implements AutoCloseable {
        private final String tenant;
        private final PreparedStatement close;
        private final PreparedStatement open;
        private final PreparedStatement parts;
        private final PreparedStatement losses;

        Writer(Connection c, String tenant) throws SQLException {
            this.tenant = tenant;
            close = c.prepareStatement("update mes_machine_interval set ended_at = ? where tenant_id = ?"
                    + " and machine_code = ? and ended_at is null and start_sequence < ?");
            open = c.prepareStatement("insert into mes_machine_interval (tenant_id, work_unit_id, machine_code, state,"
                    + " operation_mode, started_at, start_sequence, operation_id) values (?, ?, ?, ?, ?, ?, ?, ?)");
            parts = c.prepareStatement("insert into mes_part_count (tenant_id, work_unit_id, machine_code, sequence_no,"
                    + " total, good, reject, counted_at, operation_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            losses = c.prepareStatement("insert into mes_data_loss (tenant_id, work_unit_id, machine_code, sequence_no,"
                    + " from_at, to_at, reason) values (?, ?, ?, ?, ?, ?, ?)");
        }

        void stateChanged(MachineStateChanged s, Long unit, Long operation) throws SQLException {
            // an interval's close must see the intervals opened earlier in this batch
            open.executeBatch();
            close.setTimestamp(1, ts(s.sourceTime()));
            close.setString(2, tenant);
            close.setString(3, s.machine());
            close.setLong(4, s.sequence());
            close.executeUpdate();
            open.setString(1, tenant);
            setLong(open, 2, unit);
            open.setString(3, s.machine());
            open.setString(4, s.to().name());
            open.setString(5, s.operationMode() == null ? null : s.operationMode().name());
            open.setTimestamp(6, ts(s.sourceTime()));
            open.setLong(7, s.sequence());
            setLong(open, 8, operation);
            open.addBatch();
        }

        void partCount(PartCountDelta p, Long unit, Long operation) throws SQLException {
            parts.setString(1, tenant);
            setLong(parts, 2, unit);
            parts.setString(3, p.machine());
            parts.setLong(4, p.sequence());
            parts.setLong(5, p.total());
            parts.setLong(6, p.good());
            parts.setLong(7, p.reject());
            parts.setTimestamp(8, ts(p.sourceTime()));
            setLong(parts, 9, operation);
            parts.addBatch();
        }

        void dataLoss(DataLossRecorded d, Long unit) throws SQLException {
            losses.setString(1, tenant);
            setLong(losses, 2, unit);
            losses.setString(3, d.machine());
            losses.setLong(4, d.sequence());
            losses.setTimestamp(5, ts(d.from()));
            losses.setTimestamp(6, ts(d.to()));
            losses.setString(7, d.reason() == null ? null : d.reason().substring(0, Math.min(200, d.reason().length())));
            losses.addBatch();
        }

        void flush() throws SQLException {
            open.executeBatch();
            parts.executeBatch();
            losses.executeBatch();
        }

        @Override
        public void close() throws SQLException {
            close.close();
            open.close();
            parts.close();
            losses.close();
        }

        private static Timestamp ts(Instant instant) {
            return instant == null ? null : Timestamp.from(instant);
        }

        private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
            if (value == null) {
                s.setNull(index, Types.BIGINT);
            } else {
                s.setLong(index, value);
            }
        }
    }
}
