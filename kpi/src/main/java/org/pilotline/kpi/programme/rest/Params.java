package org.pilotline.kpi.programme.rest;

import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query parameters taken as text, so that a bad one is a 400 naming it. */
final class Params {

    private Params() {
    }

    static int year(String field, String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("invalid-year", "Give a year", new FieldError(field, "is a year such as 2026"));
        }
    }

    static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("invalid-period", "Give a period", new FieldError(field, "is required"));
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("invalid-period", "Give a period", new FieldError(field,
                    "is a date such as 2026-03-01"));
        }
    }
}
