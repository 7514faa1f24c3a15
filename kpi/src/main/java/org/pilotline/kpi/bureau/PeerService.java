package org.pilotline.kpi.bureau;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.erp.enterprise.Enterprise;
import org.pilotline.kpi.indicator.Kpi;
import org.pilotline.kpi.indicator.KpiFormulas;
import org.pilotline.kpi.rollup.RollupStore;
import org.pilotline.platform.tenancy.TenantContext;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Peer percentiles of a month: every enterprise's KPIs from its month roll-up, compared within its industry and within
 * its manufacturing type. The bureau sees every enterprise's values and standing; an enterprise sees only its own
 * values and standing, never a peer's value.
 */
@ApplicationScoped
public class PeerService {

    @Inject
    RollupStore store;

    @Inject
    TenantContext tenant;

    /** One enterprise's KPI values of the month. */
    private record Figures(RollupStore.EnterpriseMonth month, Map<Kpi, BigDecimal> kpis) {
    }

    @Transactional
    public PeerViews.Comparison compare(YearMonth month) {
        List<Figures> all = figures(month);
        List<PeerViews.EnterprisePeers> enterprises = new ArrayList<>();
        for (Figures f : all) {
            List<PeerViews.PeerValue> values = new ArrayList<>();
            for (Kpi kpi : Kpi.values()) {
                BigDecimal v = f.kpis().get(kpi);
                values.add(new PeerViews.PeerValue(kpi.name(), v,
                        percentile(kpi, v, peers(all, f, e -> e.month().industry())),
                        percentile(kpi, v, peers(all, f, e -> e.month().manufacturingType()))));
            }
            enterprises.add(new PeerViews.EnterprisePeers(f.month().code(), f.month().name(), f.month().industry(),
                    f.month().manufacturingType(), values));
        }
        List<PeerViews.PeerGroup> groups = new ArrayList<>();
        groups.addAll(groups("INDUSTRY", all, e -> e.month().industry()));
        groups.addAll(groups("MANUFACTURING_TYPE", all, e -> e.month().manufacturingType()));
        return new PeerViews.Comparison(month.toString(), enterprises, groups);
    }

    /** The caller's enterprise's own KPIs of the month and its rank among its peers — no peer's value. */
    @Transactional
    public PeerViews.OwnStanding standing(YearMonth month) {
        String code = tenant.requireEnterprise();
        Enterprise me = Enterprise.findByCode(code).orElseThrow();
        List<Figures> all = figures(month);
        Figures own = all.stream().filter(f -> f.month().code().equals(code)).findFirst().orElse(null);
        List<PeerViews.OwnKpi> kpis = new ArrayList<>();
        for (Kpi kpi : Kpi.values()) {
            BigDecimal v = own == null ? null : own.kpis().get(kpi);
            PeerRules.Standing industry = own == null ? null
                    : PeerRules.standing(kpi, v, values(kpi, peers(all, own, f -> f.month().industry())));
            PeerRules.Standing type = own == null ? null
                    : PeerRules.standing(kpi, v, values(kpi, peers(all, own, f -> f.month().manufacturingType())));
            kpis.add(new PeerViews.OwnKpi(kpi.name(), kpi.nameEn, kpi.nameZh, v, kpi.unit,
                    PeerViews.Standing.of(industry), PeerViews.Standing.of(type)));
        }
        return new PeerViews.OwnStanding(code, month.toString(), me.industry, me.manufacturingType.name(), kpis);
    }

    private List<Figures> figures(YearMonth month) {
        return store.enterpriseMonths(month.toString()).stream().map(m -> {
            Map<Kpi, BigDecimal> kpis = new EnumMap<>(Kpi.class);
            KpiFormulas.compute(m.row().totals()).forEach(v -> kpis.put(v.kpi(), v.value()));
            return new Figures(m, kpis);
        }).toList();
    }

    private static List<Figures> peers(List<Figures> all, Figures of, Function<Figures, String> group) {
        return all.stream().filter(f -> group.apply(f).equals(group.apply(of))).toList();
    }

    private static List<BigDecimal> values(Kpi kpi, List<Figures> peers) {
        return peers.stream().map(f -> f.kpis().get(kpi)).toList();
    }

    private static BigDecimal percentile(Kpi kpi, BigDecimal value, List<Figures> peers) {
        PeerRules.Standing s = PeerRules.standing(kpi, value, values(kpi, peers));
        return s == null ? null : s.percentile();
    }

    private static List<PeerViews.PeerGroup> groups(String dimension, List<Figures> all,
                                                    Function<Figures, String> group) {
        Map<String, List<Figures>> byGroup = new LinkedHashMap<>();
        all.forEach(f -> byGroup.computeIfAbsent(group.apply(f), g -> new ArrayList<>()).add(f));
        List<PeerViews.PeerGroup> groups = new ArrayList<>();
        byGroup.forEach((name, members) -> {
            List<PeerViews.KpiQuartiles> kpis = new ArrayList<>();
            for (Kpi kpi : Kpi.values()) {
                PeerRules.Quartiles q = PeerRules.quartiles(values(kpi, members));
                kpis.add(new PeerViews.KpiQuartiles(kpi.name(), q.of(), q.p25(), q.median(), q.p75()));
            }
            groups.add(new PeerViews.PeerGroup(dimension, name, members.size(), kpis));
        });
        return groups;
    }
}
