package org.pilotline.kpi.bureau;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pilotline.erp.enterprise.Enterprise;
import org.pilotline.kpi.indicator.KpiService;
import org.pilotline.kpi.indicator.KpiViews;
import org.pilotline.kpi.time.Period;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.List;

/**
 * The bureau's side-by-side view: every pilot enterprise's aggregate figures for one period. Each enterprise's figures
 * are computed as that enterprise (its own transaction and tenant-filtered session), and only the aggregate leaves:
 * no work unit, interval, report or order.
 */
@ApplicationScoped
public class BureauService {

    @Schema(description = "One enterprise's aggregate time elements, quantities and KPIs for the period")
    public record EnterpriseFigures(String code, String name, String industry, String manufacturingType,
                                    List<KpiViews.TimeElementView> timeElements, KpiViews.QuantitiesView quantities,
                                    int failures, List<KpiViews.KpiValueView> kpis) {
    }

    @Schema(description = "The programme's enterprises side by side")
    public record Comparison(java.time.Instant from, java.time.Instant to, List<EnterpriseFigures> enterprises) {
    }

    @Inject
    KpiService kpis;

    /** Called outside a transaction, so that each enterprise's computation opens a session of its own tenant. */
    public Comparison compare(Period period) {
        List<Enterprise> enterprises = Enterprise.<Enterprise>listAll().stream()
                .sorted(java.util.Comparator.comparing(e -> e.code)).toList();
        List<EnterpriseFigures> figures = enterprises.stream().map(e -> {
            KpiViews.KpiReport r = TenantContext.callAs(e.code, () -> kpis.enterpriseAggregate(period));
            return new EnterpriseFigures(e.code, e.name, e.industry, e.manufacturingType.name(), r.timeElements(),
                    r.quantities(), r.failures(), r.kpis());
        }).toList();
        return new Comparison(period.from(), period.to(), figures);
    }
}
