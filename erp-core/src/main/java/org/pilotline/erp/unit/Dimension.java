package org.pilotline.erp.unit;

/** What a unit measures; conversions between dimensions need an item-specific ratio (a box of 12 pieces). */
public enum Dimension {
    COUNT, MASS, LENGTH, AREA, VOLUME, TIME, OTHER
}
