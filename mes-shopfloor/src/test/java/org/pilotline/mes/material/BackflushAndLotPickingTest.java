package org.pilotline.mes.material;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackflushAndLotPickingTest {

    private static BigDecimal q(String v) {
        return new BigDecimal(v);
    }

    @Test
    void anOperationConsumesItsLinkedLinesAndTheLastOperationEverythingUnlinked() {
        var frame = new Backflush.ComponentLine(1, q("1"), q("0"), 10, 0);
        var screws = new Backflush.ComponentLine(2, q("4"), q("0.1"), null, 0);   // unlinked: at the last operation
        var paint = new Backflush.ComponentLine(3, q("0.125"), q("0"), 30, 3);    // litres
        var strayLink = new Backflush.ComponentLine(4, q("2"), q("0"), 99, 0);   // links an operation the routing lacks
        var lines = List.of(frame, screws, paint, strayLink);
        Set<Integer> ops = Set.of(10, 20, 30);

        assertEquals(List.of(new Backflush.Requirement(1, q("7"))), Backflush.requirements(lines, 10, false, ops, q("7")));
        assertEquals(List.of(), Backflush.requirements(lines, 20, false, ops, q("7")));
        // 7 × 4 × 1.1 = 30.8 screws → 31; 7 × 0.125 = 0.875 l; 7 × 2 = 14 of the stray line
        assertEquals(List.of(new Backflush.Requirement(2, q("31")), new Backflush.Requirement(3, q("0.875")),
                new Backflush.Requirement(4, q("14"))), Backflush.requirements(lines, 30, true, ops, q("7")));
    }

    @Test
    void lotsAreTakenFirstExpiredFirstOutThenOldestAndTheRestIsAShortage() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        var noExpiry = new LotPicker.AvailableLot(1L, "L-1", null, t, q("50"));
        var later = new LotPicker.AvailableLot(2L, "L-2", LocalDate.of(2027, 3, 1), t.plusSeconds(5), q("10"));
        var sooner = new LotPicker.AvailableLot(3L, "L-3", LocalDate.of(2027, 1, 1), t.plusSeconds(9), q("4"));
        var empty = new LotPicker.AvailableLot(4L, "L-4", LocalDate.of(2026, 12, 1), t, q("0"));

        var picking = LotPicker.pick(List.of(noExpiry, later, sooner, empty), q("20"));
        assertEquals(List.of(new LotPicker.Allocation(3L, "L-3", q("4")), new LotPicker.Allocation(2L, "L-2", q("10")),
                new LotPicker.Allocation(1L, "L-1", q("6"))), picking.allocations());
        assertEquals(0, picking.shortage().signum());

        assertEquals(q("6"), LotPicker.pick(List.of(later, sooner), q("20")).shortage());
    }
}
