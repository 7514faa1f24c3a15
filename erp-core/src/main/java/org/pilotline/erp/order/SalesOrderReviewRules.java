package org.pilotline.erp.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Available to promise, plain Java: what is on hand now plus the net of supplies and other demand dated up to a day.
 * An item is covered on its requested date when that is at least what the order wants; the earliest date is the first
 * day from today on which it would be.
 */
public final class SalesOrderReviewRules {

    /** What is available on the requested date, the first date from which the requirement is covered (null: never). */
    public record Promise(BigDecimal available, LocalDate earliest, boolean covered) {
    }

    private SalesOrderReviewRules() {
    }

    public static boolean withinLimit(BigDecimal limit, BigDecimal openValue) {
        return limit == null || openValue.compareTo(limit) <= 0;
    }

    public static Promise promise(BigDecimal onHand, NavigableMap<LocalDate, BigDecimal> changes, LocalDate requested,
                                  BigDecimal required, LocalDate today) {
        BigDecimal available = onHand;
        for (Map.Entry<LocalDate, BigDecimal> change : changes.headMap(requested, true).entrySet()) {
            available = available.add(change.getValue());
        }
        LocalDate earliest = null;
        for (LocalDate day : candidates(changes, today)) {
            if (coveredFrom(onHand, changes, day, required)) {
                earliest = day;
                break;
            }
        }
        boolean covered = coveredFrom(onHand, changes, requested, required);
        return new Promise(available, earliest, covered);
    }

    private static Iterable<LocalDate> candidates(NavigableMap<LocalDate, BigDecimal> changes, LocalDate today) {
        java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>(changes.tailMap(today, true).keySet());
        days.add(today);
        return days;
    }

    /** What is available on {@code day} (on hand plus the net of changes dated up to it) covers {@code required}. */
    private static boolean coveredFrom(BigDecimal onHand, NavigableMap<LocalDate, BigDecimal> changes, LocalDate day,
                                       BigDecimal required) {
        BigDecimal position = onHand;
        for (BigDecimal change : changes.headMap(day, true).values()) {
            position = position.add(change);
        }
        return position.compareTo(required) >= 0;
    }
}
