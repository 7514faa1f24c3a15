package org.pilotline.erp.mrp;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.mrp.engine.model.Quantities;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scaled-long arithmetic is exact, and rounds towards more demand. */
class QuantitiesTest {

    @Test
    void requirementsRoundUpAndSuppliesRoundDownToTheMicroUnit() {
        assertEquals(1_000_001L, Quantities.requirement(new BigDecimal("1.0000001")));
        assertEquals(1_000_000L, Quantities.supply(new BigDecimal("1.0000009")));
        assertEquals(0, new BigDecimal("1.5").compareTo(Quantities.decimal(1_500_000L)));
    }

    @Test
    void aQuantityPerWithScrapOrPerBatchBecomesAFractionInLowestTerms() {
        // 2 per parent with 5 % scrap: 2.1 = 21/10. 50 kg per batch of 100 kg at 80 % yield: 50/80 = 5/8.
        assertArrayEquals(new long[] {21, 10},
                Quantities.fraction(new BigDecimal("2").multiply(new BigDecimal("1.05")), BigDecimal.ONE));
        assertArrayEquals(new long[] {5, 8},
                Quantities.fraction(new BigDecimal("50"), new BigDecimal("100").multiply(new BigDecimal("0.8"))));
    }

    @Test
    void productsThatOverflowALongOnTheWayAreStillExact() {
        long nineMillionUnits = 9_000_000_000_000L;
        // × 7/3 (as 7,000,001/3,000,000): the product 6.3 × 10^19 does not fit a long, the result does.
        BigInteger exact = BigInteger.valueOf(nineMillionUnits).multiply(BigInteger.valueOf(7_000_001));
        BigInteger[] qr = exact.divideAndRemainder(BigInteger.valueOf(3_000_000));

        assertEquals(qr[0].add(qr[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE).longValueExact(),
                Quantities.mulDivCeil(nineMillionUnits, 7_000_001, 3_000_000));
        assertEquals(qr[0].longValueExact(), Quantities.mulDivFloor(nineMillionUnits, 7_000_001, 3_000_000));
    }

    @Test
    void roundingToAMultipleGoesUpAndTheCapGoesDown() {
        assertEquals(30, Quantities.roundUpToMultiple(21, 10));
        assertEquals(20, Quantities.roundUpToMultiple(20, 10));
        assertEquals(40, Quantities.roundDownToMultiple(45, 10));
        assertEquals(21, Quantities.roundUpToMultiple(21, 0));
    }
}
