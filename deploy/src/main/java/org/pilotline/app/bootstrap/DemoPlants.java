package org.pilotline.app.bootstrap;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.pilotline.app.config.PilotLineConfig;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Seeds the demo enterprises' plants — {@link ValvePlant} for {@code demo}, {@link FoodPlant} for {@code demo2} — on a
 * background thread once the application has started, so that start-up does not wait for it. Each step is logged as
 * it is done and recorded in {@code demo_plant_seeding} ({@link DemoPlantProgress}, shown by the readiness check
 * {@link DemoPlantsReadiness}); "Demo plants ready" is logged at the end. A plant whose row is {@code COMPLETE} is left
 * as it is, keeping what users changed. Any other plant — never seeded, or cut short by a stop, a crash or a failed
 * step — is seeded from its first step again: the steps find what exists and create only what is missing, so a seeding
 * cut short is completed without doubling anything. Runs after {@link DemoData} and {@link DemoMachines}; never in prod
 * (it needs {@code pilotline.demo.enabled}), nor in the test profile unless a test calls {@link #seed()}.
 */
@ApplicationScoped
public class DemoPlants {

    private static final Logger LOG = Logger.getLogger(DemoPlants.class);

    /** The PIN of the demo operators' badges. */
    static final String PIN = "1234";

    private record Plant(String enterprise, List<SeedingStep> steps) {
    }

    private static final List<Plant> PLANTS = List.of(new Plant(ValvePlant.ENTERPRISE, ValvePlant.steps()),
            new Plant(FoodPlant.ENTERPRISE, FoodPlant.steps()));

    @Inject
    PilotLineConfig config;

    @Inject
    PlantServices services;

    @Inject
    DemoPlantProgress progress;

    private volatile CompletableFuture<Void> seeding;

    private volatile boolean stopping;

    void onStart(@Observes @Priority(1100) StartupEvent event) {
        if (config.demo().enabled() && config.demo().plants()) {
            seed();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        CompletableFuture<Void> running = seeding;
        if (running != null && !running.isDone()) {
            LOG.info("Demo plant seeding is cut short by the shutdown; the next start completes it");
        }
    }

    /**
     * Seeds the plants not yet complete on a thread of its own (at most one seeding at a time; a call while one runs
     * joins it). The future completes when both are done; a plant that failed is logged, recorded as {@code FAILED}
     * and left for the next start, and the future then completes exceptionally.
     */
    public CompletableFuture<Void> seed() {
        return seed(Integer.MAX_VALUE);
    }

    /**
     * As {@link #seed()}, but each plant stops after its first {@code steps} steps, leaving its row {@code SEEDING} as
     * a crash would: what tests use to prove that the next seeding completes such a plant.
     */
    public synchronized CompletableFuture<Void> seed(int steps) {
        if (seeding != null && !seeding.isDone()) {
            return seeding;
        }
        CompletableFuture<Void> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> run(future, steps), "pilotline-demo-plants");
        thread.setDaemon(true);
        seeding = future;
        thread.start();
        return future;
    }

    private void run(CompletableFuture<Void> future, int stepLimit) {
        long started = System.nanoTime();
        RuntimeException failure = null;
        boolean seededAny = false;
        try {
            for (Plant plant : PLANTS) {
                if (stopping) {
                    break;
                }
                try {
                    seededAny |= seed(plant, stepLimit);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (failure == null && !stopping) {
            if (seededAny && stepLimit == Integer.MAX_VALUE) {
                LOG.infof("Demo plants ready (seeded in %d ms, in the background): demo (valves, site HZ1) and demo2 (drink powders,"
                        + " site SZ1) have their orders released to the shop floor", millis);
            }
            future.complete(null);
        } else {
            future.completeExceptionally(failure != null ? failure : new IllegalStateException("stopped"));
        }
    }

    /** Seeds one plant unless it is complete; true when it did. */
    private boolean seed(Plant plant, int stepLimit) {
        String enterprise = plant.enterprise();
        Optional<DemoPlantProgress.Progress> before = progress.of(enterprise);
        if (before.isPresent() && before.get().state() == DemoPlantProgress.State.COMPLETE) {
            LOG.infof("Demo plant of '%s' was seeded at %s; left as it is", enterprise, before.get().completedAt());
            return false;
        }
        List<SeedingStep> steps = plant.steps();
        if (before.isPresent()) {
            LOG.infof("Demo plant of '%s': an earlier seeding did not finish (%s); seeding again, creating only what is"
                    + " missing", enterprise, before.get().summary());
        } else {
            LOG.infof("Demo plant of '%s': seeding %d steps in the background", enterprise, steps.size());
        }
        progress.begin(enterprise, steps.size());
        long plantStarted = System.nanoTime();
        PlantBuilder builder = new PlantBuilder(services, enterprise);
        int done = 0;
        for (SeedingStep step : steps) {
            if (stopping || done == stepLimit) {
                return true;
            }
            long stepStarted = System.nanoTime();
            try {
                step.work().accept(builder);
            } catch (RuntimeException e) {
                if (!stopping) {
                    try {
                        progress.failed(enterprise, step.name(), e);
                    } catch (RuntimeException notRecorded) {
                        e.addSuppressed(notRecorded);
                    }
                    LOG.warnf(e, "The demo plant of '%s' is incomplete: step %d/%d (%s) failed; the next start"
                            + " completes it", enterprise, done + 1, steps.size(), step.name());
                }
                throw e;
            }
            done++;
            progress.stepDone(enterprise, step.name(), done);
            LOG.infof("Demo plant of '%s': step %d/%d done, %s (%d ms)", enterprise, done, steps.size(), step.name(),
                    (System.nanoTime() - stepStarted) / 1_000_000);
        }
        progress.complete(enterprise);
        LOG.infof("Demo plant of '%s' seeded (%d ms)", enterprise, (System.nanoTime() - plantStarted) / 1_000_000);
        return true;
    }
}
