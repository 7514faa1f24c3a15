package org.pilotline.erp.scheduling;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.erp.scheduling.SchedulingDtos.ChainLink;
import org.pilotline.erp.scheduling.SchedulingDtos.ComparisonView;
import org.pilotline.erp.scheduling.SchedulingDtos.GanttView;
import org.pilotline.erp.scheduling.SchedulingDtos.LatenessView;
import org.pilotline.erp.scheduling.SchedulingDtos.MachineLane;
import org.pilotline.erp.scheduling.SchedulingDtos.MaterialWaitView;
import org.pilotline.erp.scheduling.SchedulingDtos.Metrics;
import org.pilotline.erp.scheduling.SchedulingDtos.OperationView;
import org.pilotline.erp.scheduling.SchedulingDtos.OrderDifference;
import org.pilotline.erp.scheduling.SchedulingDtos.OrderLane;
import org.pilotline.erp.scheduling.SchedulingDtos.ScheduleView;
import org.pilotline.erp.scheduling.SchedulingDtos.SolveView;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What planners, managers and operators read: schedules, their Gantt data, solves, late-order explanations. */
@ApplicationScoped
public class ScheduleQueries {

    private static final Map<String, String> SORTABLE = Map.of("name", "name", "kind", "kind", "changedAt", "changedAt");

    @Inject
    PlantClock clock;

    @Inject
    SchedulingConfig config;

    public Page<ScheduleView> list(PageRequest page, ScheduleKind kind) {
        String zone = clock.zone().getId();
        var filter = new Lookups.Filter().and(kind != null, "kind = :kind", "kind", () -> kind);
        PanacheQuery<ProductionSchedule> query = ProductionSchedule.find(filter.where(), page.toSort(SORTABLE, "id"),
                filter.parameters());
        long total = query.count();
        List<ProductionSchedule> schedules = query.page(page.page(), page.size()).list();
        return new Page<>(views(schedules, zone), page.page(), page.size(), total);
    }

    public ScheduleView schedule(long id) {
        return view(Lookups.require(ProductionSchedule.class, "Schedule", id), clock.zone().getId());
    }

    public ScheduleView live() {
        ProductionSchedule live = ProductionSchedule.<ProductionSchedule>find("kind", ScheduleKind.LIVE).firstResult();
        if (live == null) {
            throw DomainException.notFound("Schedule", "live");
        }
        return view(live, clock.zone().getId());
    }

    /** A solve as the database knows it; a solve whose replica went silent is reported (and recorded) abandoned. */
    @Transactional
    public SolveView solve(long id) {
        ScheduleSolve solve = Lookups.require(ScheduleSolve.class, "Solve", id);
        if (solve.status.isActive() && solve.heartbeatAt.isBefore(Instant.now().minus(config.staleAfter()))) {
            solve.status = SolveState.ABANDONED;
            solve.finishedAt = Instant.now();
            solve.message = "its replica stopped reporting (stopped or crashed); the best schedule it wrote stands";
        }
        return SolveView.of(solve);
    }

    public Page<SolveView> solves(PageRequest page, Long scheduleId) {
        var filter = new Lookups.Filter().and(scheduleId != null, "scheduleId = :schedule", "schedule", () -> scheduleId);
        return Lookups.page(ScheduleSolve.find(filter.where(), page.toSort(Map.of("requestedAt", "requestedAt"), "id"),
                filter.parameters()), page, SolveView::of);
    }

    public GanttView gantt(long id) {
        return gantt(id, true);
    }

