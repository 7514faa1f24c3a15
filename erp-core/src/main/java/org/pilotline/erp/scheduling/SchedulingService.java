package org.pilotline.erp.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.erp.order.ProductionOrder;
import org.pilotline.erp.order.ProductionOrderStatus;
import org.pilotline.erp.scheduling.SchedulingDtos.MoveRequest;
import org.pilotline.erp.scheduling.SchedulingDtos.OperationView;
import org.pilotline.erp.scheduling.SchedulingDtos.ScheduleRequest;
import org.pilotline.erp.scheduling.SchedulingDtos.SolveRequest;
import org.pilotline.erp.scheduling.SchedulingDtos.SolveView;
import org.pilotline.erp.scheduling.SchedulingInputLoader.PinnedAt;
import org.pilotline.erp.scheduling.solver.Objective;
import org.pilotline.erp.scheduling.solver.Reproducibility;
import org.pilotline.erp.scheduling.solver.SolverSettings;
import org.pilotline.erp.scheduling.solver.model.Machine;
import org.pilotline.erp.scheduling.solver.model.MachineOption;
import org.pilotline.erp.scheduling.solver.model.Operation;
import org.pilotline.erp.scheduling.solver.validation.InputProblem;
import org.pilotline.erp.scheduling.solver.validation.ProblemValidator;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The planner's changes to schedules: solving (asynchronously; the problem is built and checked here, so a defect is
 * answered at once with 422), pinning and moving operations, what-if copies. A schedule is changed by one solve at a
 * time; pins and moves wait until it has ended.
 */
@ApplicationScoped
public class SchedulingService {

    private static final List<ProductionOrderStatus> SCHEDULABLE = List.of(ProductionOrderStatus.PLANNED,
            ProductionOrderStatus.RELEASED);

    /** What the shop floor has done (the MES), when it is part of the suite. */
    @Inject
    jakarta.enterprise.inject.Instance<ShopFloorProgress> shopFloor;

    @Inject
    TenantContext tenant;

    @Inject
    PlantClock clock;

    @Inject
    Caller caller;

    @Inject
    SchedulingConfig config;

    @Inject
    SchedulingInputLoader loader;

    @Inject
    ScheduleWriter writer;

    @Inject
    SolveRunner runner;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Solves a schedule (the live one unless named) for the orders asked, or every planned and released one. */
    @Transactional
    public SolveView startSolve(SolveRequest request) {
        tenant.requireEnterprise();
        ProductionSchedule schedule = request.scheduleId() == null ? liveForUpdate() : lockSchedule(request.scheduleId());
        requireNoActiveSolve(schedule);
        List<ProductionOrder> orders = selectOrders(request.orderIds(), request.dueBefore());
        Instant notBefore = request.horizonStart() != null ? request.horizonStart() : Instant.now();
        SchedulingInput input = loadChecked(orders, notBefore, pinsOf(schedule, null, null));
        return launch(schedule, input, settings(request.objective(), request.timeLimitSeconds(), request.seed(),
                request.reproducible()));
    }

    /** Pins an operation where it is now (or releases the pin); the next solve keeps it exactly there. */
    @Transactional
    public OperationView pin(long scheduleId, long operationId, boolean pinned) {
        tenant.requireEnterprise();
        ProductionSchedule schedule = lockSchedule(scheduleId);
        ScheduleOperation operation = requireOperation(schedule, operationId);
        requireNoActiveSolve(schedule);
        operation.pinned = pinned;
        schedule.changedAt = Instant.now();
        ProductionSchedule.flush();
        return OperationView.of(operation, orderNumber(operation.productionOrderId));
    }

