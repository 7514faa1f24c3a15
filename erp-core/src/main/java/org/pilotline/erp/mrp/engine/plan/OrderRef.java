package org.pilotline.erp.mrp.engine.plan;

/**
 * Names an order MRP explodes: a firmed planned order by its reference, or a planned order of this run by its
 * number within the item (1, 2, … in due-date order).
 */
public record OrderRef(String itemCode, String reference, int plannedNumber) {

    public static OrderRef planned(String itemCode, int number) {
        return new OrderRef(itemCode, null, number);
    }

    public static OrderRef firmed(String itemCode, String reference) {
        return new OrderRef(itemCode, reference, 0);
    }

    public boolean isPlanned() {
        return reference == null;
    }

    @Override
    public String toString() {
        return reference != null ? reference : itemCode + "#" + plannedNumber;
    }
}
