package org.pilotline.kpi.rollup;

import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * A request for roll-up buckets as a client gives it in query parameters, refused naming the field: the level and the
 * node's id (none for the enterprise), the grain, and [from, to) — at most 31 days of hours, at most 400 days otherwise.
 */
public record RollupQuery(Level level, Long id, Grain grain, Instant from, Instant to) {

    public static RollupQuery parse(String level, Long id, String grain, String from, String to) {
        Level l = constant(Level.class, "level", level);
        Grain g = constant(Grain.class, "grain", grain);
        if (l != Level.ENTERPRISE && id == null) {
            throw invalid("id", "is required for a " + l);
        }
        Instant f = instantOf("from", from);
        Instant t = instantOf("to", to);
        if (!t.isAfter(f)) {
            throw invalid("to", "must be after from");
        }
        Duration longest = Duration.ofDays(g == Grain.HOUR ? 31 : 400);
        if (Duration.between(f, t).compareTo(longest) > 0) {
            throw invalid("to", "at most " + longest.toDays() + " days after from for " + g);
        }
        return new RollupQuery(l, l == Level.ENTERPRISE ? null : id, g, f, t);
    }

    static <E extends Enum<E>> E constant(Class<E> type, String field, String text) {
        if (text == null || text.isBlank()) {
            throw invalid(field, "is required");
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(text)).findFirst()
                .orElseThrow(() -> invalid(field, "is one of " + Arrays.toString(type.getEnumConstants())));
    }

    public static Instant instantOf(String field, String text) {
        if (text == null || text.isBlank()) {
            throw invalid(field, "is required");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(field, "is an ISO-8601 instant in UTC, such as 2026-03-01T00:00:00Z");
        }
    }

    private static DomainException invalid(String field, String message) {
        return DomainException.invalid("invalid-rollup-query", "The roll-up query is invalid",
                new FieldError(field, message));
    }
}
