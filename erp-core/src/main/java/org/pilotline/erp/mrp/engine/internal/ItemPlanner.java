package org.pilotline.erp.mrp.engine.internal;

import org.pilotline.erp.mrp.engine.PlanningParameters;

import java.util.Arrays;

/**
 * Plans one item at a time, given the plans of every item above it: gathers its gross requirements (sales orders,
 * reservations, forecast left after consumption, dependent demand pulled from its parents' orders and blown through
 * phantom lines, safety stock), its supplies (stock, scheduled receipts, firmed planned orders, co-product output of its
 * producers' orders), nets them first-in first-out — which is also the pegging — creates lot-sized planned orders
 * for what is left, and derives the exception messages.
 *
 * <p>The result is a function of the item's own inputs and its parents' (and producers') orders only; that is what
 * makes a net change exact. One planner per thread: it keeps growable scratch arrays between items.
 */
public final class ItemPlanner {

    private static final int NONE = Integer.MIN_VALUE;

    private final Structure s;
    private final StaticData st;
    private final SalesBook sales;
    private final CalendarIndex cal;
    private final ItemPlan[] plans;
    private final int expediteWindow;
    private final int deferTolerance;
    private final int today;
    private final int end;
    private final Arena arena;

    private int item;

    // demand scratch in gathering order; dKey, once sorted, gives the netting order (see demandAt)
    private int dn;
    private byte[] dKind = new byte[64];
    private int[] dDate = new int[64];
    private long[] dQty = new long[64];
    private int[] dRefA = new int[64];
    private int[] dRefB = new int[64];
    private long[] dKey = new long[64];
    private final DemandSort demandSort = new DemandSort();

    // supply scratch
    private int sn;
    private byte[] sKind = new byte[64];
    private int[] sDate = new int[64];
    private long[] sQty = new long[64];
    private long[] sRem = new long[64];
    private int[] sRefA = new int[64];
    private int[] sRefB = new int[64];
    private int[] sRelease = new int[64];
    private int[] sFormula = new int[64];
    private int[] sFirstNeed = new int[64];
    private int firmed;
    private int planned;

    // co-product receipts before merging
    private int cn;
    private int[] cDate = new int[16];
    private long[] cQty = new long[16];
    private int[] cRefA = new int[16];
    private int[] cRefB = new int[16];

    // pegs and exceptions
    private int pn;
    private int[] pDemand = new int[64];
    private int[] pSupply = new int[64];
    private long[] pQty = new long[64];
    private int en;
    private byte[] eKind = new byte[16];
    private int[] eDate = new int[16];
    private int[] eSuggested = new int[16];
    private int[] eSupply = new int[16];
    private long[] eQty = new long[16];

    // projected on hand events
    private long[] events = new long[64];

    private final ForecastConsumption forecasts;

    /** @param arenaChunk the first chunk size of this planner's {@link Arena} (longs) */
    public ItemPlanner(Structure s, StaticData st, SalesBook sales, ItemPlan[] plans, PlanningParameters parameters,
                       int arenaChunk) {
        this.arena = new Arena(arenaChunk);
        this.s = s;
        this.st = st;
        this.sales = sales;
        this.cal = s.calendar;
        this.plans = plans;
        this.expediteWindow = parameters.expediteWindowDays();
        this.deferTolerance = parameters.deferToleranceDays();
        this.today = cal.today;
        this.end = cal.end;
        this.forecasts = new ForecastConsumption(st, cal, parameters.forecastBackwardWeeks(),
                parameters.forecastForwardWeeks());
    }

    public ItemPlan plan(int item) {
        this.item = item;
        dn = 0;
        sn = 0;
        cn = 0;
        pn = 0;
        en = 0;
        firmed = 0;
        planned = 0;
        gatherDemand();
        sortDemand();
        gatherSupply();
        net();
        exceptions();
        return build();
    }

    // ------------------------------------------------------------------------------------------------ demand

