package org.pilotline.kpi.bureau;

import org.junit.jupiter.api.Test;
import org.pilotline.kpi.indicator.Totals;
import org.pilotline.kpi.rollup.Bucket;
import org.pilotline.kpi.rollup.BucketRules;
import org.pilotline.kpi.rollup.Grain;
import org.pilotline.kpi.rollup.Level;
import org.pilotline.kpi.rollup.RollupStore;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CoverRulesTest {

    private static final ZoneId PLANT = ZoneId.of("Asia/Shanghai");

    @Test
    void aPeriodIsCoveredByItsMonthThenTheDaysAndHoursAtItsEdgesAndTheRestIsLeftForTheRawHistory() {
        // 2026-02-27 06:40 .. 2026-04-02 14:25 in the plant's zone (more than a month, for the rule's sake)
        Instant from = Instant.parse("2026-02-26T22:40:00Z");
        Instant to = Instant.parse("2026-04-02T06:25:00Z");
        List<RollupStore.Row> months = rows(Grain.MONTH, Instant.parse("2026-01-20T00:00:00Z"), to);
        List<RollupStore.Row> days = rows(Grain.DAY, from, to);
        List<RollupStore.Row> hours = rows(Grain.HOUR, from, to);
        List<CoverRules.Piece> pieces = CoverRules.cover(from, to, List.of(months, days, hours));

        assertEquals(from, pieces.get(0).start());
        assertNull(pieces.get(0).row(), "06:40 to 07:00 has no bucket of its own");
        assertEquals(Instant.parse("2026-02-26T23:00:00Z"), pieces.get(1).start());
        assertEquals(Grain.HOUR, pieces.get(1).row().bucket().grain());
        long months1 = pieces.stream().filter(p -> p.row() != null && p.row().bucket().grain() == Grain.MONTH).count();
        assertEquals(1, months1, "March");
        long daysTaken = pieces.stream().filter(p -> p.row() != null && p.row().bucket().grain() == Grain.DAY).count();
        assertEquals(2, daysTaken, "28 February and 1 April (27 February is partial: its hours)");
        assertEquals(to, pieces.get(pieces.size() - 1).end());
        assertNull(pieces.get(pieces.size() - 1).row(), "14:00 to 14:25");
        for (int i = 1; i < pieces.size(); i++) {
            assertEquals(pieces.get(i - 1).end(), pieces.get(i).start(), "pieces are adjacent");
        }
        assertEquals(2, CoverRules.gaps(pieces).size());
    }

    @Test
    void withoutRowsThePeriodIsOneGapAndAMissingDayIsCoveredByItsHours() {
        Instant from = Instant.parse("2026-03-01T16:00:00Z");
        Instant to = Instant.parse("2026-03-04T16:00:00Z");
        assertEquals(List.of(new CoverRules.Piece(from, to, null)), CoverRules.cover(from, to, List.of(List.of())));
        List<RollupStore.Row> days = rows(Grain.DAY, from, to).stream()
                .filter(r -> !r.bucket().label().equals("2026-03-03")).toList();
        List<CoverRules.Piece> pieces = CoverRules.cover(from, to, List.of(days, rows(Grain.HOUR, from, to)));
        assertEquals(2 + 24, pieces.size());
        assertEquals(0, CoverRules.gaps(pieces).size());
    }

    private static List<RollupStore.Row> rows(Grain grain, Instant from, Instant to) {
        return BucketRules.between(grain, PLANT, from, to).stream()
                .map(b -> new RollupStore.Row(Level.ENTERPRISE, 0, b, Totals.empty(), b.end())).toList();
    }
}
