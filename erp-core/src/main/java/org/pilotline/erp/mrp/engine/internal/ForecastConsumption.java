package org.pilotline.erp.mrp.engine.internal;

import java.util.Arrays;

/**
 * Forecast consumption for one item at a time: sales orders, in netting order, consume forecast of their own
 * bucket, then of up to {@code backward} earlier buckets (nearest first), then of up to {@code forward} later ones.
 * What is left of each forecast is demand on its bucket's first day, or today in the current bucket. One instance
 * per planner thread (scratch arrays).
 */
final class ForecastConsumption {

    private final StaticData st;
    private final CalendarIndex cal;
    private final int backward;
    private final int forward;
    private final int[] forecastAtBucket;
    private long[] left = new long[16];
    private long[] salesOrder = new long[16];
    private int item;
    private int first;

    ForecastConsumption(StaticData st, CalendarIndex cal, int backwardWeeks, int forwardWeeks) {
        this.st = st;
        this.cal = cal;
        this.backward = backwardWeeks;
        this.forward = forwardWeeks;
        this.forecastAtBucket = new int[cal.weeks + 1];
        Arrays.fill(forecastAtBucket, -1);
    }

    /** Consumes the item's forecasts by its sales orders; then {@link #left(int)} tells what is left of each. */
    void consume(int item, SalesBook sales) {
        this.item = item;
        this.first = st.forecastStart[item];
        int last = st.forecastStart[item + 1];
        if (left.length < last - first) {
            left = new long[(last - first) * 2];
        }
        for (int k = last - 1; k >= first; k--) {
            left[k - first] = st.forecastQty[k];
            forecastAtBucket[st.forecastBucket[k]] = k - first; // the first forecast of a bucket is consumed first
        }
        int s0 = sales.start[item];
        int s1 = sales.start[item + 1];
        if (salesOrder.length < s1 - s0) {
            salesOrder = new long[(s1 - s0) * 2];
        }
        for (int k = s0; k < s1; k++) {
            salesOrder[k - s0] = ((long) Math.max(sales.day[k], cal.today) << 32) | (k - s0);
        }
        Arrays.sort(salesOrder, 0, s1 - s0);
        for (int j = 0; j < s1 - s0; j++) {
            int k = s0 + (int) salesOrder[j];
            long quantity = sales.qty[k];
            int bucket = cal.bucketOf(Math.max(sales.day[k], cal.today));
            quantity = consumeBucket(bucket, quantity);
            for (int b = 1; b <= backward && quantity > 0; b++) {
                quantity = consumeBucket(bucket - b, quantity);
            }
            for (int b = 1; b <= forward && quantity > 0; b++) {
                quantity = consumeBucket(bucket + b, quantity);
            }
        }
        for (int k = first; k < last; k++) {
            forecastAtBucket[st.forecastBucket[k]] = -1;
        }
    }

    /** What is left of the item's forecast {@code k} (a {@link StaticData} forecast index). */
    long left(int k) {
        return left[k - first];
    }

    /** The day the rest of forecast {@code k} is due. */
    int dueDay(int k) {
        return Math.max(cal.bucketStart(st.forecastBucket[k]), cal.today);
    }

    private long consumeBucket(int bucket, long quantity) {
        if (bucket < 0 || bucket >= cal.weeks || forecastAtBucket[bucket] < 0) {
            return quantity;
        }
        for (int k = forecastAtBucket[bucket] + first; k < st.forecastStart[item + 1]
                && st.forecastBucket[k] == bucket && quantity > 0; k++) {
            long take = Math.min(quantity, left[k - first]);
            left[k - first] -= take;
            quantity -= take;
        }
        return quantity;
    }
}
