package org.pilotline.erp.mrp;

import jakarta.enterprise.context.ApplicationScoped;
import org.pilotline.erp.mrp.store.MrpRunner;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The last plan of each enterprise held in memory on this replica (an optimisation only): pegging trees and net
 * changes use it when it is the current run's plan as stored (same run, same number of net changes); otherwise the
 * plan is re-created from the run's stored input, so a replica without it answers the same.
 */
@ApplicationScoped
public class MrpPlanCache {

    private final ConcurrentHashMap<String, MrpRunner.Planned> plans = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public Optional<MrpRunner.Planned> get(String tenant, long runId, int netChanges) {
        MrpRunner.Planned p = plans.get(tenant);
        return p != null && p.runId() == runId && p.netChanges() == netChanges ? Optional.of(p) : Optional.empty();
    }

    public void put(String tenant, MrpRunner.Planned planned) {
        plans.merge(tenant, planned, (old, now) -> now.runId() > old.runId()
                || now.runId() == old.runId() && now.netChanges() >= old.netChanges() ? now : old);
    }

    /** Forgets the enterprise's plan, as a replica that never held it (or was restarted) would be. */
    public void forget(String tenant) {
        plans.remove(tenant);
    }

    /** One re-creation or net change per enterprise at a time on this replica. */
    public ReentrantLock lockOf(String tenant) {
        return locks.computeIfAbsent(tenant, t -> new ReentrantLock());
    }
}
