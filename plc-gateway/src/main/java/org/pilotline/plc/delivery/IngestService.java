package org.pilotline.plc.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.tenancy.TenantContext;
import org.pilotline.plc.binding.BindingService;
import org.pilotline.plc.contract.MachineEvent;
import org.pilotline.plc.contract.MachineEventBatch;

import java.util.HashMap;
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
        Map<String, Long> watermarks = new HashMap<>();
        for (String machine : batch.events().stream().map(MachineEvent::machine).distinct().toList()) {
            List<?> rows = entityManager.createNativeQuery("select last_sequence from plc_ingest_watermark"
                            + " where tenant_id = ?1 and machine_code = ?2 for update")
                    .setParameter(1, batch.tenant()).setParameter(2, machine).getResultList();
            watermarks.put(machine, rows.isEmpty() ? -1L : ((Number) rows.get(0)).longValue());
        }
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
        seen.forEach((machine, sequence) -> {
            if (sequence > watermarks.get(machine)) {
                entityManager.createNativeQuery("insert into plc_ingest_watermark (tenant_id, machine_code, last_sequence)"
                                + " values (?1, ?2, ?3) on duplicate key update last_sequence = greatest(last_sequence, ?3)")
                        .setParameter(1, batch.tenant()).setParameter(2, machine).setParameter(3, sequence)
                        .executeUpdate();
            }
        });
        return new IngestResult(batch.batchId(), fresh.size(), batch.events().size() - fresh.size());
    }
}
