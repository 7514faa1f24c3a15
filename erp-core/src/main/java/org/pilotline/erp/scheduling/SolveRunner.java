package org.pilotline.erp.scheduling;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.pilotline.erp.scheduling.solver.Cancellation;
import org.pilotline.erp.scheduling.solver.FiniteCapacityScheduler;
import org.pilotline.erp.scheduling.solver.SolveProgress;
import org.pilotline.erp.scheduling.solver.SolveResult;
import org.pilotline.erp.scheduling.solver.SolverSettings;
import org.pilotline.platform.tenancy.TenantContext;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs accepted solves on this replica's solver threads. The solver reports improved schedules on its own thread; a
 * ticker thread writes the latest of them, a heartbeat and the elapsed time into the database at a steady pace, and
 * reads back whether someone (on any replica) asked the solve to stop. Nothing about a solve is kept only here: if this
 * replica dies, its solves' heartbeats stop and readers report them abandoned.
 */
@ApplicationScoped
public class SolveRunner {

    private static final Logger LOG = Logger.getLogger(SolveRunner.class);
    /** Beyond this multiple of the time limit (plus a minute) a solve is stopped whatever the solver thinks. */
    private static final int OVERRUN_FACTOR = 4;

    @Inject
    SchedulingConfig config;

    @Inject
    SolveRecorder recorder;

    private final FiniteCapacityScheduler scheduler = new FiniteCapacityScheduler();
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();
    private final String worker = workerName();
    private volatile ExecutorService solvers;
    private volatile ScheduledExecutorService ticker;

    /** One accepted solve and what its threads share. */
    private final class Run {
        final String tenant;
        final long solveId;
        final long scheduleId;
        final SchedulingInput input;
        final SolverSettings settings;
        final Cancellation cancellation = new Cancellation();
        final AtomicReference<SolveProgress> latest = new AtomicReference<>();
        final AtomicInteger improvements = new AtomicInteger();
        volatile long startedAt;
        volatile boolean started;
        boolean done;
        ScheduledFuture<?> tick;

        Run(String tenant, long solveId, long scheduleId, SchedulingInput input, SolverSettings settings) {
            this.tenant = tenant;
            this.solveId = solveId;
            this.scheduleId = scheduleId;
            this.input = input;
            this.settings = settings;
        }
    }

    public String worker() {
        return worker;
    }

    /** Queues a solve whose row (state QUEUED) is committed. */
    public void submit(String tenant, long solveId, long scheduleId, SchedulingInput input, SolverSettings settings) {
        Run run = new Run(tenant, solveId, scheduleId, input, settings);
        runs.put(solveId, run);
        long interval = Math.max(50, config.progressInterval().toMillis());
        synchronized (run) {
            run.tick = ticker().scheduleWithFixedDelay(() -> tick(run), interval, interval, TimeUnit.MILLISECONDS);
        }
        solvers().execute(() -> execute(run));
    }

    private void execute(Run run) {
        try {
            synchronized (run) {
                if (run.done) {
                    return;
                }
                if (!TenantContext.callAs(run.tenant, () -> recorder.started(run.solveId, worker))) {
                    finish(run);
                    return;
                }
                run.startedAt = System.nanoTime();
                run.started = true;
            }
            SolveResult result = scheduler.solve(run.input.problem(), run.settings, progress -> {
                run.latest.set(progress);
                run.improvements.incrementAndGet();
            }, run.cancellation);
            synchronized (run) {
                finish(run);
                TenantContext.runAs(run.tenant, () -> recorder.finished(run.solveId, run.scheduleId, run.input,
                        run.settings.objective(), result, run.improvements.get()));
            }
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "Solve %d failed", run.solveId);
            synchronized (run) {
                finish(run);
            }
            try {
                TenantContext.runAs(run.tenant, () -> recorder.failed(run.solveId, "the solve failed: " + e));
            } catch (RuntimeException again) {
                LOG.errorf(again, "Could not record the failure of solve %d", run.solveId);
            }
        }
    }

    /** Heartbeat, progress, best schedule so far; stops the solve when asked to or when it overruns badly. */
    private void tick(Run run) {
        synchronized (run) {
            if (run.done) {
                return;
            }
            try {
                SolveProgress best = run.latest.getAndSet(null);
                long elapsedMs = run.started ? (System.nanoTime() - run.startedAt) / 1_000_000 : 0;
                boolean stop = TenantContext.callAs(run.tenant, () -> recorder.progress(run.solveId, run.scheduleId,
                        run.input, run.settings.objective(), best, run.improvements.get(), elapsedMs));
                Duration overrun = run.settings.timeLimit().multipliedBy(OVERRUN_FACTOR).plusMinutes(1);
                if (stop || (run.started && elapsedMs > overrun.toMillis())) {
                    if (run.started) {
                        run.cancellation.cancel();
                    } else {
                        finish(run);
                        TenantContext.runAs(run.tenant, () -> recorder.cancelledBeforeStart(run.solveId));
                    }
                }
            } catch (RuntimeException e) {
                // the next tick tries again; a database that stays away makes the solve look abandoned, as it should
                LOG.warnf(e, "Could not record the progress of solve %d", run.solveId);
            }
        }
    }

    private void finish(Run run) {
        run.done = true;
        if (run.tick != null) {
            run.tick.cancel(false);
        }
        runs.remove(run.solveId);
    }

    void onStop(@Observes ShutdownEvent event) {
        runs.values().forEach(run -> run.cancellation.cancel());
        if (solvers != null) {
            solvers.shutdown();
            try {
                solvers.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    private synchronized ExecutorService solvers() {
        if (solvers == null) {
            AtomicInteger count = new AtomicInteger();
            solvers = Executors.newFixedThreadPool(Math.max(1, config.concurrentSolves()), runnable -> {
                Thread thread = new Thread(runnable, "scheduling-solver-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return solvers;
    }

    private synchronized ScheduledExecutorService ticker() {
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "scheduling-progress");
                thread.setDaemon(true);
                return thread;
            });
        }
        return ticker;
    }

    private static String workerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "replica";
        }
        return host + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
