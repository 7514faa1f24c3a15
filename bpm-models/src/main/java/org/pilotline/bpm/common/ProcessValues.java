package org.pilotline.bpm.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

/**
 * Reads the values the processes keep in Camunda variables back into the types of their views: ids as numbers,
 * quantities and amounts as decimal strings (exact), dates as ISO strings, the engine's timestamps as {@link Date}s.
 */
public final class ProcessValues {

    private ProcessValues() {
    }

    /** An id that is always there (0 when it is not). */
    public static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** An id that may be missing. */
    public static Long boxed(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    /** A quantity or amount kept as its decimal string. */
    public static BigDecimal decimal(Object text) {
        return text == null ? null : new BigDecimal((String) text);
    }

    /** A date kept as its ISO string. */
    public static LocalDate date(Object text) {
        return text == null ? null : LocalDate.parse((String) text);
    }

    /** One of the engine's timestamps (a {@link Date}). */
    public static Instant instant(Object date) {
        return date == null ? null : ((Date) date).toInstant();
    }
}