    /**
     * Moves an operation to a work unit and/or start, pins it there and re-solves the schedule's orders around it;
     * every other pin stays where it is.
     */
    @Transactional
    public SolveView move(long scheduleId, long operationId, MoveRequest request) {
        tenant.requireEnterprise();
        ProductionSchedule schedule = lockSchedule(scheduleId);
        if (request.version() != null) {
            Versions.requireCurrent("Schedule", scheduleId, request.version(), schedule.version);
        }
        ScheduleOperation moved = requireOperation(schedule, operationId);
        if (request.workUnitId() == null && request.start() == null) {
            throw DomainException.invalid("invalid-move", "Say where to move the operation",
                    new FieldError("workUnitId", "give a work unit, a start, or both"),
                    new FieldError("start", "give a work unit, a start, or both"));
        }
        requireNoActiveSolve(schedule);
        long unit = request.workUnitId() != null ? request.workUnitId() : moved.workUnitId;
        Instant start = (request.start() != null ? request.start() : moved.startAt).truncatedTo(ChronoUnit.MINUTES);
        List<Long> orderIds = ScheduleOrder.<ScheduleOrder>list("scheduleId", schedule.id).stream()
                .map(order -> order.productionOrderId).toList();
        List<ProductionOrder> orders = orderIds.isEmpty() ? List.of()
                : ProductionOrder.list("id in ?1 and status in ?2", orderIds, SCHEDULABLE);
        Instant notBefore = schedule.horizonStart != null ? schedule.horizonStart : Instant.now();
        String key = SchedulingInputLoader.pinKey(moved.productionOrderId, moved.operationNo);
        SchedulingInput input = loadChecked(orders, notBefore, pinsOf(schedule, key, new PinnedAt(unit, start)));
        placeAtPin(moved, input, unit, start);
        return launch(schedule, input, settings(request.objective() != null ? request.objective() : schedule.objective,
                request.timeLimitSeconds(), request.seed(), request.reproducible()));
    }

    /** Asks a queued or running solve to stop, on whichever replica it runs; the best schedule so far stands. */
    @Transactional
    public SolveView cancel(long solveId) {
        tenant.requireEnterprise();
        ScheduleSolve solve = Lookups.require(ScheduleSolve.class, "Solve", solveId);
        if (solve.status.isActive()) {
            solve.cancelRequested = true;
            ScheduleSolve.flush();
        }
        return SolveView.of(solve);
    }

    /** A what-if copy of a schedule (by default the live one, or an empty what-if when there is none yet). */
    @Transactional
    public ProductionSchedule createWhatIf(ScheduleRequest request) {
        tenant.requireEnterprise();
        ProductionSchedule source = request.copyOf() != null
                ? Lookups.reference(ProductionSchedule.class, "Schedule", request.copyOf(), "copyOf")
                : ProductionSchedule.<ProductionSchedule>find("kind", ScheduleKind.LIVE).firstResult();
        ProductionSchedule copy = newSchedule(ScheduleKind.WHAT_IF, request.name().strip());
        copy.sourceScheduleId = source == null ? null : source.id;
        copy.persist();
        ProductionSchedule.flush();
        if (source != null) {
            writer.copy(source, copy);
        }
        ProductionSchedule.flush();
        return copy;
    }

    /** Deletes a what-if copy; the live schedule stays. */
    @Transactional
    public void deleteWhatIf(long scheduleId) {
        tenant.requireEnterprise();
        ProductionSchedule schedule = lockSchedule(scheduleId);
        if (schedule.isLive()) {
            throw DomainException.conflict("live-schedule", "The live schedule cannot be deleted",
                    "Schedule " + scheduleId + " is the live schedule; only what-if copies are deleted");
        }
        requireNoActiveSolve(schedule);
        ScheduleMaterialWait.delete("scheduleId", scheduleId);
        ScheduleOperation.delete("scheduleId", scheduleId);
        ScheduleOrder.delete("scheduleId", scheduleId);
        ScheduleSolve.delete("scheduleId", scheduleId);
        schedule.delete();
    }

    /** Marks the schedule's solves whose replica stopped sending heartbeats as abandoned. */
    void abandonStaleSolves(long scheduleId) {
        Instant now = Instant.now();
        ScheduleSolve.update("status = ?1, finishedAt = ?2, message = ?3 where scheduleId = ?4 and status in ?5"
                        + " and heartbeatAt < ?6", SolveState.ABANDONED, now,
                "its replica stopped reporting (stopped or crashed); the best schedule it wrote stands", scheduleId,
                List.of(SolveState.QUEUED, SolveState.RUNNING), now.minus(config.staleAfter()));
    }

    private void requireNoActiveSolve(ProductionSchedule schedule) {
        abandonStaleSolves(schedule.id);
        ScheduleSolve active = ScheduleSolve.<ScheduleSolve>find("scheduleId = ?1 and status in ?2", schedule.id,
                List.of(SolveState.QUEUED, SolveState.RUNNING)).firstResult();
        if (active != null) {
            throw new DomainException(org.pilotline.platform.problem.ProblemKind.CONFLICT, "solve-running",
                    "The schedule is being solved", "Solve " + active.id + " of schedule " + schedule.id + " is "
                    + active.status + "; wait for it or cancel it", List.of(), Map.of("solveId", active.id));
        }
    }

