package org.pilotline.erp.mrp.engine.internal;

import java.util.Arrays;

/**
 * The plan of one item, immutable: its demand elements in netting order, its supply elements (stock, receipts and
 * co-product receipts by date, then the planned orders in creation order), the pegs between them and its exception
 * messages. Its orders — the firmed planned orders, then the planned orders — are what its components and
 * co-products see of it. Quantities are micro-units ({@link Quantities}), days {@link CalendarIndex} indices.
 *
 * <p>Stored as fixed-width records in a slice of a shared {@code long[]} (see {@link Arena}), in this order:
 * demands (3 longs: date·kind, quantity, refA·refB), supplies (3 longs: date·kind, quantity, refA·refB), pegs
 * (2 longs: demand·supply, quantity), exceptions (3 longs: date·suggested, quantity, kind·supply).
 *
 * <p>References: a sales order, reservation or forecast demand names its record (refA: the position among the
 * item's sales order lines, or the {@link StaticData} index); a dependent demand the parent item (refA) and the
 * parent's order ordinal (refB). A receipt supply names its {@link StaticData} receipt (refA); a co-product supply
 * the producing item (refA) and its order ordinal (refB); a planned order carries its release day (refA) and formula
 * (refB). A peg with demand -1 is surplus.
 */
public final class ItemPlan {

    static final int DEMAND = 3;
    static final int SUPPLY = 3;
    static final int PEG = 2;
    static final int EXCEPTION = 3;
    static final int[] NO_INTS = new int[0];

    public final int item;
    private final long[] data;
    private final int base;
    private final int demands;
    private final int supplies;
    private final int planned;
    private final int pegs;
    private final int exceptions;
    private final int[] firmedSupply;
    private final int[] firmedRelease;
    private final int[] firmedFormula;
    private final int supplyBase;
    private final int pegBase;
    private final int exceptionBase;

    ItemPlan(int item, long[] data, int base, int demands, int supplies, int planned, int pegs, int exceptions,
             int[] firmedSupply, int[] firmedRelease, int[] firmedFormula) {
        this.item = item;
        this.data = data;
        this.base = base;
        this.demands = demands;
        this.supplies = supplies;
        this.planned = planned;
        this.pegs = pegs;
        this.exceptions = exceptions;
        this.firmedSupply = firmedSupply;
        this.firmedRelease = firmedRelease;
        this.firmedFormula = firmedFormula;
        this.supplyBase = base + demands * DEMAND;
        this.pegBase = supplyBase + supplies * SUPPLY;
        this.exceptionBase = pegBase + pegs * PEG;
    }

    static int longs(int demands, int supplies, int pegs, int exceptions) {
        return demands * DEMAND + supplies * SUPPLY + pegs * PEG + exceptions * EXCEPTION;
    }

    // --------------------------------------------------------------------------------------------- demands

    public int demandCount() {
        return demands;
    }

    public byte demandKind(int d) {
        return (byte) data[base + d * DEMAND];
    }

    public int demandDate(int d) {
        return (int) (data[base + d * DEMAND] >> 8);
    }

    public long demandQty(int d) {
        return data[base + d * DEMAND + 1];
    }

    public int demandRefA(int d) {
        return (int) (data[base + d * DEMAND + 2] >> 32);
    }

    public int demandRefB(int d) {
        return (int) data[base + d * DEMAND + 2];
    }

    // --------------------------------------------------------------------------------------------- supplies

    public int supplyCount() {
        return supplies;
    }

    public byte supplyKind(int k) {
        return (byte) data[supplyBase + k * SUPPLY];
    }

    public int supplyDate(int k) {
        return (int) (data[supplyBase + k * SUPPLY] >> 8);
    }

    public long supplyQty(int k) {
        return data[supplyBase + k * SUPPLY + 1];
    }

    public int supplyRefA(int k) {
        return (int) (data[supplyBase + k * SUPPLY + 2] >> 32);
    }

    public int supplyRefB(int k) {
        return (int) data[supplyBase + k * SUPPLY + 2];
    }

    // --------------------------------------------------------------------------------------------- orders

    /** Firmed planned orders, then planned orders. */
    public int orderCount() {
        return firmedSupply.length + planned;
    }

    public int firmedCount() {
        return firmedSupply.length;
    }

    public int plannedOrderCount() {
        return planned;
    }

