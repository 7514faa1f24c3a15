package org.pilotline.erp.mrp.engine.input;

/**
 * A joint output of a recipe. A co-product is planned: its expected output counts as supply of the co-product item.
 * A by-product (waste, off-cuts) is reported on the planned order but never counted as supply.
 */
public enum OutputKind {
    CO_PRODUCT,
    BY_PRODUCT
}
