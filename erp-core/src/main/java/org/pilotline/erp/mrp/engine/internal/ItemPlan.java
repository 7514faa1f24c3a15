package org.pilotline.erp.mrp.engine.internal;

import java.util.Arrays;

/**
 * The plan of one item, immutable: its demand elements in netting order, its supply elements (stock, receipts,
 * co-product receipts, then the planned orders in creation order), its orders (firmed planned orders then
 * planned orders: the ones MRP explodes), the pegs between demand and supply, and its exception messages.
 * Quantities are micro-units ({@link Quantities}), days are {@link CalendarIndex} indices.
 *
 * <p>References: a sales order, reservation or forecast demand names its record by position (refA); a dependent
 * demand names the parent item (refA) and the parent's order ordinal (refB). A receipt supply names its
 * {@link StaticData} receipt index (refA); a co-product supply the producing item (refA) and its order ordinal
 * (refB); a planned order its sequence number (refA). A peg with demand -1 is surplus (no demand, stock at the
 * horizon end).
 */
public final class ItemPlan {

    static final int[] NO_INTS = new int[0];
    static final long[] NO_LONGS = new long[0];
    static final byte[] NO_BYTES = new byte[0];

    public final int item;

    public final byte[] demandKind;
    public final int[] demandDate;
    public final long[] demandQty;
    public final int[] demandRefA;
    public final int[] demandRefB;

    public final byte[] supplyKind;
    public final int[] supplyDate;
    public final long[] supplyQty;
    public final int[] supplyRefA;
    public final int[] supplyRefB;

    public final int firmedCount;
    public final int[] orderSupply;
    public final int[] orderRelease;
    public final int[] orderFormula;

    public final int[] pegDemand;
    public final int[] pegSupply;
    public final long[] pegQty;

    public final byte[] exceptionKind;
    public final int[] exceptionDate;
    public final int[] exceptionSuggested;
    public final int[] exceptionSupply;
    public final long[] exceptionQty;

    ItemPlan(int item, byte[] demandKind, int[] demandDate, long[] demandQty, int[] demandRefA, int[] demandRefB,
             byte[] supplyKind, int[] supplyDate, long[] supplyQty, int[] supplyRefA, int[] supplyRefB,
             int firmedCount, int[] orderSupply, int[] orderRelease, int[] orderFormula,
             int[] pegDemand, int[] pegSupply, long[] pegQty,
             byte[] exceptionKind, int[] exceptionDate, int[] exceptionSuggested, int[] exceptionSupply,
             long[] exceptionQty) {
        this.item = item;
        this.demandKind = demandKind;
        this.demandDate = demandDate;
        this.demandQty = demandQty;
        this.demandRefA = demandRefA;
        this.demandRefB = demandRefB;
        this.supplyKind = supplyKind;
        this.supplyDate = supplyDate;
        this.supplyQty = supplyQty;
        this.supplyRefA = supplyRefA;
        this.supplyRefB = supplyRefB;
        this.firmedCount = firmedCount;
        this.orderSupply = orderSupply;
        this.orderRelease = orderRelease;
        this.orderFormula = orderFormula;
        this.pegDemand = pegDemand;
        this.pegSupply = pegSupply;
        this.pegQty = pegQty;
        this.exceptionKind = exceptionKind;
        this.exceptionDate = exceptionDate;
        this.exceptionSuggested = exceptionSuggested;
        this.exceptionSupply = exceptionSupply;
        this.exceptionQty = exceptionQty;
    }

    public int demandCount() {
        return demandKind.length;
    }

    public int supplyCount() {
        return supplyKind.length;
    }

    public int orderCount() {
        return orderSupply.length;
    }

    public int plannedOrderCount() {
        return orderSupply.length - firmedCount;
    }

    public int pegCount() {
        return pegDemand.length;
    }

    public int exceptionCount() {
        return exceptionKind.length;
    }

    public long orderQty(int ordinal) {
        return supplyQty[orderSupply[ordinal]];
    }

    public int orderDue(int ordinal) {
        return supplyDate[orderSupply[ordinal]];
    }

    /** Whether the orders (what components and co-products see of this item) are the same as {@code other}'s. */
    public boolean sameOrdersAs(ItemPlan other) {
        if (other == null || other.orderSupply.length != orderSupply.length || other.firmedCount != firmedCount
                || !Arrays.equals(orderRelease, other.orderRelease) || !Arrays.equals(orderFormula, other.orderFormula)) {
            return false;
        }
        for (int o = 0; o < orderSupply.length; o++) {
            if (orderQty(o) != other.orderQty(o) || orderDue(o) != other.orderDue(o)) {
                return false;
            }
        }
        return true;
    }

    /** Whether everything in this plan equals {@code other}'s. */
    public boolean sameAs(ItemPlan other) {
        return other != null && item == other.item && firmedCount == other.firmedCount
                && Arrays.equals(demandKind, other.demandKind) && Arrays.equals(demandDate, other.demandDate)
                && Arrays.equals(demandQty, other.demandQty) && Arrays.equals(demandRefA, other.demandRefA)
                && Arrays.equals(demandRefB, other.demandRefB)
                && Arrays.equals(supplyKind, other.supplyKind) && Arrays.equals(supplyDate, other.supplyDate)
                && Arrays.equals(supplyQty, other.supplyQty) && Arrays.equals(supplyRefA, other.supplyRefA)
                && Arrays.equals(supplyRefB, other.supplyRefB)
                && Arrays.equals(orderSupply, other.orderSupply) && Arrays.equals(orderRelease, other.orderRelease)
                && Arrays.equals(orderFormula, other.orderFormula)
                && Arrays.equals(pegDemand, other.pegDemand) && Arrays.equals(pegSupply, other.pegSupply)
                && Arrays.equals(pegQty, other.pegQty)
                && Arrays.equals(exceptionKind, other.exceptionKind) && Arrays.equals(exceptionDate, other.exceptionDate)
                && Arrays.equals(exceptionSuggested, other.exceptionSuggested)
                && Arrays.equals(exceptionSupply, other.exceptionSupply) && Arrays.equals(exceptionQty, other.exceptionQty);
    }
}
