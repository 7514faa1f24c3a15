package org.pilotline.erp.mrp.store;

import org.pilotline.erp.mrp.engine.MrpEngine;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.SalesOrderLine;
import org.pilotline.erp.mrp.engine.model.PlanningModel;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;
import org.pilotline.erp.mrp.engine.planning.ItemPlan;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The database side of MRP in plain JDBC: a regenerative run (load, compile, plan, write, switch), a net change of
 * one sales order applied to the current run, and the re-creation of a stored run's plan. Used by the application
 * service and by {@code bin/mrp-benchmark}.
 */
public final class MrpRunner {

    /** A plan held in memory with what is needed to write and re-plan it. */
    public record Planned(long runId, int netChanges, MrpPlan plan, Map<String, Long> itemIds) {
    }

    /** Timings of a regenerative run in seconds ({@code writeRows}: the planned orders and exceptions alone). */
    public record Timings(double load, double compile, double plan, double write, double writeRows) {
    }

    public record RunResult(Planned planned, RunStore.Counts counts, Timings timings) {
    }

    /** What a net change did. */
    public record NetChangeResult(Planned planned, List<String> changedLines, int replannedItems, int rewrittenItems,
                                  long rowsWritten, double planMillis, double writeMillis) {
    }

    private MrpRunner() {
    }

    /**
     * Runs a queued run to the end on {@code connection} (autocommit): reads the input, plans, writes the rows (on
     * connections from {@code writers}, in parallel) and the input, and only then makes it the current run. On failure the run is marked FAILED and the current run stays.
     */
    public static RunResult regenerate(Connection connection, PlanWriter.Connections writers, String tenant, long runId,
                                       RunParameters parameters, int threads) throws SQLException {
        return regenerate(connection, writers, tenant, runId, parameters, threads, LeadTimes.NONE);
    }

    /** As above, and the planned production orders whose routing does not fit their lead time get LEAD_TIME_SHORT. */
    public static RunResult regenerate(Connection connection, PlanWriter.Connections writers, String tenant, long runId,
                                       RunParameters parameters, int threads, LeadTimes leadTimes) throws SQLException {
        try {
            RunStore.progress(connection, tenant, runId, "LOADING", 0, 0);
            long t0 = System.nanoTime();
            PlanningInputLoader.Loaded loaded = new PlanningInputLoader(connection, tenant)
                    .load(new PlanningInputLoader.Request(parameters.horizon(), parameters.calendarId()));
            long t1 = System.nanoTime();
            PlanningModel model = PlanningModel.compile(loaded.input());
            long t2 = System.nanoTime();
            MrpEngine engine = new MrpEngine(parameters.engine(threads));
            RunStore.progress(connection, tenant, runId, "PLANNING", 0, model.itemCount());
            MrpPlan plan = engine.plan(model, (done, total) -> progress(connection, tenant, runId, done, total));
            long t3 = System.nanoTime();
            RunStore.progress(connection, tenant, runId, "WRITING", model.itemCount(), model.itemCount());
            CompletableFuture<byte[]> snapshot = CompletableFuture.supplyAsync(() -> InputCodec.encode(loaded.input()));
            PlanWriter.Written written = PlanWriter.writeAll(writers, runId, plan, loaded.itemIds());
            OrderSupplyStore.writeRun(connection, tenant, runId, plan, loaded.itemIds());
            int leadTimeShort = LeadTimeStore.write(connection, runId, plan, loaded.itemIds(), null, leadTimes);
            long rowsWritten = System.nanoTime();
            RunStore.saveInput(connection, runId, join(snapshot));
            PlanningInput input = loaded.input();
            RunStore.Counts counts = new RunStore.Counts(model.itemCount(), model.bomLineCount(),
                    input.salesOrderLines().size() + input.forecasts().size(), written.plannedOrders(), plan.pegCount(),
                    written.exceptions() + leadTimeShort);
            RunStore.complete(connection, tenant, runId, counts);
            long t4 = System.nanoTime();
            return new RunResult(new Planned(runId, 0, plan, loaded.itemIds()), counts,
                    new Timings(sec(t1 - t0), sec(t2 - t1), sec(t3 - t2), sec(t4 - t3), sec(rowsWritten - t3)));
        } catch (SQLException | RuntimeException e) {
            RunStore.fail(connection, tenant, runId, e.getMessage());
            throw e;
        }
    }

