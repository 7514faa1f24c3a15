package org.pilotline.kpi.upkeep;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.pilotline.kpi.KpiConfig;
import org.pilotline.kpi.bureau.SnapshotService;
import org.pilotline.kpi.rollup.BucketRules;
import org.pilotline.kpi.rollup.DeliveryWatch;
import org.pilotline.kpi.rollup.Grain;
import org.pilotline.kpi.rollup.RollupService;
import org.pilotline.kpi.rollup.TouchesNoted;
import org.pilotline.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the roll-ups current in the background: as soon as a transaction that noted touches commits, and every interval
 * for each enterprise with touches due, it hands the enterprise to one of {@code pilotline.kpi.rollup.lanes} lanes
 * (threads), which applies them batch by batch, at most one batch per enterprise per {@code pilotline.kpi.rollup.pace}
 * while its touches keep coming; then (every delivery check, 5 s by
 * default) recounts the deliveries of the enterprises whose sales lines changed ({@link DeliveryWatch}); once a minute it
 * touches the enterprises that have no bucket yet for the hour under way (an hour in which nothing happened still has
 * planned time) and files the monthly snapshots that are due. Any replica may run it: the enterprise's roll-up lock
 * puts their writes one after the other, and a touch applied twice gives the same rows.
 */
@ApplicationScoped
public class RollupWorker {

    private static final Logger LOG = LoggerFactory.getLogger(RollupWorker.class);

    @Inject
    RollupService rollups;

    @Inject
    KpiConfig config;

    @Inject
    EntityManager em;

    @Inject
    SnapshotService snapshots;

    @Inject
    DeliveryWatch deliveries;

    private ScheduledExecutorService timer;
    private ExecutorService lanes;
    /** The enterprises a lane is working on or has been given: each is brought up to date by one lane at a time. */
    private final Set<String> assigned = ConcurrentHashMap.newKeySet();
    private volatile Instant lastBucketCheck = Instant.EPOCH;
    private volatile Instant lastDeliveryCheck = Instant.EPOCH;
    /** The application stops: what is queued returns at once, nothing new starts. */
    private volatile boolean stopping;

