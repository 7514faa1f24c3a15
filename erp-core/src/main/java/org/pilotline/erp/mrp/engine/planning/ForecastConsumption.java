package org.pilotline.erp.mrp.engine.planning;

import org.pilotline.erp.mrp.engine.model.CalendarIndex;
import org.pilotline.erp.mrp.engine.model.SalesBook;
import org.pilotline.erp.mrp.engine.model.StaticSupplyAndDemand;

import java.util.Arrays;

/**
 * Forecast consumption for one item at a time: sales orders, in netting order, consume forecast of their own
 * bucket, then of up to {@code backward} earlier buckets (nearest first), then of up to {@code forward} later ones.
 * What is left of each forecast is demand on its bucket's first day, or today in the current bucket. One instance
 * per planner thread (scratch arrays).
 */
final class ForecastConsumption {

    private final StaticSupplyAndDemand supplyAndDemand;
    private final CalendarIndex calendar;
    private final int backward;
    private final int forward;
    /** Per bucket, the item's first forecast in it (relative to {@link #first}), or -1. */
    private final int[] forecastAtBucket;
    /** Per forecast of the item (relative to {@link #first}), what sales orders left of it. */
    private long[] left = new long[16];
    /** The item's sales orders in netting order: {@code nettingDate << 32 | position among the item's lines}. */
    private long[] salesOrderKeys = new long[16];
    private int item;
    private int first;

    ForecastConsumption(StaticSupplyAndDemand supplyAndDemand, CalendarIndex calendar, int backwardWeeks,
                        int forwardWeeks) {
        this.supplyAndDemand = supplyAndDemand;
        this.calendar = calendar;
        this.backward = backwardWeeks;
        this.forward = forwardWeeks;
        this.forecastAtBucket = new int[calendar.weeks + 1];
        Arrays.fill(forecastAtBucket, -1);
    }

    /** Consumes the item's forecasts by its sales orders; then {@link #left(int)} tells what is left of each. */
    void consume(int item, SalesBook sales) {
        this.item = item;
        this.first = supplyAndDemand.forecastStart[item];
        int last = supplyAndDemand.forecastStart[item + 1];
        if (left.length < last - first) {
            left = new long[(last - first) * 2];
        }
        for (int forecast = last - 1; forecast >= first; forecast--) {
            left[forecast - first] = supplyAndDemand.forecastQuantity[forecast];
            // the first forecast of a bucket is consumed first
            forecastAtBucket[supplyAndDemand.forecastBucket[forecast]] = forecast - first;
        }
        int firstLine = sales.start[item];
        int lineCount = sales.start[item + 1] - firstLine;
        if (salesOrderKeys.length < lineCount) {
            salesOrderKeys = new long[lineCount * 2];
        }
        for (int position = 0; position < lineCount; position++) {
            salesOrderKeys[position] = ((long) Math.max(sales.day[firstLine + position], calendar.today) << 32)
                    | position;
        }
        Arrays.sort(salesOrderKeys, 0, lineCount);
        for (int nettingPosition = 0; nettingPosition < lineCount; nettingPosition++) {
            int line = firstLine + (int) salesOrderKeys[nettingPosition];
            long quantity = sales.quantity[line];
            int bucket = calendar.bucketOf(Math.max(sales.day[line], calendar.today));
            quantity = consumeBucket(bucket, quantity);
            for (int earlier = 1; earlier <= backward && quantity > 0; earlier++) {
                quantity = consumeBucket(bucket - earlier, quantity);
            }
            for (int later = 1; later <= forward && quantity > 0; later++) {
                quantity = consumeBucket(bucket + later, quantity);
            }
        }
        for (int forecast = first; forecast < last; forecast++) {
            forecastAtBucket[supplyAndDemand.forecastBucket[forecast]] = -1;
        }
    }

    /** What is left of the item's forecast {@code forecast} (a {@link StaticSupplyAndDemand} forecast index). */
    long left(int forecast) {
        return left[forecast - first];
    }

    /** The day the rest of forecast {@code forecast} is due. */
    int dueDay(int forecast) {
        return Math.max(calendar.bucketStart(supplyAndDemand.forecastBucket[forecast]), calendar.today);
    }

    private long consumeBucket(int bucket, long quantity) {
        if (bucket < 0 || bucket >= calendar.weeks || forecastAtBucket[bucket] < 0) {
            return quantity;
        }
        int last = supplyAndDemand.forecastStart[item + 1];
        for (int forecast = forecastAtBucket[bucket] + first; forecast < last
                && supplyAndDemand.forecastBucket[forecast] == bucket && quantity > 0; forecast++) {
            long take = Math.min(quantity, left[forecast - first]);
            left[forecast - first] -= take;
            quantity -= take;
        }
        return quantity;
    }
}
