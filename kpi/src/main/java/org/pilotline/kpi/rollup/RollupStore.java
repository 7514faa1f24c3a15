package org.pilotline.kpi.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.pilotline.kpi.indicator.Totals;
import org.pilotline.kpi.time.TimeElement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.pilotline.platform.persistence.SqlValues.instant;

/**
 * The kpi_rollup rows in SQL: a row holds a {@link Totals} (its time elements, quantities, failures and counts) of one
 * node of the equipment hierarchy and one bucket. Every statement names the tenant itself (native SQL is outside
 * Hibernate's tenant filter).
 */
@ApplicationScoped
public class RollupStore {

    /** A stored row: what it is for and its sums. */
    public record Row(Level level, long nodeId, Bucket bucket, Totals totals, Instant computedAt) {
    }

    /** The sums a row holds, in the order {@link #parse} reads them (kpi_snapshot has the same columns). */
    public static final String FIGURES = "pot, pdot, pbt, apt, asut, adet, adot, unknown_time, aupt, aubt, aoet,"
            + " quantity_unit, produced, good, scrap, rework, planned_run_seconds, failures, repair_seconds,"
            + " operations_finished, operations_on_time, lines_due, lines_on_time";

    private static final String COLUMNS = "level, node_id, grain, bucket_start, bucket_end, label, " + FIGURES
            + ", computed_at";

    private static final TimeElement[] ELEMENTS = {TimeElement.POT, TimeElement.PDOT, TimeElement.PBT, TimeElement.APT,
            TimeElement.ASUT, TimeElement.ADET, TimeElement.ADOT, TimeElement.UNKNOWN, TimeElement.AUPT, TimeElement.AUBT};

    @Inject
    EntityManager em;

    /** Takes the enterprise's roll-up lock for the rest of the transaction. */
    public void lock(String tenant) {
        // an exclusive lock at once: "insert ignore" then "for update" would take a shared lock first, and two
        // writers holding it would deadlock on the upgrade
        em.createNativeQuery("insert into kpi_rollup_lock (tenant_id) values (?1)"
                + " on duplicate key update tenant_id = values(tenant_id)").setParameter(1, tenant).executeUpdate();
    }

    /**
     * Under the enterprise's lock: notes {@code writer} as the process that applies its touches now, and says whether
     * it was the last one to (false: another replica was, or none yet).
     */
    public boolean claim(String tenant, String writer) {
        List<Object[]> rows = rows("select writer from kpi_rollup_lock where tenant_id = ?1", tenant);
        if (!rows.isEmpty() && writer.equals(rows.get(0)[0])) {
            return true;
        }
        em.createNativeQuery("update kpi_rollup_lock set writer = ?1 where tenant_id = ?2").setParameter(1, writer)
                .setParameter(2, tenant).executeUpdate();
        return false;
    }

    public void insert(String tenant, Row row) {
        insertAll(tenant, List.of(row));
    }