    /**
     * The Gantt of a schedule: its operations per machine in time order and its orders with their operations in routing
     * order, or (without {@code orderOperations}) the orders alone, each operation being on its machine's lane already —
     * half the answer for thousands of operations. Read as columns, not entities: nothing is kept in the persistence
     * context for 5,000 rows that are only shown (four statements, the tenant's filter applying to each).
     */
    public GanttView gantt(long id, boolean orderOperations) {
        ProductionSchedule schedule = Lookups.require(ProductionSchedule.class, "Schedule", id);
        var em = Panache.getEntityManager();
        List<Object[]> orders = em.createQuery("select o.productionOrderId, o.orderNumber, o.weight, o.releaseAt, o.dueAt,"
                        + " o.completionAt, o.tardinessMinutes from ScheduleOrder o where o.scheduleId = :id"
                        + " order by o.orderNumber", Object[].class)
                .setParameter("id", id).getResultList();
        Map<Long, String> numbers = new HashMap<>();
        orders.forEach(order -> numbers.put((Long) order[0], (String) order[1]));
        Map<String, List<MaterialWaitView>> waits = new HashMap<>();
        for (ScheduleMaterialWait wait : ScheduleMaterialWait.<ScheduleMaterialWait>list(
                "scheduleId = ?1 order by productionOrderId, operationNo, id", id)) {
            waits.computeIfAbsent(wait.productionOrderId + "/" + wait.operationNo, k -> new ArrayList<>())
                    .add(MaterialWaitView.of(wait));
        }
        List<Object[]> operations = em.createQuery("select o.id, o.productionOrderId, o.operationNo, o.operationName,"
                        + " o.workCenterId, o.workCenterCode, o.workUnitId, o.workUnitCode, o.startAt, o.endAt,"
                        + " o.setupMinutes, o.processingMinutes, o.pinned from ScheduleOperation o"
                        + " where o.scheduleId = :id order by o.startAt, o.id", Object[].class)
                .setParameter("id", id).getResultList();
        Map<Long, MachineLane> machines = new LinkedHashMap<>();
        Map<Long, List<OperationView>> byOrder = new HashMap<>();
        for (Object[] o : operations) {
            long orderId = (Long) o[1];
            int operationNo = (Integer) o[2];
            long workCenterId = (Long) o[4];
            String workCenterCode = (String) o[5];
            long workUnitId = (Long) o[6];
            String workUnitCode = (String) o[7];
            OperationView view = new OperationView((Long) o[0], id, orderId, numbers.get(orderId), operationNo,
                    (String) o[3], workCenterId, workCenterCode, workUnitId, workUnitCode, (Instant) o[8], (Instant) o[9],
                    (Long) o[10], (Long) o[11], (Boolean) o[12],
                    waits.isEmpty() ? List.of() : waits.getOrDefault(orderId + "/" + operationNo, List.of()));
            machines.computeIfAbsent(workUnitId, unit -> new MachineLane(unit, workUnitCode, workCenterId, workCenterCode,
                    new ArrayList<>())).operations().add(view);
            if (orderOperations) {
                byOrder.computeIfAbsent(orderId, order -> new ArrayList<>()).add(view);
            }
        }
        List<OrderLane> lanes = new ArrayList<>(orders.size());
        for (Object[] order : orders) {
            List<OperationView> steps = null;
            if (orderOperations) {
                steps = new ArrayList<>(byOrder.getOrDefault((Long) order[0], List.of()));
                steps.sort(Comparator.comparingInt(OperationView::operationNo));
            }
            long tardiness = (Long) order[6];
            lanes.add(new OrderLane((Long) order[0], (String) order[1], (Long) order[2], (Instant) order[3],
                    (Instant) order[4], (Instant) order[5], tardiness, tardiness > 0, steps));
        }
        List<MachineLane> machineLanes = new ArrayList<>(machines.values());
        machineLanes.sort(Comparator.comparing(MachineLane::workCenterCode).thenComparing(MachineLane::workUnitCode));
        return new GanttView(id, schedule.version, clock.zone().getId(), schedule.horizonStart, machineLanes, lanes);
    }

    /** Why an order of a schedule ends when it does (see {@link LateOrderExplainer}). */
    public LatenessView explain(long scheduleId, long orderId) {
        Lookups.require(ProductionSchedule.class, "Schedule", scheduleId);
        ScheduleOrder order = ScheduleOrder.<ScheduleOrder>find("scheduleId = ?1 and productionOrderId = ?2",
                scheduleId, orderId).firstResult();
        if (order == null) {
            throw DomainException.notFound("Order in schedule " + scheduleId, orderId);
        }
        List<ScheduleOrder> orders = ScheduleOrder.list("scheduleId", scheduleId);
        List<ScheduleOperation> operations = ScheduleOperation.list("scheduleId", scheduleId);
        List<ScheduleMaterialWait> waits = ScheduleMaterialWait.list("scheduleId", scheduleId);
        List<ChainLink> chain = LateOrderExplainer.chain(clock.zone(), orders, operations, waits, order);
        return new LatenessView(scheduleId, orderId, order.orderNumber, order.dueAt, order.completionAt,
                order.tardinessMinutes, order.tardinessMinutes > 0, LateOrderExplainer.summary(order, chain), chain);
    }

