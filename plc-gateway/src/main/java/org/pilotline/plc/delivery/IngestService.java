package org.pilotline.plc.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.tenancy.TenantContext;
import org.pilotline.plc.binding.BindingService;
import org.pilotline.plc.contract.MachineEvent;
import org.pilotline.plc.contract.MachineEventBatch;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands batches to the suite: fires the {@link MachineEventBatch} CDI event synchronously, inside a transaction that
 * also advances the per-machine watermark. Events at or below a machine's watermark were accepted before (a repeated
 * delivery) and are left out, so observers see each event once when they write in the same transaction. An observer
 * that throws rolls everything back and the sender delivers the batch again later.
 */
@ApplicationScoped
public class IngestService {

    /** What happened to a delivered batch. */
    public record IngestResult(String batchId, int accepted, int duplicates) {
    }

    /** Machines per watermark statement: a full batch (500 events) in one. */
    private static final int ROWS_PER_STATEMENT = 500;

    @Inject
    Event<MachineEventBatch> batches;

    @Inject
    EntityManager entityManager;

    @Inject
    TenantContext tenants;

    @Inject
    BindingService bindings;

    /**
     * A batch posted by an edge gateway: only for the caller's own enterprise (403 otherwise) and only for machines
     * it has bindings for (422 naming the others), then {@link #accept}ed.
     */
    @Transactional
    public IngestResult acceptFromEdge(MachineEventBatch batch) {
        if (!tenants.requireEnterprise().equals(batch.tenant())) {
            throw new DomainException(ProblemKind.FORBIDDEN, "foreign-tenant", "The batch is for another enterprise",
                    "This account may only deliver events of its own enterprise's machines");
        }
        List<String> machines = batch.events().stream().map(MachineEvent::machine).distinct().toList();
        Set<String> known = bindings.knownMachines(machines);
        List<String> unknown = machines.stream().filter(m -> !known.contains(m)).toList();
        if (!unknown.isEmpty()) {
            throw DomainException.unprocessable("unknown-machine", "The batch names machines without a binding",
                    "No binding for " + String.join(", ", unknown), unknown.stream()
                            .map(m -> new FieldError("events.machine", m + " has no binding")).toArray(FieldError[]::new));
        }
        return accept(batch);
    }

    @Transactional
    public IngestResult accept(MachineEventBatch batch) {
        List<String> machines = batch.events().stream().map(MachineEvent::machine).distinct().toList();
        Map<String, Long> watermarks = lockWatermarks(batch.tenant(), machines);
        Map<String, Long> seen = new HashMap<>(watermarks);
        List<MachineEvent> fresh = batch.events().stream().filter(e -> {
            if (e.sequence() <= seen.get(e.machine())) {
                return false;
            }
            seen.put(e.machine(), e.sequence());
            return true;
        }).toList();
        if (!fresh.isEmpty()) {
            batches.fire(new MachineEventBatch(batch.batchId(), batch.tenant(), fresh));
        }
        Map<String, Long> advanced = new LinkedHashMap<>();
        seen.forEach((machine, sequence) -> {
            if (sequence > watermarks.get(machine)) {
                advanced.put(machine, sequence);
            }
        });
        advanceWatermarks(batch.tenant(), advanced);
        return new IngestResult(batch.batchId(), fresh.size(), batch.events().size() - fresh.size());
    }

    /**
     * Reads and locks the watermarks of the batch's machines, -1 for a machine never delivered: one statement per
     * {@link #ROWS_PER_STATEMENT} machines, not one per machine (a batch names hundreds). The rows are locked in key
     * order, so two deliveries of the same machines cannot deadlock on them.
     */
    private Map<String, Long> lockWatermarks(String tenant, List<String> machines) {
        Map<String, Long> watermarks = new HashMap<>();
        machines.forEach(m -> watermarks.put(m, -1L));
        List<String> ordered = machines.stream().sorted().toList();
        entityManager.unwrap(Session.class).doWork(connection -> {
            for (int from = 0; from < ordered.size(); from += ROWS_PER_STATEMENT) {
                List<String> chunk = ordered.subList(from, Math.min(ordered.size(), from + ROWS_PER_STATEMENT));
                try (PreparedStatement select = connection.prepareStatement("select machine_code, last_sequence"
                        + " from plc_ingest_watermark where tenant_id = ? and machine_code in ("
                        + placeholders(chunk.size(), "?") + ") for update")) {
                    select.setString(1, tenant);
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            watermarks.put(rows.getString(1), rows.getLong(2));
                        }
                    }
                }
            }
        });
        return watermarks;
    }

    /** Writes the advanced watermarks with one multi-row upsert per {@link #ROWS_PER_STATEMENT} machines. */
    private void advanceWatermarks(String tenant, Map<String, Long> advanced) {
        if (advanced.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Long>> rows = new ArrayList<>(advanced.entrySet());
        rows.sort(Map.Entry.comparingByKey());
        entityManager.unwrap(Session.class).doWork(connection -> {
            for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                List<Map.Entry<String, Long>> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
                try (PreparedStatement upsert = connection.prepareStatement("insert into plc_ingest_watermark"
                        + " (tenant_id, machine_code, last_sequence) values " + placeholders(chunk.size(), "(?, ?, ?)")
                        + " on duplicate key update last_sequence = greatest(last_sequence, values(last_sequence))")) {
                    int index = 1;
                    for (Map.Entry<String, Long> row : chunk) {
                        upsert.setString(index++, tenant);
                        upsert.setString(index++, row.getKey());
                        upsert.setLong(index++, row.getValue());
                    }
                    upsert.executeUpdate();
                }
            }
        });
    }

    private static String placeholders(int count, String each) {
        return String.join(", ", Collections.nCopies(count, each));
    }
}