    /** Kind by kind in the order of {@link Kinds#DEMAND_PRIORITY}: {@link DemandSort} relies on it. */
    private void gatherDemand() {
        long onHand = st.onHand[item];
        if (onHand < 0) {
            addDemand(Kinds.STOCK_DEFICIT, today, -onHand, 0, 0);
        }
        for (int k = sales.start[item], j = 0; k < sales.start[item + 1]; k++, j++) {
            addDemand(Kinds.SALES_ORDER, sales.day[k], sales.qty[k], j, 0);
        }
        for (int k = st.reservationStart[item]; k < st.reservationStart[item + 1]; k++) {
            addDemand(Kinds.RESERVATION, st.reservationDay[k], st.reservationQty[k], k, 0);
        }
        gatherDependentDemand();
        consumeForecasts();
        long safety = s.safetyStock[item];
        if (safety > 0) {
            int feasible = safetyStockDate();
            if (feasible < end) {
                addDemand(Kinds.SAFETY_STOCK, feasible, safety, 0, 0);
            }
        }
    }

    /** The earliest day a replenishment released today can arrive: safety stock is restored from then on. */
    private int safetyStockDate() {
        return cal.plusWorkingDays(cal.firstWorkingOnOrAfter(today), s.leadTime[item]);
    }

    private void addDemand(byte kind, int date, long qty, int refA, int refB) {
        if (qty <= 0) {
            return;
        }
        if (dn == dKind.length) {
            growDemand();
        }
        int net = Math.max(date, today);
        dKind[dn] = kind;
        dDate[dn] = date;
        dQty[dn] = qty;
        dRefA[dn] = refA;
        dRefB[dn] = refB;
        dKey[dn] = ((long) net << 40) | ((long) Kinds.DEMAND_PRIORITY[kind] << 36) | dn;
        dn++;
    }

    /**
     * Dependent demand, pulled from the orders of every parent that uses this item in the formula the order uses,
     * and through phantom lines: a parent that is itself used on a phantom line passes on what the orders above it
     * need of it, when its own formula at their date is the one using this item. What reaches this item on a
     * phantom line is not its demand but blown through to its components — unless it has no formula on that date.
     */
    private void gatherDependentDemand() {
        int c = item;
        for (int u = s.usedStart[c]; u < s.usedStart[c + 1]; u++) {
            int parent = s.usedParent[u];
            int formula = s.usedFormula[u];
            int line = s.usedLine[u];
            long num = s.lineNum[line];
            long den = s.lineDen[line];
            boolean blownThrough = s.linePhantom[line];
            if (blownThrough || s.usedOnPhantomLine[parent]) {
                requirementsVia(parent, formula, (qty, date, sourceItem, sourceOrder) -> {
                    if (!blownThrough || s.formulaAt(c, Math.max(date, today)) < 0) {
                        addDemand(Kinds.DEPENDENT, date, Quantities.mulDivCeil(qty, num, den), sourceItem, sourceOrder);
                    }
                });
                continue;
            }
            ItemPlan pp = plans[parent];
            for (int o = 0, firmedOrders = pp.firmedCount(); o < firmedOrders; o++) {
                if (pp.orderFormula(o) == formula) {
                    addDemand(Kinds.DEPENDENT, pp.orderRelease(o), Quantities.mulDivCeil(pp.orderQty(o), num, den),
                            parent, o);
                }
            }
            pp.forEachPlannedOrderOf(formula, this, num, den, parent);
        }
    }

    /** Called by {@link ItemPlan#forEachPlannedOrderOf} for each planned order of a parent that uses the formula. */
    void dependentOnPlanned(int release, long parentQty, long num, long den, int parent, int ordinal) {
        addDemand(Kinds.DEPENDENT, release, Quantities.mulDivCeil(parentQty, num, den), parent, ordinal);
    }

    @FunctionalInterface
    private interface Requirement {
        void accept(long qty, int date, int sourceItem, int sourceOrder);
    }

    /**
     * Quantities of {@code parent} to be made with {@code formula}, with the date and the order they come from: its
     * own orders, and what the orders above need of it on phantom lines when its formula at their date is this one.
     */
    private void requirementsVia(int parent, int formula, Requirement sink) {
        ItemPlan pp = plans[parent];
        for (int o = 0, orders = pp.orderCount(); o < orders; o++) {
            if (pp.orderFormula(o) == formula) {
                sink.accept(pp.orderQty(o), pp.orderRelease(o), parent, o);
            }
        }
        if (!s.usedOnPhantomLine[parent]) {
            return;
        }
        for (int u = s.usedStart[parent]; u < s.usedStart[parent + 1]; u++) {
            int line = s.usedLine[u];
            if (!s.linePhantom[line]) {
                continue;
            }
            long num = s.lineNum[line];
            long den = s.lineDen[line];
            requirementsVia(s.usedParent[u], s.usedFormula[u], (qty, date, sourceItem, sourceOrder) -> {
                if (s.formulaAt(parent, Math.max(date, today)) == formula) {
                    sink.accept(Quantities.mulDivCeil(qty, num, den), date, sourceItem, sourceOrder);
                }
            });
        }
    }

