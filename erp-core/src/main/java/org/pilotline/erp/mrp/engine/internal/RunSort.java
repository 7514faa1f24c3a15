package org.pilotline.erp.mrp.engine.internal;

import java.util.Arrays;

/**
 * Sorts {@code long} keys that mostly arrive as a few ascending runs — an item's dependent demand comes parent by
 * parent, each parent's orders already in date order — by merging the runs bottom-up (O(n log runs)); falls back
 * to {@link Arrays#sort} when the keys are not run-structured.
 */
final class RunSort {

    private long[] buffer = new long[64];
    private int[] runs = new int[16];

    /** Sorts {@code keys[0, n)} ascending; returns the array holding the result ({@code keys} or the buffer). */
    long[] sort(long[] keys, int n) {
        if (n < 2) {
            return keys;
        }
        int count = 0;
        runs = ensure(runs, 2);
        runs[count++] = 0;
        for (int i = 1; i < n; i++) {
            if (keys[i] < keys[i - 1]) {
                if (count + 1 >= runs.length) {
                    runs = Arrays.copyOf(runs, runs.length * 2);
                }
                runs[count++] = i;
            }
        }
        if (count == 1) {
            return keys;
        }
        if (count > 8 && count > n >> 3) {
            Arrays.sort(keys, 0, n);
            return keys;
        }
        runs[count] = n;
        if (buffer.length < keys.length) {
            buffer = new long[keys.length]; // as long as keys, so the two can change places
        }
        long[] from = keys;
        long[] to = buffer;
        while (count > 1) {
            int merged = 0;
            for (int r = 0; r < count; r += 2) {
                int lo = runs[r];
                if (r + 1 == count) {
                    System.arraycopy(from, lo, to, lo, n - lo);
                } else {
                    merge(from, lo, runs[r + 1], runs[r + 2], to);
                }
                runs[merged++] = lo;
            }
            runs[merged] = n;
            count = merged;
            long[] t = from;
            from = to;
            to = t;
        }
        if (from == buffer) {
            buffer = keys; // the caller now works on the buffer; keep the other array as the next buffer
        }
        return from;
    }

    private static void merge(long[] a, int lo, int mid, int hi, long[] out) {
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            out[k++] = a[j] < a[i] ? a[j++] : a[i++];
        }
        while (i < mid) {
            out[k++] = a[i++];
        }
        while (j < hi) {
            out[k++] = a[j++];
        }
    }

    private static int[] ensure(int[] a, int size) {
        return a.length >= size ? a : new int[size];
    }
}
