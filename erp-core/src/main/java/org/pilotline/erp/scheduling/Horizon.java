package org.pilotline.erp.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The solver's time scale: integer minutes counted from {@code start} (UTC), up to {@code end}, beyond which no working
 * time is laid out.
 */
public record Horizon(Instant start, Instant end) {

    public Horizon {
        start = start.truncatedTo(ChronoUnit.MINUTES);
    }

    /** The minute in which {@code instant} falls (rounded down). */
    public long minutesAtOrBefore(Instant instant) {
        return Math.floorDiv(Duration.between(start, instant).getSeconds(), 60);
    }

    /** The first whole minute at or after {@code instant}. */
    public long minutesAtOrAfter(Instant instant) {
        return -Math.floorDiv(-Duration.between(start, instant).getSeconds(), 60);
    }

    public Instant instantAt(long minutes) {
        return start.plus(Duration.ofMinutes(minutes));
    }
}
