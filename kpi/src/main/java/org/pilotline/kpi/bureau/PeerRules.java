package org.pilotline.kpi.bureau;

import org.pilotline.kpi.indicator.Kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a value stands among its peers' values of one KPI (plain Java). Values without a figure (a zero denominator)
 * take no part. "Worse" follows the KPI's good direction, so a higher percentile is always better.
 */
public final class PeerRules {

    /**
     * @param rank       1 for the best value; equal values share the best rank of their group
     * @param of         how many peers (this one included) have a value
     * @param percentile percentile rank, 0–100: (peers worse + half of the equal ones, itself included) / peers
     */
    public record Standing(int rank, int of, BigDecimal percentile) {
    }

    /** Quartiles of the peers' values by the nearest-rank method (each one a value some peer has). */
    public record Quartiles(int of, BigDecimal p25, BigDecimal median, BigDecimal p75) {
    }

    private PeerRules() {
    }

    /** The standing of {@code value} among {@code peers} (which include it); null if it has no value. */
    public static Standing standing(Kpi kpi, BigDecimal value, List<BigDecimal> peers) {
        if (value == null) {
            return null;
        }
        List<BigDecimal> values = peers.stream().filter(v -> v != null).toList();
        int better = 0;
        int worse = 0;
        int equal = 0;
        for (BigDecimal v : values) {
            int c = v.compareTo(value);
            if (c == 0) {
                equal++;
            } else if ((c > 0) == (kpi.goodDirection == Kpi.Direction.HIGHER)) {
                better++;
            } else {
                worse++;
            }
        }
        BigDecimal percentile = BigDecimal.valueOf(worse * 2L + equal).multiply(BigDecimal.valueOf(50))
                .divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP);
        return new Standing(better + 1, values.size(), percentile);
    }

    public static Quartiles quartiles(List<BigDecimal> peers) {
        List<BigDecimal> values = new ArrayList<>(peers.stream().filter(v -> v != null).toList());
        if (values.isEmpty()) {
            return new Quartiles(0, null, null, null);
        }
        values.sort(null);
        return new Quartiles(values.size(), nearestRank(values, 25), nearestRank(values, 50), nearestRank(values, 75));
    }

    private static BigDecimal nearestRank(List<BigDecimal> sorted, int p) {
        int rank = (int) Math.ceil(p * sorted.size() / 100.0);
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
