package org.pilotline.erp.mrp.engine.model;

import org.pilotline.erp.mrp.engine.input.ComponentReservation;
import org.pilotline.erp.mrp.engine.input.FirmedPlannedOrder;
import org.pilotline.erp.mrp.engine.input.Forecast;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.ReceiptKind;
import org.pilotline.erp.mrp.engine.input.ScheduledReceipt;
import org.pilotline.erp.mrp.engine.input.StockOnHand;

import java.util.Arrays;
import java.util.List;

/**
 * The supply and demand a sales order change leaves alone, grouped per item (CSR arrays: the receipts of item
 * {@code i} are {@code [receiptStart[i], receiptStart[i + 1])}): stock on hand, scheduled receipts and firmed
 * planned orders (sorted by netting date, kind, input order), component reservations and forecasts (sorted by
 * bucket). Quantities are micro-units, days indices of the {@link CalendarIndex}; records outside the horizon are
 * dropped here.
 */
public final class StaticSupplyAndDemand {

    public final long[] onHand;

    public final int[] receiptStart;
    /** {@link Kinds#PURCHASE_ORDER}, {@link Kinds#PRODUCTION_ORDER} or {@link Kinds#FIRMED_PLANNED_ORDER}. */
    public final byte[] receiptKind;
    public final int[] receiptDue;
    public final long[] receiptQuantity;
    /** The release day of a firmed planned order; -1 for the other receipts. */
    public final int[] receiptRelease;
    /** The formula a firmed planned order of a make item explodes, else -1. */
    public final int[] receiptFormula;
    /** The index in the input's scheduled receipts, or in its firmed planned orders for a firmed one. */
    public final int[] receiptInput;

    public final int[] reservationStart;
    public final int[] reservationDay;
    public final long[] reservationQuantity;
    public final int[] reservationInput;

    public final int[] forecastStart;
    public final int[] forecastBucket;
    public final long[] forecastQuantity;
    public final int[] forecastInput;

    private record Receipts(int[] start, byte[] kind, int[] due, long[] quantity, int[] release, int[] formula,
                            int[] input) {
    }

    /** Records grouped per item: {@code when} is the day of a reservation, the bucket of a forecast. */
    private record PerItem(int[] start, int[] when, long[] quantity, int[] input) {
    }

    private StaticSupplyAndDemand(long[] onHand, Receipts receipts, PerItem reservations, PerItem forecasts) {
        this.onHand = onHand;
        this.receiptStart = receipts.start();
        this.receiptKind = receipts.kind();
        this.receiptDue = receipts.due();
        this.receiptQuantity = receipts.quantity();
        this.receiptRelease = receipts.release();
        this.receiptFormula = receipts.formula();
        this.receiptInput = receipts.input();
        this.reservationStart = reservations.start();
        this.reservationDay = reservations.when();
        this.reservationQuantity = reservations.quantity();
        this.reservationInput = reservations.input();
        this.forecastStart = forecasts.start();
        this.forecastBucket = forecasts.when();
        this.forecastQuantity = forecasts.quantity();
        this.forecastInput = forecasts.input();
    }

    public static StaticSupplyAndDemand compile(PlanningInput input, Structure structure, List<InputProblem> problems) {
        return new StaticSupplyAndDemand(onHand(input, structure, problems), receipts(input, structure, problems),
                reservations(input, structure, problems), forecasts(input, structure, problems));
    }

    private static long[] onHand(PlanningInput input, Structure structure, List<InputProblem> problems) {
        long[] onHand = new long[structure.itemCount];
        for (StockOnHand stock : input.stock()) {
            int item = item(structure, stock.itemCode(), "stock", problems);
            if (item >= 0) {
                onHand[item] += Quantities.supply(stock.quantity());
            }
        }
        return onHand;
    }

