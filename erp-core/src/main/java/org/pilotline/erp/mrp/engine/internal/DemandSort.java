package org.pilotline.erp.mrp.engine.internal;

import java.util.Arrays;

/**
 * Sorts an item's demand keys ({@code nettingDate << 40 | priority << 36 | gathering position}) into netting order.
 * Netting dates span a few hundred days, so a stable counting sort on the date alone does it in two linear passes:
 * within one date the gathering order already is the key order, because {@link ItemPlanner} gathers demand kind by
 * kind in priority order and numbers it as it goes. Wide date ranges fall back to {@link Arrays#sort}.
 */
final class DemandSort {

    private static final int SMALL = 48;

    private long[] buffer = new long[64];
    private int[] counts = new int[512];

    /** Sorts {@code keys[0, n)}; returns the array holding the result ({@code keys} or the former buffer). */
    long[] sort(long[] keys, int n) {
        if (n < SMALL) {
            Arrays.sort(keys, 0, n);
            return keys;
        }
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int date = (int) (keys[i] >>> 40);
            min = Math.min(min, date);
            max = Math.max(max, date);
        }
        int range = max - min + 1;
        if (range > 4 * n + 1024) {
            Arrays.sort(keys, 0, n);
            return keys;
        }
        if (counts.length < range + 1) {
            counts = new int[Math.max(range + 1, counts.length * 2)];
        }
        Arrays.fill(counts, 0, range + 1, 0);
        for (int i = 0; i < n; i++) {
            counts[(int) (keys[i] >>> 40) - min + 1]++;
        }
        for (int d = 0; d < range; d++) {
            counts[d + 1] += counts[d];
        }
        if (buffer.length < keys.length) {
            buffer = new long[keys.length]; // as long as keys, so that the two can change places
        }
        long[] out = buffer;
        for (int i = 0; i < n; i++) {
            long key = keys[i];
            out[counts[(int) (key >>> 40) - min]++] = key;
        }
        buffer = keys;
        return out;
    }
}
