package org.pilotline.kpi.bureau;

import org.pilotline.kpi.rollup.RollupStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Covers a period [from, to) with as few roll-up buckets as possible (plain Java): the coarsest first (months, then the
 * days left at the edges, then the hours left), each bucket lying wholly inside the period; what no bucket covers is
 * left as a gap for the raw history. Buckets are compared as instants, so each enterprise's own zone is respected
 * without knowing it.
 */
public final class CoverRules {

    /** A piece of the period: a roll-up row, or (row null) a gap to compute from the raw history. */
    public record Piece(Instant start, Instant end, RollupStore.Row row) {
        public boolean overlaps(Instant a, Instant b) {
            return start.isBefore(b) && end.isAfter(a);
        }
    }

    private CoverRules() {
    }

    /**
     * The pieces covering [from, to) in time order: each row (of {@code coarsestFirst}, a list per grain) that lies
     * inside the period and overlaps no row already taken, and gaps between them.
     */
    public static List<Piece> cover(Instant from, Instant to, List<List<RollupStore.Row>> coarsestFirst) {
        TreeMap<Instant, Piece> taken = new TreeMap<>();
        for (List<RollupStore.Row> rows : coarsestFirst) {
            for (RollupStore.Row r : rows) {
                Instant a = r.bucket().start();
                Instant b = r.bucket().end();
                if (a.isBefore(from) || b.isAfter(to) || !b.isAfter(a) || overlapsTaken(taken, a, b)) {
                    continue;
                }
                taken.put(a, new Piece(a, b, r));
            }
        }
        List<Piece> pieces = new ArrayList<>();
        Instant at = from;
        for (Piece p : taken.values()) {
            if (p.start().isAfter(at)) {
                pieces.add(new Piece(at, p.start(), null));
            }
            pieces.add(p);
            at = p.end();
        }
        if (to.isAfter(at)) {
            pieces.add(new Piece(at, to, null));
        }
        return pieces;
    }

    /** The gaps of a cover. */
    public static List<Piece> gaps(List<Piece> pieces) {
        return pieces.stream().filter(p -> p.row() == null).toList();
    }

    private static boolean overlapsTaken(TreeMap<Instant, Piece> taken, Instant a, Instant b) {
        Map.Entry<Instant, Piece> before = taken.floorEntry(a);
        if (before != null && before.getValue().end().isAfter(a)) {
            return true;
        }
        Map.Entry<Instant, Piece> after = taken.ceilingEntry(a);
        return after != null && after.getKey().isBefore(b);
    }
}