    /** Scheduled receipts and firmed planned orders in one list per item, sorted by {@link #receiptOrder}. */
    private static Receipts receipts(PlanningInput input, Structure structure, List<InputProblem> problems) {
        CalendarIndex calendar = structure.calendar;
        List<ScheduledReceipt> scheduled = input.scheduledReceipts();
        List<FirmedPlannedOrder> firmed = input.firmedPlannedOrders();
        int total = scheduled.size() + firmed.size();
        int[] itemOf = new int[total];
        long[] sortKey = new long[total];
        int count = 0;
        for (int index = 0; index < scheduled.size(); index++) {
            ScheduledReceipt receipt = scheduled.get(index);
            int item = item(structure, receipt.itemCode(), "receipt " + receipt.reference(), problems);
            int due = calendar.dayOf(receipt.dueDate());
            if (item < 0 || due >= calendar.end || receipt.quantity().signum() == 0) {
                continue;
            }
            byte kind = receipt.kind() == ReceiptKind.PURCHASE_ORDER ? Kinds.PURCHASE_ORDER : Kinds.PRODUCTION_ORDER;
            itemOf[count] = item;
            sortKey[count++] = receiptOrder(Math.max(due, calendar.today), kind, index);
        }
        for (int index = 0; index < firmed.size(); index++) {
            FirmedPlannedOrder order = firmed.get(index);
            int item = item(structure, order.itemCode(), "firmed planned order " + order.reference(), problems);
            int due = calendar.dayOf(order.dueDate());
            if (item < 0 || due >= calendar.end) {
                continue;
            }
            if (order.formulaCode() != null && structure.formulaByCode(item, order.formulaCode()) < 0) {
                problems.add(new InputProblem("unknown-formula", "firmed planned order " + order.reference()
                        + " names unknown BOM version or recipe " + order.formulaCode() + " of " + order.itemCode(),
                        List.of(order.itemCode())));
                continue;
            }
            itemOf[count] = item;
            sortKey[count++] = receiptOrder(Math.max(due, calendar.today), Kinds.FIRMED_PLANNED_ORDER, index);
        }
        int[] start = new int[structure.itemCount + 1];
        for (int entry = 0; entry < count; entry++) {
            start[itemOf[entry] + 1]++;
        }
        CsrArrays.prefixSums(start);
        int[] next = Arrays.copyOf(start, structure.itemCount);
        long[] sorted = new long[count];
        for (int entry = 0; entry < count; entry++) {
            sorted[next[itemOf[entry]]++] = sortKey[entry];
        }
        Receipts receipts = new Receipts(start, new byte[count], new int[count], new long[count], new int[count],
                new int[count], new int[count]);
        for (int item = 0; item < structure.itemCount; item++) {
            Arrays.sort(sorted, start[item], start[item + 1]);
            for (int receipt = start[item]; receipt < start[item + 1]; receipt++) {
                byte kind = (byte) ((sorted[receipt] >>> 32) & 0xF);
                int index = (int) sorted[receipt];
                receipts.kind()[receipt] = kind;
                receipts.input()[receipt] = index;
                receipts.formula()[receipt] = -1;
                if (kind == Kinds.FIRMED_PLANNED_ORDER) {
                    FirmedPlannedOrder order = firmed.get(index);
                    receipts.due()[receipt] = calendar.dayOf(order.dueDate());
                    receipts.quantity()[receipt] = Quantities.supply(order.quantity());
                    int release = calendar.dayOf(order.releaseDate());
                    receipts.release()[receipt] = release;
                    if (structure.make[item]) {
                        receipts.formula()[receipt] = order.formulaCode() != null
                                ? structure.formulaByCode(item, order.formulaCode())
                                : structure.formulaAt(item, Math.max(release, calendar.today));
                    }
                } else {
                    ScheduledReceipt scheduledReceipt = scheduled.get(index);
                    receipts.due()[receipt] = calendar.dayOf(scheduledReceipt.dueDate());
                    receipts.quantity()[receipt] = Quantities.supply(scheduledReceipt.quantity());
                    receipts.release()[receipt] = -1;
                }
            }
        }
        return receipts;
    }