    /** Forecast left after consumption by the item's sales orders (see {@link ForecastConsumption}). */
    private void consumeForecasts() {
        int f0 = st.forecastStart[item];
        int f1 = st.forecastStart[item + 1];
        if (f0 == f1) {
            return;
        }
        forecasts.consume(item, sales);
        for (int k = f0; k < f1; k++) {
            addDemand(Kinds.FORECAST, forecasts.dueDay(k), forecasts.left(k), k, 0);
        }
    }

    private void sortDemand() {
        dKey = demandSort.sort(dKey, dn);
    }

    /** The gathering index of the {@code d}-th demand in netting order. */
    private int demandAt(int d) {
        return (int) (dKey[d] & 0xF_FFFF_FFFFL);
    }

    /** The netting date (never before today) of the {@code d}-th demand in netting order. */
    private int nettingDate(int d) {
        return (int) (dKey[d] >>> 40);
    }

    // ------------------------------------------------------------------------------------------------ supply

    private void gatherSupply() {
        long onHand = st.onHand[item];
        if (onHand > 0) {
            addSupply(Kinds.ON_HAND, today, onHand, -1, -1, -1, -1);
        }
        int r0 = st.receiptStart[item];
        int r1 = st.receiptStart[item + 1];
        gatherCoProducts();
        if (cn == 0) {
            for (int k = r0; k < r1; k++) {
                addReceipt(k);
            }
        } else {
            mergeReceiptsWithCoProducts(r0, r1);
        }
        for (int k = 0; k < sn; k++) {
            if (sKind[k] == Kinds.FIRMED_PLANNED_ORDER) {
                firmed++;
            }
        }
    }

    private void addReceipt(int k) {
        byte kind = st.receiptKind[k];
        addSupply(kind, st.receiptDue[k], st.receiptQty[k], k, -1,
                kind == Kinds.FIRMED_PLANNED_ORDER ? st.receiptRelease[k] : -1, st.receiptFormula[k]);
    }

    /** Co-product output of the producers' orders with a recipe that yields this item, due with the order. */
    private void gatherCoProducts() {
        int c = item;
        for (int k = s.producedStart[c]; k < s.producedStart[c + 1]; k++) {
            int producer = s.producedBy[k];
            int formula = s.producedFormula[k];
            int output = s.producedOutput[k];
            ItemPlan pp = plans[producer];
            for (int o = 0, orders = pp.orderCount(); o < orders; o++) {
                if (pp.orderFormula(o) != formula) {
                    continue;
                }
                long qty = Quantities.mulDivFloor(pp.orderQty(o), s.outputNum[output], s.outputDen[output]);
                int due = pp.orderDue(o);
                if (qty > 0 && due < end) {
                    if (cn == cDate.length) {
                        cDate = Arrays.copyOf(cDate, cn * 2);
                        cQty = Arrays.copyOf(cQty, cn * 2);
                        cRefA = Arrays.copyOf(cRefA, cn * 2);
                        cRefB = Arrays.copyOf(cRefB, cn * 2);
                    }
                    cDate[cn] = due;
                    cQty[cn] = qty;
                    cRefA[cn] = producer;
                    cRefB[cn] = o;
                    cn++;
                }
            }
        }
    }

    private void mergeReceiptsWithCoProducts(int r0, int r1) {
        int total = (r1 - r0) + cn;
        long[] keys = new long[total];
        int k = 0;
        for (int r = r0; r < r1; r++, k++) {
            keys[k] = ((long) Math.max(st.receiptDue[r], today) << 40) | ((long) st.receiptKind[r] << 36) | k;
        }
        for (int c = 0; c < cn; c++, k++) {
            keys[k] = ((long) Math.max(cDate[c], today) << 40) | ((long) Kinds.CO_PRODUCT << 36) | k;
        }
        Arrays.sort(keys);
        for (long key : keys) {
            int at = (int) (key & 0xF_FFFF_FFFFL);
            if (at < r1 - r0) {
                addReceipt(r0 + at);
            } else {
                int c = at - (r1 - r0);
                addSupply(Kinds.CO_PRODUCT, cDate[c], cQty[c], cRefA[c], cRefB[c], -1, -1);
            }
        }
    }

