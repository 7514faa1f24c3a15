package org.pilotline.kpi.bureau;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** What the peer comparisons answer. */
public final class PeerViews {

    private PeerViews() {
    }

    @Schema(description = "A KPI of one enterprise for the bureau: its value and percentile rank within its industry and"
            + " within its manufacturing type (0–100, higher is better whatever the KPI's direction)")
    public record PeerValue(String code, BigDecimal value, BigDecimal industryPercentile, BigDecimal typePercentile) {
    }

    @Schema(description = "One enterprise's month KPIs among its peers")
    public record EnterprisePeers(String code, String name, String industry, String manufacturingType,
                                  List<PeerValue> kpis) {
    }

    @Schema(description = "Quartiles of one KPI in a peer group (nearest rank: each a value some peer has)")
    public record KpiQuartiles(String code, int enterprises, BigDecimal p25, BigDecimal median, BigDecimal p75) {
    }

    @Schema(description = "A peer group: the enterprises of one industry or of one manufacturing type")
    public record PeerGroup(String dimension, String group, int enterprises, List<KpiQuartiles> kpis) {
    }

    @Schema(description = "The bureau's peer comparison of a month, from the enterprises' month roll-ups")
    public record Comparison(String month, List<EnterprisePeers> enterprises, List<PeerGroup> groups) {
    }

    @Schema(description = "Where the enterprise stands among its peers: rank (1 = best), how many have a value, and"
            + " percentile rank; never a peer's value")
    public record Standing(int rank, int of, BigDecimal percentile) {
        static Standing of(PeerRules.Standing s) {
            return s == null ? null : new Standing(s.rank(), s.of(), s.percentile());
        }
    }

    @Schema(description = "One of the enterprise's own KPIs and its standing within its industry and its manufacturing"
            + " type")
    public record OwnKpi(String code, String nameEn, String nameZh, BigDecimal value, String unit,
                         Standing industry, Standing manufacturingType) {
    }

    @Schema(description = "The caller's enterprise's KPIs of a month and its rank among its peers")
    public record OwnStanding(String enterprise, String month, String industry, String manufacturingType,
                              List<OwnKpi> kpis) {
    }
}
