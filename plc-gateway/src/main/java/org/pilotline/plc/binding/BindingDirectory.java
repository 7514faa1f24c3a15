package org.pilotline.plc.binding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.pilotline.plc.contract.MachineDirectory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gateway's side of the event contract's {@link MachineDirectory}: the work unit each bound machine is. */
@ApplicationScoped
public class BindingDirectory implements MachineDirectory {

    /** Machine codes per statement. */
    private static final int CODES_PER_STATEMENT = 500;

    /** The key of {@link #answered}'s resource in the transaction. */
    private static final Object ANSWERED = new Object();

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Called by consumers of a batch inside the ingest transaction, which runs as the batch's enterprise; the
     * enterprise is named in the query as well, so another unit of work's tenant cannot widen it.
     */
    @Override
    @Transactional
    public Map<String, Long> workUnitsOf(String tenant) {
        Map<String, Long> units = new HashMap<>();
        MachineBindingEntity.<MachineBindingEntity>find("tenantId = ?1 and workUnitId is not null", tenant).stream()
                .forEach(binding -> units.put(binding.machineCode, binding.workUnitId));
        return units;
    }

    /**
     * Plain JDBC naming the enterprise: called for every delivered batch, where loading the enterprise's bindings as
     * entities (thousands) or translating a query under the tenant filter on every call cost more than the batch's
     * own writes.
     */
    @Override
    @Transactional
    public Map<String, Long> workUnitsOf(String tenant, Collection<String> machines) {
        Map<String, Long> units = new HashMap<>();
        // what this transaction asked before: a batch's consumers (the MES's recorder, kpi's watcher) ask for the same
        // machines in the same ingest transaction; one statement answers both
        Map<String, Optional<Long>> known = answered(tenant);
        List<String> codes = new ArrayList<>();
        for (String machine : machines) {
            Optional<Long> unit = known.get(machine);
            if (unit == null) {
                codes.add(machine);
            } else {
                unit.ifPresent(u -> units.put(machine, u));
            }
        }
        if (codes.isEmpty()) {
            return units;
        }
        codes.forEach(code -> known.put(code, Optional.empty()));
        em.unwrap(Session.class).doWork(connection -> {
            for (int from = 0; from < codes.size(); from += CODES_PER_STATEMENT) {
                List<String> chunk = codes.subList(from, Math.min(codes.size(), from + CODES_PER_STATEMENT));
                try (PreparedStatement select = connection.prepareStatement("select machine_code, work_unit_id"
                        + " from plc_machine_binding where tenant_id = ? and work_unit_id is not null and machine_code in ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                    select.setString(1, tenant);
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            units.put(rows.getString(1), rows.getLong(2));
                            known.put(rows.getString(1), Optional.of(rows.getLong(2)));
                        }
                    }
                }
            }
        });
        return units;
    }

    /** The answers given in the current transaction, per enterprise: machine → its work unit, or none. */
    @SuppressWarnings("unchecked")
    private Map<String, Optional<Long>> answered(String tenant) {
        Map<String, Map<String, Optional<Long>>> byTenant =
                (Map<String, Map<String, Optional<Long>>>) transactions.getResource(ANSWERED);
        if (byTenant == null) {
            byTenant = new HashMap<>();
            transactions.putResource(ANSWERED, byTenant);
        }
        return byTenant.computeIfAbsent(tenant, t -> new HashMap<>());
    }
}
