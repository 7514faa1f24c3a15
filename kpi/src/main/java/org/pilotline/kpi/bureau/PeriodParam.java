package org.pilotline.kpi.bureau;

import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * One end of a period as a client names it: an ISO-8601 instant (2026-03-01T00:00:00Z, or with an offset), or a date
 * (2026-03-01: the start of that day in the plant's zone, so [from, to) of dates is whole plant days, {@code to}'s day
 * excluded). Refused naming the field.
 */
public final class PeriodParam {

    private PeriodParam() {
    }

    public static Instant instantOrDate(String field, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw invalid(field, "is required");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            // an offset instead of Z, or a date
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // a date
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
