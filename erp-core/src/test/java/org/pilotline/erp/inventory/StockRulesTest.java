package org.pilotline.erp.inventory;

import org.junit.jupiter.api.Test;
import org.pilotline.erp.item.Tracking;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StockRulesTest {

    @Test
    void eachKindOfMoveNamesTheLocationsItNeeds() {
        assertTrue(StockRules.shapeProblems(MoveType.RECEIPT, MoveReason.PURCHASE_RECEIPT, null, 1L).isEmpty());
        assertEquals("toLocationId", StockRules.shapeProblems(MoveType.RECEIPT, MoveReason.PURCHASE_RECEIPT, 1L, null).get(0).field());
        assertEquals("fromLocationId", StockRules.shapeProblems(MoveType.ISSUE, MoveReason.SALES_ISSUE, null, null).get(0).field());
        assertEquals("toLocationId", StockRules.shapeProblems(MoveType.TRANSFER, MoveReason.RELOCATION, 1L, 1L).get(0).field());
        assertFalse(StockRules.shapeProblems(MoveType.ADJUSTMENT, MoveReason.COUNT_CORRECTION, 1L, 2L).isEmpty());
        assertTrue(StockRules.shapeProblems(MoveType.ADJUSTMENT, MoveReason.COUNT_CORRECTION, 1L, null).isEmpty());
    }

    @Test
    void aReasonMustFitItsKindOfMove() {
        assertEquals("reason", StockRules.shapeProblems(MoveType.ISSUE, MoveReason.PURCHASE_RECEIPT, 1L, null).get(0).field());
    }

    @Test
    void trackedItemsNeedTheirLotAndASerialIsOnePiece() {
        assertEquals("lotNumber", StockRules.trackingProblems(Tracking.LOT, null, BigDecimal.TEN).get(0).field());
        assertEquals("lotNumber", StockRules.trackingProblems(Tracking.NONE, "L1", BigDecimal.TEN).get(0).field());
        assertEquals("quantity", StockRules.trackingProblems(Tracking.SERIAL, "SN1", BigDecimal.TEN).get(0).field());
        assertTrue(StockRules.trackingProblems(Tracking.SERIAL, "SN1", new BigDecimal("1.000")).isEmpty());
    }

    @Test
    void aQuantityFinerThanItsUnitIsRefused() {
        assertTrue(StockRules.precisionProblem(new BigDecimal("1.5"), 0, "pcs").isPresent());
        assertTrue(StockRules.precisionProblem(new BigDecimal("2.000"), 0, "pcs").isEmpty());
    }

    @Test
    void stockReservedForOthersCannotBeTaken() {
        // 10 on hand, 8 reserved for another order: taking 3 would eat into the reservation
        assertTrue(StockRules.wouldBeShort(BigDecimal.TEN, BigDecimal.TEN, new BigDecimal("8"), new BigDecimal("3")));
        assertFalse(StockRules.wouldBeShort(BigDecimal.TEN, BigDecimal.TEN, new BigDecimal("8"), new BigDecimal("2")));
        assertTrue(StockRules.wouldBeShort(BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO, new BigDecimal("2")));
    }
}