    private int addSupply(byte kind, int date, long qty, int refA, int refB, int release, int formula) {
        if (sn == sKind.length) {
            growSupply();
        }
        sKind[sn] = kind;
        sDate[sn] = date;
        sQty[sn] = qty;
        sRem[sn] = qty;
        sRefA[sn] = refA;
        sRefB[sn] = refB;
        sRelease[sn] = release;
        sFormula[sn] = formula;
        sFirstNeed[sn] = NONE;
        return sn++;
    }

    // ------------------------------------------------------------------------------------------------ netting

    /**
     * First-in first-out: each demand in netting order takes stock, then what is left of earlier planned orders,
     * then the next receipt if it is due by the demand's date (or, for purchase, production and firmed orders, within
     * the expedite window after it). Planned orders are only ever created when nothing else is left, so every
     * remaining receipt is later than every planned order and the order of taking stays first-in first-out.
     */
    private void net() {
        int onHand = sn > 0 && sKind[0] == Kinds.ON_HAND ? 0 : -1;
        int receipt = onHand + 1;
        int receiptsEnd = sn;
        int plannedAt = sn;
        for (int d = 0; d < dn; d++) {
            long need = dQty[demandAt(d)];
            int date = nettingDate(d);
            while (need > 0) {
                int from;
                if (onHand >= 0 && sRem[onHand] > 0) {
                    from = onHand;
                } else if (plannedAt < sn) {
                    if (sRem[plannedAt] == 0) {
                        plannedAt++;
                        continue;
                    }
                    from = plannedAt;
                } else if (receipt < receiptsEnd && usable(receipt, date)) {
                    if (sRem[receipt] == 0) {
                        receipt++;
                        continue;
                    }
                    from = receipt;
                } else {
                    createPlannedOrders(need, date, d, receipt, receiptsEnd);
                    continue;
                }
                long take = Math.min(need, sRem[from]);
                sRem[from] -= take;
                need -= take;
                addPeg(d, from, take);
                if (sFirstNeed[from] == NONE) {
                    sFirstNeed[from] = date;
                }
            }
        }
        for (int k = 0; k < sn; k++) {
            if (sRem[k] > 0) {
                addPeg(-1, k, sRem[k]);
            }
        }
    }

    private boolean usable(int receipt, int date) {
        int due = Math.max(sDate[receipt], today);
        return due <= date || (sKind[receipt] != Kinds.CO_PRODUCT && due - date <= expediteWindow);
    }

    private void createPlannedOrders(long need, int date, int demand, int receipt, int receiptsEnd) {
        int due = cal.lastWorkingOnOrBefore(date);
        int release = cal.minusWorkingDays(due, s.leadTime[item]);
        int formula = s.make[item] ? s.formulaAt(item, Math.max(release, today)) : -1;
        long step = s.increment[item];
        switch (s.policy[item]) {
            case Structure.FIXED_QUANTITY -> {
                long q = s.lotQuantity[item];
                for (long left = need; left > 0; left -= q) {
                    addPlanned(q, due, release, formula);
                }
            }
            case Structure.MIN_MAX_MULTIPLE -> {
                long left = need;
                while (left > 0) {
                    long q = Quantities.roundUpToMultiple(Math.max(left, s.lotMinimum[item]), s.lotMultiple[item]);
                    if (s.lotCap[item] > 0 && q > s.lotCap[item]) {
                        q = s.lotCap[item];
                    }
                    addPlanned(q, due, release, formula);
                    left -= q;
                }
            }
            case Structure.PERIODS_OF_SUPPLY -> {
                long q = periodsOfSupply(need, date, demand, receipt, receiptsEnd);
                addPlanned(Quantities.roundUpToMultiple(q, step), due, release, formula);
            }
            default -> addPlanned(Quantities.roundUpToMultiple(need, step), due, release, formula);
        }
    }

