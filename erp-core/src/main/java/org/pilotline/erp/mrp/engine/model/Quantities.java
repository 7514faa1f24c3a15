package org.pilotline.erp.mrp.engine.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact quantities as scaled longs: one unit is {@value #ONE} micro-units (6 decimal places), so ±9.2 × 10¹² units
 * fit. Input quantities with more decimals are rounded towards more demand (requirements up, supply down).
 * Products with a quantity-per factor are computed exactly (the factor is a reduced fraction) and rounded up
 * (requirements) or down (co-product output) to the micro-unit.
 */
public final class Quantities {

    public static final int SCALE = 6;
    public static final long ONE = 1_000_000L;
    private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

    private Quantities() {
    }

    /** A requirement-like quantity (demand, quantity per, safety stock): rounded up to the micro-unit. */
    public static long requirement(BigDecimal quantity) {
        return quantity.setScale(SCALE, RoundingMode.CEILING).unscaledValue().longValueExact();
    }

    /** A supply-like quantity (stock, receipts): rounded down to the micro-unit. */
    public static long supply(BigDecimal quantity) {
        return quantity.setScale(SCALE, RoundingMode.FLOOR).unscaledValue().longValueExact();
    }

    public static BigDecimal decimal(long micro) {
        return BigDecimal.valueOf(micro, SCALE);
    }

    /** ⌈quantity × numerator / denominator⌉ for a quantity ≥ 0, numerator > 0, denominator > 0, exactly. */
    public static long mulDivCeil(long quantity, long numerator, long denominator) {
        long productHigh = Math.multiplyHigh(quantity, numerator);
        long product = quantity * numerator;
        if (denominator == 1 && productHigh == 0 && product >= 0) {
            return product; // a whole quantity per without scrap: the common case, no division
        }
        if (productHigh == 0 && product >= 0) {
            long quotient = product / denominator;
            return quotient * denominator == product ? quotient : quotient + 1;
        }
        BigInteger[] quotientAndRemainder = BigInteger.valueOf(quantity).multiply(BigInteger.valueOf(numerator))
                .divideAndRemainder(BigInteger.valueOf(denominator));
        BigInteger quotient = quotientAndRemainder[1].signum() == 0 ? quotientAndRemainder[0]
                : quotientAndRemainder[0].add(BigInteger.ONE);
        return quotient.longValueExact();
    }

    /** ⌊quantity × numerator / denominator⌋ for a quantity ≥ 0, numerator > 0, denominator > 0, exactly. */
    public static long mulDivFloor(long quantity, long numerator, long denominator) {
        long productHigh = Math.multiplyHigh(quantity, numerator);
        long product = quantity * numerator;
        if (productHigh == 0 && product >= 0) {
            return product / denominator;
        }
        return BigInteger.valueOf(quantity).multiply(BigInteger.valueOf(numerator))
                .divide(BigInteger.valueOf(denominator)).longValueExact();
    }

    /** The smallest multiple of {@code multiple} not below {@code quantity} (the quantity itself when multiple is 0). */
    public static long roundUpToMultiple(long quantity, long multiple) {
        if (multiple <= 0) {
            return quantity;
        }
        long multiples = quantity / multiple;
        return (multiples * multiple == quantity ? multiples : multiples + 1) * multiple;
    }

    /** The largest multiple of {@code multiple} not above {@code quantity}. */
    public static long roundDownToMultiple(long quantity, long multiple) {
        return multiple <= 0 ? quantity : quantity / multiple * multiple;
    }

    /**
     * {@code numerator / denominator} of two decimals as a fraction of longs in lowest terms; when it does not fit,
     * the value is rounded up to 12 decimals first.
     */
    public static long[] fraction(BigDecimal numerator, BigDecimal denominator) {
        BigDecimal top = numerator.stripTrailingZeros();
        BigDecimal bottom = denominator.stripTrailingZeros();
        int scale = Math.max(Math.max(top.scale(), bottom.scale()), 0);
        BigInteger wholeTop = top.movePointRight(scale).toBigIntegerExact();
        BigInteger wholeBottom = bottom.movePointRight(scale).toBigIntegerExact();
        BigInteger divisor = wholeTop.gcd(wholeBottom);
        wholeTop = wholeTop.divide(divisor);
        wholeBottom = wholeBottom.divide(divisor);
        if (wholeTop.compareTo(MAX_LONG) > 0 || wholeBottom.compareTo(MAX_LONG) > 0) {
            BigDecimal value = numerator.divide(denominator, 12, RoundingMode.CEILING);
            return fraction(value, BigDecimal.ONE);
        }
        return new long[] {wholeTop.longValueExact(), wholeBottom.longValueExact()};
    }
}
