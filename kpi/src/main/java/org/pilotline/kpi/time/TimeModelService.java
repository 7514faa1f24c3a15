package org.pilotline.kpi.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.pilotline.erp.calendar.Calendar;
import org.pilotline.erp.calendar.WorkingCalendar;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.erp.equipment.WorkCenter;
import org.pilotline.erp.equipment.WorkUnit;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.tenancy.TenantContext;
import org.pilotline.plc.contract.MachineryItemState;
import org.pilotline.plc.contract.MachineryOperationMode;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.pilotline.platform.persistence.SqlValues.instant;

/**
 * Reads what a work unit's time model is computed from — the work center's calendar, the machine-state history, the
 * MES's applied reports and downtime reasons — always within the caller's enterprise, and accounts it.
 */
@ApplicationScoped
public class TimeModelService {

    /** The longest period one request may compute from the raw history. */
    public static final Duration LONGEST_PERIOD = Duration.ofDays(31);

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    PlantClock plantClock;

    /** Refuses a period that is missing, empty, reversed or longer than {@link #LONGEST_PERIOD}. */
    public static void requirePeriod(Instant from, Instant to) {
        if (from == null) {
            throw DomainException.invalid("invalid-period", "Give a period", new FieldError("from", "is required"));
        }
        if (to == null || !to.isAfter(from)) {
            throw DomainException.invalid("invalid-period", "Give a period", new FieldError("to",
                    "is required and must be after from"));
        }
        if (Duration.between(from, to).compareTo(LONGEST_PERIOD) > 0) {
            throw DomainException.invalid("invalid-period", "The period is too long",
                    new FieldError("to", "at most " + LONGEST_PERIOD.toDays() + " days after from"));
        }
    }

    /** The ids of the enterprise's active work units, of one work center or (null) of all. */
    @Transactional
    public List<Long> workUnits(Long workCenterId) {
        tenant.requireEnterprise();
        if (workCenterId != null) {
            Lookups.require(WorkCenter.class, "Work center", workCenterId);
            return em.createQuery("select u.id from WorkUnit u where u.workCenter.id = :wc order by u.code", Long.class)
                    .setParameter("wc", workCenterId).getResultList();
        }
        return em.createQuery("select u.id from WorkUnit u order by u.workCenter.code, u.code", Long.class)
                .getResultList();
    }

    @Transactional
    public WorkUnitRecords records(long workUnitId, Instant from, Instant to) {
        requirePeriod(from, to);
        return history(workUnitId, from, to).records(from, to);
    }

    /**
     * What the work unit's records over [from, to) are computed from, read once (no limit on the period: for the
     * roll-ups, which account many buckets of it).
     */
    @Transactional
    public UnitHistory history(long workUnitId, Instant from, Instant to) {
        return read(workUnitId, from, to, true, false);
    }

    /**
     * What {@link #history} reads, for several work units each over a stretch of its own ({from, to}), in one statement
     * per kind of record for all of them: the roll-ups' hour and shift of a hundred machines a busy plant's reports
     * touched cost a dozen statements, not a thousand. The records are read over the stretches' union and each unit
     * keeps those its own stretch selects, exactly as {@link #history} would have (keep the stretches close together).
     */
    @Transactional
    public Map<Long, UnitHistory> histories(Map<Long, Instant[]> stretches) {
        return read(stretches, null, Map.of(), true);
    }

    /**
     * {@link #histories(Map)}, except that the quantities of the units in {@code minutes} are the minutes given (which
     * the caller read with {@link #quantityMinutes}, or kept from an earlier read): their reports are not read again.
     */
    @Transactional
    public Map<Long, UnitHistory> histories(Map<Long, Instant[]> stretches, Map<Long, List<Quantities.Minute>> minutes) {
        return read(stretches, null, minutes, true);
    }

