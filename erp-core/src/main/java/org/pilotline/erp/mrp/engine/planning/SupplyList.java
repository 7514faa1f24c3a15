package org.pilotline.erp.mrp.engine.planning;

import java.util.Arrays;

/**
 * The supply elements of the item being planned — stock, then receipts and co-product receipts by date, then the
 * planned orders netting creates — as growable parallel arrays kept from item to item (one list per planner thread).
 */
final class SupplyList {

    /** {@link #firstNeed} of a supply nothing has taken from yet. */
    static final int NOT_NEEDED = Integer.MIN_VALUE;

    int count;
    byte[] kind = new byte[64];
    int[] date = new int[64];
    long[] quantity = new long[64];
    /** What netting has not taken yet. */
    long[] remaining = new long[64];
    /** Where the supply comes from: see {@link ItemPlan} (sources). */
    int[] source = new int[64];
    int[] sourceOrder = new int[64];
    /** Release day of a firmed or planned order, else -1. */
    int[] release = new int[64];
    /** Formula of a firmed or planned order of a make item, else -1. */
    int[] formula = new int[64];
    /** The netting date of the first demand that took from it, or {@link #NOT_NEEDED}. */
    int[] firstNeed = new int[64];
    int firmedCount;
    int plannedCount;

    void clear() {
        count = 0;
        firmedCount = 0;
        plannedCount = 0;
    }

    /** Adds a supply with all of its quantity remaining; returns its index. */
    int add(byte supplyKind, int dueDate, long supplyQuantity, int supplySource, int supplySourceOrder,
            int releaseDay, int formulaIndex) {
        if (count == kind.length) {
            grow();
        }
        kind[count] = supplyKind;
        date[count] = dueDate;
        quantity[count] = supplyQuantity;
        remaining[count] = supplyQuantity;
        source[count] = supplySource;
        sourceOrder[count] = supplySourceOrder;
        release[count] = releaseDay;
        formula[count] = formulaIndex;
        firstNeed[count] = NOT_NEEDED;
        return count++;
    }

    private void grow() {
        int size = kind.length * 2;
        kind = Arrays.copyOf(kind, size);
        date = Arrays.copyOf(date, size);
        quantity = Arrays.copyOf(quantity, size);
        remaining = Arrays.copyOf(remaining, size);
        source = Arrays.copyOf(source, size);
        sourceOrder = Arrays.copyOf(sourceOrder, size);
        release = Arrays.copyOf(release, size);
        formula = Arrays.copyOf(formula, size);
        firstNeed = Arrays.copyOf(firstNeed, size);
    }
}
