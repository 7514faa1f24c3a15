package org.pilotline.kpi.time;

import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A period [from, to) as a client gives it in query parameters: ISO-8601 instants, refused naming the field. */
public record Period(Instant from, Instant to) {

    public static Period parse(String from, String to) {
        Period period = new Period(instant("from", from), instant("to", to));
        TimeModelService.requirePeriod(period.from, period.to);
        return period;
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("invalid-period", "Give a period", new FieldError(field, "is required"));
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("invalid-period", "Give a period", new FieldError(field,
                    "is an ISO-8601 instant in UTC, such as 2026-03-01T00:00:00Z"));
        }
    }
}
