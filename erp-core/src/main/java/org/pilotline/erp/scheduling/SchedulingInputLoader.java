package org.pilotline.erp.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.erp.calendar.WorkingCalendar.Interval;
import org.pilotline.erp.equipment.WorkCenter;
import org.pilotline.erp.equipment.WorkUnit;
import org.pilotline.erp.order.ProductionOrder;
import org.pilotline.erp.routing.RoutingAlternative;
import org.pilotline.erp.routing.RoutingOperation;
import org.pilotline.erp.scheduling.SchedulingInput.MachineRef;
import org.pilotline.erp.scheduling.SchedulingInput.MaterialRef;
import org.pilotline.erp.scheduling.SchedulingInput.SupplierKind;
import org.pilotline.erp.scheduling.SchedulingInput.OperationRef;
import org.pilotline.erp.scheduling.SchedulingInput.OrderRef;
import org.pilotline.erp.scheduling.solver.model.BreakRule;
import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.Machine;
import org.pilotline.erp.scheduling.solver.model.MachineOption;
import org.pilotline.erp.scheduling.solver.model.Operation;
import org.pilotline.erp.scheduling.solver.model.Pin;
import org.pilotline.erp.scheduling.solver.model.Precedence;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.model.TimeWindow;
import org.pilotline.erp.scheduling.solver.model.TransferBatch;
import org.pilotline.erp.scheduling.solver.model.WorkingCalendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the solver's problem from ERP data, in the caller's enterprise: the operations of production orders along
 * their routings (with transfer-batch overlap where the routing allows it), the work units of each operation's work
 * center and of its alternatives as eligible machines (each alternative with its own times), the work centers'
 * calendars and break rules, the orders' release and due dates and priorities, the pins of the schedule, and the
 * material each operation waits for ({@link ComponentSupplies}): the orders making its components, scheduled with it
 * (a precedence on their last operation, overlapping by its transfer quantity) or not (their due time), and open
 * purchase lines (the start of their due date). A pinned operation waits for nothing: it has started, or the planner
 * put it there.
 */
@ApplicationScoped
public class SchedulingInputLoader {

    /** Finer quantities than this are rounded when they become the whole numbers of a transfer batch. */
    private static final int MAX_QUANTITY_SCALE = 6;
    /** The largest lot of a transfer batch: keeps the solver's precedence arithmetic (lot × minutes) well inside a long. */
    private static final long MAX_LOT = 1_000_000;

    @Inject
    SchedulingConfig config;

    @Inject
    ComponentSupplies componentSupplies;

    /** Where the planner pinned an operation: a work unit and a start. */
    public record PinnedAt(long workUnitId, Instant start) {
    }

    public static String pinKey(long orderId, int operationNo) {
        return orderId + "/" + operationNo;
    }

    /**
     * @param orders    the orders to schedule; those without a routing or without open quantity are skipped
     * @param notBefore nothing new starts earlier (normally now); pinned operations may lie before it
     * @param plantZone the zone in which the orders' dates are days
     * @param pins      by {@link #pinKey}
     */
    public SchedulingInput load(List<ProductionOrder> orders, Instant notBefore, ZoneId plantZone,
                                Map<String, PinnedAt> pins) {
        return load(orders, notBefore, plantZone, pins, Map.of());
    }

