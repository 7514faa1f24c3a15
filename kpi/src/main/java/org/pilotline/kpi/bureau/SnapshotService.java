package org.pilotline.kpi.bureau;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.pilotline.kpi.indicator.Kpi;
import org.pilotline.kpi.indicator.KpiFormulas;
import org.pilotline.kpi.indicator.KpiViews;
import org.pilotline.kpi.indicator.Totals;
import org.pilotline.kpi.rollup.RollupStore;
import org.pilotline.kpi.time.TimeElement;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bureau's monthly snapshots. A month is filed per enterprise from its month roll-up once the month is over in
 * the enterprise's zone and no touch of its history waits to be applied; a filed row is never changed (inserted
 * only, "insert ignore"), so March's report stays what it was when filed and late data shows as the difference to the
 * roll-up. Filing happens by itself on the first of the month (the roll-up worker asks every minute) or when the bureau
 * files a completed month.
 */
@ApplicationScoped
public class SnapshotService {

    @Inject
    EntityManager em;

    @Inject
    RollupStore store;

    /** Files every enterprise's previous month, in its own zone, that is not filed yet (the first-of-month filing). */
    @Transactional
    public int fileDue(Instant now) {
        int filed = 0;
        for (Object row : em.createNativeQuery("select code, time_zone from enterprise").getResultList()) {
            Object[] r = (Object[]) row;
            YearMonth previous = YearMonth.from(now.atZone(ZoneId.of((String) r[1]))).minusMonths(1);
            filed += insert((String) r[0], previous, now);
        }
        return filed;
    }

    /** Files a completed month for every enterprise whose roll-ups are up to date; a filed one stays as it was. */
    @Transactional
    public SnapshotViews.Filed file(YearMonth month, Instant now) {
        if (!month.isBefore(YearMonth.now(ZoneOffset.UTC))) {
            throw DomainException.unprocessable("month-not-over", "The month is not over",
                    month + " can be filed from the first of the next month", new FieldError("month", "is not over"));
        }
        int filed = 0;
        int before = 0;
        int waiting = 0;
        for (RollupStore.EnterpriseMonth m : store.enterpriseMonths(month.toString())) {
            if (insert(m.code(), month, now) == 1) {
                filed++;
            } else if (isFiled(m.code(), month)) {
                before++;
            } else {
                waiting++;
            }
        }
        return new SnapshotViews.Filed(month.toString(), filed, before, waiting);
    }

    private int insert(String tenant, YearMonth month, Instant now) {
        return em.createNativeQuery("insert ignore into kpi_snapshot (tenant_id, month, filed_at, bucket_start,"
                        + " bucket_end, " + RollupStore.FIGURES + ") select tenant_id, label, ?3, bucket_start, bucket_end, "
                        + RollupStore.FIGURES + " from kpi_rollup where tenant_id = ?1 and level = 'ENTERPRISE'"
                        + " and node_id = 0 and grain = 'MONTH' and label = ?2 and bucket_end <= ?3 and not exists"
                        + " (select 1 from kpi_rollup_dirty d where d.tenant_id = ?1 and d.dirty_from < bucket_end)")
                .setParameter(1, tenant).setParameter(2, month.toString()).setParameter(3, now).executeUpdate();
    }

    private boolean isFiled(String tenant, YearMonth month) {
        return !em.createNativeQuery("select 1 from kpi_snapshot where tenant_id = ?1 and month = ?2")
                .setParameter(1, tenant).setParameter(2, month.toString()).getResultList().isEmpty();
    }

    /** Every enterprise's filed month beside its roll-up now. */
    @Transactional
    public SnapshotViews.Report report(YearMonth month) {
        Map<String, RollupStore.EnterpriseMonth> current = new HashMap<>();
        store.enterpriseMonths(month.toString()).forEach(m -> current.put(m.code(), m));
        List<SnapshotViews.EnterpriseSnapshot> enterprises = new ArrayList<>();
        for (Object[] r : store.rows("select e.code, e.name, e.industry, e.manufacturing_type, 'ENTERPRISE', 0,"
                + " 'MONTH', s.bucket_start, s.bucket_end, s.month, " + prefixed() + ", s.filed_at from kpi_snapshot s"
                + " join enterprise e on e.code = s.tenant_id where s.month = ?1 order by e.code", month.toString())) {
            Totals filed = RollupStore.parse(r, 4).totals();
            RollupStore.EnterpriseMonth now = current.get((String) r[0]);
            Totals live = now == null ? null : now.row().totals();
            enterprises.add(compare((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                    org.pilotline.platform.persistence.SqlValues.instant(r[r.length - 1]), filed, live));
        }
        return new SnapshotViews.Report(month.toString(), enterprises);
    }

    private static SnapshotViews.EnterpriseSnapshot compare(String code, String name, String industry, String type,
                                                            Instant filedAt, Totals filed, Totals live) {
        List<KpiFormulas.Value> f = KpiFormulas.compute(filed);
        List<KpiFormulas.Value> c = live == null ? null : KpiFormulas.compute(live);
        List<SnapshotViews.Compared> kpis = new ArrayList<>();
        boolean changed = live == null;
        for (int i = 0; i < f.size(); i++) {
            Kpi kpi = f.get(i).kpi();
            BigDecimal current = c == null ? null : c.get(i).value();
            kpis.add(SnapshotViews.Compared.of(kpi.name(), kpi.nameEn, kpi.nameZh, f.get(i).unit(), f.get(i).value(),
                    current));
        }
        List<SnapshotViews.Compared> elements = new ArrayList<>();
        for (KpiViews.TimeElementView e : KpiViews.TimeElementView.of(filed.seconds())) {
            BigDecimal was = BigDecimal.valueOf(e.seconds());
            BigDecimal is = live == null ? null : BigDecimal.valueOf(live.of(TimeElement.valueOf(e.code())));
            changed |= is != null && is.compareTo(was) != 0;
            elements.add(SnapshotViews.Compared.of(e.code(), e.nameEn(), e.nameZh(), "s", was, is));
        }
        for (SnapshotViews.Compared k : kpis) {
            changed |= k.difference() != null && k.difference().signum() != 0;
        }
        return new SnapshotViews.EnterpriseSnapshot(code, name, industry, type, filedAt, changed, kpis, elements);
    }

    private static String prefixed() {
        return "s." + RollupStore.FIGURES.replace(", ", ", s.");
    }

    /** The month's report as an Excel workbook: the figures as filed, the differences since, the KPI definitions. */
    @Transactional
    public byte[] workbook(YearMonth month) {
        return SnapshotWorkbook.write(report(month));
    }

}
