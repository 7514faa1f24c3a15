package org.pilotline.erp.mrp;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.erp.mrp.engine.model.PlanningParameters;
import org.pilotline.erp.mrp.store.MrpRunner;
import org.pilotline.erp.mrp.store.PlanningInputLoader;
import org.pilotline.erp.mrp.store.RunParameters;
import org.pilotline.erp.mrp.store.RunStore;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.tenancy.TenantContext;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starting and running MRP: a regenerative run is queued and returns at once, then runs in the background on this
 * replica's single MRP thread (load, plan, write, switch the current plan); its state lives in the database, so any
 * replica answers for any run.
 */
@ApplicationScoped
public class MrpRunService {

    private static final Logger LOG = Logger.getLogger(MrpRunService.class);
    /** A queued or running run older than this is taken for dead (its replica stopped): another may start. */
    private static final Duration RUN_IN_PROGRESS_FOR_AT_MOST = Duration.ofMinutes(30);

    @Schema(description = "Parameters of a regenerative MRP run; every field has a default.")
    public record RunRequest(@Schema(description = "first day of the horizon (default: the plant's today)") LocalDate start,
                             @Min(1) @Max(520) @Schema(description = "weekly buckets (default 52)") Integer weeks,
                             @Schema(description = "working calendar for lead times (default: Monday to Friday)") Long calendarId,
                             @Min(0) @Max(52) @Schema(description = "weeks before its own a sales order consumes forecast from (default 1)") Integer forecastBackwardWeeks,
                             @Min(0) @Max(52) @Schema(description = "weeks after its own a sales order consumes forecast from (default 1)") Integer forecastForwardWeeks,
                             @Min(0) @Max(365) @Schema(description = "days a late receipt may be expedited instead of planning anew (default 14)") Integer expediteWindowDays,
                             @Min(0) @Max(365) @Schema(description = "days early before a receipt gets a DEFER message (default 7)") Integer deferToleranceDays) {

        /** The parameters asked for, the defaults where none is given. */
        RunParameters withDefaults(LocalDate today) {
            PlanningParameters defaults = PlanningParameters.defaults();
            return new RunParameters(start != null ? start : today, weeks != null ? weeks : 52, calendarId,
                    forecastBackwardWeeks != null ? forecastBackwardWeeks : defaults.forecastBackwardWeeks(),
                    forecastForwardWeeks != null ? forecastForwardWeeks : defaults.forecastForwardWeeks(),
                    expediteWindowDays != null ? expediteWindowDays : defaults.expediteWindowDays(),
                    deferToleranceDays != null ? deferToleranceDays : defaults.deferToleranceDays());
        }
    }

    @Inject
    RoutingLeadTimes leadTimes;

    @Inject
    MrpJdbc jdbc;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    PlantClock clock;

    @Inject
    MrpPlanCache cache;

    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mrp-run");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    /** Queues a regenerative run and returns at once; the run goes on in the background. */
    public RunStore.Run startRun(RunRequest request) {
        String enterprise = tenant.requireEnterprise();
        RunRequest asked = request == null ? new RunRequest(null, null, null, null, null, null, null) : request;
        RunParameters parameters = asked.withDefaults(clock.today());
        long runId = jdbc.call(c -> {
            if (parameters.calendarId() != null
                    && !new PlanningInputLoader(c, enterprise).calendarExists(parameters.calendarId())) {
                throw DomainException.invalid("unknown-reference", "Calendar not found",
                        new FieldError("calendarId", "no calendar has id " + parameters.calendarId()));
            }
            if (RunStore.inProgress(c, enterprise, Instant.now().minus(RUN_IN_PROGRESS_FOR_AT_MOST))) {
                throw DomainException.conflict("run-in-progress", "An MRP run is in progress",
                        "Wait until the enterprise's running MRP run has finished");
            }
            return RunStore.create(c, enterprise, caller.username(), parameters, Instant.now());
        });
        runner.submit(() -> TenantContext.runAs(enterprise, () -> execute(enterprise, runId, parameters)));
        return run(runId);
    }

    /** The run itself, on the MRP thread: failures are stored with the run (FAILED) and logged here. */
    private void execute(String enterprise, long runId, RunParameters parameters) {
        try (Connection c = jdbc.open()) {
            c.setAutoCommit(true);
            MrpRunner.RunResult result = MrpRunner.regenerate(c, jdbc::open, enterprise, runId, parameters,
                    Runtime.getRuntime().availableProcessors(), leadTimes);
            cache.put(enterprise, result.planned());
            LOG.infof("MRP run %d of %s: %d planned orders; load %.2f s, plan %.2f s, write %.2f s", runId, enterprise,
                    result.counts().plannedOrders(), result.timings().load(), result.timings().plan(),
                    result.timings().write());
            RunStore.purgeExcept(c, enterprise, runId);
        } catch (Exception e) {
            LOG.warnf(e, "MRP run %d of %s failed", runId, enterprise);
        }
    }

    public RunStore.Run run(long runId) {
        String enterprise = tenant.requireEnterprise();
        return jdbc.call(c -> RunStore.find(c, enterprise, runId))
                .orElseThrow(() -> DomainException.notFound("MRP run", runId));
    }

    /** The run whose results are the enterprise's current plan. */
    public RunStore.Run currentRun() {
        String enterprise = tenant.requireEnterprise();
        return jdbc.call(c -> RunStore.current(c, enterprise)).orElseThrow(() -> new DomainException(
                ProblemKind.NOT_FOUND, "no-plan", "There is no MRP plan yet", "Start an MRP run first"));
    }

    /** The enterprise's runs, newest first. */
    public Page<RunStore.Run> listRuns(PageRequest page) {
        String enterprise = tenant.requireEnterprise();
        List<RunStore.Run> runs = jdbc.call(c -> RunStore.list(c, enterprise, page.page() * page.size(), page.size()));
        long total = jdbc.call(c -> RunStore.count(c, enterprise));
        return new Page<>(runs, page.page(), page.size(), total);
    }
}
