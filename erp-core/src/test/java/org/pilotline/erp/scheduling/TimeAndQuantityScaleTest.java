package org.pilotline.erp.scheduling;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.scheduling.solver.model.TransferBatch;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TimeAndQuantityScaleTest {

    private final Horizon horizon = new Horizon(Instant.parse("2030-01-07T08:00:40Z"), Instant.parse("2030-02-07T00:00:00Z"));

    @Test
    void theHorizonStartsOnAWholeMinuteAndWorkingTimeIsNeverStretchedByRounding() {
        assertEquals(Instant.parse("2030-01-07T08:00:00Z"), horizon.start());
        // a window opening at 08:00:30 opens at the next whole minute; one closing at 09:00:30 closes at the minute before
        assertEquals(1, horizon.minutesAtOrAfter(Instant.parse("2030-01-07T08:00:30Z")));
        assertEquals(60, horizon.minutesAtOrBefore(Instant.parse("2030-01-07T09:00:30Z")));
        assertEquals(-1, horizon.minutesAtOrBefore(Instant.parse("2030-01-07T07:59:30Z")));
        assertEquals(Instant.parse("2030-01-07T10:00:00Z"), horizon.instantAt(120));
    }

    @Test
    void aTransferQuantityBecomesABatchOfTheOrdersOpenQuantityInWholeNumbers() {
        assertEquals(new TransferBatch(10, 100), SchedulingInputLoader.transferBatch(new BigDecimal("10"), new BigDecimal("100.000")));
        assertEquals(new TransferBatch(50, 225), SchedulingInputLoader.transferBatch(new BigDecimal("0.5"), new BigDecimal("2.25")));
        // a huge lot keeps its fraction (rounded up to millionths), not numbers that would overflow the solver's arithmetic
        assertEquals(new TransferBatch(333_334, 1_000_000), SchedulingInputLoader.transferBatch(
                new BigDecimal("1000000000.000001"), new BigDecimal("3000000000.000003")));
    }

    @Test
    void noOverlapWhenTheTransferQuantityIsMissingOrNotSmallerThanTheOrder() {
        assertNull(SchedulingInputLoader.transferBatch(null, new BigDecimal("100")));
        assertNull(SchedulingInputLoader.transferBatch(BigDecimal.ZERO, new BigDecimal("100")));
        assertNull(SchedulingInputLoader.transferBatch(new BigDecimal("100"), new BigDecimal("100")));
        assertNull(SchedulingInputLoader.transferBatch(new BigDecimal("150"), new BigDecimal("100")));
    }
}
