package org.pilotline.bpm.salesreview;

import org.pilotline.bpm.purchase.WorkingDays;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Objects;

/**
 * Whether an order's item can be delivered on its requested date, plain Java. Material: what is available to promise
 * then (on hand + scheduled receipts − what other orders want) covers it, or what is short can be made or bought in
 * the item's lead time (working days from today); the material date is the earlier of the day the available-to-promise
 * covers it and the day a new supply would arrive. Capacity: when what must be made would be done in a what-if
 * schedule. The earliest feasible date is the latest of the requested date's day and the two.
 */
public final class DeliveryRules {

    private DeliveryRules() {
    }

    /** What is missing on the requested date: the requirement less what is available to promise, never below 0. */
    public static BigDecimal shortage(BigDecimal required, BigDecimal available) {
        return required.subtract(available.max(BigDecimal.ZERO)).max(BigDecimal.ZERO);
    }

    /** The day a supply released today would arrive: {@code leadTimeDays} working days (Monday to Friday) on. */
    public static LocalDate replenishedBy(LocalDate today, int leadTimeDays) {
        return LocalDate.ofInstant(WorkingDays.after(today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC,
                leadTimeDays), ZoneOffset.UTC);
    }

    /**
     * The first day the material is there: the requested date when nothing is short, else the earlier of the
     * available-to-promise's first covered day ({@code atpEarliest}, null: never) and the replenishment.
     */
    public static LocalDate materialDate(LocalDate requested, BigDecimal shortage, LocalDate atpEarliest,
                                         LocalDate replenished) {
        if (shortage.signum() <= 0) {
            return requested;
        }
        return atpEarliest != null && atpEarliest.isBefore(replenished) ? atpEarliest : replenished;
    }

    /** Whether the shortage is met by making it now (not by supplies already on their way). */
    public static boolean madeForTheOrder(BigDecimal shortage, LocalDate atpEarliest, LocalDate replenished,
                                          boolean made) {
        return made && shortage.signum() > 0 && (atpEarliest == null || !atpEarliest.isBefore(replenished));
    }

    /** The latest of the dates given (nulls ignored), but not before {@code floor}. */
    public static LocalDate latest(LocalDate floor, Collection<LocalDate> dates) {
        return dates.stream().filter(Objects::nonNull).reduce(floor, (a, b) -> b.isAfter(a) ? b : a);
    }
}