    /** The metrics of one schedule against another (by default against the live schedule). */
    public ComparisonView compare(long id, Long withId) {
        ProductionSchedule schedule = Lookups.require(ProductionSchedule.class, "Schedule", id);
        ProductionSchedule other = withId != null ? Lookups.require(ProductionSchedule.class, "Schedule", withId)
                : ProductionSchedule.<ProductionSchedule>find("kind", ScheduleKind.LIVE).firstResult();
        if (other == null) {
            throw DomainException.notFound("Schedule", "live");
        }
        Map<Long, ScheduleOrder> there = new HashMap<>();
        ScheduleOrder.<ScheduleOrder>list("scheduleId", other.id).forEach(o -> there.put(o.productionOrderId, o));
        List<OrderDifference> differences = new ArrayList<>();
        for (ScheduleOrder here : ScheduleOrder.<ScheduleOrder>list("scheduleId = ?1 order by orderNumber", id)) {
            ScheduleOrder counterpart = there.get(here.productionOrderId);
            Instant thereAt = counterpart == null ? null : counterpart.completionAt;
            Long difference = here.completionAt == null || thereAt == null ? null
                    : Duration.between(thereAt, here.completionAt).toMinutes();
            differences.add(new OrderDifference(here.productionOrderId, here.orderNumber, here.completionAt, thereAt,
                    difference));
        }
        return new ComparisonView(Metrics.of(schedule), Metrics.of(other),
                difference(endOf(schedule), endOf(other)), difference(schedule.weightedTardiness, other.weightedTardiness),
                schedule.lateOrders == null || other.lateOrders == null ? null : schedule.lateOrders - other.lateOrders,
                differences);
    }

    /** Makespans of two schedules are compared as instants: their horizons may start at different times. */
    private static Long endOf(ProductionSchedule schedule) {
        return schedule.horizonStart == null || schedule.makespanMinutes == null ? null
                : schedule.horizonStart.getEpochSecond() / 60 + schedule.makespanMinutes;
    }

    private static Long difference(Long a, Long b) {
        return a == null || b == null ? null : a - b;
    }

    private static ScheduleView view(ProductionSchedule schedule, String zone) {
        return views(List.of(schedule), zone).get(0);
    }

    /** Views of schedules with their last solve's state and their counts: three queries however many schedules. */
    private static List<ScheduleView> views(List<ProductionSchedule> schedules, String zone) {
        if (schedules.isEmpty()) {
            return List.of();
        }
        List<Long> ids = schedules.stream().map(s -> s.id).toList();
        List<Long> solveIds = schedules.stream().map(s -> s.lastSolveId).filter(java.util.Objects::nonNull).toList();
        Map<Long, SolveState> solveStates = new HashMap<>();
        if (!solveIds.isEmpty()) {
            ScheduleSolve.<ScheduleSolve>list("id in ?1", solveIds).forEach(solve -> solveStates.put(solve.id, solve.status));
        }
        Map<Long, Long> orders = countsBySchedule("ScheduleOrder", ids);
        Map<Long, Long> operations = countsBySchedule("ScheduleOperation", ids);
        return schedules.stream().map(s -> ScheduleView.of(s, zone, s.lastSolveId == null ? null : solveStates.get(s.lastSolveId),
                orders.getOrDefault(s.id, 0L), operations.getOrDefault(s.id, 0L))).toList();
    }

    private static Map<Long, Long> countsBySchedule(String entity, List<Long> scheduleIds) {
        Map<Long, Long> counts = new HashMap<>();
        Panache.getEntityManager().createQuery("select e.scheduleId, count(e) from " + entity
                        + " e where e.scheduleId in :ids group by e.scheduleId", Object[].class)
                .setParameter("ids", scheduleIds).getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }
}
