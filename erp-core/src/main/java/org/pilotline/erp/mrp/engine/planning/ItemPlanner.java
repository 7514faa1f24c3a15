package org.pilotline.erp.mrp.engine.planning;

import org.pilotline.erp.mrp.engine.model.CalendarIndex;
import org.pilotline.erp.mrp.engine.model.Kinds;
import org.pilotline.erp.mrp.engine.model.LotSizes;
import org.pilotline.erp.mrp.engine.model.PlanningParameters;
import org.pilotline.erp.mrp.engine.model.Quantities;
import org.pilotline.erp.mrp.engine.model.SalesBook;
import org.pilotline.erp.mrp.engine.model.StaticSupplyAndDemand;
import org.pilotline.erp.mrp.engine.model.Structure;

import java.util.Arrays;

/**
 * Plans one item at a time, given the plans of every item above it: gathers its gross requirements (sales orders,
 * reservations, {@link DependentDemand dependent demand}, forecast left after {@link ForecastConsumption
 * consumption}, safety stock), its supplies (stock, scheduled receipts, firmed planned orders, co-product output of
 * its producers' orders), nets them first-in first-out — which is also the pegging — creates lot-sized planned
 * orders ({@link LotSizes}) for what is left, and derives the {@link ExceptionMessages exception messages}.
 *
 * <p>The result is a function of the item's own inputs and its parents' (and producers') orders only; that is what
 * makes a net change exact. One planner per thread: it keeps growable scratch arrays between items.
 */
public final class ItemPlanner {

    private final Structure structure;
    private final StaticSupplyAndDemand supplyAndDemand;
    private final SalesBook sales;
    private final CalendarIndex calendar;
    private final LotSizes lotSizes;
    private final ItemPlan[] plans;
    private final int expediteWindow;
    private final int today;
    private final int end;
    private final Arena arena;
    private final DemandList demands = new DemandList();
    private final SupplyList supplies = new SupplyList();
    private final PegList pegs = new PegList();
    private final DependentDemand dependentDemand;
    private final ForecastConsumption forecasts;
    private final ExceptionMessages exceptions;

    // co-product receipts before they are merged with the scheduled receipts
    private int coProductCount;
    private int[] coProductDue = new int[16];
    private long[] coProductQuantity = new long[16];
    private int[] coProductProducer = new int[16];
    private int[] coProductProducerOrder = new int[16];

    private int item;

    /** @param arenaChunk the first chunk size of this planner's {@link Arena} (longs) */
    public ItemPlanner(Structure structure, StaticSupplyAndDemand supplyAndDemand, SalesBook sales, ItemPlan[] plans,
                       PlanningParameters parameters, int arenaChunk) {
        this.arena = new Arena(arenaChunk);
        this.structure = structure;
        this.supplyAndDemand = supplyAndDemand;
        this.sales = sales;
        this.calendar = structure.calendar;
        this.lotSizes = structure.lotSizes;
        this.plans = plans;
        this.expediteWindow = parameters.expediteWindowDays();
        this.today = calendar.today;
        this.end = calendar.end;
        this.dependentDemand = new DependentDemand(structure, plans, demands);
        this.forecasts = new ForecastConsumption(supplyAndDemand, calendar, parameters.forecastBackwardWeeks(),
                parameters.forecastForwardWeeks());
        this.exceptions = new ExceptionMessages(structure, parameters.deferToleranceDays());
    }

    public ItemPlan plan(int item) {
        this.item = item;
        demands.clear();
        supplies.clear();
        pegs.clear();
        coProductCount = 0;
        gatherDemand();
        demands.sortForNetting();
        gatherSupply();
        net();
        exceptions.derive(item, demands, supplies);
        return build();
    }

    // ------------------------------------------------------------------------------------------------ demand

