package org.pilotline.erp.mrp.engine.plan;

/** What a supply element is. */
public enum SupplyKind {
    ON_HAND,
    PURCHASE_ORDER,
    PRODUCTION_ORDER,
    FIRMED_PLANNED_ORDER,
    /** Expected co-product output of a producer's planned or firmed order, due with that order. */
    CO_PRODUCT,
    PLANNED_ORDER
}