    /** Netting date, then kind, then input order. */
    private static long receiptOrder(int day, byte kind, int inputIndex) {
        return ((long) day << 36) | ((long) kind << 32) | inputIndex;
    }

    private static PerItem reservations(PlanningInput input, Structure structure, List<InputProblem> problems) {
        CalendarIndex calendar = structure.calendar;
        List<ComponentReservation> reservations = input.reservations();
        int[] itemOf = new int[reservations.size()];
        int[] start = new int[structure.itemCount + 1];
        for (int index = 0; index < reservations.size(); index++) {
            ComponentReservation reservation = reservations.get(index);
            itemOf[index] = item(structure, reservation.itemCode(), "reservation of " + reservation.productionOrder(),
                    problems);
            if (itemOf[index] >= 0 && calendar.dayOf(reservation.requiredDate()) >= calendar.end) {
                itemOf[index] = -1;
            }
            if (itemOf[index] >= 0) {
                start[itemOf[index] + 1]++;
            }
        }
        CsrArrays.prefixSums(start);
        int count = start[structure.itemCount];
        PerItem grouped = new PerItem(start, new int[count], new long[count], new int[count]);
        int[] next = Arrays.copyOf(start, structure.itemCount);
        for (int index = 0; index < reservations.size(); index++) {
            if (itemOf[index] >= 0) {
                int at = next[itemOf[index]]++;
                grouped.when()[at] = calendar.dayOf(reservations.get(index).requiredDate());
                grouped.quantity()[at] = Quantities.requirement(reservations.get(index).quantity());
                grouped.input()[at] = index;
            }
        }
        return grouped;
    }

    /** Forecasts by bucket from the current week to the horizon end; earlier weeks are dropped. */
    private static PerItem forecasts(PlanningInput input, Structure structure, List<InputProblem> problems) {
        CalendarIndex calendar = structure.calendar;
        List<Forecast> forecasts = input.forecasts();
        int currentBucket = calendar.bucketOf(calendar.today);
        int[] itemOf = new int[forecasts.size()];
        long[] sortKey = new long[forecasts.size()];
        int[] start = new int[structure.itemCount + 1];
        int count = 0;
        for (int index = 0; index < forecasts.size(); index++) {
            Forecast forecast = forecasts.get(index);
            int item = item(structure, forecast.itemCode(), "forecast", problems);
            int bucket = calendar.bucketOf((int) (forecast.week().toEpochDay() - calendar.originEpochDay));
            if (item < 0 || bucket < currentBucket || bucket >= calendar.weeks || forecast.quantity().signum() == 0) {
                continue;
            }
            itemOf[count] = item;
            sortKey[count++] = ((long) bucket << 32) | index;
            start[item + 1]++;
        }
        CsrArrays.prefixSums(start);
        long[] sorted = new long[count];
        int[] next = Arrays.copyOf(start, structure.itemCount);
        for (int entry = 0; entry < count; entry++) {
            sorted[next[itemOf[entry]]++] = sortKey[entry];
        }
        for (int item = 0; item < structure.itemCount; item++) {
            Arrays.sort(sorted, start[item], start[item + 1]);
        }
        PerItem grouped = new PerItem(start, new int[count], new long[count], new int[count]);
        for (int entry = 0; entry < count; entry++) {
            grouped.when()[entry] = (int) (sorted[entry] >>> 32);
            grouped.input()[entry] = (int) sorted[entry];
            grouped.quantity()[entry] = Quantities.requirement(forecasts.get(grouped.input()[entry]).quantity());
        }
        return grouped;
    }

    static int item(Structure structure, String code, String where, List<InputProblem> problems) {
        int item = structure.indexOf(code);
        if (item < 0) {
            problems.add(new InputProblem("unknown-item", where + " names unknown item " + code, List.of(code)));
        }
        return item;
    }
}
