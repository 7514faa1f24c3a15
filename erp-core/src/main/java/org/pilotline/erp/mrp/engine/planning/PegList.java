package org.pilotline.erp.mrp.engine.planning;

import java.util.Arrays;

/**
 * The pegs netting makes for the item being planned — {@code quantity} of a supply serves a demand (by its position
 * in netting order, -1 for surplus) — as growable parallel arrays kept from item to item.
 */
final class PegList {

    int count;
    int[] demand = new int[64];
    int[] supply = new int[64];
    long[] quantity = new long[64];

    void clear() {
        count = 0;
    }

    void add(int demandPosition, int supplyIndex, long pegQuantity) {
        if (count == demand.length) {
            int size = count * 2;
            demand = Arrays.copyOf(demand, size);
            supply = Arrays.copyOf(supply, size);
            quantity = Arrays.copyOf(quantity, size);
        }
        demand[count] = demandPosition;
        supply[count] = supplyIndex;
        quantity[count] = pegQuantity;
        count++;
    }
}
