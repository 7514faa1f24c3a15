package org.pilotline.erp.mrp.engine.planning;

import org.pilotline.erp.mrp.engine.model.CalendarIndex;
import org.pilotline.erp.mrp.engine.model.Quantities;
import org.pilotline.erp.mrp.engine.model.StaticSupplyAndDemand;

import java.util.Arrays;

/**
 * The plan of one item, immutable: its demand elements in netting order, its supply elements (stock, receipts and
 * co-product receipts by date, then the planned orders in creation order), the pegs between them and its exception
 * messages. Its orders — the firmed planned orders, then the planned orders — are what its components and
 * co-products see of it. Quantities are micro-units ({@link Quantities}), days {@link CalendarIndex} indices.
 *
 * <p>Stored as fixed-width records in a slice of a shared {@code long[]} (see {@link Arena}), in this order:
 * demands (3 longs: date·kind, quantity, source·source order), supplies (3 longs: date·kind, quantity, source·source
 * order), pegs (2 longs: demand·supply, quantity), exceptions (3 longs: date·suggested date, quantity, kind·supply).
 *
 * <p>Sources: a sales order, reservation or forecast demand names its record (the position among the item's sales
 * order lines, or the {@link StaticSupplyAndDemand} index); a dependent demand the parent item and the parent's order
 * ordinal (its source order). A receipt supply names its {@link StaticSupplyAndDemand} receipt; a co-product supply
 * the producing item and its order ordinal; a planned order keeps its release day and formula in those two places
 * (read them with {@link #orderRelease} and {@link #orderFormula}). A peg with demand -1 is surplus.
 */
public final class ItemPlan {

    static final int LONGS_PER_DEMAND = 3;
    static final int LONGS_PER_SUPPLY = 3;
    static final int LONGS_PER_PEG = 2;
    static final int LONGS_PER_EXCEPTION = 3;
    static final int[] NO_INTS = new int[0];

    public final int item;
    private final long[] records;
    private final int demandBase;
    private final int demandCount;
    private final int supplyCount;
    private final int plannedCount;
    private final int pegCount;
    private final int exceptionCount;
    private final int[] firmedSupply;
    private final int[] firmedRelease;
    private final int[] firmedFormula;
    private final int supplyBase;
    private final int pegBase;
    private final int exceptionBase;

    ItemPlan(int item, long[] records, int demandBase, int demandCount, int supplyCount, int plannedCount,
             int pegCount, int exceptionCount, int[] firmedSupply, int[] firmedRelease, int[] firmedFormula) {
        this.item = item;
        this.records = records;
        this.demandBase = demandBase;
        this.demandCount = demandCount;
        this.supplyCount = supplyCount;
        this.plannedCount = plannedCount;
        this.pegCount = pegCount;
        this.exceptionCount = exceptionCount;
        this.firmedSupply = firmedSupply;
        this.firmedRelease = firmedRelease;
        this.firmedFormula = firmedFormula;
        this.supplyBase = demandBase + demandCount * LONGS_PER_DEMAND;
        this.pegBase = supplyBase + supplyCount * LONGS_PER_SUPPLY;
        this.exceptionBase = pegBase + pegCount * LONGS_PER_PEG;
    }

    static int longs(int demands, int supplies, int pegs, int exceptions) {
        return demands * LONGS_PER_DEMAND + supplies * LONGS_PER_SUPPLY + pegs * LONGS_PER_PEG
                + exceptions * LONGS_PER_EXCEPTION;
    }

    // --------------------------------------------------------------------------------------------- demands

    public int demandCount() {
        return demandCount;
    }

    public byte demandKind(int demand) {
        return (byte) records[demandBase + demand * LONGS_PER_DEMAND];
    }

    public int demandDate(int demand) {
        return (int) (records[demandBase + demand * LONGS_PER_DEMAND] >> 8);
    }

    public long demandQuantity(int demand) {
        return records[demandBase + demand * LONGS_PER_DEMAND + 1];
    }

    public int demandSource(int demand) {
        return (int) (records[demandBase + demand * LONGS_PER_DEMAND + 2] >> 32);
    }

    public int demandSourceOrder(int demand) {
        return (int) records[demandBase + demand * LONGS_PER_DEMAND + 2];
    }

    // --------------------------------------------------------------------------------------------- supplies

    public int supplyCount() {
        return supplyCount;
    }

    public byte supplyKind(int supply) {
        return (byte) records[supplyBase + supply * LONGS_PER_SUPPLY];
    }

    public int supplyDate(int supply) {
        return (int) (records[supplyBase + supply * LONGS_PER_SUPPLY] >> 8);
    }

    public long supplyQuantity(int supply) {
        return records[supplyBase + supply * LONGS_PER_SUPPLY + 1];
    }

    public int supplySource(int supply) {
        return (int) (records[supplyBase + supply * LONGS_PER_SUPPLY + 2] >> 32);
    }

    public int supplySourceOrder(int supply) {
        return (int) records[supplyBase + supply * LONGS_PER_SUPPLY + 2];
    }

    // --------------------------------------------------------------------------------------------- orders

    /** Firmed planned orders, then planned orders. */
    public int orderCount() {
        return firmedSupply.length + plannedCount;
    }

