package org.pilotline.erp.mrp;

import jakarta.enterprise.context.ApplicationScoped;
import org.pilotline.erp.mrp.store.MrpRunner;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The last plan of each enterprise held in memory on this replica (an optimisation only): pegging trees and net
 * changes use it when it is the current run's plan as stored (same run, same number of net changes); otherwise the
 * plan is re-created from the run's stored input, so a replica without it answers the same.
 * <p>
 * Bounded: plans are weighed by their planned orders plus pegs (the target plant's ≈12 million take ≈1 GB of heap) and
 * the least recently used are dropped beyond {@code pilotline.mrp.plan-cache-elements}; the last one used always stays.
 */
@ApplicationScoped
public class MrpPlanCache {

    /** Access-ordered: the first entry is the least recently used. Guarded by {@code this}. */
    private final LinkedHashMap<String, MrpRunner.Planned> plans = new LinkedHashMap<>(16, 0.75f, true);
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    @jakarta.inject.Inject
    MrpConfig config;

    /** {@code pilotline.mrp.plan-cache-elements}. */
    long budget;

    @jakarta.annotation.PostConstruct
    void configure() {
        budget = config.planCacheElements();
    }

    public synchronized Optional<MrpRunner.Planned> get(String tenant, long runId, int netChanges) {
        MrpRunner.Planned p = plans.get(tenant);
        return p != null && p.runId() == runId && p.netChanges() == netChanges ? Optional.of(p) : Optional.empty();
    }

    public synchronized void put(String tenant, MrpRunner.Planned planned) {
        plans.merge(tenant, planned, (old, now) -> now.runId() > old.runId()
                || now.runId() == old.runId() && now.netChanges() >= old.netChanges() ? now : old);
        plans.get(tenant); // the one just stored is the most recently used
        long total = plans.values().stream().mapToLong(MrpPlanCache::weight).sum();
        for (Iterator<Map.Entry<String, MrpRunner.Planned>> it = plans.entrySet().iterator();
             total > budget && plans.size() > 1 && it.hasNext(); ) {
            Map.Entry<String, MrpRunner.Planned> eldest = it.next();
            total -= weight(eldest.getValue());
            it.remove();
        }
    }

    /** Forgets the enterprise's plan, as a replica that never held it (or was restarted) would be. */
    public synchronized void forget(String tenant) {
        plans.remove(tenant);
    }

    private static long weight(MrpRunner.Planned planned) {
        return planned.plan().plannedOrderCount() + planned.plan().pegCount();
    }

    /** One re-creation or net change per enterprise at a time on this replica. */
    public ReentrantLock lockOf(String tenant) {
        return locks.computeIfAbsent(tenant, t -> new ReentrantLock());
    }
}
