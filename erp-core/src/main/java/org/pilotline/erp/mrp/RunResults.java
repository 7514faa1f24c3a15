package org.pilotline.erp.mrp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.erp.mrp.store.MrpRunner;
import org.pilotline.erp.mrp.store.RunStore;
import org.pilotline.platform.problem.DomainException;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A run's results as the services read and act on them: the run, refused (409) when it has no results or is not
 * the enterprise's current plan; and its plan in memory — this replica's cached one, or re-created from the run's
 * stored input, so that any replica answers the same.
 */
@ApplicationScoped
public class RunResults {

    @Inject
    MrpJdbc jdbc;

    @Inject
    MrpPlanCache cache;

    /** The run, if it has results; 404 when the enterprise has no such run, 409 when it has no results. */
    public RunStore.Run requireResults(String enterprise, long runId) {
        RunStore.Run run = jdbc.call(c -> RunStore.find(c, enterprise, runId))
                .orElseThrow(() -> DomainException.notFound("MRP run", runId));
        if (!run.hasResults()) {
            throw DomainException.conflict("run-without-results", "The run has no results",
                    "MRP run " + runId + " is " + run.status() + (run.status() == RunStore.Status.SUPERSEDED
                            ? ": a later run replaced its results" : ""));
        }
        return run;
    }

    /** The run, if it has results and is the enterprise's current plan, which the planner acts on. */
    public RunStore.Run requireCurrent(String enterprise, long runId) {
        RunStore.Run run = requireResults(enterprise, runId);
        if (!run.current()) {
            throw DomainException.conflict("not-current-run", "Only the current plan can be acted on",
                    "MRP run " + runId + " is not the enterprise's current plan");
        }
        return run;
    }

    /** The run's plan as stored (same run, same net changes): cached on this replica, else re-created. */
    public MrpRunner.Planned planOf(String enterprise, RunStore.Run run) {
        Optional<MrpRunner.Planned> cached = cache.get(enterprise, run.id(), run.netChanges());
        if (cached.isPresent()) {
            return cached.get();
        }
        ReentrantLock lock = cache.lockOf(enterprise);
        lock.lock();
        try {
            return cache.get(enterprise, run.id(), run.netChanges()).orElseGet(() -> {
                MrpRunner.Planned planned = jdbc.call(c -> MrpRunner.recreate(c, enterprise, run,
                        Runtime.getRuntime().availableProcessors()));
                cache.put(enterprise, planned);
                return planned;
            });
        } finally {
            lock.unlock();
        }
    }
}
