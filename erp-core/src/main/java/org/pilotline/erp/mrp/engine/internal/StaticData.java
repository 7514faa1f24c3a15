package org.pilotline.erp.mrp.engine.internal;

import org.pilotline.erp.mrp.engine.InputProblem;
import org.pilotline.erp.mrp.engine.input.ComponentReservation;
import org.pilotline.erp.mrp.engine.input.FirmedPlannedOrder;
import org.pilotline.erp.mrp.engine.input.Forecast;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.ReceiptKind;
import org.pilotline.erp.mrp.engine.input.ScheduledReceipt;
import org.pilotline.erp.mrp.engine.input.StockOnHand;

import java.util.List;

/**
 * Supply and demand that a sales order change leaves alone, grouped per item (CSR arrays): stock on hand,
 * scheduled receipts and firmed planned orders (sorted by netting date, kind, input order), component reservations
 * and forecasts (sorted by bucket). Days are indices of the {@link CalendarIndex}; records outside the horizon are
 * dropped here.
 */
public final class StaticData {

    public final long[] onHand;

    public final int[] receiptStart;
    public final byte[] receiptKind;       // Kinds.PURCHASE_ORDER, PRODUCTION_ORDER or FIRMED_PLANNED_ORDER
    public final int[] receiptDue;
    public final long[] receiptQty;
    public final int[] receiptRelease;     // firmed planned orders only
    public final int[] receiptFormula;     // firmed planned orders of make items only, else -1
    public final int[] receiptInput;       // index in scheduledReceipts, or in firmedPlannedOrders for firmed ones

    public final int[] reservationStart;
    public final int[] reservationDay;
    public final long[] reservationQty;
    public final int[] reservationInput;

    public final int[] forecastStart;
    public final int[] forecastBucket;
    public final long[] forecastQty;
    public final int[] forecastInput;

    private StaticData(long[] onHand, int[][] receipts, long[] receiptQty, byte[] receiptKind, int[][] reservations,
                       long[] reservationQty, int[][] forecasts, long[] forecastQty) {
        this.onHand = onHand;
        this.receiptStart = receipts[0];
        this.receiptDue = receipts[1];
        this.receiptRelease = receipts[2];
        this.receiptFormula = receipts[3];
        this.receiptInput = receipts[4];
        this.receiptKind = receiptKind;
        this.receiptQty = receiptQty;
        this.reservationStart = reservations[0];
        this.reservationDay = reservations[1];
        this.reservationInput = reservations[2];
        this.reservationQty = reservationQty;
        this.forecastStart = forecasts[0];
        this.forecastBucket = forecasts[1];
        this.forecastInput = forecasts[2];
        this.forecastQty = forecastQty;
    }

    public static StaticData compile(PlanningInput input, Structure s, List<InputProblem> problems) {
        CalendarIndex cal = s.calendar;
        int n = s.itemCount;
        long[] onHand = new long[n];
        for (StockOnHand stock : input.stock()) {
            int i = item(s, stock.itemCode(), "stock", problems);
            if (i >= 0) {
                onHand[i] += Quantities.supply(stock.quantity());
            }
        }

        // Receipts: scheduled receipts and firmed planned orders in one sorted list per item.
        List<ScheduledReceipt> scheduled = input.scheduledReceipts();
        List<FirmedPlannedOrder> firmed = input.firmedPlannedOrders();
        int total = scheduled.size() + firmed.size();
        int[] item = new int[total];
        long[] key = new long[total];
        int count = 0;
        for (int r = 0; r < scheduled.size(); r++) {
            ScheduledReceipt receipt = scheduled.get(r);
            int i = item(s, receipt.itemCode(), "receipt " + receipt.reference(), problems);
            int due = cal.dayOf(receipt.dueDate());
            if (i < 0 || due >= cal.end || receipt.quantity().signum() == 0) {
                continue;
            }
            byte kind = receipt.kind() == ReceiptKind.PURCHASE_ORDER ? Kinds.PURCHASE_ORDER
                    : Kinds.PRODUCTION_ORDER;
            item[count] = i;
            key[count++] = sortKey(Math.max(due, cal.today), kind, r);
        }
        for (int r = 0; r < firmed.size(); r++) {
            FirmedPlannedOrder order = firmed.get(r);
            int i = item(s, order.itemCode(), "firmed planned order " + order.reference(), problems);
            int due = cal.dayOf(order.dueDate());
            if (i < 0 || due >= cal.end) {
                continue;
            }
            if (order.formulaCode() != null && s.formulaByCode(i, order.formulaCode()) < 0) {
                problems.add(new InputProblem("unknown-formula", "firmed planned order " + order.reference()
                        + " names unknown BOM version or recipe " + order.formulaCode() + " of " + order.itemCode(),
                        List.of(order.itemCode())));
                continue;
            }
            item[count] = i;
            key[count++] = sortKey(Math.max(due, cal.today), Kinds.FIRMED_PLANNED_ORDER, r);
        }
        int[] receiptStart = new int[n + 1];
        for (int k = 0; k < count; k++) {
            receiptStart[item[k] + 1]++;
        }
        prefix(receiptStart);
        int[] fill = java.util.Arrays.copyOf(receiptStart, n);
        long[] sorted = new long[count];
        for (int k = 0; k < count; k++) {
            sorted[fill[item[k]]++] = key[k];
        }
        byte[] kind = new byte[count];
        int[] due = new int[count];
        long[] qty = new long[count];
        int[] release = new int[count];
        int[] formula = new int[count];
        int[] inputIndex = new int[count];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.sort(sorted, receiptStart[i], receiptStart[i + 1]);
            for (int k = receiptStart[i]; k < receiptStart[i + 1]; k++) {
                byte kd = (byte) ((sorted[k] >>> 32) & 0xF);
                int r = (int) sorted[k];
                kind[k] = kd;
                inputIndex[k] = r;
                formula[k] = -1;
                if (kd == Kinds.FIRMED_PLANNED_ORDER) {
                    FirmedPlannedOrder order = firmed.get(r);
                    due[k] = cal.dayOf(order.dueDate());
                    qty[k] = Quantities.supply(order.quantity());
                    release[k] = cal.dayOf(order.releaseDate());
                    if (s.make[i]) {
                        formula[k] = order.formulaCode() != null ? s.formulaByCode(i, order.formulaCode())
                                : s.formulaAt(i, Math.max(release[k], cal.today));
                    }
                } else {
                    ScheduledReceipt receipt = scheduled.get(r);
                    due[k] = cal.dayOf(receipt.dueDate());
                    qty[k] = Quantities.supply(receipt.quantity());
                    release[k] = -1;
                }
            }
        }

