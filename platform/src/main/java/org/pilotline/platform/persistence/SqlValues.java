package org.pilotline.platform.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Reading values of native query rows, whose Java types depend on the driver and the Hibernate version. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A datetime column as an instant: the database keeps UTC (connectionTimeZone=UTC). */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        return (Instant) value;
    }

    /** {@code n} JDBC parameter markers separated by commas, for an {@code in (…)} list of that many values. */
    public static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
