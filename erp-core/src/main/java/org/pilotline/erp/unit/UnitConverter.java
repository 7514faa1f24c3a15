package org.pilotline.erp.unit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts quantities between units along the shortest chain of known ratios (kg → g, box → pcs). The factor is
 * multiplied out as a fraction and divided once at the end with 34 significant digits, and the result is kept to
 * {@link #SCALE} places, so that converting there and back returns the quantity one started with.
 */
public final class UnitConverter {

    /** Decimal places of a converted quantity before it is rounded to a stored unit's precision. */
    public static final int SCALE = 12;

    /** One known equality: {@code fromQuantity} of one unit equals {@code toQuantity} of another. */
    public record Ratio(long fromUnit, long toUnit, BigDecimal fromQuantity, BigDecimal toQuantity) {
    }

    private record Edge(long to, BigDecimal numerator, BigDecimal denominator) {
    }

    private record Fraction(BigDecimal numerator, BigDecimal denominator) {
        Fraction times(Edge edge) {
            return new Fraction(numerator.multiply(edge.numerator()), denominator.multiply(edge.denominator()));
        }
    }

    private final Map<Long, List<Edge>> edges = new HashMap<>();

    /** Item-specific ratios should come after the global ones; for the same pair, the later one wins. */
    public UnitConverter(List<Ratio> ratios) {
        Map<Long, Map<Long, Edge>> byPair = new HashMap<>();
        for (Ratio r : ratios) {
            byPair.computeIfAbsent(r.fromUnit(), k -> new HashMap<>())
                    .put(r.toUnit(), new Edge(r.toUnit(), r.toQuantity(), r.fromQuantity()));
            byPair.computeIfAbsent(r.toUnit(), k -> new HashMap<>())
                    .put(r.fromUnit(), new Edge(r.fromUnit(), r.fromQuantity(), r.toQuantity()));
        }
        byPair.forEach((from, targets) -> edges.put(from, List.copyOf(targets.values())));
    }

    /** {@code quantity} of unit {@code from} expressed in unit {@code to}, or empty when no chain of ratios links them. */
    public Optional<BigDecimal> convert(BigDecimal quantity, long from, long to) {
        return factor(from, to).map(f -> quantity.multiply(f.numerator())
                .divide(f.denominator(), MathContext.DECIMAL128)
                .setScale(SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros());
    }

    private Optional<Fraction> factor(long from, long to) {
        Map<Long, Fraction> reached = new HashMap<>();
        reached.put(from, new Fraction(BigDecimal.ONE, BigDecimal.ONE));
        ArrayDeque<Long> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            long unit = queue.poll();
            if (unit == to) {
                return Optional.of(reached.get(unit));
            }
            for (Edge edge : edges.getOrDefault(unit, List.of())) {
                if (!reached.containsKey(edge.to())) {
                    reached.put(edge.to(), reached.get(unit).times(edge));
                    queue.add(edge.to());
                }
            }
        }
        return Optional.empty();
    }
}
