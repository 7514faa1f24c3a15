package org.pilotline.app.bootstrap;

import org.jboss.logging.Logger;
import org.pilotline.erp.order.ProductionOrderStatus;
import org.pilotline.erp.scheduling.SchedulingDtos.SolveRequest;
import org.pilotline.erp.scheduling.SchedulingDtos.SolveView;
import org.pilotline.erp.scheduling.SolveState;
import org.pilotline.mes.report.Report;
import org.pilotline.mes.report.ReportKind;
import org.pilotline.mes.report.ReportRequest;
import org.pilotline.mes.report.Reporter;
import org.pilotline.mes.workorder.Operation;
import org.pilotline.mes.workorder.WorkOrder;
import org.pilotline.mes.workorder.WorkOrderState;
import org.pilotline.platform.problem.DomainException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * Puts a demo plant's production orders on the shop floor as a planner would: solve the live schedule for them, then
 * release them, so that each work order's operations carry the work unit and the times the schedule gave them.
 */
final class DemoRelease {

    private static final Logger LOG = Logger.getLogger(DemoRelease.class);

    /** Enough for the few orders of a demo plant; the solver stops earlier once it has proved its schedule optimal. */
    static final int SOLVE_SECONDS = 3;

    /** How long to wait for a solve beyond its time limit (it may queue behind another enterprise's). */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static final Set<SolveState> SOLVING = Set.of(SolveState.QUEUED, SolveState.RUNNING);

    private DemoRelease() {
    }

    /** Solves the live schedule for the orders still open and releases those still planned; nothing when none is. */
    static void scheduleAndRelease(PlantBuilder plant) {
        PlantServices services = plant.services();
        List<Long> orders = plant.productionOrders();
        List<Long> waiting = orders.stream().filter(plant::planned).toList();
        if (waiting.isEmpty()) {
            return;
        }
        List<Long> open = orders.stream().filter(id -> plant.planner(() -> {
            ProductionOrderStatus status = services.productionOrders.getOrder(id).status();
            return status == ProductionOrderStatus.PLANNED || status == ProductionOrderStatus.RELEASED;
        })).toList();
        solve(plant, services, open);
        for (long id : waiting) {
            plant.planner(() -> services.productionOrders.changeStatus(id, ProductionOrderStatus.RELEASED));
        }
    }

    private static void solve(PlantBuilder plant, PlantServices services, List<Long> orders) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                SolveView solve = plant.planner(() -> services.scheduling.startSolve(new SolveRequest(null, null,
                        SOLVE_SECONDS, 0L, true, orders, null, null)));
                SolveView done = await(plant, services, solve.id());
                LOG.infof("Demo plant %s: live schedule %s (%s) for %d orders, makespan %s min", plant.enterprise,
                        done.status(), done.solverStatus(), done.orderCount(), done.makespanMinutes());
                return;
            } catch (DomainException refused) {
                if (!"solve-running".equals(refused.type())) {
                    LOG.warnf("Demo plant %s: orders released without a schedule: %s", plant.enterprise, refused.detail());
                    return;
                }
                // a solve of an earlier start is still under way, or was cut short by a crash: it counts as abandoned
                // once its heartbeat is a minute old (pilotline.scheduling.stale-after)
                await(plant, services, ((Number) refused.extensions().get("solveId")).longValue());
            }
        }
        LOG.warnf("Demo plant %s: orders released without a new schedule: another solve of the live schedule kept"
                + " running", plant.enterprise);
    }

    private static SolveView await(PlantBuilder plant, PlantServices services, long solveId) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            SolveView solve = plant.planner(() -> services.schedules.solve(solveId));
            if (!SOLVING.contains(solve.status()) || System.nanoTime() > deadline) {
                return solve;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for solve " + solveId, e);
            }
        }
    }

    /** Client ids of the reports that put a demo plant under way (unique per enterprise), the last step of seeding. */
    private static final String UNDER_WAY = "demo-seed:under-way:";

    /**
     * Starts the first operation of the plant's first production order's work order as the operator did some minutes
     * ago and, with {@code good}, reports the good pieces made since — unless the shop floor has touched the work order
     * in the meantime. The reports' client ids make each apply once however often the step runs.
     */
    static void startFirstOperation(PlantBuilder plant, String good) {
        PlantServices services = plant.services();
        long productionOrder = plant.productionOrders().get(0);
        plant.operator(() -> {
            WorkOrder workOrder = WorkOrder.<WorkOrder>find("productionOrderId", productionOrder).firstResult();
            boolean startedBySeeding = Report.count("clientId", UNDER_WAY + "start") > 0;
            if (workOrder == null || workOrder.state != WorkOrderState.RELEASED && !startedBySeeding) {
                return null;
            }
            Operation first = Operation.<Operation>find("workOrder.id = ?1 order by operationNo", workOrder.id).firstResult();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Reporter operator = new Reporter(null, null, plant.enterprise + "-operator");
            services.reporting.report(new ReportRequest(UNDER_WAY + "start", null, ReportKind.START, first.id,
                    first.workUnitId, null, null, null, null, now.minus(Duration.ofMinutes(40)), null, null, null, null,
                    null, "演示：已开工 demo: under way", null, null, null), operator);
            if (good != null) {
                services.reporting.report(new ReportRequest(UNDER_WAY + "quantity", null, ReportKind.QUANTITY, first.id,
                        null, new BigDecimal(good), null, null, null, now.minus(Duration.ofMinutes(2)), null, null, null,
                        null, null, null, null, null, null), operator);
            }
            return null;
        });
    }
}