    void onStart(@Observes StartupEvent event) {
        if (!config.rollup().enabled()) {
            return;
        }
        ScheduledThreadPoolExecutor rounds = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "kpi-rollup");
            t.setDaemon(true);
            return t;
        });
        rounds.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // an enterprise's next batch: the next start
        timer = rounds;
        AtomicInteger lane = new AtomicInteger();
        lanes = Executors.newFixedThreadPool(Math.max(1, config.rollup().lanes()), r -> {
            Thread t = new Thread(r, "kpi-rollup-lane-" + lane.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long interval = config.rollup().interval().toMillis();
        timer.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * Lets the round and the batches under way end (at most {@link #STOP_WAIT}) before the datasource closes: cut off
     * there, they were rolled back with a warning each. Nothing new starts; the touches not applied stay noted for the
     * next start.
     */
    void onStop(@Observes ShutdownEvent event) {
        if (timer == null) {
            return;
        }
        stopping = true;
        timer.shutdown();
        lanes.shutdown();
        try {
            long deadline = System.nanoTime() + STOP_WAIT.toNanos();
            if (!timer.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    | !lanes.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                LOG.warn("KPI roll-ups still running {} after the stop began; cut short", STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
        lanes.shutdownNow();
    }

    /** How long a stop waits for the round and the batches under way. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private void tick() {
        if (stopping) {
            return;
        }
        long started = System.nanoTime();
        try {
            Instant now = Instant.now();
            if (now.isAfter(lastBucketCheck.plus(config.rollup().newBucketCheck()))) {
                lastBucketCheck = now;
                TenantContext.runAs(TenantContext.ALL_TENANTS, () -> touchNewHours(now));
                TenantContext.runAs(TenantContext.ALL_TENANTS, () -> snapshots.fileDue(now));
            }
            assignLanes();
            if (now.isBefore(lastDeliveryCheck.plus(config.rollup().deliveryCheck()))) {
                return;
            }
            lastDeliveryCheck = now;
            for (String tenant : TenantContext.callAs(TenantContext.ALL_TENANTS, deliveries::changedTenants)) {
                try {
                    TenantContext.runAs(tenant, deliveries::apply);
                } catch (RuntimeException e) {
                    LOG.warn("Delivery roll-ups of {} not brought up to date; tried again next round", tenant, e);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("KPI roll-up round failed; tried again next round", e);
        } finally {
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (ms > 200) {
                LOG.debug("roll-up round took {} ms", ms);
            }
        }
    }

    /**
     * Gives every enterprise with touches that no lane has yet to a lane. A lane applies its enterprise's due touches
     * batch after batch until none is left, or for at most the delivery check's interval (then the enterprise goes back
     * to the end of the queue): a plant whose terminals touch it without pause keeps one lane busy while the other
     * enterprises' touches are applied on the others.
     */
    private void assignLanes() {
        for (String tenant : TenantContext.callAs(TenantContext.ALL_TENANTS, () -> touchedTenants(Instant.now()))) {
            assign(tenant);
        }
    }

    /**
     * A transaction that noted touches committed: its enterprise gets a lane at once (unless one has it already, which
     * then finds the new touches too), not at the next round.
     */
    void onTouches(@Observes(during = TransactionPhase.AFTER_SUCCESS) TouchesNoted noted) {
        if (lanes != null) {
            assign(noted.tenant());
        }
    }

    private void assign(String tenant) {
        if (assigned.add(tenant)) {
            long given = System.nanoTime();
            try {
                lanes.execute(() -> {
                    LOG.debug("{}: waited {} ms for a lane", tenant, (System.nanoTime() - given) / 1_000_000);
                    bringUpToDate(tenant);
                });
            } catch (RuntimeException e) { // shutting down
                assigned.remove(tenant);
            }
        }
    }

    /**
     * While touches keep coming, the pause after a batch is at least this many times the batch's own time: each batch
     * reads its units' whole hours again, which grow all hour long, so an enterprise that reports without pause takes at
     * most a quarter of a lane (and of the database's time for it) however long its batches become — its roll-ups then
     * lag by up to four batches' time instead of the reports waiting for the CPU.
     */
    private static final long BUSY_SHARE_FACTOR = 3;

    /**
     * One batch of the enterprise's due touches on this lane. If it applied any, more may be coming: the enterprise
     * keeps its place ({@link #assigned}) and its next batch runs after {@code pilotline.kpi.rollup.pace} from this
     * one's start, reading every touch noted meanwhile at once — a plant that reports without pause has its hours read
     * again once per pace, not once per batch as fast as a lane can go, and the lane serves other enterprises in
     * between; a batch that took long is followed after three times its time ({@link #BUSY_SHARE_FACTOR}). A full batch
     * (a backlog) is followed at once; a batch that found nothing gives the enterprise up.
     */
    private void bringUpToDate(String tenant) {
        if (stopping) {
            assigned.remove(tenant);
            return;
        }
        long started = System.nanoTime();
        int applied = 0;
        try {
            applied = TenantContext.callAs(tenant, rollups::applyOneBatch);
        } catch (RuntimeException e) {
            LOG.warn("KPI roll-ups of {} not brought up to date; tried again next round", tenant, e);
        }
        if (applied == 0 || Thread.currentThread().isInterrupted()) {
            assigned.remove(tenant);
            return;
        }
        long took = System.nanoTime() - started;
        long pause = applied >= RollupService.BATCH ? 0
                : Math.max(config.rollup().pace().toNanos() - took, BUSY_SHARE_FACTOR * took);
        try {
            timer.schedule(() -> nextBatch(tenant), pause, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) { // shutting down
            assigned.remove(tenant);
        }
    }

    private void nextBatch(String tenant) {
        try {
            lanes.execute(() -> bringUpToDate(tenant));
        } catch (RuntimeException e) { // shutting down
            assigned.remove(tenant);
        }
    }

    /** The enterprises with touches due (not those whose only touches are days, weeks and months due later). */
    @Transactional
    List<String> touchedTenants(Instant now) {
        return em.createNativeQuery("select distinct tenant_id from kpi_rollup_dirty where due_at is null"
                + " or due_at <= ?1", String.class).setParameter(1, now).getResultList();
    }

    /** Touches, from the start of the hour under way, every enterprise with work units but no bucket of that hour. */
    @Transactional
    void touchNewHours(Instant now) {
        for (Object row : em.createNativeQuery("select e.code, e.time_zone from enterprise e where exists"
                + " (select 1 from work_unit u where u.tenant_id = e.code)").getResultList()) {
            Object[] r = (Object[]) row;
            String code = (String) r[0];
            Instant hour = BucketRules.containing(Grain.HOUR, ZoneId.of((String) r[1]), now).start();
            em.createNativeQuery("insert into kpi_rollup_dirty (tenant_id, work_unit_id, dirty_from, scope)"
                            + " select ?1, null, ?2, 'ALL'"
                            + " from dual where not exists (select 1 from kpi_rollup where tenant_id = ?1"
                            + " and level = 'ENTERPRISE' and grain = 'HOUR' and bucket_start = ?2) and not exists"
                            + " (select 1 from kpi_rollup_dirty where tenant_id = ?1 and work_unit_id is null)")
                    .setParameter(1, code).setParameter(2, hour).executeUpdate();
        }
    }
}
