package org.pilotline.erp.item;

public enum ItemType {
    RAW, SEMI_FINISHED, FINISHED, CONSUMABLE
}