        // Reservations.
        List<ComponentReservation> reservations = input.reservations();
        int[] resItem = new int[reservations.size()];
        int[] reservationStart = new int[n + 1];
        for (int r = 0; r < reservations.size(); r++) {
            ComponentReservation res = reservations.get(r);
            resItem[r] = item(s, res.itemCode(), "reservation of " + res.productionOrder(), problems);
            if (resItem[r] >= 0 && cal.dayOf(res.requiredDate()) >= cal.end) {
                resItem[r] = -1;
            }
            if (resItem[r] >= 0) {
                reservationStart[resItem[r] + 1]++;
            }
        }
        prefix(reservationStart);
        int resCount = reservationStart[n];
        int[] resDay = new int[resCount];
        long[] resQty = new long[resCount];
        int[] resInput = new int[resCount];
        fill = java.util.Arrays.copyOf(reservationStart, n);
        for (int r = 0; r < reservations.size(); r++) {
            if (resItem[r] >= 0) {
                int at = fill[resItem[r]]++;
                resDay[at] = cal.dayOf(reservations.get(r).requiredDate());
                resQty[at] = Quantities.requirement(reservations.get(r).quantity());
                resInput[at] = r;
            }
        }

        // Forecasts: buckets from the current week to the horizon end; earlier weeks are dropped.
        List<Forecast> forecasts = input.forecasts();
        int currentBucket = cal.bucketOf(cal.today);
        int[] fcItem = new int[forecasts.size()];
        long[] fcKey = new long[forecasts.size()];
        int[] forecastStart = new int[n + 1];
        int fcCount = 0;
        for (int r = 0; r < forecasts.size(); r++) {
            Forecast fc = forecasts.get(r);
            int i = item(s, fc.itemCode(), "forecast", problems);
            int bucket = cal.bucketOf((int) (fc.week().toEpochDay() - cal.originEpochDay));
            if (i < 0 || bucket < currentBucket || bucket >= cal.weeks || fc.quantity().signum() == 0) {
                continue;
            }
            fcItem[fcCount] = i;
            fcKey[fcCount++] = ((long) bucket << 32) | r;
            forecastStart[i + 1]++;
        }
        prefix(forecastStart);
        long[] fcSorted = new long[fcCount];
        fill = java.util.Arrays.copyOf(forecastStart, n);
        for (int k = 0; k < fcCount; k++) {
            fcSorted[fill[fcItem[k]]++] = fcKey[k];
        }
        int[] fcBucket = new int[fcCount];
        long[] fcQty = new long[fcCount];
        int[] fcInput = new int[fcCount];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.sort(fcSorted, forecastStart[i], forecastStart[i + 1]);
        }
        for (int k = 0; k < fcCount; k++) {
            fcBucket[k] = (int) (fcSorted[k] >>> 32);
            fcInput[k] = (int) fcSorted[k];
            fcQty[k] = Quantities.requirement(forecasts.get(fcInput[k]).quantity());
        }

        return new StaticData(onHand, new int[][] {receiptStart, due, release, formula, inputIndex}, qty, kind,
                new int[][] {reservationStart, resDay, resInput}, resQty,
                new int[][] {forecastStart, fcBucket, fcInput}, fcQty);
    }

    /** Netting date, then kind, then input order. */
    private static long sortKey(int day, byte kind, int inputIndex) {
        return ((long) day << 36) | ((long) kind << 32) | inputIndex;
    }

    static void prefix(int[] start) {
        for (int i = 0; i + 1 < start.length; i++) {
            start[i + 1] += start[i];
        }
    }

    static int item(Structure s, String itemCode, String where, List<InputProblem> problems) {
        int i = s.indexOf(itemCode);
        if (i < 0) {
            problems.add(new InputProblem("unknown-item", where + " names unknown item " + itemCode,
                    List.of(itemCode)));
        }
        return i;
    }
}
