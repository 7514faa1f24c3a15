package org.pilotline.kpi.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.erp.equipment.Area;
import org.pilotline.erp.equipment.Site;
import org.pilotline.erp.equipment.WorkCenter;
import org.pilotline.erp.equipment.WorkUnit;
import org.pilotline.kpi.KpiConfig;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Instant;
import java.util.List;

/**
 * The roll-ups of the caller's enterprise: applying the touches the MES noted (the background worker calls it as each
 * enterprise), recomputing everything from the raw history, and reading a node's buckets.
 */
@ApplicationScoped
public class RollupService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RollupService.class);

    @Inject
    RollupWriter writer;

    @Inject
    RollupStore store;

    @Inject
    TenantContext tenant;

    @Inject
    PlantClock plantClock;

    @Inject
    KpiConfig config;

    /** How many touches one batch takes, oldest first (the EVENT touches of a busy plant name few work units). */
    public static final int BATCH = 1000;

    /** How many touches of days, weeks and months one batch takes (each names one work unit, mostly). */
    static final int COARSE_BATCH = 10;

    /**
     * About how many work-unit buckets one transaction writes: a month of one unit's hours, shifts and days is some 850,
     * the hour and shift a report touched two (a hundred machines' in one transaction).
     */
    static final int WRITE_BUCKETS = 2000;

    /**
     * Recomputes the buckets the pending touches reach — only those — and forgets the touches, batch after batch
     * until none is due. Not transactional: the work units' buckets are written in transactions of about
     * {@link #WRITE_BUCKETS}, then the levels above in transactions of up to 500 buckets. Returns the number of buckets
     * written.
     */
    public int applyTouches() {
        int written = 0;
        int[] batch;
        while ((batch = applyBatch())[0] > 0) {
            written += batch[1];
        }
        return written;
    }

    /**
     * One batch of the due touches (at most {@link #BATCH}, oldest first), as {@link #applyTouches()} applies them;
     * how many touches it applied. The background worker's lanes call it batch by batch, paced while touches keep
     * coming (a full batch is followed at once).
     */
    public int applyOneBatch() {
        return applyBatch()[0];
    }

    /**
     * {touches applied, buckets written}: the due touches of hours and shifts (at most {@link #BATCH}, oldest first),
     * then at most {@link #COARSE_BATCH} of days, weeks and months — a month of a busy machine is a lot to read, and an
     * event's hour waits behind a few of them only, while a plant that never stops reporting still gets its days.
     */
    private int[] applyBatch() {
        Instant now = Instant.now();
        int[] fine = apply(writer.pending(BATCH, now, false), now);
        int[] coarse = apply(writer.pending(COARSE_BATCH, now, true), now);
        return new int[]{fine[0] + coarse[0], fine[1] + coarse[1]};
    }

    private int[] apply(List<RollupWriter.Touch> touches, Instant now) {
        long t0 = System.nanoTime();
        if (touches.isEmpty()) {
            return new int[]{0, 0};
        }
        RollupWriter.Plan plan = writer.plan(touches, now, now.minus(config.rollup().longestReach()));
        long t2 = System.nanoTime();
        List<RollupWriter.Chunk> group = new java.util.ArrayList<>();
        int buckets = 0;
        for (RollupWriter.Chunk chunk : plan.chunks()) {
            group.add(chunk);
            buckets += chunk.buckets().size();
            if (buckets >= WRITE_BUCKETS) {
                writer.write(group, now);
                group = new java.util.ArrayList<>();
                buckets = 0;
            }
        }
        if (!group.isEmpty()) {
            writer.write(group, now);
        }
        long t3 = System.nanoTime();
        for (Grain grain : Grain.values()) {
            List<Instant> starts = plan.buckets().stream().filter(b -> b.grain() == grain).map(Bucket::start)
                    .toList();
            for (int i = 0; i < starts.size(); i += 500) {
                writer.aggregate(grain, starts.subList(i, Math.min(starts.size(), i + 500)), now);
            }
        }
        long t4 = System.nanoTime();
        writer.forget(touches, now.plus(config.rollup().coarseDelay()));
        if (LOG.isDebugEnabled()) {
            long t5 = System.nanoTime();
            LOG.debug("{}: {} touches ({}), {} chunks, {} buckets in {} ms: plan {}, write {}, levels {}, forget {}",
                    tenant.requireEnterprise(), touches.size(), touches.stream().map(t -> t.scope().name()).distinct()
                            .toList(), plan.chunks().size(), plan.buckets().size(),
                    (t5 - t0) / 1_000_000, (t2 - t0) / 1_000_000, (t3 - t2) / 1_000_000,
                    (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000);
        }
        return new int[]{touches.size(), plan.buckets().size()};
    }

    /**
     * Rebuilds the enterprise's roll-ups from the raw history: every bucket that ends after {@code from} (default: the
     * earliest machine state, data-loss span or report) is deleted and computed again.
     */
    public RollupViews.Recomputed recompute(Instant from) {
        String enterprise = tenant.requireEnterprise();
        long started = System.nanoTime();
        Instant start = from != null ? from : writer.earliestHistory();
        if (start == null) {
            return new RollupViews.Recomputed(enterprise, null, 0, 0);
        }
        writer.clearFrom(start);
        int buckets = applyTouches();
        return new RollupViews.Recomputed(enterprise, start, buckets, (System.nanoTime() - started) / 1_000_000);
    }

    @Transactional
    public RollupViews.Status status() {
        String enterprise = tenant.requireEnterprise();
        Object[] backlog = writer.backlog(Instant.now());
        return new RollupViews.Status(enterprise, ((Number) backlog[0]).longValue(), ((Number) backlog[1]).longValue(),
                org.pilotline.platform.persistence.SqlValues.instant(backlog[2]));
    }

    /** A node's buckets of one grain that start in [from, to). */
    @Transactional
    public RollupViews.Series series(RollupQuery q) {
        String enterprise = tenant.requireEnterprise();
        String code;
        String name;
        switch (q.level()) {
            case WORK_UNIT -> {
                WorkUnit u = Lookups.require(WorkUnit.class, "Work unit", q.id());
                code = u.code;
                name = u.name;
            }
            case WORK_CENTER -> {
                WorkCenter c = Lookups.require(WorkCenter.class, "Work center", q.id());
                code = c.code;
                name = c.name;
            }
            case AREA -> {
                Area a = Lookups.require(Area.class, "Area", q.id());
                code = a.code;
                name = a.name;
            }
            case SITE -> {
                Site s = Lookups.require(Site.class, "Site", q.id());
                code = s.code;
                name = s.name;
            }
            default -> {
                code = enterprise;
                name = null;
            }
        }
        Instant now = Instant.now();
        List<RollupViews.BucketView> buckets = store.series(enterprise, q.level(), q.id() == null ? 0 : q.id(),
                q.grain(), q.from(), q.to()).stream().map(r -> RollupViews.BucketView.of(r, now)).toList();
        return new RollupViews.Series(q.level().name(), q.id(), code, name, plantClock.zone().getId(), q.grain().name(),
                buckets);
    }
}
