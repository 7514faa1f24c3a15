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
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Seeds the demo enterprises' plants — {@link ValvePlant} for {@code demo}, {@link FoodPlant} for {@code demo2} — on a
 * background thread once the application has started, so that start-up does not wait for it; "Demo plants ready" is
 * logged when they are. Each piece is created only when it is missing, in transactions of its own, so a restart keeps
 * what users changed and completes a seeding that was cut short. Runs after {@link DemoData} and {@link DemoMachines};
 * never in prod (it needs {@code pilotline.demo.enabled}).
 */
@ApplicationScoped
public class DemoPlants {

    private static final Logger LOG = Logger.getLogger(DemoPlants.class);

    private record Plant(String enterprise, Predicate<PlantServices> seed) {
    }

    private static final List<Plant> PLANTS = List.of(new Plant(ValvePlant.ENTERPRISE, ValvePlant::seed),
            new Plant(FoodPlant.ENTERPRISE, FoodPlant::seed));

    @Inject
    PilotLineConfig config;

    @Inject
    PlantServices services;

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
     * Seeds both plants on a thread of its own (at most one seeding at a time; a call while one runs joins it). The
     * future completes when both are done; a plant that failed is logged and left for the next start, and the future
     * then completes exceptionally.
     */
    public synchronized CompletableFuture<Void> seed() {
        if (seeding != null && !seeding.isDone()) {
            return seeding;
        }
        CompletableFuture<Void> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> run(future), "pilotline-demo-plants");
        thread.setDaemon(true);
        seeding = future;
        thread.start();
        return future;
    }

    private void run(CompletableFuture<Void> future) {
        long started = System.nanoTime();
        RuntimeException failure = null;
        for (Plant plant : PLANTS) {
            if (stopping) {
                break;
            }
            long plantStarted = System.nanoTime();
            try {
                if (plant.seed().test(services)) {
                    LOG.infof("Demo plant of '%s' seeded (%d ms)", plant.enterprise(),
                            (System.nanoTime() - plantStarted) / 1_000_000);
                }
            } catch (RuntimeException e) {
                failure = e;
                if (!stopping) {
                    LOG.warnf(e, "The demo plant of '%s' is incomplete; the next start completes it", plant.enterprise());
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (failure == null && !stopping) {
            LOG.infof("Demo plants ready (%d ms): demo (valves, site HZ1) and demo2 (food ingredients, site SZ1) have"
                    + " their orders released to the shop floor", millis);
            future.complete(null);
        } else {
            future.completeExceptionally(failure != null ? failure : new IllegalStateException("stopped"));
        }
    }
}
