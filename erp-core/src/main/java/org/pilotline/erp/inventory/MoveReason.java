package org.pilotline.erp.inventory;

import java.util.EnumSet;
import java.util.Set;

/** Why stock moved, and which kinds of move each reason fits. */
public enum MoveReason {
    PURCHASE_RECEIPT(MoveType.RECEIPT),
    PRODUCTION_RECEIPT(MoveType.RECEIPT),
    CUSTOMER_RETURN(MoveType.RECEIPT),
    OPENING_BALANCE(MoveType.RECEIPT, MoveType.ADJUSTMENT),
    SALES_ISSUE(MoveType.ISSUE),
    PRODUCTION_ISSUE(MoveType.ISSUE),
    SCRAP(MoveType.ISSUE, MoveType.ADJUSTMENT),
    RELOCATION(MoveType.TRANSFER),
    COUNT_CORRECTION(MoveType.ADJUSTMENT),
    OTHER(MoveType.RECEIPT, MoveType.ISSUE, MoveType.TRANSFER, MoveType.ADJUSTMENT);

    private final Set<MoveType> types;

    MoveReason(MoveType first, MoveType... more) {
        this.types = EnumSet.of(first, more);
    }

    public boolean fits(MoveType type) {
        return types.contains(type);
    }
}
