package org.pilotline.erp.item;

import org.pilotline.platform.problem.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** What makes an item's planning and tracking settings consistent. */
public final class ItemRules {

    private ItemRules() {
    }

    /** The lot-sizing parameters of a policy, as entered. */
    public record LotSizingSettings(LotSizing policy, BigDecimal quantity, BigDecimal minimum, BigDecimal maximum,
                                    BigDecimal multiple, Integer periods) {
    }

    public static List<FieldError> lotSizingProblems(LotSizingSettings s) {
        List<FieldError> problems = new ArrayList<>();
        switch (s.policy()) {
            case LOT_FOR_LOT -> {
            }
            case FIXED_QUANTITY -> {
                if (!positive(s.quantity())) {
                    problems.add(new FieldError("lotSizeQuantity", "must be more than 0 for FIXED_QUANTITY"));
                }
            }
            case MIN_MAX_MULTIPLE -> {
                if (s.minimum() == null && s.maximum() == null && s.multiple() == null) {
                    problems.add(new FieldError("lotSizeMinimum", "give a minimum, maximum or multiple for MIN_MAX_MULTIPLE"));
                }
                if (s.minimum() != null && s.minimum().signum() < 0) {
                    problems.add(new FieldError("lotSizeMinimum", "must not be negative"));
                }
                if (s.maximum() != null && !positive(s.maximum())) {
                    problems.add(new FieldError("lotSizeMaximum", "must be more than 0"));
                }
                if (s.multiple() != null && !positive(s.multiple())) {
                    problems.add(new FieldError("lotSizeMultiple", "must be more than 0"));
                }
                if (s.minimum() != null && s.maximum() != null && s.minimum().compareTo(s.maximum()) > 0) {
                    problems.add(new FieldError("lotSizeMaximum", "must not be below the minimum"));
                }
                if (s.maximum() != null && s.multiple() != null && s.maximum().compareTo(s.multiple()) < 0) {
                    problems.add(new FieldError("lotSizeMaximum", "must hold at least one multiple"));
                }
            }
            case PERIODS_OF_SUPPLY -> {
                if (s.periods() == null || s.periods() < 1) {
                    problems.add(new FieldError("periodsOfSupply", "must be 1 or more for PERIODS_OF_SUPPLY"));
                }
            }
        }
        return problems;
    }

    /** Serial numbers count single pieces, so a serial-tracked item is kept in whole units. */
    public static List<FieldError> trackingProblems(Tracking tracking, int stockUnitDecimals, boolean allowNegative) {
        List<FieldError> problems = new ArrayList<>();
        if (tracking == Tracking.SERIAL && stockUnitDecimals != 0) {
            problems.add(new FieldError("stockUnitId", "a serial-tracked item needs a whole-number unit such as pcs"));
        }
        if (tracking != Tracking.NONE && allowNegative) {
            problems.add(new FieldError("allowNegativeStock", "lot- and serial-tracked stock cannot go negative"));
        }
        return problems;
    }

    private static boolean positive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }
}
