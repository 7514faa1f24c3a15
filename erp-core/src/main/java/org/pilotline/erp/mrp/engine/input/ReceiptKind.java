package org.pilotline.erp.mrp.engine.input;

/** Where a scheduled receipt comes from. */
public enum ReceiptKind {
    PURCHASE_ORDER,
    PRODUCTION_ORDER
}
