package org.pilotline.erp.mrp.engine.plan;

import org.pilotline.erp.mrp.engine.model.CalendarIndex;
import org.pilotline.erp.mrp.engine.model.Kinds;
import org.pilotline.erp.mrp.engine.model.Quantities;
import org.pilotline.erp.mrp.engine.planning.ItemPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * An item's plan over time as MRP textbooks print it: gross requirements, scheduled and planned receipts, projected
 * on hand and planned releases per weekly bucket, and the projected on hand on any day. Safety stock is not a gross
 * requirement here (it is the floor the projection is held to).
 */
final class TimePhasing {

    private final CalendarIndex calendar;
    private final ItemPlan[] plans;

    TimePhasing(CalendarIndex calendar, ItemPlan[] plans) {
        this.calendar = calendar;
        this.plans = plans;
    }

    List<BucketRow> buckets(int item) {
        ItemPlan plan = plans[item];
        int weeks = calendar.weeks;
        long[] gross = new long[weeks];
        long[] scheduled = new long[weeks];
        long[] plannedIn = new long[weeks];
        long[] releases = new long[weeks];
        long start = 0;
        for (int demand = 0; demand < plan.demandCount(); demand++) {
            if (plan.demandKind(demand) != Kinds.SAFETY_STOCK) {
                gross[bucket(plan.demandDate(demand))] += plan.demandQuantity(demand);
            }
        }
        for (int supply = 0; supply < plan.supplyCount(); supply++) {
            byte kind = plan.supplyKind(supply);
            if (kind == Kinds.ON_HAND) {
                start += plan.supplyQuantity(supply);
            } else if (kind == Kinds.PLANNED_ORDER) {
                plannedIn[bucket(plan.supplyDate(supply))] += plan.supplyQuantity(supply);
            } else {
                scheduled[bucket(plan.supplyDate(supply))] += plan.supplyQuantity(supply);
            }
        }
        for (int order = plan.firmedCount(); order < plan.orderCount(); order++) {
            releases[bucket(plan.orderRelease(order))] += plan.orderQuantity(order);
        }
        List<BucketRow> rows = new ArrayList<>(weeks);
        long onHand = start;
        for (int week = 0; week < weeks; week++) {
            onHand += scheduled[week] + plannedIn[week] - gross[week];
            rows.add(new BucketRow(calendar.date(calendar.bucketStart(week)), Quantities.decimal(gross[week]),
                    Quantities.decimal(scheduled[week]), Quantities.decimal(plannedIn[week]),
                    Quantities.decimal(onHand), Quantities.decimal(releases[week])));
        }
        return rows;
    }

    private int bucket(int day) {
        return Math.max(0, Math.min(calendar.weeks - 1, calendar.bucketOf(Math.max(day, calendar.today))));
    }

    long projectedOnHand(int item, int day) {
        ItemPlan plan = plans[item];
        long onHand = 0;
        for (int supply = 0; supply < plan.supplyCount(); supply++) {
            if (Math.max(plan.supplyDate(supply), calendar.today) <= day || plan.supplyKind(supply) == Kinds.ON_HAND) {
                onHand += plan.supplyQuantity(supply);
            }
        }
        for (int demand = 0; demand < plan.demandCount(); demand++) {
            if (plan.demandKind(demand) != Kinds.SAFETY_STOCK
                    && Math.max(plan.demandDate(demand), calendar.today) <= day) {
                onHand -= plan.demandQuantity(demand);
            }
        }
        return onHand;
    }
}
