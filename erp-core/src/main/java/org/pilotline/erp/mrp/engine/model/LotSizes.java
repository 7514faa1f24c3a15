package org.pilotline.erp.mrp.engine.model;

import org.pilotline.erp.mrp.engine.input.Item;
import org.pilotline.erp.mrp.engine.input.LotSizing;

import java.util.List;

/**
 * The lot-sizing rule of {@link LotSizing}, the one implementation of it: what makes an item's lot size plannable
 * (checked when the model is compiled) and how a shortfall becomes planned order quantities
 * ({@link #orderQuantity}). Per item in micro-units, as primitive arrays, because the planner asks for every planned
 * order it creates.
 */
public final class LotSizes {

    private static final byte LOT_FOR_LOT = 0;
    private static final byte FIXED_QUANTITY = 1;
    private static final byte MIN_MAX_MULTIPLE = 2;
    private static final byte PERIODS_OF_SUPPLY = 3;

    private final byte[] policy;
    /** The smallest order quantity step: 10^(6 − the stock unit's decimals) micro-units. */
    private final long[] orderStep;
    private final long[] fixedQuantity;
    private final long[] minimum;
    /** The multiple of MIN_MAX_MULTIPLE; the order step when none is given. */
    private final long[] multiple;
    /** The largest multiple not above the maximum of MIN_MAX_MULTIPLE, 0 for no maximum. */
    private final long[] maximum;
    private final int[] periods;

    /** Lot sizes for {@code itemCount} items, each filled in by {@link #compile}. */
    LotSizes(int itemCount) {
        policy = new byte[itemCount];
        orderStep = new long[itemCount];
        fixedQuantity = new long[itemCount];
        minimum = new long[itemCount];
        multiple = new long[itemCount];
        maximum = new long[itemCount];
        periods = new int[itemCount];
    }

    /** Compiles the lot size of {@code item}; one that cannot be planned is added to {@code problems}. */
    void compile(int item, Item input, List<InputProblem> problems) {
        long step = (long) Math.pow(10, Quantities.SCALE - input.decimals());
        orderStep[item] = step;
        LotSizing lotSizing = input.lotSizing();
        if (lotSizing instanceof LotSizing.FixedQuantity fixed) {
            policy[item] = FIXED_QUANTITY;
            fixedQuantity[item] = Quantities.requirement(fixed.quantity());
            if (fixedQuantity[item] % step != 0) {
                problems.add(tooManyDecimals(input, "fixed quantity " + fixed.quantity()));
            }
        } else if (lotSizing instanceof LotSizing.MinMaxMultiple range) {
            policy[item] = MIN_MAX_MULTIPLE;
            long givenMultiple = Quantities.requirement(range.multiple());
            multiple[item] = givenMultiple == 0 ? step : givenMultiple;
            if (multiple[item] % step != 0) {
                problems.add(tooManyDecimals(input, "multiple " + range.multiple()));
            }
            minimum[item] = Quantities.requirement(range.minimum());
            long givenMaximum = Quantities.supply(range.maximum());
            maximum[item] = givenMaximum == 0 ? 0 : Quantities.roundDownToMultiple(givenMaximum, multiple[item]);
            if (givenMaximum > 0 && (maximum[item] <= 0 || maximum[item] < minimum[item])) {
                problems.add(new InputProblem("invalid-lot-size", "lot size of " + input.code() + ": no multiple of "
                        + range.multiple() + " lies between minimum " + range.minimum() + " and maximum "
                        + range.maximum(), List.of(input.code())));
            }
        } else if (lotSizing instanceof LotSizing.PeriodsOfSupply supply) {
            policy[item] = PERIODS_OF_SUPPLY;
            periods[item] = supply.periods();
        } else {
            policy[item] = LOT_FOR_LOT;
        }
    }

    private static InputProblem tooManyDecimals(Item item, String what) {
        return new InputProblem("invalid-lot-size", "lot size of " + item.code() + ": " + what + " has more than "
                + item.decimals() + " decimals, the item's stock unit", List.of(item.code()));
    }

    /**
     * The quantity of the next planned order for a shortfall (&gt; 0): the fixed quantity; the shortfall raised to
     * the minimum and rounded up to the multiple, at most the maximum; else the shortfall rounded up to the stock
     * unit. Orders are created until the shortfall is covered, so it takes several where a quantity falls short.
     */
    public long orderQuantity(int item, long shortfall) {
        return switch (policy[item]) {
            case FIXED_QUANTITY -> fixedQuantity[item];
            case MIN_MAX_MULTIPLE -> {
                long quantity = Quantities.roundUpToMultiple(Math.max(shortfall, minimum[item]), multiple[item]);
                yield maximum[item] > 0 && quantity > maximum[item] ? maximum[item] : quantity;
            }
            default -> Quantities.roundUpToMultiple(shortfall, orderStep[item]);
        };
    }

    /**
     * How many weekly buckets, counted from the shortage's, one order covers (periods of supply), or 0 when the
     * item's order covers the shortfall of the day only.
     */
    public int periodsOfSupply(int item) {
        return policy[item] == PERIODS_OF_SUPPLY ? periods[item] : 0;
    }
}