    /**
     * Inserts rows as one JDBC batch on the transaction's connection, which the driver sends as multi-row inserts
     * ({@code rewriteBatchedStatements}). Not a native query through Hibernate: a statement text per number of rows
     * kept every size's parameter list (31 a row) in Hibernate's query-plan cache — ≈ 63,000 cached parameters while
     * the demo programme's roll-ups were recomputed.
     */
    public void insertAll(String tenant, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        em.flush(); // what a native statement through Hibernate would have done first
        String sql = "insert into kpi_rollup (tenant_id, " + COLUMNS + ") values (?" + ", ?".repeat(30) + ")";
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (java.sql.PreparedStatement insert = c.prepareStatement(sql)) {
                int inBatch = 0;
                for (Row row : rows) {
                    Totals t = row.totals();
                    int i = 1;
                    insert.setString(i++, tenant);
                    insert.setString(i++, row.level().name());
                    insert.setLong(i++, row.nodeId());
                    insert.setString(i++, row.bucket().grain().name());
                    insert.setObject(i++, utc(row.bucket().start()));
                    insert.setObject(i++, utc(row.bucket().end()));
                    insert.setString(i++, row.bucket().label());
                    for (TimeElement e : ELEMENTS) {
                        insert.setLong(i++, t.of(e));
                    }
                    insert.setLong(i++, t.aoetSeconds());
                    insert.setString(i++, t.quantityUnit());
                    insert.setBigDecimal(i++, t.produced());
                    insert.setBigDecimal(i++, t.good());
                    insert.setBigDecimal(i++, t.scrap());
                    insert.setBigDecimal(i++, t.rework());
                    insert.setBigDecimal(i++, t.plannedRunSeconds());
                    insert.setInt(i++, t.failures());
                    insert.setLong(i++, t.repairSeconds());
                    insert.setInt(i++, t.operationsFinished());
                    insert.setInt(i++, t.operationsOnTime());
                    insert.setObject(i++, t.linesDue(), java.sql.Types.INTEGER);
                    insert.setObject(i++, t.linesOnTime(), java.sql.Types.INTEGER);
                    insert.setObject(i, utc(row.computedAt()));
                    insert.addBatch();
                    if (++inBatch == 200) {
                        insert.executeBatch();
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    /** An instant as the UTC wall time the datetime columns hold (null stays null). */
    static java.time.LocalDateTime utc(Instant instant) {
        return instant == null ? null : java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    /**
     * Deletes the work units' rows of their buckets: one statement for every grain and set of bucket starts that
     * units share (the hour and shift a hundred machines' reports touched: two statements).
     */
    public void deleteUnitRows(String tenant, Map<Long, List<Bucket>> byUnit) {
        record Shared(Grain grain, List<Instant> starts) {
        }
        Map<Shared, List<Long>> units = new java.util.LinkedHashMap<>();
        byUnit.forEach((unit, buckets) -> {
            for (Grain grain : Grain.values()) {
                List<Instant> starts = buckets.stream().filter(b -> b.grain() == grain).map(Bucket::start).sorted()
                        .toList();
                if (!starts.isEmpty()) {
                    units.computeIfAbsent(new Shared(grain, starts), k -> new ArrayList<>()).add(unit);
                }
            }
        });
        // by the primary key, whatever the optimizer thinks of a small table: a scan would lock other enterprises'
        // rows on its way (seen at a fresh start: a deadlock between two enterprises' roll-ups)
        units.forEach((shared, ids) -> em.createNativeQuery("delete r from kpi_rollup r force index (primary)"
                        + " where r.tenant_id = ?1 and r.level = 'WORK_UNIT' and r.node_id in (?2) and r.grain = ?3"
                        + " and r.bucket_start in (?4)")
                .setParameter(1, tenant).setParameter(2, ids).setParameter(3, shared.grain().name())
                .setParameter(4, shared.starts()).executeUpdate());
    }

    /**
     * Deletes the rows above the work units of the given buckets of one grain, by the bucket index: only the
     * enterprise's rows of those buckets are read (and locked while read), never another enterprise's.
     */
    public void deleteAggregates(String tenant, Grain grain, List<Instant> starts) {
        em.createNativeQuery("delete r from kpi_rollup r force index (ix_kpi_rollup_bucket) where r.tenant_id = ?1"
                        + " and r.grain = ?2 and r.bucket_start in (?3) and r.level <> 'WORK_UNIT'")
                .setParameter(1, tenant).setParameter(2, grain.name())
                .setParameter(3, starts).executeUpdate();
    }

    /** The work units' rows of the given buckets of one grain, with each unit's work center, area and site. */
    public List<Placed> unitRows(String tenant, Grain grain, List<Instant> starts) {
        List<Placed> placed = new ArrayList<>();
        for (Object[] r : rows("select wc.id, a.id, a.site_id, " + prefixed("r") + " from kpi_rollup r"
                + " join work_unit u on u.id = r.node_id join work_center wc on wc.id = u.work_center_id"
                + " join area a on a.id = wc.area_id where r.tenant_id = ?1 and r.level = 'WORK_UNIT' and r.grain = ?2"
                + " and r.bucket_start in (?3) order by r.bucket_start, r.node_id", tenant, grain.name(), starts)) {
            placed.add(new Placed(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                    row(r, 3)));
        }
        return placed;
    }

    /** A work unit's row and where the unit stands in the equipment hierarchy now. */
    public record Placed(long workCenterId, long areaId, long siteId, Row row) {
    }

    /** One node's rows of a grain whose buckets start in [from, to), in time order. */
    public List<Row> series(String tenant, Level level, long nodeId, Grain grain, Instant from, Instant to) {
        return rows("select " + COLUMNS + " from kpi_rollup where tenant_id = ?1 and level = ?2 and node_id = ?3"
                        + " and grain = ?4 and bucket_start >= ?5 and bucket_start < ?6 order by bucket_start", tenant,
                level.name(), nodeId, grain.name(), from, to).stream().map(r -> row(r, 0)).toList();
    }

    /**
     * Every node's rows of a level and grain whose buckets lie wholly inside [from, to), by node and in time order (a
     * read naming the tenant: the bureau's drill-down to work centers).
     */
    public Map<Long, List<Row>> levelBuckets(String tenant, Level level, Grain grain, Instant from, Instant to) {
        Map<Long, List<Row>> byNode = new java.util.LinkedHashMap<>();
        for (Object[] r : rows("select " + COLUMNS + " from kpi_rollup where tenant_id = ?1 and level = ?2"
                        + " and grain = ?3 and bucket_start >= ?4 and bucket_start < ?5 and bucket_end <= ?5"
                        + " order by node_id, bucket_start", tenant, level.name(), grain.name(), from, to)) {
            Row row = row(r, 0);
            byNode.computeIfAbsent(row.nodeId(), n -> new ArrayList<>()).add(row);
        }
        return byNode;
    }

    /** Every row of the enterprise, in key order: what a recomputation must reproduce. */
    public List<Row> all(String tenant, Instant from) {
        return rows("select " + COLUMNS + " from kpi_rollup where tenant_id = ?1 and bucket_end > ?2"
                + " order by level, node_id, grain, bucket_start", tenant, from).stream().map(r -> row(r, 0)).toList();
    }

    /** An enterprise's month roll-up with what the bureau compares it by. */
    public record EnterpriseMonth(String code, String name, String industry, String manufacturingType, Row row) {
    }

    /**
     * Every enterprise's ENTERPRISE roll-up of the month labelled {@code month} (yyyy-MM, each in its own zone): a read
     * across enterprises, for the bureau's comparisons, which hand out aggregates only. The node (0) makes it a range
     * of the primary key per enterprise rather than a scan of every row.
     */
    public List<EnterpriseMonth> enterpriseMonths(String month) {
        return rows("select e.code, e.name, e.industry, e.manufacturing_type, " + prefixed("r") + " from kpi_rollup r"
                + " join enterprise e on e.code = r.tenant_id where r.level = 'ENTERPRISE' and r.node_id = 0"
                + " and r.grain = 'MONTH' and r.label = ?1 order by e.code", month).stream()
                .map(r -> new EnterpriseMonth((String) r[0], (String) r[1], (String) r[2], (String) r[3], parse(r, 4)))
                .toList();
    }

    /** An enterprise's stretch of time whose ENTERPRISE rows of a grain are wanted. */
    public record Window(String tenant, Instant from, Instant to) {
    }

    /**
     * The ENTERPRISE rows of one grain whose buckets lie wholly inside each window, by enterprise and in time order:
     * a read across enterprises, for the bureau's comparison, which hands out aggregates only. Each window is a range
     * of the primary key.
     */
    public Map<String, List<Row>> enterpriseBuckets(Grain grain, List<Window> windows) {
        Map<String, List<Row>> byTenant = new java.util.LinkedHashMap<>();
        for (int from = 0; from < windows.size(); from += 100) {
            List<Window> part = windows.subList(from, Math.min(windows.size(), from + 100));
            StringBuilder sql = new StringBuilder("select tenant_id, " + COLUMNS + " from kpi_rollup where ");
            List<Object> parameters = new ArrayList<>();
            for (int w = 0; w < part.size(); w++) {
                int p = parameters.size();
                sql.append(w == 0 ? "(" : " or (").append("tenant_id = ?").append(p + 1)
                        .append(" and level = 'ENTERPRISE' and node_id = 0 and grain = ?").append(p + 2)
                        .append(" and bucket_start >= ?").append(p + 3).append(" and bucket_start < ?").append(p + 4)
                        .append(" and bucket_end <= ?").append(p + 4).append(')');
                parameters.add(part.get(w).tenant());
                parameters.add(grain.name());
                parameters.add(part.get(w).from());
                parameters.add(part.get(w).to());
            }
            sql.append(" order by tenant_id, bucket_start");
            for (Object[] r : rows(sql.toString(), parameters.toArray())) {
                byTenant.computeIfAbsent((String) r[0], t -> new ArrayList<>()).add(row(r, 1));
            }
        }
        return byTenant;
    }

    /**
     * Sets the delivery counts of the enterprise's ENTERPRISE row of a bucket, where it has one (a bucket is written by
     * {@link RollupWriter#aggregate}, which counts them itself). Returns the rows changed.
     */
    public int setDeliveries(String tenant, Grain grain, Instant start, int due, int onTime) {
        return em.createNativeQuery("update kpi_rollup set lines_due = ?1, lines_on_time = ?2 where tenant_id = ?3"
                        + " and level = 'ENTERPRISE' and node_id = 0 and grain = ?4 and bucket_start = ?5")
                .setParameter(1, due).setParameter(2, onTime).setParameter(3, tenant).setParameter(4, grain.name())
                .setParameter(5, start).executeUpdate();
    }

    /** The earliest instant each enterprise's pending touches reach back to (only enterprises that have some). */
    public Map<String, Instant> pendingSince() {
        Map<String, Instant> since = new java.util.HashMap<>();
        for (Object[] r : rows("select tenant_id, min(dirty_from) from kpi_rollup_dirty group by tenant_id")) {
            since.put((String) r[0], instant(r[1]));
        }
        return since;
    }

    private static String prefixed(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    /** A row read from {@code o} on: level, node_id, grain, bucket_start, bucket_end, label, FIGURES, computed_at. */
    public static Row parse(Object[] r, int o) {
        return row(r, o);
    }

    private static Row row(Object[] r, int o) {
        Map<TimeElement, Long> seconds = new EnumMap<>(TimeElement.class);
        for (int e = 0; e < ELEMENTS.length; e++) {
            seconds.put(ELEMENTS[e], ((Number) r[o + 6 + e]).longValue());
        }
        Totals totals = new Totals(seconds, ((Number) r[o + 16]).longValue(), (String) r[o + 17], decimal(r[o + 18]),
                decimal(r[o + 19]), decimal(r[o + 20]), decimal(r[o + 21]), decimal(r[o + 22]),
                ((Number) r[o + 23]).intValue(), ((Number) r[o + 24]).longValue(), ((Number) r[o + 25]).intValue(),
                ((Number) r[o + 26]).intValue(), integer(r[o + 27]), integer(r[o + 28]));
        Bucket bucket = new Bucket(Grain.valueOf((String) r[o + 2]), instant(r[o + 3]), instant(r[o + 4]),
                (String) r[o + 5]);
        return new Row(Level.valueOf((String) r[o]), ((Number) r[o + 1]).longValue(), bucket, totals,
                instant(r[o + 29]));
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static BigDecimal decimal(Object value) {
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }

    @SuppressWarnings("unchecked")
    public List<Object[]> rows(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((List<Object>) query.getResultList()).stream().map(o -> o instanceof Object[] a ? a : new Object[]{o})
                .toList();
    }
}
