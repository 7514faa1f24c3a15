package org.pilotline.app.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.pilotline.plc.binding.BindingRequest;
import org.pilotline.plc.binding.IdentityKind;
import org.pilotline.plc.binding.SecurityModeChoice;
import org.pilotline.plc.binding.SecurityPolicyChoice;
import org.pilotline.plc.binding.StateMappingKind;
import org.pilotline.plc.simulator.PlcSimulator;
import org.pilotline.plc.simulator.ScenarioSettings;
import org.pilotline.plc.simulator.SimulatedMachine;
import org.pilotline.plc.simulator.SimulatorSettings;
import org.pilotline.plc.simulator.Transition;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The machines of {@code bin/cluster-check}: PLC simulators in this JVM (the {@link PlcSimulator} of the embedded
 * profile and of {@code bin/machine-history-benchmark}) on free loopback ports, their machines bound through the REST
 * API of the plant's enterprise, each placed on a work unit of one of the plant's work centers, so that the replica
 * holding the acquisition lease acquires them while the terminal load runs and the script kills that replica.
 * <p>
 * {@link #check} compares what the simulators did with what the MES stored: every change of a machine's item state
 * (the simulator keeps each with the source timestamp it wrote) from the moment acquisition was confirmed must be
 * stored once in {@code mes_machine_interval} or lie in a data-loss span recorded for that machine — none stored twice,
 * none stored that did not happen, none silently missing. The replica's JDBC URL sends no fractional seconds, so the
 * stored times are cut to the second: the comparison is of counts per machine, second and state. The events before
 * and after the hand-over are told apart by the sequence number of the data-loss span the new holder reports first
 * (its sequence blocks are new: every event of the old holder has a smaller number, every later one a larger).
 */
final class ClusterMachines implements AutoCloseable {

    /** Monitored items per machine: item state, operation mode and the three counters. */
    private static final int ITEMS_PER_MACHINE = 5;
    /** The reason the gateway gives for the span between an earlier acquisition's last contact and its first value. */
    private static final String TAKEOVER_REASON = "the gateway was not acquiring this machine";

    private final List<PlcSimulator> simulators;
    /** machine code → the simulated machine it is bound to */
    private final Map<String, SimulatedMachine> machines = new LinkedHashMap<>();
    private final Map<String, String> endpoints = new LinkedHashMap<>();
    private final int samplingMs;
    private final int publishingMs;
    private Instant acquiredAt;
    private double acquireSeconds;
    private int holderAtStart = -1;

    private ClusterMachines(List<PlcSimulator> simulators, int samplingMs, int publishingMs) {
        this.simulators = simulators;
        this.samplingMs = samplingMs;
        this.publishingMs = publishingMs;
        for (PlcSimulator simulator : simulators) {
            for (SimulatedMachine machine : simulator.machines()) {
                machines.put(machine.name(), machine);
                endpoints.put(machine.name(), simulator.endpointUrl());
            }
        }
    }

    /**
     * Starts {@code servers} simulators with {@code machines} machines between them. The scenario has no setups (the
     * operation mode never changes) and every state lasts at least 0.75 s, longer than the sampling interval, so each
     * change reaches the gateway as a change of its own. The servers' certificates are written to {@code trustDirs}
     * (the replicas' {@code gateway/pki/trusted/certs}).
     */
    static ClusterMachines start(int servers, int machines, long seed, int samplingMs, int publishingMs,
                                 List<Path> trustDirs) throws IOException {
        ScenarioSettings scenario = new ScenarioSettings(seed, 1_500, 0.15, 2_000, 0.03, 6_000, 0, 0, 0.05,
                4_294_967_296L);
        List<PlcSimulator> started = new ArrayList<>();
        try {
            int next = 1;
            for (int s = 0; s < servers; s++) {
                int count = machines / servers + (s < machines % servers ? 1 : 0);
                List<String> names = new ArrayList<>();
                for (int m = 0; m < count; m++) {
                    names.add(String.format("CM%02d", next++));
                }
                PlcSimulator simulator = new PlcSimulator(SimulatorSettings.local(freePort(), names, scenario));
                started.add(simulator.start());
                for (Path dir : trustDirs) {
                    // written beside and moved in: the replica's trust list watches the directory and would read a
                    // file half-written (run 6 logged "Error decoding certificate")
                    Files.createDirectories(dir);
                    Path partial = Files.write(dir.resolveSibling("cluster-check-simulator-" + s + ".der.partial"),
                            simulator.certificate().getEncoded());
                    Files.move(partial, dir.resolve("cluster-check-simulator-" + s + ".der"),
                            StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException | RuntimeException e) {
            started.forEach(PlcSimulator::close);
            throw e;
        } catch (java.security.cert.CertificateEncodingException e) {
            started.forEach(PlcSimulator::close);
            throw new IllegalStateException("Cannot write the PLC simulators' certificates", e);
        }
        return new ClusterMachines(started, samplingMs, publishingMs);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    int count() {
        return machines.size();
    }

    /**
     * Places each machine on a new work unit of one of the plant's work centers (as the planner) and binds it (as the
     * enterprise's administrator), through {@code base}.
     */
    void bind(String base, TerminalPlant plant) {
        BenchmarkRest planner = BenchmarkRest.as(base, plant.enterprise + "-planner", TerminalPlant.PASSWORD);
        BenchmarkRest admin = BenchmarkRest.as(base, plant.enterprise + "-admin", TerminalPlant.PASSWORD);
        int i = 0;
        for (String code : machines.keySet()) {
            TerminalPlant.Station station = plant.stations.get(i++ % plant.stations.size());
            long unit = planner.post("/api/work-units", Map.of("workCenterId", station.workCenterId(),
                    "code", "U-" + code, "name", "machine " + code), 201).get("id").asLong();
            String node = "nsu=" + PlcSimulator.NAMESPACE_URI + ";s=" + code + "/";
            admin.post("/api/gateway/bindings", new BindingRequest(code, unit, endpoints.get(code),
                    SecurityPolicyChoice.None, SecurityModeChoice.None, IdentityKind.ANONYMOUS, null, null, null,
                    StateMappingKind.MACHINERY, node + SimulatedMachine.ITEM_STATE, node + SimulatedMachine.OPERATION_MODE,
                    null, null, null, node + SimulatedMachine.TOTAL, node + SimulatedMachine.GOOD,
                    node + SimulatedMachine.REJECT, null, null, null, (double) samplingMs, (double) publishingMs, null),
                    201);
        }
    }

    /**
     * Waits until one replica has every connection up and every machine's initial values (asked of each replica in
     * turn: a standby lists no connections). From then on every change a simulator makes must reach the history.
     */
    void awaitAcquisition(List<String> urls, String enterprise) throws InterruptedException {
        long t0 = System.nanoTime();
        while (true) {
            for (int r = 0; r < urls.size(); r++) {
                JsonNode statuses = BenchmarkRest.as(urls.get(r), enterprise + "-admin", TerminalPlant.PASSWORD)
                        .get("/api/gateway/connections");
                GatewaySessions sessions = GatewaySessions.of(statuses);
                if (sessions.connected() == simulators.size()
                        && sessions.notifications() >= (long) machines.size() * ITEMS_PER_MACHINE) {
                    acquiredAt = Instant.now();
                    acquireSeconds = (System.nanoTime() - t0) / 1e9;
                    holderAtStart = r + 1;
                    TerminalBenchmark.log("%d machines acquired by replica %d after %.1f s", machines.size(),
                            holderAtStart, acquireSeconds);
                    return;
                }
            }
            if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(3)) {
                throw new IllegalStateException("the bound machines were not acquired within 3 minutes");
            }
            Thread.sleep(1_000);
        }
    }

    /** One stored event of a machine: its sequence number and source second; state for an interval. */
    private record Stored(long sequence, long second, String state) {
    }

    /** A recorded data-loss span, in whole seconds (the stored times are cut to the second). */
    private record Span(long sequence, long from, long to, String reason) {
        boolean covers(long second) {
            return from <= second && second <= to;
        }
    }

    /**
     * Compares the simulators' state changes between the confirmed acquisition and 10 s before now with the
     * enterprise's stored history, read over {@code db}; {@code killedAt} is when the script killed replica 1, the
     * holder of the acquisition lease.
     */
    Map<String, Object> check(Connection db, String tenant, Instant killedAt) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        int isolation = db.getTransactionIsolation();
        db.setAutoCommit(false); // one snapshot: the history and the watermarks of the same deliveries
        db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            return check(db, tenant, killedAt, Instant.now().minusSeconds(10));
        } finally {
            db.commit();
            db.setTransactionIsolation(isolation);
            db.setAutoCommit(autoCommit);
        }
    }

    private Map<String, Object> check(Connection db, String tenant, Instant killedAt, Instant cutoff)
            throws SQLException {
        // 5 s after the initial values were counted in: by then every machine has its baseline, whatever the order
        long fromSecond = acquiredAt.getEpochSecond() + 5;
        long toSecond = cutoff.getEpochSecond() - 1;
        long killSecond = killedAt.getEpochSecond();
        Map<String, List<Stored>> intervals = stored(db, tenant,
                "select machine_code, start_sequence, started_at, state from mes_machine_interval where tenant_id = ?");
        Map<String, List<Stored>> parts = stored(db, tenant,
                "select machine_code, sequence_no, counted_at, null from mes_part_count where tenant_id = ?");
        Map<String, Long> partsStored = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement("select machine_code, coalesce(sum(total), 0)"
                + " from mes_part_count where tenant_id = ? group by machine_code")) {
            s.setString(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    partsStored.put(r.getString(1), r.getLong(2));
                }
            }
        }
        Map<String, List<Span>> spans = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement("select machine_code, sequence_no, from_at, to_at, reason"
                + " from mes_data_loss where tenant_id = ? order by sequence_no")) {
            s.setString(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    spans.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new Span(r.getLong(2),
                            r.getTimestamp(3).toInstant().getEpochSecond(), r.getTimestamp(4).toInstant().getEpochSecond(),
                            r.getString(5)));
                }
            }
        }
        Map<String, Long> watermarks = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement(
                "select machine_code, last_sequence from plc_ingest_watermark where tenant_id = ?")) {
            s.setString(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    watermarks.put(r.getString(1), r.getLong(2));
                }
            }
        }

        long produced = 0, matched = 0, storedTwice = 0, invented = 0, lostInSpans = 0, missing = 0;
        long beforeHandOver = 0, afterHandOver = 0, afterHandOverBeforeKill = 0, oldHolderAfterKill = 0;
        long partsMade = 0, partsStoredTotal = 0, partsOverMade = 0, watermarkMismatches = 0;
        int machinesWithTakeover = 0, machinesAcquiredAfterKill = 0, takeoversBeforeKill = 0;
        long takeoverSpanMin = Long.MAX_VALUE, takeoverSpanMax = Long.MIN_VALUE;
        long handOverMin = Long.MAX_VALUE, handOverMax = Long.MIN_VALUE;
        Map<String, Integer> otherSpans = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, SimulatedMachine> m : machines.entrySet()) {
            String code = m.getKey();
            // what the simulator did in the window, and what was stored for it: counts per (second, state)
            Map<String, Integer> made = new HashMap<>();
            for (Transition t : m.getValue().transitions()) {
                if (t.kind() == Transition.Kind.ITEM_STATE && t.at().getEpochSecond() >= fromSecond
                        && t.at().getEpochSecond() <= toSecond) {
                    made.merge(t.at().getEpochSecond() + " " + t.value(), 1, Integer::sum);
                    produced++;
                }
            }
            Map<String, Integer> kept = new HashMap<>();
            for (Stored s : intervals.getOrDefault(code, List.of())) {
                if (s.second() >= fromSecond && s.second() <= toSecond) {
                    kept.merge(s.second() + " " + browseName(s.state()), 1, Integer::sum);
                }
            }
            List<Span> machineSpans = spans.getOrDefault(code, List.of());
            Map<String, Integer> keys = new HashMap<>(made);
            kept.keySet().forEach(k -> keys.putIfAbsent(k, 0));
            for (String key : keys.keySet()) {
                int p = made.getOrDefault(key, 0);
                int s = kept.getOrDefault(key, 0);
                matched += Math.min(p, s);
                if (s > p) {
                    if (p == 0) {
                        invented += s;
                        failures.add(code + " stored a change to " + key + " the simulator did not make");
                    } else {
                        storedTwice += s - p;
                        failures.add(code + " stored the change " + key + " " + s + " times");
                    }
                } else if (p > s) {
                    long second = Long.parseLong(key.substring(0, key.indexOf(' ')));
                    if (machineSpans.stream().anyMatch(span -> span.covers(second))) {
                        lostInSpans += p - s;
                    } else {
                        missing += p - s;
                        failures.add(code + " lost the change " + key + " outside every recorded data-loss span");
                    }
                }
            }

            // the hand-over: the span the new holder reports first, around the kill
            List<Span> takeovers = machineSpans.stream().filter(s -> s.reason() != null
                    && s.reason().startsWith(TAKEOVER_REASON)).toList();
            machineSpans.stream().filter(s -> !takeovers.contains(s)).forEach(s ->
                    otherSpans.merge(String.valueOf(s.reason()), 1, Integer::sum));
            takeoversBeforeKill += (int) takeovers.stream().filter(s -> s.to() < killSecond).count();
            List<Span> atKill = takeovers.stream().filter(s -> s.covers(killSecond)).toList();
            if (atKill.size() != 1) {
                failures.add(code + " has " + atKill.size() + " hand-over data-loss spans covering the kill");
            }
            List<Stored> events = new ArrayList<>(intervals.getOrDefault(code, List.of()));
            events.addAll(parts.getOrDefault(code, List.of()));
            if (!atKill.isEmpty()) {
                Span takeover = atKill.get(0);
                machinesWithTakeover++;
                takeoverSpanMin = Math.min(takeoverSpanMin, takeover.to() - takeover.from());
                takeoverSpanMax = Math.max(takeoverSpanMax, takeover.to() - takeover.from());
                handOverMin = Math.min(handOverMin, takeover.to() - killSecond);
                handOverMax = Math.max(handOverMax, takeover.to() - killSecond);
                long before = 0, after = 0;
                for (Stored e : events) {
                    if (e.sequence() < takeover.sequence()) {
                        before++;
                        if (e.second() > killSecond) {
                            oldHolderAfterKill++;
                            failures.add(code + " has an event of the old holder at " + Instant.ofEpochSecond(e.second())
                                    + ", after the kill");
                        }
                    } else {
                        after++;
                        if (e.second() < killSecond) {
                            afterHandOverBeforeKill++;
                            failures.add(code + " has an event of the new holder at " + Instant.ofEpochSecond(e.second())
                                    + ", before the kill");
                        }
                    }
                }
                beforeHandOver += before;
                afterHandOver += after;
                if (after > 0) {
                    machinesAcquiredAfterKill++;
                } else {
                    failures.add(code + " has no event after the hand-over");
                }
            }

            long made0 = m.getValue().partsMade()[0];
            long partsKept = partsStored.getOrDefault(code, 0L);
            partsMade += made0;
            partsStoredTotal += partsKept;
            if (partsKept > made0) {
                partsOverMade += partsKept - made0;
                failures.add(code + " stored " + partsKept + " parts, the simulator made " + made0);
            }
            long maxSequence = events.stream().mapToLong(Stored::sequence).max().orElse(-1);
            maxSequence = Math.max(maxSequence, machineSpans.stream().mapToLong(Span::sequence).max().orElse(-1));
            if (watermarks.getOrDefault(code, -1L) != maxSequence) {
                watermarkMismatches++;
                failures.add(code + " has watermark " + watermarks.get(code) + " but its last stored event is "
                        + maxSequence);
            }
        }
        if (takeoversBeforeKill > 0) {
            failures.add(takeoversBeforeKill + " hand-over spans end before the kill");
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("simulators", simulators.size());
        out.put("bound", machines.size());
        out.put("samplingMs", samplingMs);
        out.put("publishingMs", publishingMs);
        out.put("acquiredByReplicaAtStart", holderAtStart);
        out.put("acquiredSecondsAfterBinding", Math.round(acquireSeconds * 10) / 10.0);
        out.put("windowSeconds", Math.max(0, toSecond - fromSecond + 1));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("made", produced);
        changes.put("storedOnce", matched);
        changes.put("inRecordedDataLossSpans", lostInSpans);
        changes.put("missing", missing);
        changes.put("storedTwice", storedTwice);
        changes.put("storedButNotMade", invented);
        out.put("stateChanges", changes);
        Map<String, Object> replicas = new LinkedHashMap<>();
        replicas.put("replica1BeforeHandOver", beforeHandOver);
        replicas.put("replica2AfterHandOver", afterHandOver);
        replicas.put("oldHolderEventsAfterKill", oldHolderAfterKill);
        replicas.put("newHolderEventsBeforeKill", afterHandOverBeforeKill);
        out.put("eventsStored", replicas);
        out.put("machinesWithOneHandOverSpan", machinesWithTakeover);
        out.put("machinesAcquiredAfterKill", machinesAcquiredAfterKill);
        out.put("handOverSpansEndingBeforeKill", takeoversBeforeKill);
        out.put("handOverSpanSeconds", machinesWithTakeover == 0 ? null : List.of(takeoverSpanMin, takeoverSpanMax));
        out.put("acquisitionResumedSecondsAfterKill", machinesWithTakeover == 0 ? null : List.of(handOverMin, handOverMax));
        out.put("otherDataLossSpans", otherSpans);
        out.put("partsMade", partsMade);
        out.put("partsStored", partsStoredTotal);
        out.put("partsStoredBeyondMade", partsOverMade);
        out.put("watermarkMismatches", watermarkMismatches);
        out.put("failures", failures.size() > 20 ? failures.subList(0, 20) : failures);
        out.put("passed", failures.isEmpty() && produced > 0 && machinesWithTakeover == machines.size());
        return out;
    }

    private static String browseName(String state) {
        try {
            return org.pilotline.plc.contract.MachineryItemState.valueOf(state).browseName();
        } catch (IllegalArgumentException e) {
            return state;
        }
    }

    private static Map<String, List<Stored>> stored(Connection db, String tenant, String sql) throws SQLException {
        Map<String, List<Stored>> rows = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new Stored(r.getLong(2),
                            r.getTimestamp(3).toInstant().getEpochSecond(), r.getString(4)));
                }
            }
        }
        return rows;
    }

    @Override
    public void close() {
        simulators.forEach(PlcSimulator::close);
    }
}