    /**
     * As {@link #load(List, Instant, ZoneId, Map)}, with what the shop floor has done: an operation that started is fixed
     * on its work unit at its actual start, for the time it has run so far plus what its remaining quantity needs; a
     * finished one for the time it took. Those fixed operations override planners' pins.
     */
    public SchedulingInput load(List<ProductionOrder> orders, Instant notBefore, ZoneId plantZone,
                                Map<String, PinnedAt> plannerPins, Map<Long, Map<Integer, ShopFloorProgress.Progress>> progress) {
        Map<String, PinnedAt> pins = new java.util.HashMap<>(plannerPins);
        progress.forEach((order, operations) -> operations.values().forEach(p ->
                pins.put(pinKey(order, p.operationNo()), new PinnedAt(p.workUnitId(), p.actualStart()))));
        List<String> skipped = new ArrayList<>();
        List<ProductionOrder> schedulable = new ArrayList<>();
        for (ProductionOrder order : orders.stream().sorted(Comparator.comparing(o -> o.number)).toList()) {
            if (order.routing == null || order.routing.operations.isEmpty()) {
                skipped.add(order.number + ": no routing with operations");
            } else if (openQuantity(order).signum() <= 0) {
                skipped.add(order.number + ": nothing left to make");
            } else {
                schedulable.add(order);
            }
        }
        Map<Long, List<ComponentSupplies.Supply>> supplies = componentSupplies.of(schedulable);
        Horizon horizon = horizon(schedulable, notBefore, plantZone, pins, supplies);
        Map<String, Machine> machines = new LinkedHashMap<>();
        Map<String, MachineRef> machineRefs = new LinkedHashMap<>();
        Map<Long, List<String>> machinesOfCenter = machines(schedulable, horizon, machines, machineRefs);

        Map<String, OrderRef> orderRefs = new LinkedHashMap<>();
        Map<String, OperationRef> operationRefs = new LinkedHashMap<>();
        Map<String, List<MaterialRef>> materials = new LinkedHashMap<>();
        Map<Long, ProductionOrder> scheduled = new HashMap<>();
        schedulable.forEach(order -> scheduled.put(order.id, order));
        List<Job> jobs = new ArrayList<>();
        for (ProductionOrder order : schedulable) {
            Instant releaseAt = max(order.startDate.atStartOfDay(plantZone).toInstant(), notBefore);
            Instant dueAt = dueAt(order.dueDate, plantZone);
            long release = horizon.minutesAtOrAfter(releaseAt);
            BigDecimal quantity = openQuantity(order);
            List<Operation> operations = new ArrayList<>();
            List<RoutingOperation> steps = order.routing.operations;
            for (int position = 0; position < steps.size(); position++) {
                RoutingOperation step = steps.get(position);
                String id = SchedulingInput.operationId(order.number, step.operationNo);
                List<MachineOption> options = new ArrayList<>();
                Set<String> seen = new LinkedHashSet<>();
                ShopFloorProgress.Progress actual = progress.getOrDefault(order.id, Map.of()).get(step.operationNo);
                if (actual != null && knownMachine(machinesOfCenter, actual.workUnitId())) {
                    options.add(new MachineOption(String.valueOf(actual.workUnitId()), 0,
                            fixedMinutes(actual, step.runMinutes, notBefore)));
                } else {
                    addOptions(options, seen, machinesOfCenter.get(step.workCenter.id), step.setupMinutes, step.runMinutes,
                            quantity);
                    for (RoutingAlternative alternative : step.alternatives) {
                        addOptions(options, seen, machinesOfCenter.get(alternative.workCenter.id), alternative.setupMinutes,
                                alternative.runMinutes, quantity);
                    }
                }
                TransferBatch batch = position == 0 ? null : transferBatch(steps.get(position - 1).transferQuantity, quantity);
                PinnedAt pinned = pins.get(pinKey(order.id, step.operationNo));
                Pin pin = null;
                if (pinned != null) {
                    long start = horizon.minutesAtOrBefore(pinned.start());
                    pin = new Pin(String.valueOf(pinned.workUnitId()), start);
                    release = Math.min(release, start);
                }
                List<MaterialRef> waits = pin != null ? List.of() : materialRefs(supplies.getOrDefault(order.id, List.of()),
                        step.operationNo, scheduled, plantZone);
                List<Precedence> waitsFor = new ArrayList<>();
                long materialArrives = 0;
                for (MaterialRef wait : waits) {
                    if (wait.waitedOperationId() != null) {
                        ProductionOrder maker = scheduled.get(wait.supplierOrderId());
                        waitsFor.add(new Precedence(wait.waitedOperationId(), transferBatch(
                                lastStep(maker).transferQuantity, openQuantity(maker))));
                    } else {
                        materialArrives = Math.max(materialArrives, horizon.minutesAtOrAfter(wait.availableAt()));
                    }
                }
                if (!waits.isEmpty()) {
                    materials.put(id, waits);
                }
                operations.add(new Operation(id, options, null, batch, pin, materialArrives, waitsFor));
                operationRefs.put(id, new OperationRef(order.id, order.number, step.id, step.operationNo, step.name,
                        position, batch == null ? null : batch.batchQuantity(), batch == null ? null : batch.lotQuantity()));
            }
            long weight = order.priority;
            jobs.add(new Job(order.number, release, horizon.minutesAtOrBefore(dueAt), weight, operations));
            orderRefs.put(order.number, new OrderRef(order.id, order.number, horizon.instantAt(release), dueAt, weight));
        }
        return new SchedulingInput(new SchedulingProblem(new ArrayList<>(machines.values()), jobs), horizon, orderRefs,
                operationRefs, machineRefs, skipped, materials);
    }

