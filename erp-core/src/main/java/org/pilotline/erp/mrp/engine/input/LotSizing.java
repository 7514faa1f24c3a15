package org.pilotline.erp.mrp.engine.input;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How a net requirement becomes planned order quantities. Quantities are in the item's stock unit.
 */
public sealed interface LotSizing
        permits LotSizing.LotForLot, LotSizing.FixedQuantity, LotSizing.MinMaxMultiple, LotSizing.PeriodsOfSupply {

    /** Exactly the net requirement of the day. */
    record LotForLot() implements LotSizing {
    }

    /** Orders of exactly {@code quantity}; as many as the net requirement needs. */
    record FixedQuantity(BigDecimal quantity) implements LotSizing {
        public FixedQuantity {
            requirePositive(quantity, "fixed quantity");
        }
    }

    /**
     * The net requirement raised to {@code minimum}, rounded up to a {@code multiple}; one order never exceeds
     * {@code maximum} (the largest multiple not above it), further orders are created as needed. A null or zero
     * minimum, maximum or multiple means no such constraint.
     */
    record MinMaxMultiple(BigDecimal minimum, BigDecimal maximum, BigDecimal multiple) implements LotSizing {
        public MinMaxMultiple {
            minimum = minimum == null ? BigDecimal.ZERO : minimum;
            maximum = maximum == null ? BigDecimal.ZERO : maximum;
            multiple = multiple == null ? BigDecimal.ZERO : multiple;
            if (minimum.signum() < 0 || maximum.signum() < 0 || multiple.signum() < 0) {
                throw new IllegalArgumentException("minimum, maximum and multiple must not be negative");
            }
            if (maximum.signum() > 0 && maximum.compareTo(minimum) < 0) {
                throw new IllegalArgumentException("maximum " + maximum + " is below minimum " + minimum);
            }
        }
    }

    /**
     * One order covers the net requirements of {@code periods} weekly buckets, starting with the bucket of the
     * shortage (periodic order quantity).
     */
    record PeriodsOfSupply(int periods) implements LotSizing {
        public PeriodsOfSupply {
            if (periods < 1) {
                throw new IllegalArgumentException("periods of supply must be at least 1, was " + periods);
            }
        }
    }

    static LotSizing lotForLot() {
        return new LotForLot();
    }

    static LotSizing fixedQuantity(long quantity) {
        return new FixedQuantity(BigDecimal.valueOf(quantity));
    }

    static LotSizing minMaxMultiple(long minimum, long maximum, long multiple) {
        return new MinMaxMultiple(BigDecimal.valueOf(minimum), BigDecimal.valueOf(maximum), BigDecimal.valueOf(multiple));
    }

    static LotSizing periodsOfSupply(int periods) {
        return new PeriodsOfSupply(periods);
    }

    private static void requirePositive(BigDecimal value, String what) {
        Objects.requireNonNull(value, what);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
    }
}
