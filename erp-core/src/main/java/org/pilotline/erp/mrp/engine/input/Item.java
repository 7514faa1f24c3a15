package org.pilotline.erp.mrp.engine.input;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An item as MRP sees it, in its stock unit (units of measure are converted before the engine).
 *
 * @param leadTimeDays working days from release to receipt
 * @param safetyStock  the floor for the projected on hand; zero for none
 * @param phantom      a make item that is never stocked: its parents' requirements are blown through to its own
 *                     components at the parent's date
 * @param decimals     how many decimals the stock unit keeps (0 for pieces, 3 for kg to the gram, at most 6): planned
 *                     order quantities are rounded up to them
 */
public record Item(String code, Procurement procurement, int leadTimeDays, LotSizing lotSizing, BigDecimal safetyStock,
                   boolean phantom, int decimals) {

    public Item {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(procurement, "procurement");
        Objects.requireNonNull(lotSizing, "lotSizing");
        safetyStock = safetyStock == null ? BigDecimal.ZERO : safetyStock;
        if (leadTimeDays < 0) {
            throw new IllegalArgumentException("lead time of " + code + " is negative");
        }
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("decimals of " + code + " must be 0 to 6");
        }
        if (safetyStock.signum() < 0) {
            throw new IllegalArgumentException("safety stock of " + code + " is negative");
        }
    }

    /** A make item planned lot for lot in whole units, without safety stock. */
    public static Item make(String code, int leadTimeDays) {
        return new Item(code, Procurement.MAKE, leadTimeDays, LotSizing.lotForLot(), BigDecimal.ZERO, false, 0);
    }

    /** A bought item planned lot for lot in whole units, without safety stock. */
    public static Item buy(String code, int leadTimeDays) {
        return new Item(code, Procurement.BUY, leadTimeDays, LotSizing.lotForLot(), BigDecimal.ZERO, false, 0);
    }

    public Item withLotSizing(LotSizing policy) {
        return new Item(code, procurement, leadTimeDays, policy, safetyStock, phantom, decimals);
    }

    public Item withSafetyStock(BigDecimal quantity) {
        return new Item(code, procurement, leadTimeDays, lotSizing, quantity, phantom, decimals);
    }

    public Item withSafetyStock(long quantity) {
        return withSafetyStock(BigDecimal.valueOf(quantity));
    }

    public Item asPhantom() {
        return new Item(code, procurement, leadTimeDays, lotSizing, safetyStock, true, decimals);
    }

    public Item withDecimals(int stockUnitDecimals) {
        return new Item(code, procurement, leadTimeDays, lotSizing, safetyStock, phantom, stockUnitDecimals);
    }
}
