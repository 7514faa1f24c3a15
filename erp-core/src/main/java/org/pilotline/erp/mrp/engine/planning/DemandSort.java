package org.pilotline.erp.mrp.engine.planning;

import java.util.Arrays;

/**
 * Sorts an item's demand keys ({@code nettingDate << 40 | priority << 36 | gathering position}) into netting order.
 * Netting dates span a few hundred days, so a stable counting sort on the date alone does it in two linear passes:
 * within one date the gathering order already is the key order, because {@link ItemPlanner} gathers demand kind by
 * kind in priority order and {@link DemandList} numbers it as it goes. Wide date ranges fall back to
 * {@link Arrays#sort}.
 */
final class DemandSort {

    private static final int SMALL = 48;

    private long[] buffer = new long[64];
    private int[] startOfDay = new int[512];

    /** Sorts {@code keys[0, count)}; returns the array holding the result ({@code keys} or the former buffer). */
    long[] sort(long[] keys, int count) {
        if (count < SMALL) {
            Arrays.sort(keys, 0, count);
            return keys;
        }
        int earliest = Integer.MAX_VALUE;
        int latest = Integer.MIN_VALUE;
        for (int index = 0; index < count; index++) {
            int date = (int) (keys[index] >>> 40);
            earliest = Math.min(earliest, date);
            latest = Math.max(latest, date);
        }
        int days = latest - earliest + 1;
        if (days > 4 * count + 1024) {
            Arrays.sort(keys, 0, count);
            return keys;
        }
        if (startOfDay.length < days + 1) {
            startOfDay = new int[Math.max(days + 1, startOfDay.length * 2)];
        }
        Arrays.fill(startOfDay, 0, days + 1, 0);
        for (int index = 0; index < count; index++) {
            startOfDay[(int) (keys[index] >>> 40) - earliest + 1]++;
        }
        for (int day = 0; day < days; day++) {
            startOfDay[day + 1] += startOfDay[day];
        }
        if (buffer.length < keys.length) {
            buffer = new long[keys.length]; // as long as keys, so that the two can change places
        }
        long[] sorted = buffer;
        for (int index = 0; index < count; index++) {
            long key = keys[index];
            sorted[startOfDay[(int) (key >>> 40) - earliest]++] = key;
        }
        buffer = keys;
        return sorted;
    }
}