    /**
     * Re-creates a stored run's plan: its input as stored, the net changes applied since, planned with its
     * parameters. The engine is deterministic, so the plan (pegs included) is the one the run wrote.
     */
    public static Planned recreate(Connection connection, String tenant, RunStore.Run run, int threads)
            throws SQLException {
        byte[] data = RunStore.readInput(connection, run.id()).orElseThrow(() ->
                new IllegalStateException("run " + run.id() + " has no stored input"));
        PlanningInput input = InputCodec.decode(data);
        for (RunStore.Amendment amendment : RunStore.amendments(connection, run.id())) {
            input = amendment.line() == null ? input.withoutSalesOrderLine(amendment.reference())
                    : input.withSalesOrderLine(amendment.line());
        }
        MrpPlan plan = new MrpEngine(run.parameters().engine(threads)).plan(PlanningModel.compile(input));
        Map<String, Long> ids = new PlanningInputLoader(connection, tenant).itemIds();
        return new Planned(run.id(), run.netChanges(), plan, ids);
    }

    /**
     * Re-plans after a sales order changed, without a full run: the order's open lines as they are now replace the
     * run's (added, changed, removed), the engine re-plans only the items affected, and only their rows are rewritten
     * — all in one transaction on {@code connection}, which must hold the lock of the current-run pointer.
     */
    public static NetChangeResult netChange(Connection connection, String tenant, Planned current,
                                            PlanningInputLoader.SalesOrderState order) throws SQLException {
        return netChange(connection, tenant, current, order, LeadTimes.NONE);
    }

    /** As above, and the re-planned items' production orders are checked against their lead times again. */
    public static NetChangeResult netChange(Connection connection, String tenant, Planned current,
                                            PlanningInputLoader.SalesOrderState order, LeadTimes leadTimes)
            throws SQLException {
        long t0 = System.nanoTime();
        MrpPlan plan = current.plan();
        PlanningModel model = plan.model();
        Set<String> references = new HashSet<>(order.openLines().keySet());
        String prefix = order.number() + "/";
        for (SalesOrderLine line : model.salesOrderLines()) {
            if (line.reference().startsWith(prefix)) {
                references.add(line.reference());
            }
        }
        Map<String, SalesOrderLine> before = new java.util.HashMap<>();
        for (SalesOrderLine line : model.salesOrderLines()) {
            if (references.contains(line.reference())) {
                before.put(line.reference(), line);
            }
        }
        MrpEngine engine = new MrpEngine(plan.parameters());
        List<RunStore.Amendment> amendments = new ArrayList<>();
        MrpPlan next = plan;
        int replanned = 0;
        for (String reference : references.stream().sorted().toList()) {
            SalesOrderLine now = order.openLines().get(reference);
            if (java.util.Objects.equals(now, before.get(reference))) {
                continue;
            }
            PlanningModel changed = now == null ? next.model().withoutSalesOrderLine(reference)
                    : next.model().withSalesOrderLine(now);
            next = engine.replanSalesOrderLine(next, changed, reference);
            replanned += next.replannedItems();
            amendments.add(new RunStore.Amendment(reference, now));
        }
        long t1 = System.nanoTime();
        List<String> differing = next == plan ? List.of() : differing(plan, next);
        long rows = 0;
        if (!amendments.isEmpty()) {
            rows = PlanWriter.writeChanges(connection, current.runId(), plan, next, current.itemIds(), differing);
            OrderSupplyStore.rewriteItems(connection, tenant, current.runId(), next, current.itemIds(), differing);
            LeadTimeStore.write(connection, current.runId(), next, current.itemIds(), differing, leadTimes);
            RunStore.addAmendments(connection, tenant, current.runId(), amendments);
        }
        long t2 = System.nanoTime();
        return new NetChangeResult(new Planned(current.runId(), current.netChanges() + (amendments.isEmpty() ? 0 : 1),
                next, current.itemIds()), amendments.stream().map(RunStore.Amendment::reference).toList(), replanned,
                differing.size(), rows, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }

    /** Items whose plan changed: a net change shares the plan objects of the items it did not re-plan. */
    private static List<String> differing(MrpPlan before, MrpPlan after) {
        ItemPlan[] plansBefore = before.itemPlans();
        ItemPlan[] plansAfter = after.itemPlans();
        String[] codes = after.model().structure().itemCode;
        List<String> items = new ArrayList<>();
        for (int item = 0; item < plansAfter.length; item++) {
            if (plansAfter[item] != plansBefore[item] && !plansAfter[item].sameAs(plansBefore[item])) {
                items.add(codes[item]);
            }
        }
        return items;
    }

    private static void progress(Connection connection, String tenant, long runId, int done, int total) {
        try {
            synchronized (connection) {
                RunStore.progress(connection, tenant, runId, "PLANNING", done, total);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }
}
