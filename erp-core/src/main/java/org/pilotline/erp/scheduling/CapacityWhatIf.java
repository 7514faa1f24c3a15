package org.pilotline.erp.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.order.ProductionOrder;
import org.pilotline.erp.order.ProductionOrderStatus;
import org.pilotline.erp.routing.RoutingService;
import org.pilotline.erp.scheduling.SchedulingInputLoader.PinnedAt;
import org.pilotline.erp.scheduling.solver.Cancellation;
import org.pilotline.erp.scheduling.solver.FiniteCapacityScheduler;
import org.pilotline.erp.scheduling.solver.Objective;
import org.pilotline.erp.scheduling.solver.Reproducibility;
import org.pilotline.erp.scheduling.solver.SolveResult;
import org.pilotline.erp.scheduling.solver.SolverSettings;
import org.pilotline.erp.scheduling.solver.schedule.ScheduledOperation;
import org.pilotline.erp.scheduling.solver.validation.InputProblem;
import org.pilotline.erp.scheduling.solver.validation.ProblemValidator;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Would one more production order fit? A what-if of the live schedule held in memory and never written: every planned
 * and released production order (what a solve of the live schedule takes), the live schedule's pins and what the shop
 * floor has started, plus a hypothetical order for the item, released today and due on the date asked; solved by the
 * same solver as every schedule, with a short time limit. The answer is when the hypothetical order would finish.
 */
@ApplicationScoped
public class CapacityWhatIf {

    /** The number the hypothetical order goes by in the what-if; no real order number has this shape. */
    static final String HYPOTHETICAL = "WHAT-IF*";

    /**
     * {@code finishDate} the plant day the order would be done (null when it could not be scheduled, see
     * {@code note}); {@code fits} when that is on or before the date asked; {@code checked} false when the item has
     * no routing (nothing loads a machine) or the what-if could not be built.
     */
    public record Fit(boolean checked, boolean fits, LocalDate finishDate, Instant finishAt, int otherOrders,
                      String note) {
    }

    private static final List<ProductionOrderStatus> SCHEDULABLE = List.of(ProductionOrderStatus.PLANNED,
            ProductionOrderStatus.RELEASED);

    @Inject
    TenantContext tenant;

    @Inject
    PlantClock clock;

    @Inject
    RoutingService routings;

    @Inject
    SchedulingInputLoader loader;

    @Inject
    jakarta.enterprise.inject.Instance<ShopFloorProgress> shopFloor;

    private final FiniteCapacityScheduler scheduler = new FiniteCapacityScheduler();

    /** When {@code quantity} of the item, made from today, would be done with everything else already planned. */
    @Transactional
    public Fit fit(long itemId, BigDecimal quantity, LocalDate dueDate, Duration timeLimit) {
        tenant.requireEnterprise();
        Item item = Lookups.require(Item.class, "Item", itemId);
        LocalDate today = clock.today();
        ProductionOrder hypothetical = new ProductionOrder();
        // never persisted: an id no row has, so that the loader can key it like the others
        hypothetical.id = -1L;
        hypothetical.number = HYPOTHETICAL;
        hypothetical.item = item;
        hypothetical.quantity = quantity;
        hypothetical.startDate = today;
        hypothetical.dueDate = dueDate.isBefore(today) ? today : dueDate;
        hypothetical.status = ProductionOrderStatus.PLANNED;
        hypothetical.origin = ProductionOrder.Origin.MANUAL;
        hypothetical.routing = routings.effectiveRouting(item.id, today).orElse(null);
        if (hypothetical.routing == null || hypothetical.routing.operations.isEmpty()) {
            return new Fit(false, true, null, null, 0, "item " + item.code + " has no routing: it loads no machine");
        }
        List<ProductionOrder> orders = new ArrayList<>(ProductionOrder.<ProductionOrder>list("status in ?1", SCHEDULABLE));
        int others = orders.size();
        orders.add(hypothetical);
        Map<Long, Map<Integer, ShopFloorProgress.Progress>> progress = shopFloor.isResolvable()
                ? shopFloor.get().progressOf(orders.subList(0, others).stream().map(o -> o.id).toList()) : Map.of();
        SchedulingInput input = loader.load(orders, Instant.now(), clock.zone(), livePins(), progress);
        List<InputProblem> problems = ProblemValidator.validate(input.problem());
        if (!problems.isEmpty()) {
            return new Fit(false, false, null, null, others, "the what-if schedule cannot be built: "
                    + problems.stream().limit(3).map(InputProblem::message).collect(Collectors.joining("; ")));
        }
        SolveResult result = scheduler.solve(input.problem(), new SolverSettings(Objective.TARDINESS_THEN_MAKESPAN,
                timeLimit, 0, 1, Reproducibility.REPRODUCIBLE), progressReport -> { }, new Cancellation());
        Long end = result.bestSchedule().flatMap(schedule -> schedule.operations().stream()
                .filter(operation -> HYPOTHETICAL.equals(operation.jobId())).map(ScheduledOperation::end)
                .max(Long::compare)).orElse(null);
        if (end == null) {
            return new Fit(false, false, null, null, others, "the solver found no schedule within "
                    + timeLimit.toMillis() + " ms (" + result.status() + ")");
        }
        Instant finishAt = input.horizon().instantAt(end);
        LocalDate finish = LocalDate.ofInstant(finishAt.minusNanos(1), clock.zone());
        return new Fit(true, !finish.isAfter(dueDate), finish, finishAt, others,
                "with " + others + " other open order(s) the order would be done on " + finish);
    }

    private Map<String, PinnedAt> livePins() {
        ProductionSchedule live = ProductionSchedule.<ProductionSchedule>find("kind", ScheduleKind.LIVE).firstResult();
        Map<String, PinnedAt> pins = new HashMap<>();
        if (live == null) {
            return pins;
        }
        for (ScheduleOperation operation : ScheduleOperation.<ScheduleOperation>list("scheduleId = ?1 and pinned = true",
                live.id)) {
            pins.put(SchedulingInputLoader.pinKey(operation.productionOrderId, operation.operationNo),
                    new PinnedAt(operation.workUnitId, operation.startAt));
        }
        return pins;
    }
}
