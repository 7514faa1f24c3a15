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
 * @param wholeUnits   planned order quantities are rounded up to whole units (pieces); false for kg, litres…
 */
public record Item(String code, Procurement procurement, int leadTimeDays, LotSizing lotSizing, BigDecimal safetyStock,
                   boolean phantom, boolean wholeUnits) {

    public Item {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(procurement, "procurement");
        Objects.requireNonNull(lotSizing, "lotSizing");
        safetyStock = safetyStock == null ? BigDecimal.ZERO : safetyStock;
        if (leadTimeDays < 0) {
            throw new IllegalArgumentException("lead time of " + code + " is negative");
        }
        if (safetyStock.signum() < 0) {
            throw new IllegalArgumentException("safety stock of " + code + " is negative");
        }
    }

    /** A make item planned lot for lot in whole units, without safety stock. */
    public static Item make(String code, int leadTimeDays) {
        return new Item(code, Procurement.MAKE, leadTimeDays, LotSizing.lotForLot(), BigDecimal.ZERO, false, true);
    }

    /** A bought item planned lot for lot in whole units, without safety stock. */
    public static Item buy(String code, int leadTimeDays) {
        return new Item(code, Procurement.BUY, leadTimeDays, LotSizing.lotForLot(), BigDecimal.ZERO, false, true);
    }

    public Item withLotSizing(LotSizing policy) {
        return new Item(code, procurement, leadTimeDays, policy, safetyStock, phantom, wholeUnits);
    }

    public Item withSafetyStock(BigDecimal quantity) {
        return new Item(code, procurement, leadTimeDays, lotSizing, quantity, phantom, wholeUnits);
    }

    public Item withSafetyStock(long quantity) {
        return withSafetyStock(BigDecimal.valueOf(quantity));
    }

    public Item asPhantom() {
        return new Item(code, procurement, leadTimeDays, lotSizing, safetyStock, true, wholeUnits);
    }

    public Item inFractionalUnits() {
        return new Item(code, procurement, leadTimeDays, lotSizing, safetyStock, phantom, false);
    }
}
