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
import java.util.TreeSet;

import static org.pilotline.platform.persistence.SqlValues.instant;

/**
 * The transactions of the roll-ups, each for the current enterprise: reading and forgetting touches, planning which
 * buckets they reach, and writing one bucket — its touched work units' rows from the raw history, then every level
 * above them as their sums — under the enterprise's roll-up lock.
 */
@ApplicationScoped
public class RollupWriter {

    /** Work unit {@code workUnitId} (null: every one of the enterprise) changed from {@code from} on. */
    public record Touch(long id, Long workUnitId, Instant from) {
    }

    /** A bucket to write, and the work units whose rows in it are recomputed. */
    public record Planned(Bucket bucket, Set<Long> units) {
    }

    private static final Grain[] CLOCK_GRAINS = {Grain.HOUR, Grain.DAY, Grain.WEEK, Grain.MONTH};

    @Inject
    EntityManager em;

    @Inject
    RollupStore store;

    @Inject
    TimeModelService timeModels;

    @Inject
    TenantContext tenant;

    @Inject
    PlantClock plantClock;

    /** Notes that a work unit (null: all) changed from {@code from} on, in the caller's transaction. */
    public void touch(String tenantId, Long workUnitId, Instant from) {
        em.createNativeQuery("insert into kpi_rollup_dirty (tenant_id, work_unit_id, dirty_from) values (?1, ?2, ?3)")
                .setParameter(1, tenantId).setParameter(2, workUnitId).setParameter(3, from).executeUpdate();
    }

    @Transactional
    public List<Touch> pending(int limit) {
        return store.rows("select id, work_unit_id, dirty_from from kpi_rollup_dirty where tenant_id = ?1 order by id"
                        + " limit " + limit, tenant.requireEnterprise()).stream()
                .map(r -> new Touch(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue(),
                        instant(r[2]))).toList();
    }

    @Transactional
    public void forget(List<Long> ids) {
        em.createNativeQuery("delete from kpi_rollup_dirty where tenant_id = ?1 and id in (?2)")
                .setParameter(1, tenant.requireEnterprise()).setParameter(2, ids).executeUpdate();
    }

    /** How many touches wait, and the earliest instant they reach back to. */
    @Transactional
    public Object[] backlog() {
        return store.rows("select count(*), min(dirty_from) from kpi_rollup_dirty where tenant_id = ?1",
                tenant.requireEnterprise()).get(0);
    }

    /**
     * The buckets of every grain the touches reach, from the earliest touched instant of each work unit (not before
     * {@code earliest}) to {@code now}, each with the work units to recompute in it, in time order per grain.
     */
    @Transactional
    public List<Planned> plan(List<Touch> touches, Instant now, Instant earliest) {
        tenant.requireEnterprise();
        ZoneId zone = plantClock.zone();
        List<Long> units = timeModels.workUnits(null);
        Set<Long> known = new HashSet<>(units);
        Map<Long, Instant> from = new LinkedHashMap<>();
        for (Touch t : touches) {
            Instant at = t.from().isBefore(earliest) ? earliest : t.from();
            for (Long unit : t.workUnitId() == null ? units : List.of(t.workUnitId())) {
                if (known.contains(unit)) {
                    from.merge(unit, at, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        Map<Grain, TreeMap<Instant, Planned>> plan = new LinkedHashMap<>();
        from.forEach((unit, at) -> {
            if (at.isAfter(now)) {
                return;
            }
            for (Grain grain : CLOCK_GRAINS) {
                BucketRules.between(grain, zone, at, now).forEach(b -> add(plan, b, unit));
            }
            shiftsOf(unit, zone, at, now).forEach(b -> add(plan, b, unit));
        });
        List<Planned> planned = new ArrayList<>();
        plan.values().forEach(byStart -> planned.addAll(byStart.values()));
        return planned;
    }

    private static void add(Map<Grain, TreeMap<Instant, Planned>> plan, Bucket b, long unit) {
        Planned p = plan.computeIfAbsent(b.grain(), g -> new TreeMap<>())
                .computeIfAbsent(b.start(), s -> new Planned(b, new TreeSet<>()));
        if (p.bucket().end().equals(b.end())) {
            p.units().add(unit);
        } else {
            // a shift of another calendar starting at the same instant but ending elsewhere: a bucket of its own
            plan.get(b.grain()).computeIfAbsent(b.start().plusNanos(1), s -> new Planned(b, new TreeSet<>()))
                    .units().add(unit);
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
     * Writes one bucket: the rows of its touched work units, computed from the raw history for exactly the bucket,
     * then the rows of every work center, area, site and the enterprise as the sums of their work units' rows.
     */
    @Transactional
    public void write(Planned planned, Instant now) {
        String t = tenant.requireEnterprise();
        store.lock(t);
        Bucket bucket = planned.bucket();
        for (long unit : planned.units()) {
            Totals totals = Totals.of(timeModels.records(unit, bucket.start(), bucket.end()));
            store.replace(t, new RollupStore.Row(Level.WORK_UNIT, unit, bucket, totals, now));
        }
        aggregate(t, bucket.grain(), bucket.start(), now);
    }

    private void aggregate(String t, Grain grain, Instant start, Instant now) {
        store.deleteAggregates(t, grain, start);
        List<RollupStore.Placed> rows = store.unitRows(t, grain, start);
        if (rows.isEmpty()) {
            return;
        }
        Map<Level, Map<Long, Totals>> sums = new LinkedHashMap<>();
        Bucket bucket = rows.get(0).row().bucket();
        for (RollupStore.Placed p : rows) {
            Totals totals = p.row().totals();
            add(sums, Level.WORK_CENTER, p.workCenterId(), totals);
            add(sums, Level.AREA, p.areaId(), totals);
            add(sums, Level.SITE, p.siteId(), totals);
            add(sums, Level.ENTERPRISE, 0L, totals);
            if (p.row().bucket().end().isAfter(bucket.end())) {
                bucket = new Bucket(grain, start, p.row().bucket().end(), bucket.label());
            }
        }
        Bucket b = bucket;
        sums.forEach((level, byNode) -> byNode.forEach((node, totals) ->
                store.insert(t, new RollupStore.Row(level, node, b, totals, now))));
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
        touch(t, null, from);
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