    /** Kind by kind in the order of {@link Kinds#demandPriority}: {@link DemandSort} relies on it. */
    private void gatherDemand() {
        long onHand = supplyAndDemand.onHand[item];
        if (onHand < 0) {
            demands.add(Kinds.STOCK_DEFICIT, today, -onHand, 0, 0, today);
        }
        for (int line = sales.start[item], position = 0; line < sales.start[item + 1]; line++, position++) {
            demands.add(Kinds.SALES_ORDER, sales.day[line], sales.quantity[line], position, 0, today);
        }
        int[] reservationStart = supplyAndDemand.reservationStart;
        for (int reservation = reservationStart[item]; reservation < reservationStart[item + 1]; reservation++) {
            demands.add(Kinds.RESERVATION, supplyAndDemand.reservationDay[reservation],
                    supplyAndDemand.reservationQuantity[reservation], reservation, 0, today);
        }
        dependentDemand.gather(item);
        consumeForecasts();
        long safetyStock = structure.safetyStock[item];
        if (safetyStock > 0) {
            // safety stock is restored on the earliest day a replenishment released today can arrive
            int restored = calendar.earliestArrival(structure.leadTime[item]);
            if (restored < end) {
                demands.add(Kinds.SAFETY_STOCK, restored, safetyStock, 0, 0, today);
            }
        }
    }

    /** Forecast left after consumption by the item's sales orders (see {@link ForecastConsumption}). */
    private void consumeForecasts() {
        int first = supplyAndDemand.forecastStart[item];
        int last = supplyAndDemand.forecastStart[item + 1];
        if (first == last) {
            return;
        }
        forecasts.consume(item, sales);
        for (int forecast = first; forecast < last; forecast++) {
            demands.add(Kinds.FORECAST, forecasts.dueDay(forecast), forecasts.left(forecast), forecast, 0, today);
        }
    }

    // ------------------------------------------------------------------------------------------------ supply

    private void gatherSupply() {
        long onHand = supplyAndDemand.onHand[item];
        if (onHand > 0) {
            supplies.add(Kinds.ON_HAND, today, onHand, -1, -1, -1, -1);
        }
        int firstReceipt = supplyAndDemand.receiptStart[item];
        int lastReceipt = supplyAndDemand.receiptStart[item + 1];
        gatherCoProducts();
        if (coProductCount == 0) {
            for (int receipt = firstReceipt; receipt < lastReceipt; receipt++) {
                addReceipt(receipt);
            }
        } else {
            mergeReceiptsWithCoProducts(firstReceipt, lastReceipt);
        }
        for (int supply = 0; supply < supplies.count; supply++) {
            if (supplies.kind[supply] == Kinds.FIRMED_PLANNED_ORDER) {
                supplies.firmedCount++;
            }
        }
    }

    private void addReceipt(int receipt) {
        byte kind = supplyAndDemand.receiptKind[receipt];
        supplies.add(kind, supplyAndDemand.receiptDue[receipt], supplyAndDemand.receiptQuantity[receipt], receipt, -1,
                kind == Kinds.FIRMED_PLANNED_ORDER ? supplyAndDemand.receiptRelease[receipt] : -1,
                supplyAndDemand.receiptFormula[receipt]);
    }

    /** Co-product output of the producers' orders with a recipe that yields this item, due with the order. */
    private void gatherCoProducts() {
        for (int use = structure.producerStart[item]; use < structure.producerStart[item + 1]; use++) {
            int producer = structure.producer[use];
            int formula = structure.producerFormula[use];
            int output = structure.producerOutput[use];
            ItemPlan producerPlan = plans[producer];
            for (int order = 0, orders = producerPlan.orderCount(); order < orders; order++) {
                if (producerPlan.orderFormula(order) != formula) {
                    continue;
                }
                long quantity = Quantities.mulDivFloor(producerPlan.orderQuantity(order),
                        structure.outputNumerator[output], structure.outputDenominator[output]);
                int due = producerPlan.orderDue(order);
                if (quantity > 0 && due < end) {
                    addCoProduct(due, quantity, producer, order);
                }
            }
        }
    }

    private void addCoProduct(int due, long quantity, int producer, int producerOrder) {
        if (coProductCount == coProductDue.length) {
            int size = coProductCount * 2;
            coProductDue = Arrays.copyOf(coProductDue, size);
            coProductQuantity = Arrays.copyOf(coProductQuantity, size);
            coProductProducer = Arrays.copyOf(coProductProducer, size);
            coProductProducerOrder = Arrays.copyOf(coProductProducerOrder, size);
        }
        coProductDue[coProductCount] = due;
        coProductQuantity[coProductCount] = quantity;
        coProductProducer[coProductCount] = producer;
        coProductProducerOrder[coProductCount] = producerOrder;
        coProductCount++;
    }

