package org.pilotline.erp.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Available to promise, plain Java: what is on hand now plus the net of supplies and other demand dated up to a day.
 * What can be promised on a day is the lowest position from that day on, so that a promise never takes what other
 * orders already want later; an item is covered on its requested date when that is at least what the order wants, and
 * its earliest date is the first day from today on which it would be.
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
        BigDecimal available = availableFrom(onHand, changes, requested);
        LocalDate earliest = null;
        java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>(changes.tailMap(today, true).keySet());
        days.add(today);
        for (LocalDate day : days) {
            if (availableFrom(onHand, changes, day).compareTo(required) >= 0) {
                earliest = day;
                break;
            }
        }
        return new Promise(available, earliest, available.compareTo(required) >= 0);
    }

    /**
     * What may still be promised on {@code day}: the position then (on hand plus the changes dated up to it), but no
     * more than the lowest position after it, since what is promised now is missing from every later day too.
     */
    static BigDecimal availableFrom(BigDecimal onHand, NavigableMap<LocalDate, BigDecimal> changes, LocalDate day) {
        BigDecimal position = onHand;
        for (BigDecimal change : changes.headMap(day, true).values()) {
            position = position.add(change);
        }
        BigDecimal lowest = position;
        for (BigDecimal change : changes.tailMap(day, false).values()) {
            position = position.add(change);
            lowest = lowest.min(position);
        }
        return lowest;
    }
}
