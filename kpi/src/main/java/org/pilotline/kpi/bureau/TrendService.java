package org.pilotline.kpi.bureau;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.erp.enterprise.Enterprise;
import org.pilotline.kpi.rollup.Level;
import org.pilotline.kpi.rollup.RollupQuery;
import org.pilotline.kpi.rollup.RollupStore;
import org.pilotline.kpi.rollup.RollupViews;
import org.pilotline.platform.problem.DomainException;

import java.time.Instant;
import java.util.List;

/** The bureau's trend of one enterprise: its enterprise-level roll-up buckets of a grain (aggregates only). */
@ApplicationScoped
public class TrendService {

    @Inject
    RollupStore store;

    @Transactional
    public RollupViews.Series trend(String code, String grain, String from, String to) {
        Enterprise enterprise = Enterprise.findByCode(code)
                .orElseThrow(() -> DomainException.notFound("Enterprise", code));
        RollupQuery q = RollupQuery.parse(Level.ENTERPRISE.name(), null, grain, from, to);
        Instant now = Instant.now();
        List<RollupViews.BucketView> buckets = store.series(enterprise.code, Level.ENTERPRISE, 0, q.grain(), q.from(),
                q.to()).stream().map(r -> RollupViews.BucketView.of(r, now)).toList();
        return new RollupViews.Series(Level.ENTERPRISE.name(), null, enterprise.code, enterprise.name,
                enterprise.timeZone, q.grain().name(), buckets);
    }
}
