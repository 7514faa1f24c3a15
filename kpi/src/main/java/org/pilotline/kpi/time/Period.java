package org.pilotline.kpi.time;

import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** A period [from, to) as a client gives it in query parameters: ISO-8601 instants, refused naming the field. */
public record Period(Instant from, Instant to) {

    public static Period parse(String from, String to) {
        return parse(from, to, null);
    }

    /**
     * With a plant's zone, an end may also be an instant with an offset (2026-03-01T08:00:00+08:00) or a date
     * (2026-03-01: the start of that day in the zone, so [from, to) of dates is whole plant days, {@code to}'s day
     * excluded); without one, only an instant in UTC.
     */
    public static Period parse(String from, String to, ZoneId zone) {
        Period period = new Period(instant("from", from, zone), instant("to", to, zone));
        TimeModelService.requirePeriod(period.from, period.to);
        return period;
    }

    private static Instant instant(String field, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw invalid(field, "is required");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            if (zone == null) {
                throw invalid(field, "is an ISO-8601 instant in UTC, such as 2026-03-01T00:00:00Z");
            }
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // a date, then
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field, "is an ISO-8601 instant such as 2026-03-01T00:00:00Z or a date such as 2026-03-01"
                    + " (the start of that day in the plant's zone)");
        }
    }

    private static DomainException invalid(String field, String message) {
        return DomainException.invalid("invalid-period", "Give a period", new FieldError(field, message));
    }
}
