package org.pilotline.kpi.bureau;

import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** A calendar month as a client names it (yyyy-MM), refused naming the field. */
public final class MonthParam {

    private MonthParam() {
    }

    public static YearMonth parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("invalid-month", "Give a month", new FieldError(field, "is required"));
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("invalid-month", "Give a month", new FieldError(field,
                    "is a month such as 2026-03"));
        }
    }
}
