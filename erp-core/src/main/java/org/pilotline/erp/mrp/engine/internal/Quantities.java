package org.pilotline.erp.mrp.engine.internal;

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

    /** ⌈a × num / den⌉ for a ≥ 0, num > 0, den > 0, exactly. */
    public static long mulDivCeil(long a, long num, long den) {
        long hi = Math.multiplyHigh(a, num);
        long lo = a * num;
        if (den == 1 && hi == 0 && lo >= 0) {
            return lo; // a whole quantity per without scrap: the common case, no division
        }
        if (hi == 0 && lo >= 0) {
            long q = lo / den;
            return q * den == lo ? q : q + 1;
        }
        BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(num)).divideAndRemainder(BigInteger.valueOf(den));
        BigInteger q = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        return q.longValueExact();
    }

    /** ⌊a × num / den⌋ for a ≥ 0, num > 0, den > 0, exactly. */
    public static long mulDivFloor(long a, long num, long den) {
        long hi = Math.multiplyHigh(a, num);
        long lo = a * num;
        if (hi == 0 && lo >= 0) {
            return lo / den;
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(num)).divide(BigInteger.valueOf(den)).longValueExact();
    }

    /** The smallest multiple of {@code multiple} not below {@code quantity} (the quantity itself when multiple is 0). */
    public static long roundUpToMultiple(long quantity, long multiple) {
        if (multiple <= 0) {
            return quantity;
        }
        long q = quantity / multiple;
        return (q * multiple == quantity ? q : q + 1) * multiple;
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
        BigDecimal n = numerator.stripTrailingZeros();
        BigDecimal d = denominator.stripTrailingZeros();
        int scale = Math.max(Math.max(n.scale(), d.scale()), 0);
        BigInteger num = n.movePointRight(scale).toBigIntegerExact();
        BigInteger den = d.movePointRight(scale).toBigIntegerExact();
        BigInteger g = num.gcd(den);
        num = num.divide(g);
        den = den.divide(g);
        if (num.compareTo(MAX_LONG) > 0 || den.compareTo(MAX_LONG) > 0) {
            BigDecimal value = numerator.divide(denominator, 12, RoundingMode.CEILING);
            return fraction(value, BigDecimal.ONE);
        }
        return new long[] {num.longValueExact(), den.longValueExact()};
    }
}
