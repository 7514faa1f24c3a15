package org.pilotline.erp.mrp.engine.planning;

import org.pilotline.erp.mrp.engine.model.CalendarIndex;
import org.pilotline.erp.mrp.engine.model.Kinds;
import org.pilotline.erp.mrp.engine.model.Structure;

import java.util.Arrays;

/**
 * The exception messages of the item being planned, derived from its netted supplies and demands: receipts to
 * cancel, expedite or defer, orders to release in the past or without a valid formula, and the first dip below
 * safety stock. Growable parallel arrays kept from item to item (one per planner thread).
 */
final class ExceptionMessages {

    private final Structure structure;
    private final CalendarIndex calendar;
    private final int today;
    private final int end;
    private final int deferTolerance;

    int count;
    byte[] kind = new byte[16];
    int[] date = new int[16];
    /** The suggested date, or -1 for none. */
    int[] suggestedDate = new int[16];
    /** The supply concerned, or -1. */
    int[] supply = new int[16];
    long[] quantity = new long[16];

    /** Projected on hand events: {@code date << 33 | isDemand << 32 | index}. */
    private long[] events = new long[64];

    ExceptionMessages(Structure structure, int deferToleranceDays) {
        this.structure = structure;
        this.calendar = structure.calendar;
        this.today = calendar.today;
        this.end = calendar.end;
        this.deferTolerance = deferToleranceDays;
    }

    /** Derives the messages of {@code item} after netting. */
    void derive(int item, DemandList demands, SupplyList supplies) {
        count = 0;
        for (int supplyIndex = 0; supplyIndex < supplies.count; supplyIndex++) {
            byte supplyKind = supplies.kind[supplyIndex];
            int due = supplies.date[supplyIndex];
            long supplyQuantity = supplies.quantity[supplyIndex];
            if (supplyKind == Kinds.PURCHASE_ORDER || supplyKind == Kinds.PRODUCTION_ORDER
                    || supplyKind == Kinds.FIRMED_PLANNED_ORDER) {
                int firstNeed = supplies.firstNeed[supplyIndex];
                int nettingDue = Math.max(due, today);
                if (firstNeed == SupplyList.NOT_NEEDED) {
                    add(Kinds.CANCEL, due, -1, supplyIndex, supplyQuantity);
                } else if (firstNeed < nettingDue) {
                    add(Kinds.EXPEDITE, due, calendar.lastWorkingOnOrBefore(firstNeed), supplyIndex, supplyQuantity);
                } else if (firstNeed - nettingDue > deferTolerance) {
                    add(Kinds.DEFER, due, calendar.lastWorkingOnOrBefore(firstNeed), supplyIndex, supplyQuantity);
                }
            }
            if (supplyKind == Kinds.FIRMED_PLANNED_ORDER || supplyKind == Kinds.PLANNED_ORDER) {
                int release = supplies.release[supplyIndex];
                if (release < today) {
                    add(Kinds.RELEASE_IN_PAST, release, calendar.firstWorkingOnOrAfter(today), supplyIndex,
                            supplyQuantity);
                }
                if (structure.make[item] && supplies.formula[supplyIndex] < 0) {
                    add(Kinds.NO_VALID_FORMULA, release, -1, supplyIndex, supplyQuantity);
                }
            }
        }
        if (structure.safetyStock[item] > 0) {
            belowSafetyStock(item, demands, supplies);
        }
    }

    /**
     * The projected on hand, with receipts at the date they are first needed when that is earlier (as the EXPEDITE
     * messages say), falls below safety stock only before the earliest date a replenishment can arrive (or at all
     * if that is after the horizon): report the first day it does.
     */
    private void belowSafetyStock(int item, DemandList demands, SupplyList supplies) {
        long safetyStock = structure.safetyStock[item];
        if (events.length < supplies.count + demands.count) {
            events = new long[(supplies.count + demands.count) * 2];
        }
        int eventCount = 0;
        for (int supplyIndex = 0; supplyIndex < supplies.count; supplyIndex++) {
            int arrival = Math.max(supplies.date[supplyIndex], today);
            int firstNeed = supplies.firstNeed[supplyIndex];
            if (firstNeed != SupplyList.NOT_NEEDED && firstNeed < arrival) {
                arrival = firstNeed;
            }
            events[eventCount++] = ((long) arrival << 33) | supplyIndex;
        }
        for (int position = 0; position < demands.count; position++) {
            if (demands.kind[demands.atNettingPosition(position)] != Kinds.SAFETY_STOCK) {
                events[eventCount++] = ((long) demands.nettingDate(position) << 33) | (1L << 32) | position;
            }
        }
        Arrays.sort(events, 0, eventCount);
        long onHand = 0;
        for (int event = 0; event < eventCount; event++) {
            long key = events[event];
            int index = (int) key;
            if ((key & (1L << 32)) == 0) {
                onHand += supplies.quantity[index];
            } else {
                onHand -= demands.quantityAt(index);
            }
            int eventDate = (int) (key >>> 33);
            boolean lastOfDay = event + 1 == eventCount || (int) (events[event + 1] >>> 33) != eventDate;
            if (lastOfDay && onHand < safetyStock) {
                int restored = calendar.earliestArrival(structure.leadTime[item]);
                add(Kinds.BELOW_SAFETY_STOCK, eventDate, restored < end ? restored : -1, -1, safetyStock - onHand);
                return;
            }
        }
        if (eventCount == 0) {
            add(Kinds.BELOW_SAFETY_STOCK, today, -1, -1, safetyStock);
        }
    }

    private void add(byte messageKind, int messageDate, int suggested, int supplyIndex, long messageQuantity) {
        if (count == kind.length) {
            int size = count * 2;
            kind = Arrays.copyOf(kind, size);
            date = Arrays.copyOf(date, size);
            suggestedDate = Arrays.copyOf(suggestedDate, size);
            supply = Arrays.copyOf(supply, size);
            quantity = Arrays.copyOf(quantity, size);
        }
        kind[count] = messageKind;
        date[count] = messageDate;
        suggestedDate[count] = suggested;
        supply[count] = supplyIndex;
        quantity[count] = messageQuantity;
        count++;
    }
}