    /**
     * What operation {@code operationNo} waits for: the last operation of each order making one of its components
     * that is scheduled with it; the due time of one that is not; the start of the due date of an open purchase line.
     */
    private static List<MaterialRef> materialRefs(List<ComponentSupplies.Supply> supplies, int operationNo,
                                                  Map<Long, ProductionOrder> scheduled, ZoneId plantZone) {
        List<MaterialRef> refs = new ArrayList<>();
        for (ComponentSupplies.Supply supply : supplies) {
            if (supply.operationNo() != operationNo) {
                continue;
            }
            if (supply.maker() != null) {
                ProductionOrder maker = supply.maker();
                boolean withIt = scheduled.containsKey(maker.id);
                refs.add(new MaterialRef(SupplierKind.PRODUCTION_ORDER, supply.itemId(), supply.itemCode(), maker.id,
                        maker.number, null, withIt ? SchedulingInput.operationId(maker.number, lastStep(maker).operationNo)
                        : null, withIt ? null : dueAt(maker.dueDate, plantZone)));
            } else {
                ComponentSupplies.PurchaseLine line = supply.purchase();
                refs.add(new MaterialRef(SupplierKind.PURCHASE_ORDER, supply.itemId(), supply.itemCode(), line.orderId(),
                        line.orderNumber(), line.lineNo(), null, line.dueDate().atStartOfDay(plantZone).toInstant()));
            }
        }
        return refs;
    }

    private static RoutingOperation lastStep(ProductionOrder order) {
        return order.routing.operations.get(order.routing.operations.size() - 1);
    }

    /** Orders are due at the end of their due date, in the plant's zone. */
    public static Instant dueAt(LocalDate dueDate, ZoneId plantZone) {
        return dueDate.plusDays(1).atStartOfDay(plantZone).toInstant();
    }

    /** From the earliest pin (or now) until a margin after the last due date and the last material expected. */
    private Horizon horizon(List<ProductionOrder> orders, Instant notBefore, ZoneId zone, Map<String, PinnedAt> pins,
                            Map<Long, List<ComponentSupplies.Supply>> supplies) {
        Instant start = notBefore;
        for (ProductionOrder order : orders) {
            for (RoutingOperation step : order.routing.operations) {
                PinnedAt pin = pins.get(pinKey(order.id, step.operationNo));
                if (pin != null && pin.start().isBefore(start)) {
                    start = pin.start();
                }
            }
        }
        Duration margin = Duration.ofDays(config.horizonDays());
        Instant end = start.plus(margin);
        for (ProductionOrder order : orders) {
            end = max(end, dueAt(order.dueDate, zone).plus(margin));
        }
        for (List<ComponentSupplies.Supply> needs : supplies.values()) {
            for (ComponentSupplies.Supply supply : needs) {
                LocalDate expected = supply.maker() != null ? supply.maker().dueDate : supply.purchase().dueDate();
                end = max(end, dueAt(expected, zone).plus(margin));
            }
        }
        return new Horizon(start, end);
    }

    /** The machines (active work units) of every work center the orders may use; by work center id. */
    private Map<Long, List<String>> machines(List<ProductionOrder> orders, Horizon horizon, Map<String, Machine> machines,
                                             Map<String, MachineRef> refs) {
        Map<Long, WorkCenter> centers = new LinkedHashMap<>();
        for (ProductionOrder order : orders) {
            for (RoutingOperation step : order.routing.operations) {
                centers.putIfAbsent(step.workCenter.id, step.workCenter);
                step.alternatives.forEach(alternative -> centers.putIfAbsent(alternative.workCenter.id, alternative.workCenter));
            }
        }
        Map<Long, List<String>> byCenter = new HashMap<>();
        centers.keySet().forEach(id -> byCenter.put(id, new ArrayList<>()));
        if (centers.isEmpty()) {
            return byCenter;
        }
        List<WorkUnit> units = WorkUnit.list("workCenter.id in ?1 and active = true order by code", centers.keySet());
        Map<Long, WorkingCalendar> calendars = new HashMap<>();
        for (WorkUnit unit : units) {
            WorkCenter center = unit.workCenter;
            WorkingCalendar calendar = calendars.computeIfAbsent(center.id, id -> calendarOf(center, horizon));
            BreakRule rule = center.breaksInterrupt ? BreakRule.MAY_SPAN_BREAKS : BreakRule.MUST_FIT_BETWEEN_BREAKS;
            String id = String.valueOf(unit.id);
            machines.put(id, Machine.withCalendar(id, calendar, rule));
            refs.put(id, new MachineRef(unit.id, unit.code, center.id, center.code));
            byCenter.get(center.id).add(id);
        }
        return byCenter;
    }