    /**
     * The quantity that keeps the projection from going short until the end of the {@code periods}-th bucket
     * counted from the shortage's: the largest running shortfall over the later demands and receipts in that span.
     */
    private long periodsOfSupply(long need, int date, int demand, int receipt, int receiptsEnd) {
        int until = cal.bucketStart(cal.bucketOf(date) + s.lotPeriods[item]);
        long running = need;
        long most = need;
        int d = demand + 1;
        int r = receipt;
        while (true) {
            int nextDemand = d < dn ? nettingDate(d) : Integer.MAX_VALUE;
            int nextReceipt = r < receiptsEnd ? Math.max(sDate[r], today) : Integer.MAX_VALUE;
            if (Math.min(nextDemand, nextReceipt) >= until) {
                return most;
            }
            if (nextReceipt <= nextDemand) {
                running -= sRem[r++];
            } else {
                running += dQty[demandAt(d++)];
                most = Math.max(most, running);
            }
        }
    }

    private void addPlanned(long qty, int due, int release, int formula) {
        addSupply(Kinds.PLANNED_ORDER, due, qty, planned++, -1, release, formula);
    }

    private void addPeg(int demand, int supply, long qty) {
        if (pn == pDemand.length) {
            pDemand = Arrays.copyOf(pDemand, pn * 2);
            pSupply = Arrays.copyOf(pSupply, pn * 2);
            pQty = Arrays.copyOf(pQty, pn * 2);
        }
        pDemand[pn] = demand;
        pSupply[pn] = supply;
        pQty[pn] = qty;
        pn++;
    }

    // ------------------------------------------------------------------------------------------------ exceptions

    private void exceptions() {
        for (int k = 0; k < sn; k++) {
            byte kind = sKind[k];
            if (kind == Kinds.PURCHASE_ORDER || kind == Kinds.PRODUCTION_ORDER || kind == Kinds.FIRMED_PLANNED_ORDER) {
                int first = sFirstNeed[k];
                int due = Math.max(sDate[k], today);
                if (first == NONE) {
                    addException(Kinds.CANCEL, sDate[k], -1, k, sQty[k]);
                } else if (first < due) {
                    addException(Kinds.EXPEDITE, sDate[k], cal.lastWorkingOnOrBefore(first), k, sQty[k]);
                } else if (first - due > deferTolerance) {
                    addException(Kinds.DEFER, sDate[k], cal.lastWorkingOnOrBefore(first), k, sQty[k]);
                }
            }
            if (kind == Kinds.FIRMED_PLANNED_ORDER || kind == Kinds.PLANNED_ORDER) {
                if (sRelease[k] < today) {
                    addException(Kinds.RELEASE_IN_PAST, sRelease[k], cal.firstWorkingOnOrAfter(today), k, sQty[k]);
                }
                if (s.make[item] && sFormula[k] < 0) {
                    addException(Kinds.NO_VALID_FORMULA, sRelease[k], -1, k, sQty[k]);
                }
            }
        }
        if (s.safetyStock[item] > 0) {
            belowSafetyStock();
        }
    }

    /**
     * The projected on hand, with receipts at the date they are first needed when that is earlier (as the EXPEDITE
     * messages say), falls below safety stock only before the earliest date a replenishment can arrive (or at all
     * if that is after the horizon): report the first day it does.
     */
    private void belowSafetyStock() {
        long safety = s.safetyStock[item];
        if (events.length < sn + dn) {
            events = new long[(sn + dn) * 2];
        }
        int n = 0;
        for (int k = 0; k < sn; k++) {
            int date = Math.max(sDate[k], today);
            if (sFirstNeed[k] != NONE && sFirstNeed[k] < date) {
                date = sFirstNeed[k];
            }
            events[n++] = ((long) date << 33) | k;
        }
        for (int d = 0; d < dn; d++) {
            if (dKind[demandAt(d)] != Kinds.SAFETY_STOCK) {
                events[n++] = ((long) nettingDate(d) << 33) | (1L << 32) | d;
            }
        }
        Arrays.sort(events, 0, n);
        long onHand = 0;
        for (int e = 0; e < n; e++) {
            long key = events[e];
            int at = (int) key;
            if ((key & (1L << 32)) == 0) {
                onHand += sQty[at];
            } else {
                onHand -= dQty[demandAt(at)];
            }
            int date = (int) (key >>> 33);
            boolean lastOfDay = e + 1 == n || (int) (events[e + 1] >>> 33) != date;
            if (lastOfDay && onHand < safety) {
                int restored = safetyStockDate();
                addException(Kinds.BELOW_SAFETY_STOCK, date, restored < end ? restored : -1, -1, safety - onHand);
                return;
            }
        }
        if (n == 0) {
            addException(Kinds.BELOW_SAFETY_STOCK, today, -1, -1, safety);
        }
    }