    /** Receipts and co-product receipts by netting date, then kind (the receipts' own order within a kind). */
    private void mergeReceiptsWithCoProducts(int firstReceipt, int lastReceipt) {
        int receipts = lastReceipt - firstReceipt;
        long[] keys = new long[receipts + coProductCount];
        int next = 0;
        for (int receipt = firstReceipt; receipt < lastReceipt; receipt++, next++) {
            keys[next] = ((long) Math.max(supplyAndDemand.receiptDue[receipt], today) << 40)
                    | ((long) supplyAndDemand.receiptKind[receipt] << 36) | next;
        }
        for (int coProduct = 0; coProduct < coProductCount; coProduct++, next++) {
            keys[next] = ((long) Math.max(coProductDue[coProduct], today) << 40) | ((long) Kinds.CO_PRODUCT << 36)
                    | next;
        }
        Arrays.sort(keys);
        for (long key : keys) {
            int at = (int) (key & 0xF_FFFF_FFFFL);
            if (at < receipts) {
                addReceipt(firstReceipt + at);
            } else {
                int coProduct = at - receipts;
                supplies.add(Kinds.CO_PRODUCT, coProductDue[coProduct], coProductQuantity[coProduct],
                        coProductProducer[coProduct], coProductProducerOrder[coProduct], -1, -1);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ netting

    /**
     * First-in first-out: each demand in netting order takes stock, then what is left of earlier planned orders,
     * then the next receipt if it is due by the demand's date (or, for purchase, production and firmed orders, within
     * the expedite window after it). Planned orders are only ever created when nothing else is left, so every
     * remaining receipt is later than every planned order and the order of taking stays first-in first-out.
     */
    private void net() {
        int onHandSupply = supplies.count > 0 && supplies.kind[0] == Kinds.ON_HAND ? 0 : -1;
        int nextReceipt = onHandSupply + 1;
        int receiptsEnd = supplies.count;
        int nextPlanned = supplies.count;
        for (int position = 0; position < demands.count; position++) {
            long need = demands.quantityAt(position);
            int date = demands.nettingDate(position);
            while (need > 0) {
                int from;
                if (onHandSupply >= 0 && supplies.remaining[onHandSupply] > 0) {
                    from = onHandSupply;
                } else if (nextPlanned < supplies.count) {
                    if (supplies.remaining[nextPlanned] == 0) {
                        nextPlanned++;
                        continue;
                    }
                    from = nextPlanned;
                } else if (nextReceipt < receiptsEnd && usable(nextReceipt, date)) {
                    if (supplies.remaining[nextReceipt] == 0) {
                        nextReceipt++;
                        continue;
                    }
                    from = nextReceipt;
                } else {
                    createPlannedOrders(need, date, position, nextReceipt, receiptsEnd);
                    continue;
                }
                long take = Math.min(need, supplies.remaining[from]);
                supplies.remaining[from] -= take;
                need -= take;
                pegs.add(position, from, take);
                if (supplies.firstNeed[from] == SupplyList.NOT_NEEDED) {
                    supplies.firstNeed[from] = date;
                }
            }
        }
        for (int supply = 0; supply < supplies.count; supply++) {
            if (supplies.remaining[supply] > 0) {
                pegs.add(-1, supply, supplies.remaining[supply]);
            }
        }
    }

    private boolean usable(int receipt, int date) {
        int due = Math.max(supplies.date[receipt], today);
        return due <= date || (supplies.kind[receipt] != Kinds.CO_PRODUCT && due - date <= expediteWindow);
    }

    /** Planned orders, due on the last working day by {@code date}, lot-sized to cover {@code need} or more. */
    private void createPlannedOrders(long need, int date, int demandPosition, int nextReceipt, int receiptsEnd) {
        int due = calendar.lastWorkingOnOrBefore(date);
        int release = calendar.minusWorkingDays(due, structure.leadTime[item]);
        int formula = structure.make[item] ? structure.formulaAt(item, Math.max(release, today)) : -1;
        int periods = lotSizes.periodsOfSupply(item);
        long toCover = periods > 0 ? periodsOfSupply(periods, need, date, demandPosition, nextReceipt, receiptsEnd)
                : need;
        for (long left = toCover; left > 0; ) {
            long quantity = lotSizes.orderQuantity(item, left);
            supplies.add(Kinds.PLANNED_ORDER, due, quantity, supplies.plannedCount++, -1, release, formula);
            left -= quantity;
        }
    }

    /**
     * The quantity that keeps the projection from going short until the end of the {@code periods}-th bucket
     * counted from the shortage's: the largest running shortfall over the later demands and receipts in that span.
     */
    private long periodsOfSupply(int periods, long need, int date, int demandPosition, int nextReceipt,
                                 int receiptsEnd) {
        int until = calendar.bucketStart(calendar.bucketOf(date) + periods);
        long running = need;
        long most = need;
        int demand = demandPosition + 1;
        int receipt = nextReceipt;
        while (true) {
            int demandDate = demand < demands.count ? demands.nettingDate(demand) : Integer.MAX_VALUE;
            int receiptDate = receipt < receiptsEnd ? Math.max(supplies.date[receipt], today) : Integer.MAX_VALUE;
            if (Math.min(demandDate, receiptDate) >= until) {
                return most;
            }
            if (receiptDate <= demandDate) {
                running -= supplies.remaining[receipt++];
            } else {
                running += demands.quantityAt(demand++);
                most = Math.max(most, running);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ result

    private ItemPlan build() {
        int[] firmedSupply = ItemPlan.NO_INTS;
        int[] firmedRelease = ItemPlan.NO_INTS;
        int[] firmedFormula = ItemPlan.NO_INTS;
        int firmed = supplies.firmedCount;
        if (firmed > 0) {
            firmedSupply = new int[firmed];
            firmedRelease = new int[firmed];
            firmedFormula = new int[firmed];
            for (int supply = 0, order = 0; supply < supplies.count; supply++) {
                if (supplies.kind[supply] == Kinds.FIRMED_PLANNED_ORDER) {
                    firmedSupply[order] = supply;
                    firmedRelease[order] = supplies.release[supply];
                    firmedFormula[order] = supplies.formula[supply];
                    order++;
                }
            }
        }
        int length = ItemPlan.longs(demands.count, supplies.count, pegs.count, exceptions.count);
        int base = arena.reserve(length);
        long[] records = arena.chunk();
        int at = base;
        for (int position = 0; position < demands.count; position++, at += ItemPlan.LONGS_PER_DEMAND) {
            int demand = demands.atNettingPosition(position);
            records[at] = ((long) demands.date[demand] << 8) | demands.kind[demand];
            records[at + 1] = demands.quantity[demand];
            records[at + 2] = pair(demands.source[demand], demands.sourceOrder[demand]);
        }
        for (int supply = 0; supply < supplies.count; supply++, at += ItemPlan.LONGS_PER_SUPPLY) {
            records[at] = ((long) supplies.date[supply] << 8) | supplies.kind[supply];
            records[at + 1] = supplies.quantity[supply];
            records[at + 2] = supplies.kind[supply] == Kinds.PLANNED_ORDER
                    ? pair(supplies.release[supply], supplies.formula[supply])
                    : pair(supplies.source[supply], supplies.sourceOrder[supply]);
        }
        for (int peg = 0; peg < pegs.count; peg++, at += ItemPlan.LONGS_PER_PEG) {
            records[at] = pair(pegs.demand[peg], pegs.supply[peg]);
            records[at + 1] = pegs.quantity[peg];
        }
        for (int message = 0; message < exceptions.count; message++, at += ItemPlan.LONGS_PER_EXCEPTION) {
            records[at] = pair(exceptions.date[message], exceptions.suggestedDate[message]);
            records[at + 1] = exceptions.quantity[message];
            records[at + 2] = pair(exceptions.kind[message], exceptions.supply[message]);
        }
        return new ItemPlan(item, records, base, demands.count, supplies.count, supplies.plannedCount, pegs.count,
                exceptions.count, firmedSupply, firmedRelease, firmedFormula);
    }

    private static long pair(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFF_FFFFL);
    }
}