    /** A work center without a calendar works round the clock. */
    private static WorkingCalendar calendarOf(WorkCenter center, Horizon horizon) {
        if (center.calendar == null) {
            return WorkingCalendar.alwaysAvailable();
        }
        List<TimeWindow> windows = new ArrayList<>();
        for (Interval interval : center.calendar.workingCalendar().workingIntervalsBetween(horizon.start(), horizon.end())) {
            long start = horizon.minutesAtOrAfter(interval.start());
            long end = horizon.minutesAtOrBefore(interval.end());
            if (end > start) {
                windows.add(new TimeWindow(start, end));
            }
        }
        return WorkingCalendar.of(windows);
    }

    private static void addOptions(List<MachineOption> options, Set<String> seen, List<String> machines,
                                   BigDecimal setupMinutes, BigDecimal runMinutesPerUnit, BigDecimal quantity) {
        long setup = wholeMinutes(setupMinutes);
        long processing = wholeMinutes(runMinutesPerUnit.multiply(quantity));
        for (String machine : machines == null ? List.<String>of() : machines) {
            if (seen.add(machine)) {
                options.add(new MachineOption(machine, setup, processing));
            }
        }
    }

    private static boolean knownMachine(Map<Long, List<String>> machinesOfCenter, long workUnitId) {
        String id = String.valueOf(workUnitId);
        return machinesOfCenter.values().stream().anyMatch(units -> units.contains(id));
    }

    /**
     * The minutes a started operation occupies from its actual start: the time it took when it finished; while it runs,
     * the time so far (up to the solve's start) plus its routing's run time for what it still has to make.
     */
    static long fixedMinutes(ShopFloorProgress.Progress actual, BigDecimal runMinutesPerUnit, Instant notBefore) {
        if (actual.actualEnd() != null) {
            return Math.max(1, java.time.Duration.between(actual.actualStart(), actual.actualEnd()).toMinutes());
        }
        long sofar = Math.max(0, java.time.Duration.between(actual.actualStart(), notBefore).toMinutes());
        BigDecimal remaining = actual.remainingQuantity() == null ? BigDecimal.ZERO : actual.remainingQuantity();
        return Math.max(1, sofar + wholeMinutes(runMinutesPerUnit.multiply(remaining.max(BigDecimal.ZERO))));
    }

    /** Whole minutes, rounded up: a planned operation never gets less time than its routing gives it. */
    private static long wholeMinutes(BigDecimal minutes) {
        return minutes.setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /**
     * Overlap with the predecessor when it passes parts on in batches smaller than the order's quantity: exact whole
     * numbers where they stay small, else the fraction rounded up to millionths (a batch is never taken as smaller).
     */
    static TransferBatch transferBatch(BigDecimal transferQuantity, BigDecimal quantity) {
        if (transferQuantity == null || transferQuantity.signum() <= 0 || transferQuantity.compareTo(quantity) >= 0) {
            return null;
        }
        int scale = Math.min(MAX_QUANTITY_SCALE, Math.max(0, Math.max(transferQuantity.stripTrailingZeros().scale(),
                quantity.stripTrailingZeros().scale())));
        BigDecimal lot = quantity.movePointRight(scale).setScale(0, RoundingMode.FLOOR);
        if (lot.compareTo(BigDecimal.valueOf(MAX_LOT)) <= 0) {
            long batch = transferQuantity.movePointRight(scale).setScale(0, RoundingMode.CEILING).longValueExact();
            return batch < lot.longValueExact() ? new TransferBatch(Math.max(1, batch), lot.longValueExact()) : null;
        }
        long batch = transferQuantity.multiply(BigDecimal.valueOf(MAX_LOT))
                .divide(quantity, 0, RoundingMode.CEILING).longValueExact();
        return batch < MAX_LOT ? new TransferBatch(Math.max(1, batch), MAX_LOT) : null;
    }

    private static BigDecimal openQuantity(ProductionOrder order) {
        return order.quantity.subtract(order.completedQuantity == null ? BigDecimal.ZERO : order.completedQuantity);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
