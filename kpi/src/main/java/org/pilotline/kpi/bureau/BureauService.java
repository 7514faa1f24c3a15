package org.pilotline.kpi.bureau;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pilotline.erp.enterprise.Enterprise;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.pilotline.kpi.indicator.DeliveryCounts;
import org.pilotline.kpi.indicator.KpiFormulas;
import org.pilotline.kpi.indicator.KpiViews;
import org.pilotline.kpi.indicator.Totals;
import org.pilotline.kpi.rollup.Grain;
import org.pilotline.kpi.rollup.RollupStore;
import org.pilotline.kpi.rollup.RollupWriter;
import org.pilotline.kpi.time.Period;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bureau's side-by-side view: every pilot enterprise's aggregate figures for one period, from the enterprise-level
 * roll-ups, deliveries included (counted from the sales lines, for all enterprises in one statement, only where the
 * period is not whole days of roll-ups). What must be read from the raw history is read as
 * that enterprise (its own transaction and tenant-filtered session), and only the aggregate leaves: no work unit,
 * interval, report or order.
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
    PieceAccounting pieces;

    @Inject
    RollupStore store;

    @Inject
    DeliveryCounts deliveryCounts;

    /**
     * Every enterprise's figures from its enterprise-level roll-ups: the months that lie inside the period, the days
     * left at its edges, then the hours; only what no current roll-up covers — sub-hour edges, buckets whose touches
     * are still pending, a bucket computed before it ended, time before the first roll-up — is computed from the raw
     * history, as that enterprise. Equal to computing the whole period from the raw history (ProgrammeHistoryTest,
     * RollupTest). Called outside a transaction, so that each enterprise's part opens a session of its own tenant.
     */
    public Comparison compare(Period period) {
        List<Enterprise> enterprises = new ArrayList<>();
        Map<String, int[]> deliveries = new HashMap<>();
        // the enterprises, their roll-up rows and their deliveries in one transaction: a few statements in all
        Map<String, List<CoverRules.Piece>> covers = QuarkusTransaction.requiringNew().call(() -> {
            Enterprise.<Enterprise>listAll().stream().sorted(java.util.Comparator.comparing(e -> e.code))
                    .forEach(enterprises::add);
            Map<String, List<CoverRules.Piece>> found = covers(period, enterprises.stream().map(e -> e.code).toList());
            // deliveries from the day, week and month rows where they cover the period; the others' in one statement
            List<DeliveryCounts.Plant> uncovered = new ArrayList<>();
            for (Enterprise e : enterprises) {
                int[] d = rolledUpDeliveries(found.get(e.code));
                if (d != null) {
                    deliveries.put(e.code, d);
                } else {
                    uncovered.add(new DeliveryCounts.Plant(e.code, ZoneId.of(e.timeZone)));
                }
            }
            if (!uncovered.isEmpty()) {
                deliveries.putAll(deliveryCounts.count(period.from(), period.to(), uncovered));
            }
            return found;
        });
        List<EnterpriseFigures> figures = enterprises.stream().map(e -> {
            List<CoverRules.Piece> cover = covers.get(e.code);
            // one current roll-up row for the whole period (a calendar month): nothing to read as the enterprise
            Totals t = cover.size() == 1 && cover.get(0).row() != null ? cover.get(0).row().totals()
                    : TenantContext.callAs(e.code, () -> pieces.totals(period, cover));
            int[] d = deliveries.get(e.code);
            t = t.withDeliveries(d[0], d[1]);
            return new EnterpriseFigures(e.code, e.name, e.industry, e.manufacturingType.name(),
                    KpiViews.TimeElementView.of(t.seconds()), KpiViews.QuantitiesView.of(t), t.failures(),
                    KpiFormulas.compute(t).stream().map(KpiViews.KpiValueView::of).toList());
        }).toList();
        return new Comparison(period.from(), period.to(), figures);
    }

    /**
     * The deliveries the cover's rows count, when every piece is a day, week or month row that counts them (the
     * period is then whole plant-local days); null otherwise (an hour, a gap: counted from the sales lines).
     */
    static int[] rolledUpDeliveries(List<CoverRules.Piece> cover) {
        int[] sum = new int[2];
        for (CoverRules.Piece p : cover) {
            if (p.row() == null || p.row().totals().linesDue() == null
                    || !RollupWriter.DELIVERY_GRAINS.contains(p.row().bucket().grain())) {
                return null;
            }
            sum[0] += p.row().totals().linesDue();
            sum[1] += p.row().totals().linesOnTime();
        }
        return sum;
    }

    /**
     * Each enterprise's pieces: month rows, then day rows for what they left, then hour rows, then gaps. Each grain is
     * read only for the gaps the coarser ones left (a calendar month reads no day), every enterprise in one statement.
     */
    private Map<String, List<CoverRules.Piece>> covers(Period period, List<String> codes) {
        Map<String, Instant> pending = store.pendingSince();
        Map<String, List<CoverRules.Piece>> covers = new HashMap<>();
        codes.forEach(c -> covers.put(c, List.of(new CoverRules.Piece(period.from(), period.to(), null))));
        for (Grain grain : List.of(Grain.MONTH, Grain.DAY, Grain.HOUR)) {
            List<RollupStore.Window> gaps = new ArrayList<>();
            covers.forEach((code, cover) -> CoverRules.gaps(cover).forEach(g -> gaps.add(new RollupStore.Window(code,
                    g.start(), g.end()))));
            if (gaps.isEmpty()) {
                break;
            }
            Map<String, List<RollupStore.Row>> rows = store.enterpriseBuckets(grain, gaps);
            for (String code : rows.keySet()) {
                List<RollupStore.Row> taken = covers.get(code).stream().filter(p -> p.row() != null)
                        .map(CoverRules.Piece::row).toList();
                covers.put(code, CoverRules.cover(period.from(), period.to(), List.of(taken,
                        current(rows.get(code), pending.get(code)))));
            }
        }
        return covers;
    }

    /** The rows that are current: computed after their bucket ended, and before any change still to be applied. */
    private static List<RollupStore.Row> current(List<RollupStore.Row> rows, Instant pendingSince) {
        if (rows == null) {
            return List.of();
        }
        return rows.stream().filter(r -> !r.computedAt().isBefore(r.bucket().end())
                && (pendingSince == null || !r.bucket().end().isAfter(pendingSince))).toList();
    }
}
