package org.pilotline.erp.common;

import org.pilotline.platform.problem.FieldError;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Revisions effective from a date until (excluding) another; revisions of one thing must not overlap. */
public final class Effectivity {

    /** A revision's label and validity, open-ended when {@code to} is null. */
    public record Span(String label, LocalDate from, LocalDate to) {
    }

    private Effectivity() {
    }

    public static Optional<FieldError> problem(LocalDate from, LocalDate to) {
        if (to != null && !to.isAfter(from)) {
            return Optional.of(new FieldError("validTo", "must be after validFrom"));
        }
        return Optional.empty();
    }

    /** The first of {@code others} whose period overlaps [from, to). */
    public static Optional<Span> overlapping(LocalDate from, LocalDate to, List<Span> others) {
        for (Span other : others) {
            boolean startsBeforeOtherEnds = other.to() == null || from.isBefore(other.to());
            boolean otherStartsBeforeThisEnds = to == null || other.from().isBefore(to);
            if (startsBeforeOtherEnds && otherStartsBeforeThisEnds) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }
}
