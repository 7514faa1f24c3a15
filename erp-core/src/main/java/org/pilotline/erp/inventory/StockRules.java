package org.pilotline.erp.inventory;

import org.pilotline.platform.problem.FieldError;
import org.pilotline.erp.item.Tracking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The shape a stock move must have; plain Java so that the rules are read and tested on their own. */
public final class StockRules {

    private StockRules() {
    }

    /** Which locations each kind of move names, and whether the reason fits the kind. */
    public static List<FieldError> shapeProblems(MoveType type, MoveReason reason, Long fromId, Long toId) {
        List<FieldError> problems = new ArrayList<>();
        switch (type) {
            case RECEIPT -> {
                if (toId == null) {
                    problems.add(new FieldError("toLocationId", "a receipt needs the location it goes to"));
                }
                if (fromId != null) {
                    problems.add(new FieldError("fromLocationId", "a receipt comes from outside: give no fromLocationId"));
                }
            }
            case ISSUE -> {
                if (fromId == null) {
                    problems.add(new FieldError("fromLocationId", "an issue needs the location it leaves"));
                }
                if (toId != null) {
                    problems.add(new FieldError("toLocationId", "an issue goes outside: give no toLocationId"));
                }
            }
            case TRANSFER -> {
                if (fromId == null || toId == null) {
                    problems.add(new FieldError(fromId == null ? "fromLocationId" : "toLocationId",
                            "a transfer needs both locations"));
                } else if (fromId.equals(toId)) {
                    problems.add(new FieldError("toLocationId", "must differ from fromLocationId"));
                }
            }
            case ADJUSTMENT -> {
                if ((fromId == null) == (toId == null)) {
                    problems.add(new FieldError("toLocationId",
                            "an adjustment names one location: toLocationId to add, fromLocationId to take away"));
                }
            }
        }
        if (!reason.fits(type)) {
            problems.add(new FieldError("reason", reason + " does not fit a " + type));
        }
        return problems;
    }

    /** Lot-tracked stock moves by lot; a serial number is one piece. */
    public static List<FieldError> trackingProblems(Tracking tracking, String lotNumber, BigDecimal quantity) {
        List<FieldError> problems = new ArrayList<>();
        boolean hasLot = lotNumber != null && !lotNumber.isBlank();
        if (tracking == Tracking.NONE && hasLot) {
            problems.add(new FieldError("lotNumber", "the item is not tracked by lot or serial number"));
        }
        if (tracking != Tracking.NONE && !hasLot) {
            problems.add(new FieldError("lotNumber", "the item is tracked by " + (tracking == Tracking.LOT
                    ? "lot: give the lot number" : "serial number: give the serial number")));
        }
        if (tracking == Tracking.SERIAL && quantity.compareTo(BigDecimal.ONE) != 0) {
            problems.add(new FieldError("quantity", "a serial number moves one piece at a time"));
        }
        return problems;
    }

    /** A quantity finer than its unit keeps (1.5 pcs) is refused rather than silently rounded. */
    public static Optional<FieldError> precisionProblem(BigDecimal quantity, int decimals, String unit) {
        if (quantity.stripTrailingZeros().scale() > decimals) {
            return Optional.of(new FieldError("quantity", "has more than " + decimals + " decimal places for unit " + unit));
        }
        return Optional.empty();
    }

    /** Whether taking {@code quantity} leaves the location short: physically, or by eating into others' reservations. */
    public static boolean wouldBeShort(BigDecimal onHandOfLot, BigDecimal onHandAtLocation, BigDecimal reservedForOthers,
                                       BigDecimal quantity) {
        return onHandOfLot.compareTo(quantity) < 0
                || onHandAtLocation.subtract(reservedForOthers).compareTo(quantity) < 0;
    }
}