    public int firmedCount() {
        return firmedSupply.length;
    }

    public int plannedOrderCount() {
        return plannedCount;
    }

    public int orderSupply(int order) {
        return order < firmedSupply.length ? firmedSupply[order]
                : supplyCount - plannedCount + (order - firmedSupply.length);
    }

    public int orderRelease(int order) {
        return order < firmedSupply.length ? firmedRelease[order] : supplySource(orderSupply(order));
    }

    public int orderFormula(int order) {
        return order < firmedSupply.length ? firmedFormula[order] : supplySourceOrder(orderSupply(order));
    }

    public long orderQuantity(int order) {
        return supplyQuantity(orderSupply(order));
    }

    public int orderDue(int order) {
        return supplyDate(orderSupply(order));
    }

    /**
     * Tells {@code sink} about every planned order made with {@code formula} (release, quantity), in order: the hot
     * loop of pulling dependent demand, kept here so that it reads the records directly.
     */
    void forEachPlannedOrderOf(int formula, DependentDemand sink, long numerator, long denominator) {
        int firstPlanned = supplyCount - plannedCount;
        int ordinal = firmedSupply.length;
        int end = supplyBase + supplyCount * LONGS_PER_SUPPLY;
        for (int at = supplyBase + firstPlanned * LONGS_PER_SUPPLY + 1; at < end; at += LONGS_PER_SUPPLY, ordinal++) {
            long releaseAndFormula = records[at + 1];
            if ((int) releaseAndFormula == formula) {
                sink.onPlannedOrder((int) (releaseAndFormula >> 32), records[at], numerator, denominator, item,
                        ordinal);
            }
        }
    }

    /** The order ordinal of a supply that is an order, or -1. */
    public int orderOfSupply(int supply) {
        int firstPlanned = supplyCount - plannedCount;
        if (supply >= firstPlanned) {
            return firmedSupply.length + (supply - firstPlanned);
        }
        for (int order = 0; order < firmedSupply.length; order++) {
            if (firmedSupply[order] == supply) {
                return order;
            }
        }
        return -1;
    }

    // --------------------------------------------------------------------------------------------- pegs

    public int pegCount() {
        return pegCount;
    }

    public int pegDemand(int peg) {
        return (int) (records[pegBase + peg * LONGS_PER_PEG] >> 32);
    }

    public int pegSupply(int peg) {
        return (int) records[pegBase + peg * LONGS_PER_PEG];
    }

    public long pegQuantity(int peg) {
        return records[pegBase + peg * LONGS_PER_PEG + 1];
    }

    // --------------------------------------------------------------------------------------------- exceptions

    public int exceptionCount() {
        return exceptionCount;
    }

    public byte exceptionKind(int exception) {
        return (byte) (records[exceptionBase + exception * LONGS_PER_EXCEPTION + 2] >> 32);
    }

    public int exceptionDate(int exception) {
        return (int) (records[exceptionBase + exception * LONGS_PER_EXCEPTION] >> 32);
    }

    public int exceptionSuggestedDate(int exception) {
        return (int) records[exceptionBase + exception * LONGS_PER_EXCEPTION];
    }

    public long exceptionQuantity(int exception) {
        return records[exceptionBase + exception * LONGS_PER_EXCEPTION + 1];
    }

    public int exceptionSupply(int exception) {
        return (int) records[exceptionBase + exception * LONGS_PER_EXCEPTION + 2];
    }

    // --------------------------------------------------------------------------------------------- comparison

    /** Whether the orders (what components and co-products see of this item) are the same as {@code other}'s. */
    public boolean sameOrdersAs(ItemPlan other) {
        if (other == null || other.plannedCount != plannedCount || !Arrays.equals(firmedRelease, other.firmedRelease)
                || !Arrays.equals(firmedFormula, other.firmedFormula)) {
            return false;
        }
        for (int order = 0; order < firmedSupply.length; order++) {
            if (orderQuantity(order) != other.orderQuantity(order) || orderDue(order) != other.orderDue(order)) {
                return false;
            }
        }
        int from = supplyBase + (supplyCount - plannedCount) * LONGS_PER_SUPPLY;
        int otherFrom = other.supplyBase + (other.supplyCount - plannedCount) * LONGS_PER_SUPPLY;
        int length = plannedCount * LONGS_PER_SUPPLY;
        return Arrays.equals(records, from, from + length, other.records, otherFrom, otherFrom + length);
    }

    /** Whether everything in this plan equals {@code other}'s. */
    public boolean sameAs(ItemPlan other) {
        if (other == null || other.item != item || other.demandCount != demandCount
                || other.supplyCount != supplyCount || other.plannedCount != plannedCount
                || other.pegCount != pegCount || other.exceptionCount != exceptionCount
                || !Arrays.equals(firmedSupply, other.firmedSupply) || !Arrays.equals(firmedRelease, other.firmedRelease)
                || !Arrays.equals(firmedFormula, other.firmedFormula)) {
            return false;
        }
        int length = longs(demandCount, supplyCount, pegCount, exceptionCount);
        return Arrays.equals(records, demandBase, demandBase + length, other.records, other.demandBase,
                other.demandBase + length);
    }
}