    private SchedulingInput loadChecked(List<ProductionOrder> orders, Instant notBefore, Map<String, PinnedAt> pins) {
        Map<Long, Map<Integer, ShopFloorProgress.Progress>> progress = shopFloor.isResolvable()
                ? shopFloor.get().progressOf(orders.stream().map(o -> o.id).toList()) : Map.of();
        SchedulingInput input = loader.load(orders, notBefore, clock.zone(), pins, progress);
        List<InputProblem> problems = ProblemValidator.validate(input.problem());
        if (!problems.isEmpty()) {
            throw InputRefusal.of(input, problems);
        }
        if (input.problem().jobs().isEmpty()) {
            throw DomainException.unprocessable("nothing-to-schedule", "There is nothing to schedule",
                    "No planned or released production order with a routing and open quantity was selected"
                            + (input.skippedOrders().isEmpty() ? "" : ": " + String.join("; ", input.skippedOrders())));
        }
        return input;
    }

    private SolveView launch(ProductionSchedule schedule, SchedulingInput input, SolverSettings settings) {
        Instant now = Instant.now();
        ScheduleSolve solve = new ScheduleSolve();
        solve.scheduleId = schedule.id;
        solve.status = SolveState.QUEUED;
        solve.objective = settings.objective();
        solve.timeLimitSeconds = (int) settings.timeLimit().toSeconds();
        solve.seed = settings.seed();
        solve.orderCount = input.problem().jobs().size();
        solve.operationCount = input.problem().operationCount();
        solve.worker = runner.worker();
        solve.heartbeatAt = now;
        solve.requestedAt = now;
        solve.requestedBy = caller.username();
        solve.message = input.skippedOrders().isEmpty() ? null
                : truncate("Not scheduled: " + String.join("; ", input.skippedOrders()));
        solve.persist();
        ScheduleSolve.flush();
        schedule.lastSolveId = solve.id;
        schedule.changedAt = now;
        String tenantId = tenant.requireEnterprise();
        long solveId = solve.id;
        long scheduleId = schedule.id;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    runner.submit(tenantId, solveId, scheduleId, input, settings);
                }
            }
        });
        return SolveView.of(solve);
    }

    private SolverSettings settings(Objective objective, Integer timeLimitSeconds, Long seed, Boolean reproducible) {
        int seconds = timeLimitSeconds == null ? 10 : timeLimitSeconds;
        if (seconds > config.maxTimeLimitSeconds()) {
            throw DomainException.invalid("invalid-solve", "The time limit is too long",
                    new FieldError("timeLimitSeconds", "must be at most " + config.maxTimeLimitSeconds()));
        }
        return new SolverSettings(objective == null ? Objective.TARDINESS_THEN_MAKESPAN : objective,
                Duration.ofSeconds(seconds), seed == null ? 0 : seed, Math.max(1, config.solverThreads()),
                Boolean.FALSE.equals(reproducible) ? Reproducibility.FASTEST : Reproducibility.REPRODUCIBLE);
    }

    private List<ProductionOrder> selectOrders(List<Long> orderIds, LocalDate dueBefore) {
        if (orderIds == null || orderIds.isEmpty()) {
            return dueBefore == null ? ProductionOrder.list("status in ?1", SCHEDULABLE)
                    : ProductionOrder.list("status in ?1 and dueDate < ?2", SCHEDULABLE, dueBefore);
        }
        List<ProductionOrder> orders = new ArrayList<>();
        int index = 0;
        for (Long id : new LinkedHashSet<>(orderIds)) {
            ProductionOrder order = Lookups.reference(ProductionOrder.class, "Production order", id,
                    "orderIds[" + index + "]");
            if (!SCHEDULABLE.contains(order.status)) {
                throw DomainException.unprocessable("order-not-schedulable", "Only planned and released orders are scheduled",
                        "Production order " + order.number + " is " + order.status,
                        new FieldError("orderIds[" + index + "]", "order " + order.number + " is " + order.status));
            }
            orders.add(order);
            index++;
        }
        return orders;
    }

    /** The schedule's pins, with one of them replaced (a move) when {@code key} is given. */
    private Map<String, PinnedAt> pinsOf(ProductionSchedule schedule, String key, PinnedAt moved) {
        Map<String, PinnedAt> pins = new HashMap<>();
        for (ScheduleOperation operation : ScheduleOperation.<ScheduleOperation>list("scheduleId = ?1 and pinned = true",
                schedule.id)) {
            pins.put(SchedulingInputLoader.pinKey(operation.productionOrderId, operation.operationNo),
                    new PinnedAt(operation.workUnitId, operation.startAt));
        }
        if (key != null) {
            pins.put(key, moved);
        }
        return pins;
    }

    /** Shows a moved operation at its new place at once; the re-solve then places everything else around it. */
    private static void placeAtPin(ScheduleOperation row, SchedulingInput input, long unit, Instant start) {
        String machineId = String.valueOf(unit);
        String operationId = input.operations().entrySet().stream()
                .filter(entry -> entry.getValue().orderId() == row.productionOrderId
                        && entry.getValue().operationNo() == row.operationNo)
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> DomainException.unprocessable("order-not-schedulable",
                        "The operation's order is no longer scheduled",
                        "Operation " + row.operationNo + " belongs to an order that is no longer planned or released,"
                                + " or whose routing no longer has that operation"));
        Operation operation = input.problem().jobs().stream().flatMap(job -> job.operations().stream())
                .filter(candidate -> candidate.id().equals(operationId)).findFirst().orElseThrow();
        // the validator has made sure the pinned machine is one of the operation's
        Machine machine = input.problem().machine(machineId).orElseThrow();
        MachineOption option = operation.optionOn(machineId).orElseThrow();
        long startMinute = input.horizon().minutesAtOrBefore(start);
        long end = machine.calendar().endOf(startMinute, option.occupationMinutes(), machine.breakRule()).orElseThrow();
        SchedulingInput.MachineRef ref = input.machines().get(machineId);
        row.pinned = true;
        row.workUnitId = ref.workUnitId();
        row.workUnitCode = ref.code();
        row.workCenterId = ref.workCenterId();
        row.workCenterCode = ref.workCenterCode();
        row.startAt = input.horizon().instantAt(startMinute);
        row.endAt = input.horizon().instantAt(end);
        row.setupMinutes = option.setupMinutes();
        row.processingMinutes = option.processingMinutes();
        row.heldBy = org.pilotline.erp.scheduling.solver.schedule.BindingChain.Reason.PINNED;
        row.heldByOrderId = null;
        row.heldByOperationNo = null;
        row.readyAt = row.startAt;
        row.gap = null;
        row.gapWindowEnd = null;
    }

    private ProductionSchedule liveForUpdate() {
        ProductionSchedule live = ProductionSchedule.<ProductionSchedule>find("kind", ScheduleKind.LIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (live == null) {
            live = newSchedule(ScheduleKind.LIVE, "Live schedule");
            live.liveMarker = Boolean.TRUE;
            live.persist();
            ProductionSchedule.flush();
        }
        return live;
    }

    private static ProductionSchedule newSchedule(ScheduleKind kind, String name) {
        ProductionSchedule schedule = new ProductionSchedule();
        schedule.kind = kind;
        schedule.name = name;
        schedule.createdAt = Instant.now();
        schedule.changedAt = schedule.createdAt;
        return schedule;
    }

    static ProductionSchedule lockSchedule(long id) {
        ProductionSchedule schedule = ProductionSchedule.<ProductionSchedule>find("id", id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (schedule == null) {
            throw DomainException.notFound("Schedule", id);
        }
        return schedule;
    }

    private static ScheduleOperation requireOperation(ProductionSchedule schedule, long operationId) {
        ScheduleOperation operation = ScheduleOperation.<ScheduleOperation>find("id = ?1 and scheduleId = ?2",
                operationId, schedule.id).firstResult();
        if (operation == null) {
            throw DomainException.notFound("Scheduled operation", operationId);
        }
        return operation;
    }

    private static String orderNumber(long orderId) {
        ProductionOrder order = ProductionOrder.find("id", orderId).firstResult();
        return order == null ? null : order.number;
    }

    private static String truncate(String text) {
        return text.length() > 1000 ? text.substring(0, 997) + "..." : text;
    }
}
