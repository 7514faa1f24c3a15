package org.pilotline.kpi.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.pilotline.erp.calendar.Calendar;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.erp.equipment.WorkUnit;
import org.pilotline.kpi.indicator.Totals;
import org.pilotline.kpi.time.TimeModelService;
import org.pilotline.kpi.time.UnitHistory;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.pilotline.platform.persistence.SqlValues.instant;

/**
 * The transactions of the roll-ups, each for the current enterprise: reading and forgetting touches, planning which
 * buckets they reach, and writing one bucket — its touched work units' rows from the raw history, then every level
 * above them as their sums — under the enterprise's roll-up lock.
 */
@ApplicationScoped
public class RollupWriter {

    /** Work unit {@code workUnitId} (null: every one of the enterprise) changed from {@code from} on. */
    public record Touch(long id, Long workUnitId, Instant from, Scope scope) {
    }

    /** Which grains a touch recomputes: see kpi_rollup_dirty. */
    public enum Scope {
        /** A change of the MES: hours and shifts now, days, weeks and months after the coarse delay. */
        EVENT,
        /** Days, weeks and months. */
        COARSE,
        /** Every grain. */
        ALL;

        boolean fine() {
            return this != COARSE;
        }

        boolean coarse() {
            return this != EVENT;
        }
    }

    /**
     * A work unit's buckets to recompute that lie in one month (read from the raw history at once), and the earliest
     * instant its touches changed (null: not known, all of the buckets read again).
     */
    public record Chunk(long unit, List<Bucket> buckets, Instant changed) {
    }

    /** What touches reach: each work unit's buckets in monthly chunks, and every bucket whose levels above change. */
    public record Plan(List<Chunk> chunks, List<Bucket> buckets) {
    }

    private static final Grain[] COARSE_GRAINS = {Grain.DAY, Grain.WEEK, Grain.MONTH};

    @Inject
    EntityManager em;

    @Inject
    RollupStore store;

    @Inject
    TimeModelService timeModels;

    @Inject
    TenantContext tenant;

    @Inject
    QuantityMinutes quantityMinutes;

    @Inject
    PlantClock plantClock;

    @Inject
    org.pilotline.kpi.indicator.DeliveryCounts deliveryCounts;

    /**
     * One EVENT touch, due now, per work unit, in the caller's transaction: one multi-row insert on the transaction's
     * connection (a native query through Hibernate would flush the session and check it for auto-flush first; this runs
     * on every terminal report and every gateway batch).
     */
    public void touch(String tenantId, Map<Long, Instant> from) {
        insertTouches(tenantId, from, Scope.EVENT, null);
    }

    /** Touches of {@code scope}, due at {@code due} (null: now), per work unit: one multi-row insert, no flush. */
    private void insertTouches(String tenantId, Map<Long, Instant> from, Scope scope, Instant due) {
        if (from.isEmpty()) {
            return;
        }
        List<Object> parameters = new ArrayList<>();
        from.forEach((unit, at) -> {
            parameters.add(tenantId);
            parameters.add(unit);
            parameters.add(RollupStore.utc(at));
            parameters.add(RollupStore.utc(due));
        });
        run("insert into kpi_rollup_dirty (tenant_id, work_unit_id, dirty_from, scope, due_at) values "
                + String.join(", ", java.util.Collections.nCopies(from.size(), "(?, ?, ?, '" + scope.name()
                + "', ?)")), parameters);
    }

    void touch(String tenantId, Long workUnitId, Instant from, Scope scope, Instant due) {
        em.createNativeQuery("insert into kpi_rollup_dirty (tenant_id, work_unit_id, dirty_from, scope, due_at)"
                        + " values (?1, ?2, ?3, ?4, ?5)").setParameter(1, tenantId).setParameter(2, workUnitId)
                .setParameter(3, from).setParameter(4, scope.name()).setParameter(5, due).executeUpdate();
    }