    /**
     * The counted QUANTITY and FINISH reports of several work units, each over a range of its own ({from, to}), summed
     * per clock minute and stock unit in one statement: what {@link #histories(Map)} reads report by report, for a
     * period of whole minutes.
     */
    @Transactional
    public Map<Long, List<Quantities.Minute>> quantityMinutes(Map<Long, Instant[]> ranges) {
        String enterprise = tenant.requireEnterprise();
        Map<Long, List<Quantities.Minute>> minutes = new java.util.HashMap<>();
        if (ranges.isEmpty()) {
            return minutes;
        }
        Instant from = ranges.values().stream().map(s -> s[0]).min(Instant::compareTo).orElseThrow();
        Instant to = ranges.values().stream().map(s -> s[1]).max(Instant::compareTo).orElseThrow();
        boolean recent = from.isAfter(Instant.now().minus(RECENT));
        for (Object[] r : rows("select" + (recent ? " straight_join" : "") + " o.work_unit_id,"
                + " date_format(r.occurred_at, '%Y-%m-%d %H:%i'), u.code,"
                + " sum(coalesce(r.good_quantity, 0)), sum(coalesce(r.scrap_quantity, 0)),"
                + " sum(coalesce(r.rework_quantity, 0)), sum(" + RUN_MINUTES_PER_UNIT + " * (coalesce(r.good_quantity, 0)"
                + " + coalesce(r.scrap_quantity, 0) + coalesce(r.rework_quantity, 0)))"
                + countedReports(recent ? " force index (ix_mes_report_time)" : "")
                + " and (coalesce(r.good_quantity, 0) <> 0 or coalesce(r.scrap_quantity, 0) <> 0"
                + " or coalesce(r.rework_quantity, 0) <> 0) group by o.work_unit_id, 2, u.code",
                enterprise, List.copyOf(ranges.keySet()), from, to)) {
            long unit = id(r[0]);
            Instant at = java.time.LocalDateTime.parse((String) r[1],
                    java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")).toInstant(java.time.ZoneOffset.UTC);
            Instant[] range = ranges.get(unit);
            if (!at.isBefore(range[0]) && at.isBefore(range[1])) {
                minutes.computeIfAbsent(unit, k -> new ArrayList<>()).add(new Quantities.Minute(at, (String) r[2],
                        decimal(r[3]), decimal(r[4]), decimal(r[5]), decimal(r[6])));
            }
        }
        return minutes;
    }

    /**
     * An operation's phase reports, by the index that holds the kind: MariaDB otherwise reads them by the foreign key's
     * index, every report of the operation (its quantity reports, most of a busy hour's) fetched and discarded.
     */
    private static final String PHASE_REPORTS = " join mes_report r force index (ix_mes_report_operation_kind)"
            + " on r.tenant_id = o.tenant_id and r.operation_id = o.id";

    /**
     * How far back {@link #quantityMinutes} reads the reports by time first: a roll-up batch's minutes since its touch
     * are the latest few of the plant's reports, found by the time index; MariaDB otherwise went through every work
     * order of the tenant's items to their operations and all their reports. A longer stretch is left to the optimizer.
     */
    private static final Duration RECENT = Duration.ofMinutes(15);

    /** The routing's planned run minutes per unit of an operation's report: the alternative's on its work center. */
    private static final String RUN_MINUTES_PER_UNIT = "coalesce(a.run_minutes_per_unit, o.run_minutes_per_unit)";

    /**
     * The applied QUANTITY and FINISH reports of operations on the units {@code ?2} in [{@code ?3}, {@code ?4}), with
     * their work order, item and stock unit and the alternative the unit's work center is ({@code a}); {@code hint}
     * follows the reports' table (an index to read them by).
     */
    private static String countedReports(String hint) {
        return " from mes_report r" + hint
                + " join mes_operation o on o.id = r.operation_id join mes_work_order w on w.id = o.work_order_id"
                + " join item i on i.id = w.item_id join unit u on u.id = i.stock_unit_id"
                + " join work_unit wu on wu.id = o.work_unit_id"
                + " left join mes_operation_alternative a on a.operation_id = o.id and a.work_center_id = wu.work_center_id"
                + " and o.work_center_id <> wu.work_center_id"
                + " where r.tenant_id = ?1 and o.work_unit_id in (?2) and r.status = 200"
                + " and r.kind in ('QUANTITY', 'FINISH') and r.occurred_at >= ?3 and r.occurred_at < ?4";
    }

    /**
     * {@link #histories}, or (given intervals, withOrders false) {@link #machineHistories}: the records of several
     * units read over the union of their stretches, each keeping those of its own.
     */
    private Map<Long, UnitHistory> read(Map<Long, Instant[]> stretches,
                                        Map<Long, List<TimeInputs.MachineInterval>> given,
                                        Map<Long, List<Quantities.Minute>> minutes, boolean withOrders) {
        String enterprise = tenant.requireEnterprise();
        Map<Long, UnitHistory> histories = new java.util.HashMap<>();
        if (stretches.isEmpty()) {
            return histories;
        }
        List<Long> ids = new ArrayList<>(stretches.keySet());
        Instant from = stretches.values().stream().map(s -> s[0]).min(Instant::compareTo).orElseThrow();
        Instant to = stretches.values().stream().map(s -> s[1]).max(Instant::compareTo).orElseThrow();
        Map<Long, List<TimeInputs.Downtime>> downtimes = downtimes(enterprise, ids, from, to);
        Map<Long, List<TimeInputs.DataLoss>> losses = dataLosses(enterprise, ids, from, to);
        Map<Long, List<TimeInputs.MachineInterval>> intervals = new java.util.HashMap<>();
        for (Object[] r : given != null ? List.<Object[]>of() : rows("select id, state, operation_mode, started_at,"
                + " ended_at, work_unit_id from mes_machine_interval where tenant_id = ?1 and work_unit_id in (?2)"
                + " and started_at < ?4 and (ended_at is null or ended_at > ?3) order by started_at, start_sequence",
                enterprise, ids, from, to)) {
            intervals.computeIfAbsent(id(r[5]), k -> new ArrayList<>()).add(new TimeInputs.MachineInterval(id(r[0]),
                    MachineryItemState.valueOf((String) r[1]),
                    r[2] == null ? null : MachineryOperationMode.valueOf((String) r[2]), instant(r[3]),
                    instant(r[4])));
        }
        Map<Long, Map<Long, UnitHistory.Operation>> operations = new java.util.HashMap<>();
        Map<Long, Map<Long, List<OrderTimeline.Report>>> reports = new java.util.HashMap<>();
        Map<Long, String> numbers = new java.util.HashMap<>();
        Map<Long, List<Quantities.QuantityReport>> quantities = new java.util.HashMap<>();
        Map<Long, List<Object[]>> workOrders = new java.util.HashMap<>();
        Map<Long, List<WorkUnitRecords.FinishedOperation>> finished = new java.util.HashMap<>();
        if (withOrders) {
            readOrders(enterprise, ids, from, to, minutes.keySet(), operations, reports, numbers, quantities, workOrders,
                    finished);
        }
        ZoneId[] plant = new ZoneId[1]; // read once, if a work center has no calendar
        java.util.function.Supplier<ZoneId> plantZone = () -> plant[0] != null ? plant[0] : (plant[0] = plantClock.zone());
        for (WorkUnit unit : em.createQuery("select u from WorkUnit u join fetch u.workCenter where u.id in :ids",
                WorkUnit.class).setParameter("ids", ids).getResultList()) {
            Instant a = stretches.get(unit.id)[0];
            Instant b = stretches.get(unit.id)[1];
            CenterTime time = centerTime(unit.workCenter, a, b, plantZone);
            Map<Long, UnitHistory.Operation> ran = new java.util.HashMap<>();
            operations.getOrDefault(unit.id, Map.of()).forEach((operation, o) -> {
                if (o.overlaps(a, b)) {
                    ran.put(operation, o);
                }
            });
            List<TimeInputs.OrderSegment> segments = new ArrayList<>();
            reports.getOrDefault(unit.id, Map.of()).forEach((operation, phases) -> {
                if (ran.containsKey(operation)) {
                    segments.addAll(OrderTimeline.segments(operation, numbers.get(operation), phases));
                }
            });
            histories.put(unit.id, new UnitHistory(unit.id, unit.code, unit.name, unit.workCenter.id,
                    time.zone().getId(), a, b, time.shifts(), time.working(),
                    downtimes.getOrDefault(unit.id, List.of()).stream().filter(d -> d.start().isBefore(b)
                            && (d.end() == null || d.end().isAfter(a))).toList(),
                    given != null ? given.getOrDefault(unit.id, List.of())
                            : intervals.getOrDefault(unit.id, List.of()).stream().filter(i -> i.start().isBefore(b)
                            && (i.end() == null || i.end().isAfter(a))).toList(),
                    losses.getOrDefault(unit.id, List.of()).stream().filter(l -> l.start().isBefore(b)
                            && l.end().isAfter(a)).toList(),
                    segments, ran,
                    quantities.getOrDefault(unit.id, List.of()).stream().filter(q -> !q.at().isBefore(a)
                            && q.at().isBefore(b)).toList(),
                    minutes.getOrDefault(unit.id, List.of()).stream().filter(m -> !m.at().isBefore(a)
                            && m.at().isBefore(b)).toList(),
                    workOrders.getOrDefault(unit.id, List.of()).stream().filter(w -> instant(w[2]).isBefore(b)
                            && (w[3] == null || instant(w[3]).isAfter(a)))
                            .map(w -> new UnitHistory.WorkOrder(id(w[0]), (String) w[1], instant(w[2]), instant(w[3])))
                            .toList(),
                    finished.getOrDefault(unit.id, List.of()).stream().filter(f -> !f.actualEnd().isBefore(a)
                            && f.actualEnd().isBefore(b)).toList()));
        }
        return histories;
    }

    /**
     * The orders' records of {@link #read(Map, Map, Map, boolean)}: operations, their phases, quantities (except those of
     * the units {@code summed}), work orders.
     */
    private void readOrders(String enterprise, List<Long> ids, Instant from, Instant to, java.util.Set<Long> summed,
                            Map<Long, Map<Long, UnitHistory.Operation>> operations,
                            Map<Long, Map<Long, List<OrderTimeline.Report>>> reports, Map<Long, String> numbers,
                            Map<Long, List<Quantities.QuantityReport>> quantities, Map<Long, List<Object[]>> workOrders,
                            Map<Long, List<WorkUnitRecords.FinishedOperation>> finished) {
        // the operations on the units that ran in the union, with their phase reports (as orderSegments and
        // operations read them for one unit)
        for (Object[] r : rows("select o.id, o.actual_start, o.actual_end, o.work_unit_id from mes_operation o"
                + " where o.tenant_id = ?1 and o.work_unit_id in (?2) and (o.actual_end is null or o.actual_end > ?3)"
                + " and o.actual_start < ?4", enterprise, ids, from, to)) {
            operations.computeIfAbsent(id(r[3]), k -> new java.util.HashMap<>()).put(id(r[0]),
                    new UnitHistory.Operation(instant(r[1]), instant(r[2])));
        }
        for (Object[] r : rows("select o.id, w.number, r.id, r.kind, r.occurred_at, o.work_unit_id from mes_operation o"
                + PHASE_REPORTS
                + " join mes_work_order w on w.id = o.work_order_id"
                + " where o.tenant_id = ?1 and o.work_unit_id in (?2) and (o.actual_end is null or o.actual_end > ?3)"
                + " and o.actual_start < ?4 and r.status = 200"
                + " and r.kind in ('SETUP_START', 'SETUP_END', 'START', 'PAUSE', 'RESUME', 'FINISH')"
                + " order by o.id, r.occurred_at, r.id", enterprise, ids, from, to)) {
            numbers.put(id(r[0]), (String) r[1]);
            reports.computeIfAbsent(id(r[5]), k -> new LinkedHashMap<>()).computeIfAbsent(id(r[0]),
                    k -> new ArrayList<>()).add(new OrderTimeline.Report(id(r[2]), (String) r[3], instant(r[4])));
        }
        List<Long> counted = ids.stream().filter(id -> !summed.contains(id)).toList();
        for (Object[] r : counted.isEmpty() ? List.<Object[]>of() : rows("select r.id, r.kind, r.occurred_at, o.id,"
                + " w.number, coalesce(r.good_quantity, 0), coalesce(r.scrap_quantity, 0), coalesce(r.rework_quantity, 0),"
                + " " + RUN_MINUTES_PER_UNIT + ", u.code, o.work_unit_id" + countedReports("")
                + " order by r.occurred_at, r.id", enterprise, counted, from, to)) {
            Quantities.QuantityReport q = new Quantities.QuantityReport(id(r[0]), (String) r[1], instant(r[2]),
                    id(r[3]), (String) r[4], decimal(r[5]), decimal(r[6]), decimal(r[7]), decimal(r[8]), (String) r[9]);
            if (q.good().signum() != 0 || q.scrap().signum() != 0 || q.rework().signum() != 0) {
                quantities.computeIfAbsent(id(r[10]), k -> new ArrayList<>()).add(q);
            }
        }
        String onUnits = " join (select distinct o.work_order_id, o.work_unit_id from mes_operation o"
                + " where o.tenant_id = ?1 and o.work_unit_id in (?2)) ou on ou.work_order_id = w.id";
        for (Object[] r : rows("select w.id, w.number, w.started_at, w.completed_at, ou.work_unit_id"
                + " from mes_work_order w" + onUnits + " where w.tenant_id = ?1 and w.completed_at > ?3"
                + " and w.started_at < ?4 union all select w.id, w.number, w.started_at, w.completed_at,"
                + " ou.work_unit_id from mes_work_order w" + onUnits + " where w.tenant_id = ?1"
                + " and w.completed_at is null and w.started_at < ?4 order by 1", enterprise, ids, from, to)) {
            workOrders.computeIfAbsent(id(r[4]), k -> new ArrayList<>()).add(r);
        }
        for (Object[] r : rows("select o.id, w.number, o.planned_end, o.actual_end, o.work_unit_id from mes_operation o"
                + " join mes_work_order w on w.id = o.work_order_id where o.tenant_id = ?1 and o.work_unit_id in (?2)"
                + " and o.planned_end is not null and o.actual_end >= ?3 and o.actual_end < ?4 order by o.actual_end",
                enterprise, ids, from, to)) {
            finished.computeIfAbsent(id(r[4]), k -> new ArrayList<>()).add(new WorkUnitRecords.FinishedOperation(
                    id(r[0]), (String) r[1], instant(r[2]), instant(r[3])));
        }
    }

    /**
     * As {@link #history}, for a short period long after the unit's history began (the bureau's sub-hour edges): its
     * machine intervals are found from the one in effect at {@code from} on, a short range of the unit's index, rather
     * than by every interval the unit had before {@code to}. The same intervals, as a unit's intervals follow one
     * another without overlapping.
     */
    @Transactional
    public UnitHistory shortHistory(long workUnitId, Instant from, Instant to) {
        return read(workUnitId, from, to, true, true);
    }

    /**
     * What a work unit's machine time over [from, to) is accounted from — the calendar, downtimes, machine states and
     * data-loss spans — without its orders and reports: enough to tell which out-of-service intervals count as failures
     * (Annex C makes out of service down time or delay whatever the order does, never unknown or planned downtime), in
     * half the reads of {@link #history}. Its quantities, order phases and work orders are empty.
     */
    @Transactional
    public UnitHistory machineHistory(long workUnitId, Instant from, Instant to) {
        return read(workUnitId, from, to, false, false);
    }

    /**
     * The machine time of several work units, each over a stretch of its own, in a few statements for all of them:
     * what {@link #machineHistory} reads for each, except that the machine intervals are the ones given (the caller
     * read them: the out-of-service runs whose failures it recounts). The bureau's comparison corrects failure counts
     * with it.
     */
    @Transactional
    public Map<Long, UnitHistory> machineHistories(Map<Long, Instant[]> stretches,
                                                   Map<Long, List<TimeInputs.MachineInterval>> intervals) {
        return read(stretches, intervals, Map.of(), false);
    }

    /** The work unit's records over [from, to), with its orders and reports or (withOrders false) without them. */
    private UnitHistory read(long workUnitId, Instant from, Instant to, boolean withOrders, boolean fromInEffect) {
        String enterprise = tenant.requireEnterprise();
        WorkUnit unit = Lookups.require(WorkUnit.class, "Work unit", workUnitId);
        WorkCenter center = unit.workCenter;
        CenterTime time = centerTime(center, from, to, plantClock::zone);
        String zone = time.zone().getId();
        List<TimeInputs.Span> shifts = time.shifts();
        List<TimeInputs.Span> workingTime = time.working();
        if (!withOrders) {
            return new UnitHistory(unit.id, unit.code, unit.name, center.id, zone, from, to, shifts,
                    workingTime, downtimes(enterprise, workUnitId, from, to),
                    intervals(enterprise, workUnitId, from, to, fromInEffect), dataLosses(enterprise, workUnitId, from, to),
                    List.of(), Map.of(), List.of(), List.of(), List.of(), List.of());
        }
        return new UnitHistory(unit.id, unit.code, unit.name, center.id, zone, from, to, shifts, workingTime,
                downtimes(enterprise, workUnitId, from, to), intervals(enterprise, workUnitId, from, to, fromInEffect),
                dataLosses(enterprise, workUnitId, from, to), orderSegments(enterprise, workUnitId, from, to),
                operations(enterprise, workUnitId, from, to), quantities(enterprise, unit, from, to), List.of(),
                workOrders(enterprise, workUnitId, from, to), finishedOperations(enterprise, workUnitId, from, to));
    }

    /** A work center's time zone, its shifts with their breaks in (planned operation time) and its working time. */
    private record CenterTime(ZoneId zone, List<TimeInputs.Span> shifts, List<TimeInputs.Span> working) {
    }

    /** {@code plant}: the enterprise's zone, asked only for a work center without a calendar. */
    private static CenterTime centerTime(WorkCenter center, Instant from, Instant to,
                                         java.util.function.Supplier<ZoneId> plant) {
        Calendar calendar = center.calendar;
        ZoneId zone = calendar == null ? plant.get() : ZoneId.of(calendar.timeZone);
        WorkingCalendar working = calendar == null ? WorkingCalendar.allDay(zone) : calendar.workingCalendar();
        return new CenterTime(zone, spans(shiftsWithoutBreaks(calendar, zone).workingIntervalsBetween(from, to)),
                spans(working.workingIntervalsBetween(from, to)));
    }

    /** The calendar's shifts with their breaks left in: planned operation time, of which the breaks are PDOT. */
    private static WorkingCalendar shiftsWithoutBreaks(Calendar calendar, ZoneId zone) {
        if (calendar == null) {
            return WorkingCalendar.allDay(zone);
        }
        List<WorkingCalendar.Shift> shifts = calendar.shifts.stream().map(s -> new WorkingCalendar.Shift(
                DayOfWeek.of(s.weekday), s.startsAt, s.endsAt, List.<WorkingCalendar.Pause>of())).toList();
        return new WorkingCalendar(zone, shifts, new java.util.HashSet<>(calendar.holidays.stream().map(h -> h.day).toList()));
    }

    private static List<TimeInputs.Span> spans(List<WorkingCalendar.Interval> intervals) {
        return intervals.stream().map(i -> new TimeInputs.Span(i.start(), i.end())).toList();
    }

    private List<TimeInputs.MachineInterval> intervals(String enterprise, long unit, Instant from, Instant to,
                                                       boolean fromInEffect) {
        if (!fromInEffect) {
            return machineIntervals(enterprise, unit, from, to);
        }
        // the interval in effect at from starts at the latest start up to from; every one before it ended by then
        return rows("select id, state, operation_mode, started_at, ended_at from mes_machine_interval"
                + " where tenant_id = ?1 and work_unit_id = ?2 and started_at >= coalesce((select max(p.started_at)"
                + " from mes_machine_interval p where p.tenant_id = ?1 and p.work_unit_id = ?2 and p.started_at <= ?3), ?3)"
                + " and started_at < ?4 and (ended_at is null or ended_at > ?3) order by started_at, start_sequence",
                enterprise, unit, from, to).stream()
                .map(r -> new TimeInputs.MachineInterval(id(r[0]), MachineryItemState.valueOf((String) r[1]),
                        r[2] == null ? null : MachineryOperationMode.valueOf((String) r[2]), instant(r[3]), instant(r[4])))
                .toList();
    }

    private List<TimeInputs.MachineInterval> machineIntervals(String enterprise, long unit, Instant from, Instant to) {
        return rows("select id, state, operation_mode, started_at, ended_at from mes_machine_interval"
                + " where tenant_id = ?1 and work_unit_id = ?2 and started_at < ?4 and (ended_at is null or ended_at > ?3)"
                + " order by started_at, start_sequence", enterprise, unit, from, to).stream()
                .map(r -> new TimeInputs.MachineInterval(id(r[0]), MachineryItemState.valueOf((String) r[1]),
                        r[2] == null ? null : MachineryOperationMode.valueOf((String) r[2]), instant(r[3]), instant(r[4])))
                .toList();
    }

    private List<TimeInputs.DataLoss> dataLosses(String enterprise, long unit, Instant from, Instant to) {
        return dataLosses(enterprise, List.of(unit), from, to).getOrDefault(unit, List.of());
    }

    /** The data-loss spans of the work units over [from, to), by work unit. */
    private Map<Long, List<TimeInputs.DataLoss>> dataLosses(String enterprise, List<Long> units, Instant from, Instant to) {
        Map<Long, List<TimeInputs.DataLoss>> losses = new java.util.HashMap<>();
        for (Object[] r : rows("select id, from_at, to_at, reason, work_unit_id from mes_data_loss where tenant_id = ?1"
                + " and work_unit_id in (?2) and from_at < ?4 and to_at > ?3 order by from_at", enterprise, units, from,
                to)) {
            losses.computeIfAbsent(id(r[4]), k -> new ArrayList<>()).add(new TimeInputs.DataLoss(id(r[0]),
                    instant(r[1]), instant(r[2]), (String) r[3]));
        }
        return losses;
    }

    private List<TimeInputs.Downtime> downtimes(String enterprise, long unit, Instant from, Instant to) {
        return downtimes(enterprise, List.of(unit), from, to).getOrDefault(unit, List.of());
    }

    /**
     * The work units' downtime reasons over [from, to), by work unit; a reason given to a machine stop lasts as long as
     * the stop (which may have ended since).
     */
    private Map<Long, List<TimeInputs.Downtime>> downtimes(String enterprise, List<Long> units, Instant from, Instant to) {
        Map<Long, List<TimeInputs.Downtime>> downtimes = new java.util.HashMap<>();
        for (Object[] r : rows("select d.id, d.report_id, r.code, r.name_en, r.name_zh, d.planned, d.started_at,"
                + " coalesce(d.ended_at, i.ended_at), d.machine_interval_id, d.work_unit_id from mes_downtime d"
                + " join mes_reason r on r.id = d.reason_id left join mes_machine_interval i on i.id = d.machine_interval_id"
                + " where d.tenant_id = ?1 and d.work_unit_id in (?2) and d.started_at < ?4"
                + " and (coalesce(d.ended_at, i.ended_at) is null or coalesce(d.ended_at, i.ended_at) > ?3)"
                + " order by d.started_at, d.id", enterprise, units, from, to)) {
            downtimes.computeIfAbsent(id(r[9]), k -> new ArrayList<>()).add(new TimeInputs.Downtime(id(r[0]),
                    id(r[1]), (String) r[2], (String) r[3], (String) r[4], bool(r[5]), instant(r[6]), instant(r[7]),
                    r[8] == null ? null : id(r[8])));
        }
        return downtimes;
    }

    /** The phases of the operations that ran on the work unit, from their applied reports. */
    private List<TimeInputs.OrderSegment> orderSegments(String enterprise, long unit, Instant from, Instant to) {
        Map<Long, List<OrderTimeline.Report>> byOperation = new LinkedHashMap<>();
        Map<Long, String> workOrders = new LinkedHashMap<>();
        // the operations first, by mes-shopfloor's (tenant, work unit, actual end, actual start) index: those still
        // running or ended after from, started before to — not every operation the unit ever ran; then their reports
        for (Object[] r : rows("select o.id, w.number, r.id, r.kind, r.occurred_at from mes_operation o"
                + PHASE_REPORTS
                + " join mes_work_order w on w.id = o.work_order_id"
                + " where o.tenant_id = ?1 and o.work_unit_id = ?2 and (o.actual_end is null or o.actual_end > ?3)"
                + " and o.actual_start < ?4 and r.status = 200"
                + " and r.kind in ('SETUP_START', 'SETUP_END', 'START', 'PAUSE', 'RESUME', 'FINISH')"
                + " order by o.id, r.occurred_at, r.id", enterprise, unit, from, to)) {
            long operation = id(r[0]);
            workOrders.put(operation, (String) r[1]);
            byOperation.computeIfAbsent(operation, k -> new ArrayList<>())
                    .add(new OrderTimeline.Report(id(r[2]), (String) r[3], instant(r[4])));
        }
        List<TimeInputs.OrderSegment> segments = new ArrayList<>();
        byOperation.forEach((operation, reports) ->
                segments.addAll(OrderTimeline.segments(operation, workOrders.get(operation), reports)));
        return segments;
    }

    /** The operations whose phases {@link #orderSegments} reads, with their actual start and end. */
    private Map<Long, UnitHistory.Operation> operations(String enterprise, long unit, Instant from, Instant to) {
        Map<Long, UnitHistory.Operation> operations = new java.util.HashMap<>();
        for (Object[] r : rows("select o.id, o.actual_start, o.actual_end from mes_operation o where o.tenant_id = ?1"
                + " and o.work_unit_id = ?2 and (o.actual_end is null or o.actual_end > ?3) and o.actual_start < ?4",
                enterprise, unit, from, to)) {
            operations.put(id(r[0]), new UnitHistory.Operation(instant(r[1]), instant(r[2])));
        }
        return operations;
    }

    /**
     * Applied QUANTITY and FINISH reports of operations on the work unit in the period, each with the planned run time
     * per unit of the routing (of the alternative, when the unit's work center is one).
     */
    private List<Quantities.QuantityReport> quantities(String enterprise, WorkUnit unit, Instant from, Instant to) {
        return rows("select r.id, r.kind, r.occurred_at, o.id, w.number,"
                + " coalesce(r.good_quantity, 0), coalesce(r.scrap_quantity, 0), coalesce(r.rework_quantity, 0),"
                + " coalesce(a.run_minutes_per_unit, o.run_minutes_per_unit), u.code from mes_report r"
                + " join mes_operation o on o.id = r.operation_id join mes_work_order w on w.id = o.work_order_id"
                + " join item i on i.id = w.item_id join unit u on u.id = i.stock_unit_id"
                + " left join mes_operation_alternative a on a.operation_id = o.id and a.work_center_id = ?5"
                + " and o.work_center_id <> ?5"
                + " where r.tenant_id = ?1 and o.work_unit_id = ?2 and r.status = 200 and r.kind in ('QUANTITY', 'FINISH')"
                + " and r.occurred_at >= ?3 and r.occurred_at < ?4 order by r.occurred_at, r.id",
                enterprise, unit.id, from, to, unit.workCenter.id).stream()
                .map(r -> new Quantities.QuantityReport(id(r[0]), (String) r[1], instant(r[2]), id(r[3]), (String) r[4],
                        decimal(r[5]), decimal(r[6]), decimal(r[7]), decimal(r[8]), (String) r[9]))
                .filter(q -> q.good().signum() != 0 || q.scrap().signum() != 0 || q.rework().signum() != 0)
                .toList();
    }

    /** Work orders with an operation on the unit that ran in the period, as recorded (UnitHistory clips them). */
    private List<UnitHistory.WorkOrder> workOrders(String enterprise, long unit, Instant from, Instant to) {
        // by mes-shopfloor's (tenant, completed at, started at) index: the completed ones from from on, and the open
        // ones, each checked for an operation on the unit — not every operation the unit ever ran
        String onUnit = " and exists (select 1 from mes_operation o where o.work_order_id = w.id and o.work_unit_id = ?2)";
        return rows("select w.id, w.number, w.started_at, w.completed_at from mes_work_order w where w.tenant_id = ?1"
                + " and w.completed_at > ?3 and w.started_at < ?4" + onUnit
                + " union all select w.id, w.number, w.started_at, w.completed_at from mes_work_order w"
                + " where w.tenant_id = ?1 and w.completed_at is null and w.started_at < ?4" + onUnit
                + " order by 1", enterprise, unit, from, to).stream()
                .map(r -> new UnitHistory.WorkOrder(id(r[0]), (String) r[1], instant(r[2]), instant(r[3]))).toList();
    }

    private List<WorkUnitRecords.FinishedOperation> finishedOperations(String enterprise, long unit, Instant from,
                                                                       Instant to) {
        return rows("select o.id, w.number, o.planned_end, o.actual_end from mes_operation o"
                + " join mes_work_order w on w.id = o.work_order_id where o.tenant_id = ?1 and o.work_unit_id = ?2"
                + " and o.planned_end is not null and o.actual_end >= ?3 and o.actual_end < ?4 order by o.actual_end",
                enterprise, unit, from, to).stream()
                .map(r -> new WorkUnitRecords.FinishedOperation(id(r[0]), (String) r[1], instant(r[2]), instant(r[3])))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((List<Object>) query.getResultList()).stream().map(o -> (Object[]) o).toList();
    }

    private static long id(Object value) {
        return ((Number) value).longValue();
    }

    private static boolean bool(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

}
