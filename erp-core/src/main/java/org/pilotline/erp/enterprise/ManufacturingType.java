package org.pilotline.erp.enterprise;

/** How an enterprise makes things: by BOM and routing, by recipe and batch, or both. */
public enum ManufacturingType {
    DISCRETE, PROCESS, MIXED
}