    public int orderSupply(int o) {
        return o < firmedSupply.length ? firmedSupply[o] : supplies - planned + (o - firmedSupply.length);
    }

    public int orderRelease(int o) {
        return o < firmedSupply.length ? firmedRelease[o] : supplyRefA(orderSupply(o));
    }

    public int orderFormula(int o) {
        return o < firmedSupply.length ? firmedFormula[o] : supplyRefB(orderSupply(o));
    }

    public long orderQty(int o) {
        return supplyQty(orderSupply(o));
    }

    public int orderDue(int o) {
        return supplyDate(orderSupply(o));
    }

    /**
     * Tells {@code planner} about every planned order made with {@code formula} (release, quantity), in order: the
     * hot loop of pulling dependent demand, kept here so that it reads the records directly.
     */
    void forEachPlannedOrderOf(int formula, ItemPlanner planner, long num, long den, int self) {
        int first = supplies - planned;
        int ordinal = firmedSupply.length;
        for (int at = supplyBase + first * SUPPLY + 1, end = supplyBase + supplies * SUPPLY; at < end;
             at += SUPPLY, ordinal++) {
            long releaseAndFormula = data[at + 1];
            if ((int) releaseAndFormula == formula) {
                planner.dependentOnPlanned((int) (releaseAndFormula >> 32), data[at], num, den, self, ordinal);
            }
        }
    }

    /** The order ordinal of a supply that is an order, or -1. */
    public int orderOfSupply(int k) {
        int firstPlanned = supplies - planned;
        if (k >= firstPlanned) {
            return firmedSupply.length + (k - firstPlanned);
        }
        for (int o = 0; o < firmedSupply.length; o++) {
            if (firmedSupply[o] == k) {
                return o;
            }
        }
        return -1;
    }

    // --------------------------------------------------------------------------------------------- pegs

    public int pegCount() {
        return pegs;
    }

    public int pegDemand(int k) {
        return (int) (data[pegBase + k * PEG] >> 32);
    }

    public int pegSupply(int k) {
        return (int) data[pegBase + k * PEG];
    }

    public long pegQty(int k) {
        return data[pegBase + k * PEG + 1];
    }

    // --------------------------------------------------------------------------------------------- exceptions

    public int exceptionCount() {
        return exceptions;
    }

    public byte exceptionKind(int e) {
        return (byte) (data[exceptionBase + e * EXCEPTION + 2] >> 32);
    }

    public int exceptionDate(int e) {
        return (int) (data[exceptionBase + e * EXCEPTION] >> 32);
    }

    public int exceptionSuggested(int e) {
        return (int) data[exceptionBase + e * EXCEPTION];
    }

    public long exceptionQty(int e) {
        return data[exceptionBase + e * EXCEPTION + 1];
    }

    public int exceptionSupply(int e) {
        return (int) data[exceptionBase + e * EXCEPTION + 2];
    }

    // --------------------------------------------------------------------------------------------- comparison

    /** Whether the orders (what components and co-products see of this item) are the same as {@code other}'s. */
    public boolean sameOrdersAs(ItemPlan other) {
        if (other == null || other.planned != planned || !Arrays.equals(firmedRelease, other.firmedRelease)
                || !Arrays.equals(firmedFormula, other.firmedFormula)) {
            return false;
        }
        for (int o = 0; o < firmedSupply.length; o++) {
            if (orderQty(o) != other.orderQty(o) || orderDue(o) != other.orderDue(o)) {
                return false;
            }
        }
        int from = supplyBase + (supplies - planned) * SUPPLY;
        int otherFrom = other.supplyBase + (other.supplies - planned) * SUPPLY;
        return Arrays.equals(data, from, from + planned * SUPPLY, other.data, otherFrom, otherFrom + planned * SUPPLY);
    }

    /** Whether everything in this plan equals {@code other}'s. */
    public boolean sameAs(ItemPlan other) {
        if (other == null || other.item != item || other.demands != demands || other.supplies != supplies
                || other.planned != planned || other.pegs != pegs || other.exceptions != exceptions
                || !Arrays.equals(firmedSupply, other.firmedSupply) || !Arrays.equals(firmedRelease, other.firmedRelease)
                || !Arrays.equals(firmedFormula, other.firmedFormula)) {
            return false;
        }
        int length = longs(demands, supplies, pegs, exceptions);
        return Arrays.equals(data, base, base + length, other.data, other.base, other.base + length);
    }
}
