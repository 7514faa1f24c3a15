package org.pilotline.erp.mrp.engine.planning;

import org.pilotline.erp.mrp.engine.model.Kinds;

import java.util.Arrays;

/**
 * The demand elements of the item being planned, in the order they were gathered, as growable parallel arrays kept
 * from item to item (one list per planner thread). Once {@link #sortForNetting() sorted}, position {@code p} in
 * netting order is element {@link #atNettingPosition(int) atNettingPosition(p)}.
 */
final class DemandList {

    private static final long GATHERING_INDEX_BITS = 0xF_FFFF_FFFFL;

    int count;
    byte[] kind = new byte[64];
    int[] date = new int[64];
    long[] quantity = new long[64];
    /** Where the demand comes from: see {@link ItemPlan} (sources). */
    int[] source = new int[64];
    int[] sourceOrder = new int[64];
    /** {@code nettingDate << 40 | priority << 36 | gathering index}: sorted, the netting order. */
    private long[] nettingKey = new long[64];
    private final DemandSort sort = new DemandSort();

    void clear() {
        count = 0;
    }

    /** Adds a demand (nothing when the quantity is not positive); it is netted as of {@code today} at the earliest. */
    void add(byte demandKind, int demandDate, long demandQuantity, int demandSource, int demandSourceOrder,
             int today) {
        if (demandQuantity <= 0) {
            return;
        }
        if (count == kind.length) {
            grow();
        }
        int nettingDate = Math.max(demandDate, today);
        kind[count] = demandKind;
        date[count] = demandDate;
        quantity[count] = demandQuantity;
        source[count] = demandSource;
        sourceOrder[count] = demandSourceOrder;
        nettingKey[count] = ((long) nettingDate << 40) | ((long) Kinds.demandPriority(demandKind) << 36) | count;
        count++;
    }

    /** Sorts into netting order: by netting date, then {@link Kinds#demandPriority}, then as gathered. */
    void sortForNetting() {
        nettingKey = sort.sort(nettingKey, count);
    }

    /** The gathering index of the demand at {@code position} in netting order. */
    int atNettingPosition(int position) {
        return (int) (nettingKey[position] & GATHERING_INDEX_BITS);
    }

    /** The netting date (never before today) of the demand at {@code position} in netting order. */
    int nettingDate(int position) {
        return (int) (nettingKey[position] >>> 40);
    }

    /** The quantity of the demand at {@code position} in netting order. */
    long quantityAt(int position) {
        return quantity[atNettingPosition(position)];
    }

    private void grow() {
        int size = kind.length * 2;
        kind = Arrays.copyOf(kind, size);
        date = Arrays.copyOf(date, size);
        quantity = Arrays.copyOf(quantity, size);
        source = Arrays.copyOf(source, size);
        sourceOrder = Arrays.copyOf(sourceOrder, size);
        nettingKey = Arrays.copyOf(nettingKey, size);
    }
}