    /** The touches due at {@code now}, oldest first: those of days, weeks and months only, or all others. */
    @Transactional
    public List<Touch> pending(int limit, Instant now, boolean coarseOnly) {
        return store.rows("select id, work_unit_id, dirty_from, scope from kpi_rollup_dirty where tenant_id = ?1"
                        + " and (due_at is null or due_at <= ?2) and scope " + (coarseOnly ? "=" : "<>")
                        + " 'COARSE' order by id limit " + limit, tenant.requireEnterprise(), now).stream()
                .map(r -> new Touch(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue(),
                        instant(r[2]), Scope.valueOf((String) r[3]))).toList();
    }

    /**
     * Forgets applied touches; for those that were events, notes their days, weeks and months as due at
     * {@code coarseDue} (joined with one not yet due for the same work unit).
     */
    @Transactional
    public void forget(List<Touch> applied, Instant coarseDue) {
        String t = tenant.requireEnterprise();
        store.lock(t);
        quantityMinutes.claim(t);
        em.createNativeQuery("delete from kpi_rollup_dirty where tenant_id = ?1 and id in (?2)")
                .setParameter(1, t).setParameter(2, applied.stream().map(Touch::id).toList()).executeUpdate();
        Map<Long, Instant> coarse = new LinkedHashMap<>();
        Instant all = null;
        for (Touch touch : applied) {
            if (touch.scope() == Scope.EVENT) {
                if (touch.workUnitId() == null) {
                    all = all == null || touch.from().isBefore(all) ? touch.from() : all;
                } else {
                    coarse.merge(touch.workUnitId(), touch.from(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        if (all != null) {
            touch(t, null, all, Scope.COARSE, coarseDue);
        }
        if (coarse.isEmpty()) {
            return;
        }
        // joined with the COARSE touches not yet due, in one statement for all units; the others inserted in one
        Instant now = Instant.now();
        Set<Long> waiting = new HashSet<>();
        for (Object[] r : store.rows("select distinct work_unit_id from kpi_rollup_dirty where tenant_id = ?1"
                + " and scope = 'COARSE' and due_at > ?2 and work_unit_id in (?3)", t, now, List.copyOf(coarse.keySet()))) {
            waiting.add(((Number) r[0]).longValue());
        }
        if (!waiting.isEmpty()) {
            StringBuilder sql = new StringBuilder("update kpi_rollup_dirty set dirty_from = least(dirty_from, case"
                    + " work_unit_id");
            List<Object> parameters = new ArrayList<>();
            for (Long unit : waiting) {
                sql.append(" when ? then ?");
                parameters.add(unit);
                parameters.add(RollupStore.utc(coarse.get(unit)));
            }
            sql.append(" end) where tenant_id = ? and scope = 'COARSE' and due_at > ? and work_unit_id in (")
                    .append(String.join(", ", java.util.Collections.nCopies(waiting.size(), "?"))).append(")");
            parameters.add(t);
            parameters.add(RollupStore.utc(now));
            parameters.addAll(waiting);
            run(sql.toString(), parameters);
        }
        Map<Long, Instant> fresh = new LinkedHashMap<>(coarse);
        fresh.keySet().removeAll(waiting);
        insertTouches(t, fresh, Scope.COARSE, coarseDue);
    }

    /** One statement with positional parameters on the transaction's connection (no flush of the session first). */
    private void run(String sql, List<Object> parameters) {
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (java.sql.PreparedStatement statement = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                statement.executeUpdate();
            }
        });
    }

    /** How many touches wait, how many of them are due, and the earliest instant they reach back to. */
    @Transactional
    public Object[] backlog(Instant now) {
        return store.rows("select count(*), coalesce(sum(case when due_at is null or due_at <= ?2 then 1 else 0 end), 0),"
                + " min(dirty_from) from kpi_rollup_dirty where tenant_id = ?1", tenant.requireEnterprise(), now).get(0);
    }

    /**
     * The buckets of every grain the touches reach, from the earliest touched instant of each work unit (not before
     * {@code earliest}) to {@code now}: per work unit in chunks of a month, and all of them for the levels above.
     */
    @Transactional
    public Plan plan(List<Touch> touches, Instant now, Instant earliest) {
        tenant.requireEnterprise();
        ZoneId zone = plantClock.zone();
        List<Long> units = timeModels.workUnits(null);
        Set<Long> known = new HashSet<>(units);
        Map<Long, Instant> fine = new LinkedHashMap<>();
        Map<Long, Instant> coarse = new LinkedHashMap<>();
        for (Touch t : touches) {
            Instant at = t.from().isBefore(earliest) ? earliest : t.from();
            for (Long unit : t.workUnitId() == null ? units : List.of(t.workUnitId())) {
                if (known.contains(unit) && t.scope().fine()) {
                    fine.merge(unit, at, (a, b) -> a.isBefore(b) ? a : b);
                }
                if (known.contains(unit) && t.scope().coarse()) {
                    coarse.merge(unit, at, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        Set<Long> touched = new java.util.LinkedHashSet<>(fine.keySet());
        touched.addAll(coarse.keySet());
        preload(touched);
        List<Chunk> chunks = new ArrayList<>();
        Map<Grain, TreeMap<Instant, Bucket>> all = new LinkedHashMap<>();
        for (long unit : touched) {
            List<Bucket> buckets = new ArrayList<>();
            Instant at = fine.get(unit);
            if (at != null && !at.isAfter(now)) {
                buckets.addAll(BucketRules.between(Grain.HOUR, zone, at, now));
                buckets.addAll(shiftsOf(unit, zone, at, now));
            }
            at = coarse.get(unit);
            if (at != null && !at.isAfter(now)) {
                for (Grain grain : COARSE_GRAINS) {
                    buckets.addAll(BucketRules.between(grain, zone, at, now));
                }
            }
            TreeMap<Instant, List<Bucket>> byMonth = new TreeMap<>();
            for (Bucket b : buckets) {
                byMonth.computeIfAbsent(BucketRules.containing(Grain.MONTH, zone, b.start()).start(),
                        m -> new ArrayList<>()).add(b);
                all.computeIfAbsent(b.grain(), g -> new TreeMap<>()).merge(b.start(), b,
                        (x, y) -> y.end().isAfter(x.end()) ? y : x);
            }
            Instant changed = earlier(fine.get(unit), coarse.get(unit));
            byMonth.values().forEach(month -> chunks.add(new Chunk(unit, month, changed)));
        }
        List<Bucket> buckets = new ArrayList<>();
        all.values().forEach(byStart -> buckets.addAll(byStart.values()));
        return new Plan(chunks, buckets);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /** Reads the work units with their work centers in one statement, so that {@link #shiftsOf} finds them loaded. */
    private void preload(java.util.Collection<Long> units) {
        if (!units.isEmpty()) {
            em.createQuery("select u from WorkUnit u join fetch u.workCenter where u.id in :ids", WorkUnit.class)
                    .setParameter("ids", units).getResultList();
        }
    }

    private List<Bucket> shiftsOf(long unitId, ZoneId plantZone, Instant from, Instant to) {
        WorkUnit unit = em.find(WorkUnit.class, unitId);
        Calendar calendar = unit.workCenter.calendar;
        if (calendar == null) {
            return BucketRules.shifts(BucketRules.roundTheClock(), Set.of(), plantZone, from, to);
        }
        List<BucketRules.ShiftPattern> patterns = calendar.shifts.stream().map(s -> new BucketRules.ShiftPattern(
                DayOfWeek.of(s.weekday), s.name, s.startsAt, s.endsAt)).toList();
        Set<LocalDate> holidays = new HashSet<>();
        calendar.holidays.forEach(h -> holidays.add(h.day));
        return BucketRules.shifts(patterns, holidays, ZoneId.of(calendar.timeZone), from, to);
    }

    /**
     * Writes the work units' rows of chunks of buckets, each computed from the raw history for exactly the bucket, in
     * one transaction: one lock and one commit for the hour and shift of a hundred machines a busy plant's reports
     * touched (the caller keeps a transaction to a few thousand buckets).
     */
    @Transactional
    public void write(List<Chunk> chunks, Instant now) {
        String t = tenant.requireEnterprise();
        store.lock(t);
        quantityMinutes.claim(t);
        computeRows(t, chunks, now, true, (buckets, rows) -> {
            store.deleteUnitRows(t, buckets);
            store.insertAll(t, rows);
        });
    }

    /**
     * The work units' rows of chunks, each bucket computed from the raw history for exactly the bucket: the histories
     * are read a round at a time (each unit once, all of one month, together: {@link TimeModelService#histories}),
     * and each round's buckets by unit and rows handed to {@code write}. With {@code keep} (touches being applied), the
     * quantities of hours and shifts come through {@link QuantityMinutes}, read from each unit's change on.
     */
    private void computeRows(String t, List<Chunk> chunks, Instant now, boolean keep,
                             java.util.function.BiConsumer<Map<Long, List<Bucket>>, List<RollupStore.Row>> write) {
        ZoneId zone = plantClock.zone();
        List<Chunk> rest = chunks;
        while (!rest.isEmpty()) {
            Map<Long, Chunk> round = new LinkedHashMap<>();
            List<Chunk> later = new ArrayList<>();
            Instant month = null;
            for (Chunk chunk : rest) {
                Instant m = BucketRules.containing(Grain.MONTH, zone, first(chunk.buckets())).start();
                if (month == null) {
                    month = m;
                }
                if (!m.equals(month) || round.putIfAbsent(chunk.unit(), chunk) != null) {
                    later.add(chunk);
                }
            }
            Map<Long, Instant[]> stretches = new LinkedHashMap<>();
            round.forEach((unit, chunk) -> stretches.put(unit, new Instant[]{first(chunk.buckets()),
                    chunk.buckets().stream().map(Bucket::end).max(Instant::compareTo).orElseThrow()}));
            Map<Long, Instant[]> summed = new LinkedHashMap<>();
            Map<Long, Instant> changed = new HashMap<>();
            round.forEach((unit, chunk) -> {
                if (keep && QuantityMinutes.fits(chunk.buckets())) {
                    summed.put(unit, stretches.get(unit));
                    if (chunk.changed() != null) {
                        changed.put(unit, chunk.changed());
                    }
                }
            });
            Map<Long, UnitHistory> histories = timeModels.histories(stretches,
                    quantityMinutes.read(t, summed, changed, now));
            List<RollupStore.Row> rows = new ArrayList<>();
            Map<Long, List<Bucket>> buckets = new LinkedHashMap<>();
            for (Chunk chunk : round.values()) {
                UnitHistory history = histories.get(chunk.unit());
                for (Bucket b : chunk.buckets()) {
                    rows.add(new RollupStore.Row(Level.WORK_UNIT, chunk.unit(), b,
                            Totals.of(history.records(b.start(), b.end())), now));
                }
                buckets.put(chunk.unit(), chunk.buckets());
            }
            write.accept(buckets, rows);
            rest = later;
        }
    }

    private static Instant first(List<Bucket> buckets) {
        return buckets.stream().map(Bucket::start).min(Instant::compareTo).orElseThrow();
    }

    /**
     * Writes the rows a work unit lacks in these buckets — one that was never touched (no history yet, or none since
     * the buckets began) — so that every level sums all of the enterprise's work units, as a recomputation does.
     */
    private void fillMissing(String t, Grain grain, List<Instant> starts, Instant now) {
        Set<String> present = new HashSet<>();
        for (Object[] r : store.rows("select node_id, bucket_start from kpi_rollup where tenant_id = ?1"
                + " and level = 'WORK_UNIT' and grain = ?2 and bucket_start in (?3)", t, grain.name(), starts)) {
            present.add(((Number) r[0]).longValue() + "@" + instant(r[1]));
        }
        ZoneId zone = plantClock.zone();
        Set<Instant> wanted = new HashSet<>(starts);
        Instant first = starts.stream().min(Instant::compareTo).orElseThrow();
        Instant last = starts.stream().max(Instant::compareTo).orElseThrow();
        List<Long> units = timeModels.workUnits(null);
        if (grain == Grain.SHIFT) {
            preload(units);
        }
        List<Chunk> chunks = new ArrayList<>();
        for (long unit : units) {
            List<Bucket> missing = new ArrayList<>();
            List<Bucket> candidates = grain == Grain.SHIFT ? shiftsOf(unit, zone, first, last)
                    : starts.stream().map(s -> BucketRules.containing(grain, zone, s)).toList();
            for (Bucket b : candidates) {
                if (wanted.contains(b.start()) && !present.contains(unit + "@" + b.start())) {
                    missing.add(b);
                }
            }
            TreeMap<Instant, List<Bucket>> byMonth = new TreeMap<>();
            for (Bucket b : missing) {
                byMonth.computeIfAbsent(BucketRules.containing(Grain.MONTH, zone, b.start()).start(),
                        m -> new ArrayList<>()).add(b);
            }
            byMonth.values().forEach(month -> chunks.add(new Chunk(unit, month, null)));
        }
        computeRows(t, chunks, now, false, (buckets, rows) -> store.insertAll(t, rows));
    }

    /**
     * Writes the work center, area, site and enterprise rows of buckets of one grain as the sums of the work units'
     * rows (after writing those a work unit lacks), read under the enterprise's lock (so a concurrent change of another
     * unit is never summed out).
     */
    @Transactional
    public void aggregate(Grain grain, List<Instant> starts, Instant now) {
        String t = tenant.requireEnterprise();
        store.lock(t);
        fillMissing(t, grain, starts, now);
        store.deleteAggregates(t, grain, starts);
        Map<Instant, Map<Level, Map<Long, Totals>>> sums = new LinkedHashMap<>();
        Map<Instant, Bucket> buckets = new HashMap<>();
        for (RollupStore.Placed p : store.unitRows(t, grain, starts)) {
            Bucket b = p.row().bucket();
            buckets.merge(b.start(), b, (x, y) -> y.end().isAfter(x.end()) ? new Bucket(grain, x.start(), y.end(),
                    x.label()) : x);
            Map<Level, Map<Long, Totals>> bySum = sums.computeIfAbsent(b.start(), s -> new LinkedHashMap<>());
            Totals totals = p.row().totals();
            add(bySum, Level.WORK_CENTER, p.workCenterId(), totals);
            add(bySum, Level.AREA, p.areaId(), totals);
            add(bySum, Level.SITE, p.siteId(), totals);
            add(bySum, Level.ENTERPRISE, 0L, totals);
        }
        Map<Instant, int[]> deliveries = deliveries(t, grain, buckets.values());
        List<RollupStore.Row> rows = new ArrayList<>();
        sums.forEach((start, byLevel) -> byLevel.forEach((level, byNode) -> byNode.forEach((node, totals) -> {
            int[] d = level == Level.ENTERPRISE ? deliveries.get(start) : null;
            rows.add(new RollupStore.Row(level, node, buckets.get(start), d == null ? totals
                    : totals.withDeliveries(d[0], d[1]), now));
        })));
        store.insertAll(t, rows);
    }

    /** The grains whose ENTERPRISE rows count deliveries (dated by the plant's day). */
    public static final Set<Grain> DELIVERY_GRAINS = Set.of(Grain.DAY, Grain.WEEK, Grain.MONTH);

    /**
     * The enterprise's delivery counts {lines due, on time} of each bucket (by start) of a day, week or month grain
     * (none for the others): the lines requested on the plant-local dates of the bucket, counted in one statement.
     */
    public Map<Instant, int[]> deliveries(String t, Grain grain, java.util.Collection<Bucket> buckets) {
        Map<Instant, int[]> counts = new HashMap<>();
        if (!DELIVERY_GRAINS.contains(grain) || buckets.isEmpty()) {
            return counts;
        }
        ZoneId zone = plantClock.zone();
        LocalDate first = null;
        LocalDate last = null;
        for (Bucket b : buckets) {
            LocalDate a = firstDate(b, zone);
            LocalDate z = lastDate(b, zone);
            first = first == null || a.isBefore(first) ? a : first;
            last = last == null || z.isAfter(last) ? z : last;
        }
        var byDate = deliveryCounts.byDate(t, zone, first, last);
        for (Bucket b : buckets) {
            counts.put(b.start(), org.pilotline.kpi.indicator.DeliveryCounts.sum(byDate, firstDate(b, zone),
                    lastDate(b, zone)));
        }
        return counts;
    }

    static LocalDate firstDate(Bucket b, ZoneId zone) {
        return b.start().atZone(zone).toLocalDate();
    }

    static LocalDate lastDate(Bucket b, ZoneId zone) {
        return b.end().minusNanos(1).atZone(zone).toLocalDate();
    }

    /**
     * Recounts the deliveries of the enterprise's days, weeks and months that hold one of {@code dates} (where their
     * ENTERPRISE row exists), under the enterprise's lock: what a shipment or a changed sales line changed.
     * Returns the rows changed.
     */
    public int recountDeliveries(String t, java.util.Collection<LocalDate> dates) {
        ZoneId zone = plantClock.zone();
        int changed = 0;
        for (Grain grain : DELIVERY_GRAINS) {
            Map<Instant, Bucket> buckets = new java.util.TreeMap<>();
            for (LocalDate d : dates) {
                Bucket b = BucketRules.containing(grain, zone, d.atStartOfDay(zone).toInstant());
                buckets.put(b.start(), b);
            }
            for (var e : deliveries(t, grain, buckets.values()).entrySet()) {
                changed += store.setDeliveries(t, grain, e.getKey(), e.getValue()[0], e.getValue()[1]);
            }
        }
        return changed;
    }

    private static void add(Map<Level, Map<Long, Totals>> sums, Level level, long node, Totals totals) {
        sums.computeIfAbsent(level, l -> new HashMap<>()).merge(node, totals, Totals::plus);
    }

    /** Forgets the enterprise's rows of buckets that end after {@code from} and touches all its units from there. */
    @Transactional
    public void clearFrom(Instant from) {
        String t = tenant.requireEnterprise();
        store.lock(t);
        em.createNativeQuery("delete from kpi_rollup where tenant_id = ?1 and bucket_end > ?2").setParameter(1, t)
                .setParameter(2, from).executeUpdate();
        touch(t, null, from, Scope.ALL, null);
    }

    /** The earliest instant of the enterprise's machine history and applied reports (null: it has none). */
    @Transactional
    public Instant earliestHistory() {
        String t = tenant.requireEnterprise();
        Object[] r = store.rows("select (select min(started_at) from mes_machine_interval where tenant_id = ?1),"
                + " (select min(from_at) from mes_data_loss where tenant_id = ?1),"
                + " (select min(occurred_at) from mes_report where tenant_id = ?1 and status = 200)", t).get(0);
        Instant earliest = null;
        for (Object o : r) {
            Instant at = instant(o);
            if (at != null && (earliest == null || at.isBefore(earliest))) {
                earliest = at;
            }
        }
        return earliest;
    }
}