    private void addException(byte kind, int date, int suggested, int supply, long qty) {
        if (en == eKind.length) {
            eKind = Arrays.copyOf(eKind, en * 2);
            eDate = Arrays.copyOf(eDate, en * 2);
            eSuggested = Arrays.copyOf(eSuggested, en * 2);
            eSupply = Arrays.copyOf(eSupply, en * 2);
            eQty = Arrays.copyOf(eQty, en * 2);
        }
        eKind[en] = kind;
        eDate[en] = date;
        eSuggested[en] = suggested;
        eSupply[en] = supply;
        eQty[en] = qty;
        en++;
    }

    // ------------------------------------------------------------------------------------------------ result

    private ItemPlan build() {
        int[] firmedSupply = ItemPlan.NO_INTS;
        int[] firmedRelease = ItemPlan.NO_INTS;
        int[] firmedFormula = ItemPlan.NO_INTS;
        if (firmed > 0) {
            firmedSupply = new int[firmed];
            firmedRelease = new int[firmed];
            firmedFormula = new int[firmed];
            for (int k = 0, o = 0; k < sn; k++) {
                if (sKind[k] == Kinds.FIRMED_PLANNED_ORDER) {
                    firmedSupply[o] = k;
                    firmedRelease[o] = sRelease[k];
                    firmedFormula[o] = sFormula[k];
                    o++;
                }
            }
        }
        int at = arena.reserve(ItemPlan.longs(dn, sn, pn, en));
        long[] out = arena.chunk();
        for (int d = 0; d < dn; d++, at += ItemPlan.DEMAND) {
            int k = demandAt(d);
            out[at] = ((long) dDate[k] << 8) | dKind[k];
            out[at + 1] = dQty[k];
            out[at + 2] = pair(dRefA[k], dRefB[k]);
        }
        for (int k = 0; k < sn; k++, at += ItemPlan.SUPPLY) {
            out[at] = ((long) sDate[k] << 8) | sKind[k];
            out[at + 1] = sQty[k];
            out[at + 2] = sKind[k] == Kinds.PLANNED_ORDER ? pair(sRelease[k], sFormula[k]) : pair(sRefA[k], sRefB[k]);
        }
        for (int k = 0; k < pn; k++, at += ItemPlan.PEG) {
            out[at] = pair(pDemand[k], pSupply[k]);
            out[at + 1] = pQty[k];
        }
        for (int e = 0; e < en; e++, at += ItemPlan.EXCEPTION) {
            out[at] = pair(eDate[e], eSuggested[e]);
            out[at + 1] = eQty[e];
            out[at + 2] = pair(eKind[e], eSupply[e]);
        }
        return new ItemPlan(item, out, at - ItemPlan.longs(dn, sn, pn, en), dn, sn, planned, pn, en, firmedSupply,
                firmedRelease, firmedFormula);
    }

    private static long pair(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFF_FFFFL);
    }

    private void growDemand() {
        int size = dKind.length * 2;
        dKind = Arrays.copyOf(dKind, size);
        dDate = Arrays.copyOf(dDate, size);
        dQty = Arrays.copyOf(dQty, size);
        dRefA = Arrays.copyOf(dRefA, size);
        dRefB = Arrays.copyOf(dRefB, size);
        dKey = Arrays.copyOf(dKey, size);
    }

    private void growSupply() {
        int size = sKind.length * 2;
        sKind = Arrays.copyOf(sKind, size);
        sDate = Arrays.copyOf(sDate, size);
        sQty = Arrays.copyOf(sQty, size);
        sRem = Arrays.copyOf(sRem, size);
        sRefA = Arrays.copyOf(sRefA, size);
        sRefB = Arrays.copyOf(sRefB, size);
        sRelease = Arrays.copyOf(sRelease, size);
        sFormula = Arrays.copyOf(sFormula, size);
        sFirstNeed = Arrays.copyOf(sFirstNeed, size);
    }
}
