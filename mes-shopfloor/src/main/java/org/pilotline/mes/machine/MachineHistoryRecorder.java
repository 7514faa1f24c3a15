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
import org.pilotline.mes.settings.CountingSource;
import org.pilotline.plc.contract.DataLossRecorded;
import org.pilotline.plc.contract.MachineDirectory;
import org.pilotline.plc.contract.MachineEvent;
import org.pilotline.plc.contract.MachineEventBatch;
import org.pilotline.plc.contract.MachineStateChanged;
import org.pilotline.plc.contract.PartCountDelta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores the gateway's machine events as machine-state history, in the gateway's ingest transaction (which skips events
 * it accepted before, so each is stored once): a state change closes the machine's open interval and opens the next,
 * a part count and a data-loss span are kept as they came. Each row is linked to the operation running on the machine's
 * work unit; a part count of a machine-counted work center is stored PENDING ({@link PartCountSettlement}) in the same
 * transaction, so that {@link MachineCounting} applies it once the batch has committed — or its sweep after a failure or
 * a restart. Written with JDBC batches, because a plant's machines send thousands of events a second.
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
        Set<String> machines = new HashSet<>();
        batch.events().forEach(e -> machines.add(e.machine()));
        Map<String, Long> bound = directory.isResolvable() ? directory.get().workUnitsOf(batch.tenant(), machines)
                : Map.of();
        List<MachineCounting.CountedParts> counted = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            Placement placement = Placement.read(connection, batch.tenant(), bound);
            try (Writer writer = new Writer(connection, batch.tenant())) {
                List<MachineEvent> events = batch.events();
                Map<ChangeKey, MachineStateChanged> nextChange = nextStateChanges(events);
                for (MachineEvent event : events) {
                    Long unit = placement.units().get(event.machine());
                    Long operation = unit == null ? null : placement.running().get(unit);
                    if (event instanceof MachineStateChanged s) {
                        writer.stateChanged(s, unit, operation, nextChange.get(key(s)));
                    } else if (event instanceof PartCountDelta p) {
                        PartCountSettlement counting = placement.counting(unit, operation, p.good());
                        writer.partCount(p, unit, operation, counting);
                        if (counting == PartCountSettlement.PENDING) {
                            counted.add(new MachineCounting.CountedParts(batch.tenant(), p.machine(), p.sequence()));
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

    /**
     * For each state change of the batch, the machine's next state change in the same batch (which ends the interval
     * the first one opens), keyed by {@link #key}. A batch holds each machine's events in sequence order.
     */
    private static Map<ChangeKey, MachineStateChanged> nextStateChanges(List<MachineEvent> events) {
        Map<ChangeKey, MachineStateChanged> next = new HashMap<>();
        Map<String, MachineStateChanged> previous = new HashMap<>();
        for (MachineEvent event : events) {
            if (event instanceof MachineStateChanged s) {
                MachineStateChanged before = previous.put(s.machine(), s);
                if (before != null) {
                    next.put(key(before), s);
                }
            }
        }
        return next;
    }

    private static ChangeKey key(MachineStateChanged s) {
        return new ChangeKey(s.machine(), s.sequence());
    }

    private record ChangeKey(String machine, long sequence) {
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
     * Where the batch's machines are: machine → work unit for machines bound to one of the enterprise's work units, and
     * work unit → the operation under way on it (set up, running or paused; the one started last if several). A binding
     * may name any id as its work unit (the gateway knows nothing of the equipment): a machine whose work unit is not
     * one of the enterprise's is kept unplaced, rather than failing the batch — which would hold up every later batch
     * of the gateway's queue. Also who counts there: the work units whose work center counts by machine, and the
     * running operations whose own work center does (a rework operation is counted at the terminal). One statement
     * naming the enterprise, per batch.
     */
    record Placement(Map<String, Long> units, Map<Long, Long> running, Set<Long> machineCountedUnits,
                     Set<Long> machineCountedOperations) {

        /**
         * How a part count on the unit, linked to the operation, is to be settled: the running operation's work center
         * decides (as it decides whether its terminal may report good pieces, OperationReports); with no operation
         * under way, the unit's work center. Null: the terminal counts, the count is history only.
         */
        PartCountSettlement counting(Long unit, Long operation, long good) {
            if (unit == null || good <= 0) {
                return null;
            }
            if (operation == null) {
                return machineCountedUnits.contains(unit) ? PartCountSettlement.NO_OPERATION : null;
            }
            return machineCountedOperations.contains(operation) ? PartCountSettlement.PENDING : null;
        }

        static Placement read(Connection c, String tenant, Map<String, Long> bound) throws SQLException {
            Map<String, Long> placed = new HashMap<>();
            Map<Long, Long> running = new HashMap<>();
            Set<Long> countedUnits = new HashSet<>();
            Set<Long> countedOperations = new HashSet<>();
            List<Long> ids = bound.values().stream().distinct().toList();
            if (ids.isEmpty()) {
                return new Placement(placed, running, countedUnits, countedOperations);
            }
            Set<Long> own = new HashSet<>();
            try (PreparedStatement select = c.prepareStatement("select u.id, o.id, us.counting_source,"
                    + " os.counting_source, o.rework_of_nonconformance_id from work_unit u"
                    + " left join mes_operation o on o.tenant_id = u.tenant_id and o.work_unit_id = u.id"
                    + " and o.state in ('SETUP', 'RUNNING', 'PAUSED')"
                    + " left join mes_work_center_settings us on us.tenant_id = u.tenant_id"
                    + " and us.work_center_id = u.work_center_id"
                    + " left join mes_work_center_settings os on os.tenant_id = o.tenant_id"
                    + " and os.work_center_id = o.work_center_id"
                    + " where u.tenant_id = ? and u.id in (" + String.join(", ", Collections.nCopies(ids.size(), "?"))
                    + ") order by o.actual_start")) {
                select.setString(1, tenant);
                for (int i = 0; i < ids.size(); i++) {
                    select.setLong(i + 2, ids.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long unit = rows.getLong(1);
                        own.add(unit);
                        if (MACHINE.equals(rows.getString(3))) {
                            countedUnits.add(unit);
                        }
                        long operation = rows.getLong(2);
                        if (!rows.wasNull()) {
                            running.put(unit, operation); // ordered by start: the one started last stays
                            if (MACHINE.equals(rows.getString(4)) && rows.getObject(5) == null) {
                                countedOperations.add(operation);
                            }
                        }
                    }
                }
            }
            bound.forEach((machine, unit) -> {
                if (own.contains(unit)) {
                    placed.put(machine, unit);
                }
            });
            return new Placement(placed, running, countedUnits, countedOperations);
        }

        private static final String MACHINE = CountingSource.MACHINE.name();
    }

    /**
     * The statements of one delivery: the closes of stored intervals as one update, the rows as JDBC batches (which the
     * driver sends as multi-row inserts, rewriteBatchedStatements).
     */
    private static final class Writer implements AutoCloseable {
        /** Machines per close statement: a batch holds at most a few hundred; this bounds the statement's size. */
        private static final int CLOSES_PER_STATEMENT = 500;

        private final Connection connection;
        private final String tenant;
        private final PreparedStatement open;
        private final PreparedStatement parts;
        private final PreparedStatement losses;
        /** Machine → its first state change in the batch, which ends the machine's stored open interval. */
        private final Map<String, MachineStateChanged> closing = new java.util.LinkedHashMap<>();

        Writer(Connection c, String tenant) throws SQLException {
            this.connection = c;
            this.tenant = tenant;
            open = c.prepareStatement("insert into mes_machine_interval (tenant_id, work_unit_id, machine_code, state,"
                    + " operation_mode, started_at, start_sequence, operation_id, ended_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            parts = c.prepareStatement("insert into mes_part_count (tenant_id, work_unit_id, machine_code, sequence_no,"
                    + " total, good, reject, counted_at, operation_id, counting) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            losses = c.prepareStatement("insert into mes_data_loss (tenant_id, work_unit_id, machine_code, sequence_no,"
                    + " from_at, to_at, reason) values (?, ?, ?, ?, ?, ?, ?)");
        }

        /**
         * A state change opens an interval and ends the machine's previous one. {@code next}: the machine's next state
         * change in this batch, which ends this interval at once. Only the machine's first change in the batch closes
         * an interval stored before (all closes go out as one batch, before the inserts).
         */
        void stateChanged(MachineStateChanged s, Long unit, Long operation, MachineStateChanged next) throws SQLException {
            closing.putIfAbsent(s.machine(), s);
            open.setString(1, tenant);
            setLong(open, 2, unit);
            open.setString(3, s.machine());
            open.setString(4, s.to().name());
            open.setString(5, s.operationMode() == null ? null : s.operationMode().name());
            open.setTimestamp(6, ts(s.sourceTime()));
            open.setLong(7, s.sequence());
            setLong(open, 8, operation);
            open.setTimestamp(9, next == null ? null : ts(next.sourceTime()));
            open.addBatch();
        }

        void partCount(PartCountDelta p, Long unit, Long operation, PartCountSettlement counting) throws SQLException {
            parts.setString(1, tenant);
            setLong(parts, 2, unit);
            parts.setString(3, p.machine());
            parts.setLong(4, p.sequence());
            parts.setLong(5, p.total());
            parts.setLong(6, p.good());
            parts.setLong(7, p.reject());
            parts.setTimestamp(8, ts(p.sourceTime()));
            setLong(parts, 9, operation);
            parts.setString(10, counting == null ? null : counting.name());
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
            List<MachineStateChanged> closes = new ArrayList<>(closing.values());
            for (int from = 0; from < closes.size(); from += CLOSES_PER_STATEMENT) {
                closeIntervals(closes.subList(from, Math.min(closes.size(), from + CLOSES_PER_STATEMENT)));
            }
            open.executeBatch();
            parts.executeBatch();
            losses.executeBatch();
        }

        /**
         * Ends the stored open interval of each machine at its first change's time — only an interval it opened before
         * that change — with one statement: a JDBC batch of one update per machine goes out in one round trip, but the
         * server executes them one by one (the largest share of the delivery thread's time in the last profile). The
         * machines are found through (tenant_id, machine_code, ended_at).
         */
        private void closeIntervals(List<MachineStateChanged> changes) throws SQLException {
            StringBuilder endedAt = new StringBuilder("case machine_code");
            StringBuilder before = new StringBuilder("case machine_code");
            for (int i = 0; i < changes.size(); i++) {
                endedAt.append(" when ? then ?");
                before.append(" when ? then ?");
            }
            String sql = "update mes_machine_interval set ended_at = " + endedAt + " end where tenant_id = ?"
                    + " and machine_code in (" + String.join(", ", Collections.nCopies(changes.size(), "?")) + ")"
                    + " and ended_at is null and start_sequence < " + before + " end";
            try (PreparedStatement close = connection.prepareStatement(sql)) {
                int p = 1;
                for (MachineStateChanged s : changes) {
                    close.setString(p++, s.machine());
                    close.setTimestamp(p++, ts(s.sourceTime()));
                }
                close.setString(p++, tenant);
                for (MachineStateChanged s : changes) {
                    close.setString(p++, s.machine());
                }
                for (MachineStateChanged s : changes) {
                    close.setString(p++, s.machine());
                    close.setLong(p++, s.sequence());
                }
                close.executeUpdate();
            }
        }

        @Override
        public void close() throws SQLException {
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
